"""`make bench`: runs every `benchmarks/bench_*.py` module's `run(report)` and prints its figures.

Each module reports lines with `report(name, value, unit, note="")`. Figures only, no
pass/fail: targets are printed in the notes. Each section runs in its own child process, so
one section's state (a Qt application of another type, a loaded model, its memory peak) never
skews another's. Usage: `python benchmarks/run.py [NAME ...]` (NAME filters modules, e.g.
`analysis`); the exit status is non-zero only when a section crashed.
"""

from __future__ import annotations

import importlib.util
import platform
import subprocess
import sys
import time
import traceback
from pathlib import Path

HERE = Path(__file__).resolve().parent
ROOT = HERE.parent
if str(ROOT) not in sys.path:
    sys.path.insert(0, str(ROOT))


def _fmt(value) -> str:
    if isinstance(value, bool) or value is None:
        return str(value)
    if isinstance(value, int):
        return f"{value:,}"
    if isinstance(value, float):
        if abs(value) >= 100:
            return f"{value:,.0f}"
        if abs(value) >= 1:
            return f"{value:.2f}"
        return f"{value:.3f}"
    return str(value)


def report(name: str, value, unit: str = "", note: str = "") -> None:
    """Print one figure: name, value, unit and an optional note (target, conditions)."""
    print(f"  {name:<46} {_fmt(value):>12} {unit:<8} {note}".rstrip(), flush=True)


def modules(only: list[str] | None = None) -> list[Path]:
    found = sorted(HERE.glob("bench_*.py"))
    if only:
        found = [p for p in found if any(o in p.stem for o in only)]
    return found


def load(path: Path):
    spec = importlib.util.spec_from_file_location(f"benchmarks.{path.stem}", path)
    module = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(module)
    return module


def run_section(path: Path) -> int:
    """Run one module's `run(report)` in this process; 0 when it finished."""
    try:
        module = load(path)
        module.run(report)
    except Exception as exc:  # report the failure as a line, keep the others going
        print(f"  section failed: {type(exc).__name__}: {exc}")
        traceback.print_exc(limit=3, file=sys.stdout)
        return 1
    return 0


def main(argv: list[str] | None = None) -> int:
    args = list(sys.argv[1:] if argv is None else argv)
    if args[:1] == ["--section"]:
        return run_section(Path(args[1]))
    print(f"Sourcelight benchmarks — Python {platform.python_version()}, {platform.machine()}, "
          f"{platform.system()}; figures vary with machine load")
    failed = 0
    found = modules(args)
    for path in found:
        print(f"\n== {path.stem.removeprefix('bench_')} ({path.name}) ==", flush=True)
        t0 = time.perf_counter()
        code = subprocess.call([sys.executable, str(Path(__file__).resolve()), "--section", str(path)], cwd=str(ROOT))
        if code != 0:
            failed += 1
            if code not in (0, 1):
                print(f"  section crashed (exit status {code})")
        print(f"  ({time.perf_counter() - t0:.1f} s)", flush=True)
    if not found:
        print("no benchmark modules matched")
    return 1 if failed else 0


if __name__ == "__main__":
    sys.exit(main())
