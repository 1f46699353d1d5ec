"""UI test fixtures: settings in tmp, one analyser and one analysis cache for the whole session."""

from __future__ import annotations

from collections import OrderedDict

import pytest

_SHARED_CACHE: OrderedDict = OrderedDict()


@pytest.fixture(autouse=True)
def _ui_settings(tmp_path, qapp):
    from PySide6.QtCore import QSettings

    from desktop.ui.app import set_names

    set_names()
    for fmt in (QSettings.Format.NativeFormat, QSettings.Format.IniFormat):
        QSettings.setPath(fmt, QSettings.Scope.UserScope, str(tmp_path / "settings"))
    yield


@pytest.fixture
def make_window(qtbot, analyzer):
    """A factory for main windows sharing the session's analyser and analysis cache."""
    from desktop.ui.main_window import MainWindow
    from desktop.ui.services import AnalysisService, StoreController
    from desktop.ui.workers import Pools

    windows = []

    def make(analyzer_override=None, cache=True):
        pools = Pools()
        store = StoreController(pools)
        service = AnalysisService(pools, store, analyzer=analyzer_override or analyzer, cache=_SHARED_CACHE if cache else None)
        w = MainWindow(pools=pools, analysis=service, store=store)
        qtbot.addWidget(w)
        w.resize(1400, 860)
        w.show()
        windows.append(w)
        return w

    yield make
    for w in windows:
        if w.isVisible():
            w.close()
        w.shutdown()


def wait_analysed(qtbot, pane, timeout=120_000):
    qtbot.waitUntil(lambda: pane.is_painted() or pane.error is not None, timeout=timeout)
    pane.painter.flush()


def wait_loaded(qtbot, pane, timeout=30_000):
    qtbot.waitUntil(lambda: pane.article is not None or pane.error is not None, timeout=timeout)
