"""Counting what a running kiosk holds (issue 12: memory growth under the monkey).

Bytes are noisy (malloc arenas keep their high-water mark, Python's allocator keeps freed pools), so
the figures that decide whether something leaks are *counts*: live widgets, top-level widgets,
QGraphicsItems in every scene, QObjects under the main window, Python objects by type. RSS is
reported beside them for the record. Used by scripts/monkey.py (``--sample``) and
tests/views/test_memory.py.
"""

from __future__ import annotations

import gc
import os
from collections import Counter


def rss_mb() -> float:
    """Resident set size of this process in MB (Linux /proc; 0 elsewhere)."""
    try:
        with open("/proc/self/statm") as f:
            pages = int(f.read().split()[1])
    except (OSError, ValueError, IndexError):
        return 0.0
    return round(pages * os.sysconf("SC_PAGE_SIZE") / 1e6, 1)


def rss_parts() -> dict:
    """RSS split as the kernel counts it (anonymous = heaps; file = mapped libraries and fonts),
    and glibc's own view of its heap: bytes in use by the program vs freed but kept by malloc
    (arenas' high-water mark, which ``malloc_trim`` may give back). Empty where unavailable."""
    out = {}
    try:
        with open("/proc/self/status") as f:
            for line in f:
                key, _, value = line.partition(":")
                if key in ("RssAnon", "RssFile"):
                    out[key.lower().replace("rss", "rss_") + "_mb"] = round(int(value.split()[0]) / 1000, 1)
    except OSError:
        pass
    try:
        import ctypes

        class Mallinfo2(ctypes.Structure):
            _fields_ = [(name, ctypes.c_size_t) for name in
                        ("arena", "ordblks", "smblks", "hblks", "hblkhd", "usmblks", "fsmblks", "uordblks",
                         "fordblks", "keepcost")]

        libc = ctypes.CDLL("libc.so.6")
        libc.mallinfo2.restype = Mallinfo2
        m = libc.mallinfo2()        # summed over all arenas by glibc
        out["malloc_in_use_mb"] = round((m.uordblks + m.hblkhd) / 1e6, 1)
        out["malloc_free_held_mb"] = round(m.fordblks / 1e6, 1)
    except (OSError, AttributeError):
        pass
    return out


def scenes():
    """Every QGraphicsScene a live view shows or any live QObject owns (a scene without a view
    that nobody deleted is exactly what a leak looks like, so they are found through gc too)."""
    from PySide6.QtWidgets import QApplication, QGraphicsScene, QGraphicsView

    found = {}
    for w in QApplication.allWidgets():
        if isinstance(w, QGraphicsView) and w.scene() is not None:
            found[id(w.scene())] = w.scene()
    for o in gc.get_objects():
        if isinstance(o, QGraphicsScene):
            try:
                o.items()
            except RuntimeError:        # its C++ side is gone: not held
                continue
            found.setdefault(id(o), o)
    return list(found.values())


def descendants(obj) -> int:
    """QObjects under ``obj``, walked through ``children()``: ``findChildren`` would make PySide
    keep a Python wrapper of every descendant found on ``obj``'s wrapper until ``obj`` dies — even
    after the C++ object is gone — so the probe itself would grow the counts it reports."""
    n = 0
    stack = list(obj.children())
    while stack:
        o = stack.pop()
        n += 1
        stack.extend(o.children())
    return n


def quick_items() -> tuple[int, int]:
    """(windows, QQuickItems in every Qt Quick window): the on-screen keyboard is QML in a window
    of its own, invisible to the widget counts. (0, 0) offscreen, where it is not loaded."""
    import sys

    from PySide6.QtGui import QGuiApplication

    windows = QGuiApplication.allWindows()
    if "PySide6.QtQuick" not in sys.modules:      # nothing of Qt Quick was loaded: no QML to count
        return len(windows), 0
    from PySide6.QtQuick import QQuickWindow

    n = 0
    for w in windows:
        if isinstance(w, QQuickWindow):
            stack = [w.contentItem()]
            while stack:
                item = stack.pop()
                n += 1
                stack.extend(item.childItems())
    return len(windows), n


def counts(window) -> dict:
    """The counts at this moment (after a full gc)."""
    from PySide6.QtWidgets import QApplication

    gc.collect()
    widgets = QApplication.allWidgets()
    all_scenes = scenes()
    windows, items = quick_items()
    objects = gc.get_objects()
    return {
        "rss_mb": rss_mb(),
        **rss_parts(),
        "widgets": len(widgets),
        "top_level": len(QApplication.topLevelWidgets()),
        "scenes": len(all_scenes),
        "graphics_items": sum(len(s.items()) for s in all_scenes),
        "window_objects": descendants(window),
        "windows": windows,
        "quick_items": items,
        "py_objects": len(objects),
        "_widget_types": Counter(type(w).__name__ for w in widgets),
        "_py_types": Counter(type(o).__name__ for o in objects),
    }


class MemoryProbe:
    """Samples :func:`counts` and reports what grew since the first sample (widget classes,
    Python types and, with ``tracemalloc``, allocation sites)."""

    def __init__(self, window, *, tracemalloc: bool = False, top: int = 12) -> None:
        self.window = window
        self.top = top
        self.first = None
        self.tracemalloc = tracemalloc
        self.snapshot = None
        if tracemalloc:
            import tracemalloc as tm

            tm.start(10)

    def sample(self, event: int, label: str = "") -> dict:
        c = counts(self.window)
        widget_types, py_types = c.pop("_widget_types"), c.pop("_py_types")
        if self.first is None:
            self.first = (widget_types, py_types)
        grown_w = widget_types - self.first[0]
        grown_py = py_types - self.first[1]
        out = {"event": event, "label": label, **c,
               "widgets_grown": dict(grown_w.most_common(self.top)),
               "py_grown": dict(grown_py.most_common(self.top))}
        if self.tracemalloc:
            import tracemalloc as tm

            snap = tm.take_snapshot().filter_traces([tm.Filter(False, tm.__file__)])
            if self.snapshot is not None:
                stats = snap.compare_to(self.snapshot, "traceback")[: self.top // 2]
                out["alloc_grown"] = [
                    {"kb": round(s.size_diff / 1024), "count": s.count_diff,
                     "where": ["/".join(f.filename.rsplit("/", 2)[-2:]) + f":{f.lineno}" for f in s.traceback[-4:]]}
                    for s in stats]
            self.snapshot = snap        # each diff is against the sample before: a steady creep repeats
        return out
