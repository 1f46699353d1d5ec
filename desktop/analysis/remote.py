"""The analyser in a child process, for the reader window.

spaCy's parser holds Python's GIL for long stretches; run in a thread of the GUI process it
freezes the window for up to a second on a long article. A child process has its own GIL, so
the window's thread only waits on a pipe. Same interface as `Analyzer` (`analyze`, `model_name`).
"""

from __future__ import annotations

import multiprocessing
import threading
from concurrent.futures import ProcessPoolExecutor
from concurrent.futures.process import BrokenProcessPool

from desktop.analysis.model import Analysis

_child_analyzer = None


def _init(model: str | None) -> None:
    global _child_analyzer
    from desktop.analysis.analyzer import Analyzer

    _child_analyzer = Analyzer(model=model)


def _model_name() -> str | None:
    return _child_analyzer.model_name


def _analyze(text: str) -> Analysis:
    return _child_analyzer.analyze(text)


class AnalysisProcessDied(RuntimeError):
    """The child process stopped (killed, or out of memory)."""


class ProcessAnalyzer:
    """`Analyzer` with the work done in one long-lived child process; thread-safe."""

    def __init__(self, model: str | None = None):
        self._model = model
        self._executor: ProcessPoolExecutor | None = None
        self._model_name: str | None = None
        self._lock = threading.Lock()

    def _pool(self) -> ProcessPoolExecutor:
        with self._lock:
            if self._executor is None:
                self._executor = ProcessPoolExecutor(
                    max_workers=1,
                    mp_context=multiprocessing.get_context("spawn"),
                    initializer=_init,
                    initargs=(self._model,),
                )
            return self._executor

    def _call(self, fn, *args):
        try:
            return self._pool().submit(fn, *args).result()
        except BrokenProcessPool:
            with self._lock:
                self._executor = None  # the next call starts a fresh process
            raise AnalysisProcessDied(
                "the analysis process stopped unexpectedly (out of memory?); open the article again to retry"
            ) from None

    @property
    def model_name(self) -> str | None:
        if self._model_name is None:
            self._model_name = self._call(_model_name)
        return self._model_name

    def analyze(self, text: str) -> Analysis:
        return self._call(_analyze, text)

    def close(self) -> None:
        with self._lock:
            executor, self._executor = self._executor, None
        if executor is not None:
            # a running analysis would keep the process (and interpreter exit) waiting: stop it
            processes = list((getattr(executor, "_processes", None) or {}).values())
            executor.shutdown(wait=False, cancel_futures=True)
            for process in processes:
                process.terminate()
