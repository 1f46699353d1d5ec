"""Settings in one place: defaults in one dict, QSettings for window state, session and preferences."""

from __future__ import annotations

import json
from typing import Any

from PySide6.QtCore import QSettings

ORGANIZATION = "Sourcelight"
APPLICATION = "Sourcelight"
MAX_PANES = 4
MAX_RECENT = 10

DEFAULTS: dict[str, Any] = {
    "window/geometry": None,
    "window/state": None,
    "window/splitter": None,  # the panes splitter (list of ints)
    "window/main_splitter": None,  # sidebar | panes
    "session/open": [],  # [{"source": str, "article_id": int|None, "layers": {layer: bool}}]
    "session/current": 0,
    "session/started_once": False,
    "recent/files": [],
    "view/zoom": 0,  # zoom steps relative to the default font size
    "view/sync_scroll": False,
    "view/theme": "system",  # system | light | dark
    "analysis/model": "",  # the model name of the last analysis (to look up the persistent cache early)
}


def settings() -> QSettings:
    """The application's QSettings (organisation / application names must be set before)."""
    return QSettings(ORGANIZATION, APPLICATION)


def get(key: str) -> Any:
    """A setting, decoded from JSON, or its default."""
    raw = settings().value(key)
    default = DEFAULTS.get(key)
    if raw is None:
        return default
    if isinstance(raw, str) and key not in ("view/theme", "analysis/model"):
        try:
            return json.loads(raw)
        except ValueError:
            return default
    return raw


def put(key: str, value: Any) -> None:
    """Store a setting (JSON for anything but plain strings and byte arrays)."""
    s = settings()
    if key in ("view/theme", "analysis/model") or isinstance(value, (bytes, bytearray)) or type(value).__name__ == "QByteArray":
        s.setValue(key, value)
    else:
        s.setValue(key, json.dumps(value))


def add_recent(source: str) -> list[str]:
    recent = [r for r in get("recent/files") or [] if r != source]
    recent.insert(0, source)
    recent = recent[:MAX_RECENT]
    put("recent/files", recent)
    return recent
