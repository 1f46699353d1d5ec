"""`python -m desktop`: the same as the `sourcelight` command."""

import sys

from desktop.cli import main

if __name__ == "__main__":  # not when a spawned analysis process imports this as __mp_main__
    sys.exit(main())
