"""`python -m desktop`: the same as the `sourcelight` command."""

import sys

from desktop.cli import main

sys.exit(main())
