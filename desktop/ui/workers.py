"""Run core functions off the GUI thread: QThreadPool tasks that report finished(result) / failed(error).

Three pools: file loading (two threads), analysis (ONE dedicated thread: the spaCy pipeline is
never used from two threads at once) and the store (one thread that owns the SQLite connection).
Results come back to the GUI thread through queued signals; slots there only apply them.
"""

from __future__ import annotations

import traceback
from typing import Any, Callable

from PySide6.QtCore import QObject, QRunnable, QThreadPool, Signal, Slot


class TaskSignals(QObject):
    finished = Signal(object)
    failed = Signal(object)  # the exception


class _Relay(QObject):
    """Lives in the GUI thread; the queued signals land here and call the callbacks."""

    def __init__(self, owner: "Pools", on_done, on_error):
        super().__init__()
        self._owner = owner
        self._on_done = on_done
        self._on_error = on_error
        self.signals = TaskSignals()
        self.signals.finished.connect(self._done)
        self.signals.failed.connect(self._failed)

    @Slot(object)
    def _done(self, box):
        self._owner._relays.discard(self)
        if self._on_done is not None:
            self._on_done(box[0])

    @Slot(object)
    def _failed(self, box):
        self._owner._relays.discard(self)
        if self._on_error is not None:
            self._on_error(box[0])


class Task(QRunnable):
    """One call of `fn(*args)` on a pool thread."""

    def __init__(self, fn: Callable, args: tuple, signals: TaskSignals):
        super().__init__()
        self.setAutoDelete(True)
        self._fn = fn
        self._args = args
        self._signals = signals

    def run(self) -> None:
        try:
            result = self._fn(*self._args)
        except BaseException as exc:  # noqa: BLE001 — every failure goes back to the GUI as a message
            exc.__sl_traceback__ = traceback.format_exc()  # type: ignore[attr-defined]
            outcome, value = self._signals.failed, exc
        else:
            outcome, value = self._signals.finished, result
        try:
            # always a fresh list: bare None through a queued `object` signal upsets the refcount of None
            outcome.emit([value])
        except RuntimeError:
            pass  # the application is shutting down: nobody is waiting for this result


def _pool(threads: int) -> QThreadPool:
    pool = QThreadPool()
    pool.setMaxThreadCount(threads)
    pool.setExpiryTimeout(-1)  # keep the thread: thread-bound resources (SQLite connection) stay valid
    return pool


class Pools:
    """The application's worker pools."""

    def __init__(self) -> None:
        self.io = _pool(2)
        self.analysis = _pool(1)
        self.store = _pool(1)
        self._relays: set[_Relay] = set()

    def submit(self, pool: QThreadPool, fn: Callable, *args: Any, on_done=None, on_error=None) -> None:
        relay = _Relay(self, on_done, on_error)
        self._relays.add(relay)
        pool.start(Task(fn, args, relay.signals))

    def load(self, fn: Callable, *args, on_done=None, on_error=None) -> None:
        self.submit(self.io, fn, *args, on_done=on_done, on_error=on_error)

    def busy(self) -> bool:
        return bool(self._relays)

    def cancel_pending(self) -> None:
        """The window is gone: results still queued are dropped instead of reaching deleted widgets."""
        for relay in list(self._relays):
            relay._on_done = None
            relay._on_error = None
        # the relays themselves stay alive until their (now empty) answer arrives

    def wait(self, msecs: int = 30000) -> None:
        for pool in (self.io, self.analysis, self.store):
            pool.waitForDone(msecs)


def error_message(error: object) -> str:
    """One line for the user, never a traceback."""
    if isinstance(error, BaseException):
        text = str(error).strip() or type(error).__name__
        if type(error).__name__ in ("DocumentError", "LibraryError", "TextTooLong"):
            return text.splitlines()[0]
        if isinstance(error, MemoryError):
            return "not enough memory to finish this"
        return f"{text.splitlines()[0]} ({type(error).__name__})"
    return str(error)
