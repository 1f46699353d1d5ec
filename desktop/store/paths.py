"""Where the library file lives: `$SOURCELIGHT_DB`, else the platform's app-data folder."""

from __future__ import annotations

import os
from pathlib import Path

from platformdirs import user_data_dir

APP_NAME = "Sourcelight"
DB_FILENAME = "library.sqlite"


def default_db_path() -> Path:
    """`$SOURCELIGHT_DB` if set, else `user_data_dir("Sourcelight")/library.sqlite` (not created here)."""
    env = os.environ.get("SOURCELIGHT_DB", "").strip()
    if env:
        return Path(env).expanduser()
    return Path(user_data_dir(APP_NAME, appauthor=False)) / DB_FILENAME
