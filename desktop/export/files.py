"""Writing export files safely: a temporary file in the target folder, then one atomic rename."""

from __future__ import annotations

import errno
import os
import stat
import tempfile
from collections.abc import Callable
from pathlib import Path
from typing import BinaryIO

from desktop.export.model import ExportError

_REASONS = {
    errno.ENOSPC: "no space left on the disk",
    errno.EDQUOT: "the disk quota is exceeded",
    errno.EACCES: "permission denied",
    errno.EPERM: "permission denied",
    errno.EROFS: "the disk is read-only",
    errno.ENOENT: "the folder does not exist",
    errno.ENOTDIR: "part of the path is not a folder",
    errno.EISDIR: "a folder of that name is in the way",
    errno.EBUSY: "the file is open in another program",
    errno.ETXTBSY: "the file is open in another program",
    errno.ENAMETOOLONG: "the file name is too long",
    errno.EIO: "the disk reported an input/output error",
}


def describe(exc: OSError) -> str:
    """Plain words for an OS error."""
    reason = _REASONS.get(exc.errno or 0)
    if reason is None and getattr(exc, "winerror", None) in (32, 33):  # sharing / lock violation on Windows
        reason = "the file is open in another program"
    return reason or (exc.strerror or str(exc)).rstrip(".").lower()


def check_target(path: Path) -> None:
    """Fail early, with one line, when `path` cannot be a new file (missing folder, folder in the way)."""
    folder = path.parent
    if not folder.exists():
        raise ExportError(f"cannot write {path}: the folder {folder} does not exist")
    if not folder.is_dir():
        raise ExportError(f"cannot write {path}: {folder} is not a folder")
    if path.is_dir():
        raise ExportError(f"cannot write {path}: it is a folder (give a file name ending in .pdf)")


def atomic_write(path: str | os.PathLike, write: Callable[[BinaryIO], None]) -> Path:
    """Call `write(file)` on a temporary file beside `path`, then move it into place.

    On any failure the temporary file is removed, `path` is left as it was, and an
    `ExportError` with a one-line reason is raised.
    """
    path = Path(path)
    check_target(path)
    mode = stat.S_IMODE(path.stat().st_mode) if path.exists() else 0o644
    try:
        fd, tmp_name = tempfile.mkstemp(prefix=f".{path.name[:60]}.", suffix=".part", dir=path.parent)
    except OSError as exc:
        raise ExportError(f"cannot write {path}: {describe(exc)}") from None
    tmp = Path(tmp_name)
    try:
        with os.fdopen(fd, "wb") as fh:
            write(fh)
            fh.flush()
            os.fsync(fh.fileno())
        os.chmod(tmp, mode)
        os.replace(tmp, path)
    except BaseException as exc:
        try:
            tmp.unlink()
        except OSError:
            pass
        if isinstance(exc, OSError):
            raise ExportError(f"cannot write {path}: {describe(exc)}") from None
        raise
    return path
