"""Worker pools: garbage that holds Qt objects is only ever collected on the GUI thread."""

from __future__ import annotations

import gc
import threading
import weakref


def test_cycles_are_collected_on_the_gui_thread_only(qtbot):
    from desktop.ui.workers import Pools

    pools = Pools()
    assert not gc.isenabled()  # no collection on whichever worker thread allocates next

    class Node:
        pass

    collected_on = []
    a, b = Node(), Node()
    a.other, b.other = b, a  # a cycle only the collector frees
    weakref.finalize(a, lambda: collected_on.append(threading.current_thread() is threading.main_thread()))
    del a, b
    done = []
    # a worker allocates far past the youngest generation's threshold: no collection there
    pools.submit(pools.io, lambda: len([Node() for _ in range(50_000)]), on_done=done.append)
    qtbot.waitUntil(lambda: bool(done), timeout=10_000)
    assert not collected_on
    keep = [Node() for _ in range(2 * gc.get_threshold()[0])]  # live objects the GUI timer counts
    qtbot.waitUntil(lambda: bool(collected_on), timeout=10_000)
    assert collected_on == [True] and keep
