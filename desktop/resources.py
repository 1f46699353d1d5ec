"""One place that finds the files under `resources/` (lexicons, style sheets, icons)."""

from __future__ import annotations

from functools import lru_cache
from pathlib import Path

_ROOT = Path(__file__).resolve().parent.parent / "resources"


def resource_path(*parts: str) -> Path:
    """Path of a file under the project's `resources/` folder."""
    path = _ROOT.joinpath(*parts)
    if not path.exists():
        raise FileNotFoundError(f"Sourcelight resource missing: {path}")
    return path


def read_lines(*parts: str) -> list[str]:
    """Non-empty, non-comment lines of a word list (UTF-8, `#` starts a comment)."""
    lines = []
    for raw in resource_path(*parts).read_text(encoding="utf-8").splitlines():
        line = raw.split("#", 1)[0].strip()
        if line:
            lines.append(line)
    return lines


@lru_cache(maxsize=None)
def word_set(*parts: str) -> frozenset[str]:
    """Every word of a word list, lower-cased: all the forms on each line (`say says said`)."""
    return frozenset(w.lower() for line in read_lines(*parts) for w in line.split())
