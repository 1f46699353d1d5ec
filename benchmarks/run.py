"""`make bench`: runs every `benchmarks/bench_*.py` module's `run(report)` and prints its figures.

Each module reports lines with `report(name, value, unit, note="")`. Figures only, no
pass/fail: targets are printed in the notes. Usage: `python benchmarks/run.py [NAME ...]`
(NAME filters modules, e.g. `analysis`).
"""

from __future__ import annotations

import importlib.util
import platform
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


def main(argv: list[str] | None = None) -> int:
    only = list(sys.argv[1:] if argv is None else argv)
    print(f"Sourcelight benchmarks — Python {platform.python_version()}, {platform.machine()}, "
          f"{platform.system()}; figures vary with machine load")
    failed = 0
    for path in modules(only):
        print(f"\n== {path.stem.removeprefix('bench_')} ({path.name}) ==", flush=True)
        t0 = time.perf_counter()
        try:
            module = load(path)
            module.run(report)
        except Exception as exc:  # one broken section must not hide the others
            failed += 1
            print(f"  section failed: {type(exc).__name__}: {exc}")
            traceback.print_exc(limit=3, file=sys.stdout)
        print(f"  ({time.perf_counter() - t0:.1f} s)", flush=True)
    if not modules(only):
        print("no benchmark modules matched")
    return 1 if failed else 0


if __name__ == "__main__":
    sys.exit(main())
