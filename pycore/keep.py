"""Results kept for the last few inputs, so that an edit redoes only what it changed.

A ``Recent`` keeps the last ``size`` results by key. Given the objects a result was
made from (arrays the trace never changes once read), it returns a kept result only
for those very objects: a key built from ``id()`` can then never match a newer object
that reuses an old one's address.
"""

from __future__ import annotations

from collections import OrderedDict
from collections.abc import Callable, Hashable
from typing import Any


class Recent:
    def __init__(self, size: int):
        self.size = size
        self.kept: OrderedDict = OrderedDict()

    def get(self, key: Hashable | None, make: Callable[[], Any], *sources: object) -> Any:
        """``make()``, or what it gave before for ``key`` and these ``sources`` (None: always make it)."""
        if key is None:
            return make()
        kept = self.kept.get(key)
        if kept is not None and len(kept[0]) == len(sources) and all(a is b for a, b in zip(kept[0], sources)):
            self.kept.move_to_end(key)
            return kept[1]
        value = make()
        self.kept[key] = (sources, value)
        self.kept.move_to_end(key)
        if len(self.kept) > self.size:
            self.kept.popitem(last=False)
        return value
