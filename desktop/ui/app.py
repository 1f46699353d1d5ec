"""Application start-up: QApplication (names set before any settings or paths), theme, the main window."""

from __future__ import annotations

import signal
import sys

from PySide6.QtCore import QCoreApplication, Qt
from PySide6.QtGui import QColor, QPalette
from PySide6.QtWidgets import QApplication, QStyleFactory

from desktop import __version__
from desktop.ui import settings


def set_names() -> None:
    """Organisation / application names: must run before any QSettings or QStandardPaths use."""
    QCoreApplication.setOrganizationName(settings.ORGANIZATION)
    QCoreApplication.setOrganizationDomain("sourcelight.app")
    QCoreApplication.setApplicationName(settings.APPLICATION)
    QCoreApplication.setApplicationVersion(__version__)


def dark_palette() -> QPalette:
    p = QPalette()
    window, base, text = QColor("#202124"), QColor("#17181a"), QColor("#e8e6e3")
    roles = QPalette.ColorRole
    p.setColor(roles.Window, window)
    p.setColor(roles.WindowText, text)
    p.setColor(roles.Base, base)
    p.setColor(roles.AlternateBase, QColor("#26282b"))
    p.setColor(roles.ToolTipBase, QColor("#2b2d31"))
    p.setColor(roles.ToolTipText, text)
    p.setColor(roles.Text, text)
    p.setColor(roles.Button, QColor("#2b2d31"))
    p.setColor(roles.ButtonText, text)
    p.setColor(roles.BrightText, QColor("#ffffff"))
    p.setColor(roles.Highlight, QColor("#3d6fb4"))
    p.setColor(roles.HighlightedText, QColor("#ffffff"))
    p.setColor(roles.Link, QColor("#56B4E9"))
    p.setColor(roles.PlaceholderText, QColor("#8a8d91"))
    for role in (roles.Text, roles.WindowText, roles.ButtonText):
        p.setColor(QPalette.ColorGroup.Disabled, role, QColor("#6f7277"))
    return p


def light_palette() -> QPalette:
    p = QApplication.style().standardPalette() if QApplication.instance() else QPalette()
    p.setColor(QPalette.ColorRole.Base, QColor("#fdfcf9"))
    p.setColor(QPalette.ColorRole.ToolTipBase, QColor("#fffff4"))
    p.setColor(QPalette.ColorRole.ToolTipText, QColor("#1b1b1b"))
    return p


def apply_theme(app: QApplication, theme: str | None = None) -> None:
    """Fusion with a light or dark palette ("system" follows the desktop's colour scheme)."""
    theme = theme or settings.get("view/theme") or "system"
    app.setStyle(QStyleFactory.create("Fusion"))
    dark = theme == "dark"
    if theme == "system":
        try:
            dark = app.styleHints().colorScheme() == Qt.ColorScheme.Dark
        except AttributeError:
            dark = False
    app.setPalette(dark_palette() if dark else light_palette())
    app.setStyleSheet(style_sheet(dark))


def style_sheet(dark: bool) -> str:
    from desktop.resources import resource_path

    try:
        css = resource_path("style", "sourcelight.qss").read_text(encoding="utf-8")
    except FileNotFoundError:
        return ""
    accent = "#56B4E9" if dark else "#0072B2"
    header = "#26282b" if dark else "#f1efe9"
    border = "#3a3d42" if dark else "#d5d2ca"
    muted = "#a9adb3" if dark else "#5f6368"
    return css.replace("@accent", accent).replace("@header", header).replace("@border", border).replace("@muted", muted)


def create_app(argv: list[str] | None = None) -> QApplication:
    set_names()
    app = QApplication.instance() or QApplication(argv if argv is not None else sys.argv[:1])
    app.setApplicationDisplayName("Sourcelight")
    apply_theme(app)
    return app


def run_app(files: list[str], db: str | None = None) -> int:
    """`sourcelight [FILE...]`: show the window at once, then open files / last session / the seeds."""
    app = create_app()
    from desktop.ui.main_window import MainWindow

    window = MainWindow(db=db)
    window.show()
    # Ctrl+C in the terminal closes the window cleanly
    signal.signal(signal.SIGINT, lambda *_: window.close())
    signal.signal(signal.SIGTERM, lambda *_: window.close())  # a logout or `kill` still saves the session
    from PySide6.QtCore import QTimer

    wake = QTimer(window)  # lets Python see the signal while Qt's loop runs
    wake.start(500)
    wake.timeout.connect(lambda: None)
    window.start(files)
    code = app.exec()
    window.shutdown()
    return code
