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


def normalize_article_path(path: str | os.PathLike | None) -> str:
    """The absolute form of an article's file path, so `seeds/a.txt` and `/…/seeds/a.txt` are one article."""
    if not path:
        return ""
    text = str(path)
    if text == "-" or "://" in text:
        return text
    try:
        return str(Path(text).expanduser().resolve())
    except (OSError, RuntimeError, ValueError):
        return text


def set_aside(path: str | os.PathLike) -> Path:
    """Rename a library file that cannot be used (damaged, foreign, newer) out of the way, with its -wal/-shm
    companions, so a new library can start at `path`. The file's bytes are not changed. Returns the new name."""
    from datetime import datetime, timezone

    path = Path(path)
    stamp = datetime.now(timezone.utc).strftime("%Y%m%d-%H%M%S")
    target = path.with_name(f"{path.stem}.set-aside-{stamp}{path.suffix}")
    n = 1
    while target.exists():
        n += 1
        target = path.with_name(f"{path.stem}.set-aside-{stamp}-{n}{path.suffix}")
    path.rename(target)
    for extra in ("-wal", "-shm", "-journal"):
        companion = Path(f"{path}{extra}")
        if companion.exists():
            companion.rename(Path(f"{target}{extra}"))
    return target
