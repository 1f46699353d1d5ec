"""Controllers between widgets and the core: analysis (one worker thread, cached) and the library store.

Widgets call these with callbacks; the work runs on `workers.Pools` threads and the
callbacks run on the GUI thread. Nothing here parses, analyses or runs SQL on the GUI thread.
"""

from __future__ import annotations

import hashlib
from collections import OrderedDict
from typing import Any, Callable

from PySide6.QtCore import QObject, Signal

from desktop import __version__
from desktop.ui import settings
from desktop.ui.workers import Pools, error_message

MEMORY_CACHE = 32  # analyses kept in memory


def text_hash(text: str) -> str:
    return hashlib.sha256(text.encode("utf-8")).hexdigest()


class AnalysisService(QObject):
    """Analyses texts on the one analysis thread; caches by (text hash, analyser version)."""

    status = Signal(str)  # for the status bar
    model_ready = Signal(str)

    def __init__(self, pools: Pools, store: "StoreController | None" = None, analyzer=None, cache: OrderedDict | None = None):
        super().__init__()
        self._pools = pools
        self._store = store
        self._analyzer = analyzer
        self._cache: OrderedDict[tuple[str, str], Any] = cache if cache is not None else OrderedDict()
        self._model_loaded = False
        self._model_requested = False
        self._pending = 0
        self._batch_total = 0
        self._batch_done = 0
        self.model_name: str | None = None

    # -- model -------------------------------------------------------------------------
    def _get_analyzer(self):
        if self._analyzer is None:
            # a child process: spaCy holds the GIL for long stretches, which would freeze the window
            from desktop.analysis.remote import ProcessAnalyzer

            self._analyzer = ProcessAnalyzer()
        return self._analyzer

    def close(self) -> None:
        """Stop the analysis process, if this service started one."""
        close = getattr(self._analyzer, "close", None)
        if close is not None:
            close()

    def _load_model(self):
        analyzer = self._get_analyzer()
        return analyzer.model_name or "rule-only analysis (no spaCy model)"

    def preload(self) -> None:
        """Start loading the language model (idempotent); the window is already up."""
        if self._model_requested:
            return
        self._model_requested = True
        self.status.emit("Loading language model…")
        self._pools.submit(self._pools.analysis, self._load_model, on_done=self._on_model, on_error=self._on_model_failed)

    def _on_model(self, name: str) -> None:
        self._model_loaded = True
        self.model_name = name
        settings.put("analysis/model", name)
        self.model_ready.emit(name)
        if not self._pending:
            self.status.emit(f"Language model ready: {name}")

    def _on_model_failed(self, error) -> None:
        self.status.emit(f"The language model could not be loaded: {error_message(error)}")

    # -- analysis ------------------------------------------------------------------------
    def cached(self, text: str):
        return self._cache.get((text_hash(text), __version__))

    def _remember(self, key, analysis) -> None:
        self._cache[key] = analysis
        self._cache.move_to_end(key)
        while len(self._cache) > MEMORY_CACHE:
            self._cache.popitem(last=False)

    def analyze(self, text: str, on_done: Callable, on_error: Callable) -> bool:
        """Analyse `text`; calls on_done(analysis) or on_error(message) on the GUI thread.

        Returns True when the answer was already in memory (on_done has been called).
        """
        key = (text_hash(text), __version__)
        hit = self._cache.get(key)
        if hit is not None:
            self._cache.move_to_end(key)
            on_done(hit)
            return True
        self._begin()

        def from_store(analysis) -> None:
            if analysis is not None and analysis.text == text:
                self._remember(key, analysis)
                self._end()
                on_done(analysis)
            else:
                self._run(text, key, on_done, on_error)

        model = self.model_name or settings.get("analysis/model") or ""
        if self._store is not None and self._store.available and model:
            self._store.call("cached_analysis", key[0], __version__, model, on_done=from_store, on_error=lambda _e: from_store(None))
        else:
            self._run(text, key, on_done, on_error)
        return False

    def _run(self, text, key, on_done, on_error) -> None:
        self.preload()

        def done(analysis) -> None:
            self._remember(key, analysis)
            self._end()
            if self._store is not None and self._store.available:
                self._store.call("store_analysis", key[0], analysis)
            on_done(analysis)

        def failed(error) -> None:
            self._end()
            on_error(error_message(error))

        self._pools.submit(self._pools.analysis, self._analyse_on_worker, text, on_done=done, on_error=failed)

    def _analyse_on_worker(self, text: str):
        # runs on the one analysis thread
        return self._get_analyzer().analyze(text)

    def _begin(self) -> None:
        if self._pending == 0:
            self._batch_total = 0
            self._batch_done = 0
        self._pending += 1
        self._batch_total += 1
        self._report()

    def _end(self) -> None:
        self._pending = max(0, self._pending - 1)
        self._batch_done += 1
        self._report()

    def _report(self) -> None:
        if self._pending:
            if self._model_requested and not self._model_loaded:
                self.status.emit(f"Loading language model… ({self._batch_total} article{'s' if self._batch_total > 1 else ''} waiting)")
            elif self._batch_total > 1:
                self.status.emit(f"Analysing {min(self._batch_done + 1, self._batch_total)} of {self._batch_total}")
            else:
                self.status.emit("Analysing…")
        else:
            self.status.emit("Ready")

    @property
    def busy(self) -> bool:
        return self._pending > 0


class StoreController(QObject):
    """Funnels every `desktop.store.library.Library` call through the one store thread."""

    error = Signal(str)  # the library could not be opened
    changed = Signal()  # the article list changed

    def __init__(self, pools: Pools, db: str | None = None):
        super().__init__()
        self._pools = pools
        self._db = db
        self._lib = None
        self.open_error: str | None = None
        try:
            import desktop.store.library  # noqa: F401
        except ImportError:
            self.available = False
        else:
            self.available = True

    def _library(self):
        # runs on the store thread: the connection belongs to it
        if self._lib is None:
            from desktop.store.library import Library

            self._lib = Library(self._db)
        return self._lib

    def _invoke(self, method: str, args: tuple):
        return getattr(self._library(), method)(*args)

    def call(self, method: str, *args, on_done=None, on_error=None) -> None:
        if not self.available:
            if on_error is not None:
                on_error(RuntimeError("the library is not available"))
            return

        def failed(error) -> None:
            if type(error).__name__ == "LibraryError" and self._lib is None:
                self.open_error = error_message(error)
                self.available = False
                self.error.emit(self.open_error)
            if on_error is not None:
                on_error(error)

        self._pools.submit(self._pools.store, self._invoke, method, args, on_done=on_done, on_error=failed)

    def run(self, fn: Callable, *args, on_done=None, on_error=None) -> None:
        """fn(library, *args) on the store thread (for a few calls in one go)."""
        if not self.available:
            if on_error is not None:
                on_error(RuntimeError("the library is not available"))
            return
        self._pools.submit(self._pools.store, lambda: fn(self._library(), *args), on_done=on_done, on_error=on_error)

    def reopen(self, path: str) -> None:
        """Use another library file (the user chose one after an error); the next call opens it."""
        old = self._lib
        self._lib = None
        self._db = path
        self.open_error = None
        self.available = True
        if old is not None:
            self._pools.submit(self._pools.store, old.close)

    def close(self) -> None:
        if self._lib is not None:
            lib = self._lib

            def close_it():
                lib.close()
                self._lib = None

            self._pools.submit(self._pools.store, close_it)
            self._pools.store.waitForDone(5000)
