"""`make screenshot`: render the real main window, two seeds side by side with highlights, to a PNG."""

from __future__ import annotations

import os
import sys
import tempfile
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))


def main(argv: list[str]) -> int:
    out = Path(argv[0] if argv else ROOT / "resources" / "screenshot.png")
    theme = argv[1] if len(argv) > 1 else "light"
    os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")
    # a throw-away home: the screenshot never reads or changes the user's settings or library
    tmp = tempfile.mkdtemp(prefix="sourcelight-shot-")
    for var, sub in (("HOME", ""), ("XDG_CONFIG_HOME", ".config"), ("XDG_DATA_HOME", ".local/share"), ("XDG_CACHE_HOME", ".cache")):
        os.environ[var] = str(Path(tmp, sub))
    os.environ["SOURCELIGHT_DB"] = str(Path(tmp, "library.sqlite"))

    from PySide6.QtCore import QEventLoop, QTimer

    from desktop.ui import settings
    from desktop.ui.app import apply_theme, create_app
    from desktop.ui.main_window import MainWindow, seed_files

    app = create_app(["sourcelight"])
    settings.put("view/theme", theme)
    apply_theme(app, theme)
    window = MainWindow()
    window.resize(1680, 980)
    window.show()
    seeds = [str(p) for p in seed_files()]
    wanted = [seeds[2], seeds[0]]
    loop = QEventLoop()
    done: set = set()

    def analysed(pane) -> None:
        done.add(pane)
        if len(done) >= len(wanted):
            loop.quit()

    window.pane_analysed.connect(analysed)
    window.open_sources(wanted)
    for s in seeds:
        if s not in wanted:
            window._add_to_library_only(s)
    QTimer.singleShot(180_000, loop.quit)
    loop.exec()
    # let the library sidebar and the last repaint settle
    settle = QEventLoop()
    QTimer.singleShot(1500, settle.quit)
    settle.exec()
    for pane in window.panes:
        pane.painter.flush()
    window.set_current(window.panes[0])
    window.quotes_dock.raise_()
    QEventLoop().processEvents(QEventLoop.ProcessEventsFlag.AllEvents, 50)  # not app.processEvents: PySide6 6.12 bug
    out.parent.mkdir(parents=True, exist_ok=True)
    ok = window.grab().save(str(out))
    window.close()
    window.shutdown()
    if not ok:
        print(f"could not write {out}", file=sys.stderr)
        return 1
    print(f"wrote {out}")
    return 0


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
