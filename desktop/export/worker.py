"""Runs a PDF export in a child process, so the reader's own process never lays text out off its GUI thread.

Qt's text layout and font engine are not safe to use from a worker thread while the GUI thread
paints (an intermittent crash under load), and laying out a long article on the GUI thread would
freeze the window. The dialog's worker thread therefore only waits for this child:

    python -m desktop.export.worker JOB.pickle     (prints one JSON line: {"paths": [...]} or {"error": "..."})
"""

from __future__ import annotations

import json
import os
import pickle
import subprocess
import sys
import tempfile
from pathlib import Path

from desktop.export.model import ExportError

ROOT = Path(__file__).resolve().parent.parent.parent


def export_in_child(items, target: str, options, combined: bool, timeout: float = 1800) -> list[str]:
    """Write the PDF(s) in a child process; returns the paths written or raises ExportError (one line)."""
    with tempfile.TemporaryDirectory(prefix="sourcelight-export-") as tmp:
        job = Path(tmp) / "job.pickle"
        with open(job, "wb") as fh:
            pickle.dump((list(items), str(target), options, bool(combined)), fh, protocol=pickle.HIGHEST_PROTOCOL)
        env = dict(os.environ)
        env["QT_QPA_PLATFORM"] = "offscreen"  # the child never shows a window
        env["PYTHONPATH"] = os.pathsep.join([str(ROOT)] + ([env["PYTHONPATH"]] if env.get("PYTHONPATH") else []))
        try:
            proc = subprocess.run([sys.executable, "-m", "desktop.export.worker", str(job)], capture_output=True,
                                  text=True, timeout=timeout, env=env)
        except subprocess.TimeoutExpired:
            raise ExportError(f"the export did not finish within {timeout / 60:.0f} minutes") from None
        except OSError as exc:
            raise ExportError(f"cannot start the export ({exc.strerror or exc})") from None
    lines = [line for line in proc.stdout.splitlines() if line.startswith("{")]
    if not lines:
        last = (proc.stderr.strip().splitlines() or [f"exit status {proc.returncode}"])[-1]
        raise ExportError(f"the export stopped unexpectedly ({last})")
    result = json.loads(lines[-1])
    if "error" in result:
        raise ExportError(result["error"])
    return list(result["paths"])


def run_job(job: Path) -> dict:
    with open(job, "rb") as fh:
        items, target, options, combined = pickle.load(fh)
    from desktop.export.pdf import ensure_gui_app, export_folder, export_pdf

    ensure_gui_app()
    try:
        if combined or len(items) == 1:
            paths = [str(export_pdf(items, target, options))]
        else:
            paths = [str(p) for p in export_folder(items, target, options)]
    except ExportError as exc:
        return {"error": str(exc)}
    except MemoryError:
        return {"error": "not enough memory to lay out this document"}
    return {"paths": paths}


def main(argv: list[str] | None = None) -> int:
    argv = list(sys.argv[1:] if argv is None else argv)
    if len(argv) != 1:
        print(json.dumps({"error": "usage: python -m desktop.export.worker JOB.pickle"}))
        return 2
    try:
        result = run_job(Path(argv[0]))
    except Exception as exc:  # reported to the dialog as one line, never a traceback
        result = {"error": f"{type(exc).__name__}: {exc}".splitlines()[0]}
    print(json.dumps(result), flush=True)
    return 0 if "paths" in result else 1


if __name__ == "__main__":
    sys.exit(main())
