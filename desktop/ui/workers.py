"""Run core functions off the GUI thread: QThreadPool tasks that report finished(result) / failed(error).

Three pools: file loading (two threads), analysis (ONE dedicated thread: the spaCy pipeline is
never used from two threads at once) and the store (one thread that owns the SQLite connection).
Results come back to the GUI thread through queued signals; slots there only apply them.
"""

from __future__ import annotations

import gc
import traceback
from typing import Any, Callable

from PySide6.QtCore import QObject, QRunnable, QThreadPool, QTimer, Signal, Slot


class _Dispatcher(QObject):
    """One long-lived object in the GUI thread: every task's answer arrives here as a queued signal.

    (No QObject is made or destroyed per task: a per-task signal object whose last reference is
    dropped on a worker thread gets deleted there, which crashes Qt.)
    """

    answered = Signal(object)  # [task id, ok, value]

    def __init__(self):
        super().__init__()
        self.callbacks: dict[int, tuple] = {}
        self.answered.connect(self._answer)

    @Slot(object)
    def _answer(self, box) -> None:
        task_id, ok, value = box
        on_done, on_error = self.callbacks.pop(task_id, (None, None))
        callback = on_done if ok else on_error
        if callback is not None:
            callback(value)


class _GuiThreadCollector(QObject):
    """Python's cycle collector runs in whichever thread happens to allocate when a threshold is
    crossed. A cycle holding a Qt wrapper collected on a worker thread deletes the Qt object off its
    own thread, which crashes Qt (seen: a segfault while trafilatura built its table of domain
    names in a loader thread). Automatic collection is turned off and the GUI thread collects on a
    timer instead, generation by generation as the thresholds say (the approach pyqtgraph takes)."""

    def __init__(self, interval_ms: int = 500):
        super().__init__()
        self.thresholds = gc.get_threshold()
        gc.disable()
        self.timer = QTimer(self)
        self.timer.timeout.connect(self.collect)
        self.timer.start(interval_ms)

    @Slot()
    def collect(self) -> None:
        young, middle, old = gc.get_count()
        if young > self.thresholds[0]:
            gc.collect(0)
            if middle > self.thresholds[1]:
                gc.collect(1)
                if old > self.thresholds[2]:
                    gc.collect(2)


_collector: _GuiThreadCollector | None = None


class Task(QRunnable):
    """One call of `fn(*args)` on a pool thread; the answer goes back through the dispatcher."""

    def __init__(self, fn: Callable, args: tuple, dispatcher: _Dispatcher, task_id: int):
        super().__init__()
        self.setAutoDelete(True)
        self._fn = fn
        self._args = args
        self._dispatcher = dispatcher
        self._id = task_id

    def run(self) -> None:
        try:
            result = self._fn(*self._args)
        except BaseException as exc:  # noqa: BLE001 — every failure goes back to the GUI as a message
            exc.__sl_traceback__ = traceback.format_exc()  # type: ignore[attr-defined]
            box = [self._id, False, exc]
        else:
            box = [self._id, True, result]
        self._fn = self._args = None
        try:
            # always a fresh list: bare None through a queued `object` signal upsets the refcount of None
            self._dispatcher.answered.emit(box)
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
        self._dispatcher = _Dispatcher()
        global _collector
        if _collector is None:  # made in the GUI thread, like the pools: one for the process
            _collector = _GuiThreadCollector()
        self._next_id = 0

    def submit(self, pool: QThreadPool, fn: Callable, *args: Any, on_done=None, on_error=None) -> None:
        self._next_id += 1
        self._dispatcher.callbacks[self._next_id] = (on_done, on_error)
        pool.start(Task(fn, args, self._dispatcher, self._next_id))

    def load(self, fn: Callable, *args, on_done=None, on_error=None) -> None:
        self.submit(self.io, fn, *args, on_done=on_done, on_error=on_error)

    def busy(self) -> bool:
        return bool(self._dispatcher.callbacks)

    def cancel_pending(self) -> None:
        """The window is gone: answers still on their way are dropped instead of reaching deleted widgets."""
        self._dispatcher.callbacks.clear()

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
