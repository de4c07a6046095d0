"""Every result pycore keeps between edits, and the one rule they all follow.

An edit changes one field; the page shows everything again. So each stage keeps its
last few results: the reader keeps each field's numbers (``memo``), the loops their
dot products, the renderers each step and each array's format (``Recent``). A kept
result is used only for the very inputs it was made from: a ``Recent`` entry is made
from given objects (arrays the trace never changes once read), and matches only
those objects, so a key built from ``id()`` can never match a newer object at an old
one's address.

What a rendered step depends on is declared beside its view (render_html's
``step_view``), in the words of ``sources``: the texts each layer's facts come from.

``uncached()`` turns every cache off, so that a test can check that what the caches
give is what computing everything again gives.
"""

from __future__ import annotations

import contextlib
import functools
from collections import OrderedDict
from collections.abc import Callable, Hashable
from contextvars import ContextVar
from typing import Any

_enabled: ContextVar[bool] = ContextVar("caching", default=True)


@contextlib.contextmanager
def uncached():
    """Compute everything again within the ``with``: no cache gives or keeps a result."""
    token = _enabled.set(False)
    try:
        yield
    finally:
        _enabled.reset(token)


class Recent:
    """The last ``size`` results, by key, each with the objects it was made from."""

    def __init__(self, size: int):
        self.size = size
        self.kept: OrderedDict = OrderedDict()

    def get(self, key: Hashable | None, make: Callable[[], Any], *sources: object) -> Any:
        """``make()``, or what it gave before for ``key`` and these ``sources`` (None: always make it)."""
        if key is None or not _enabled.get():
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

    def clear(self) -> None:
        self.kept.clear()


def memo(size: int):
    """``functools.lru_cache`` for functions of hashable values, that ``uncached`` turns off."""
    def wrap(function):
        cached = functools.lru_cache(maxsize=size)(function)

        @functools.wraps(function)
        def call(*args):
            return cached(*args) if _enabled.get() else function(*args)

        call.cache_clear = cached.cache_clear
        call.__wrapped__ = function
        return call
    return wrap


# -- what a layer's facts come from ------------------------------------------------------

def sources(state, engine: str) -> list[dict]:
    """For each layer of ``state``, the texts its facts come from: ``up`` (the inputs and
    every layer before it), its own ``weights``, ``biases`` and ``activation``, the
    ``previous`` layer's activation, how many ``layers`` there are (the loops' variable
    names number them), and the ``engine`` that computed it."""
    out = []
    for number, fields in enumerate(state.layers, start=1):
        before = state.layers[:number - 1]
        out.append({"up": (state.inputs, tuple((f["weights"], f["biases"], f["activation"]) for f in before)),
                    "weights": fields["weights"], "biases": fields["biases"], "activation": fields["activation"],
                    "previous": before[-1]["activation"] if before else None, "layers": len(state.layers),
                    "engine": engine})
    return out


PIECES = Recent(200)  # rendered steps and their pieces: a few layers' worth, for the last few edits


def piece(number: int, name: str, source: dict | None, depends: tuple[str, ...], make, *extra) -> str:
    """A rendered step or a piece of one (``make()``), made again only when what it
    ``depends`` on changed (those of the layer's sources, the engine, and ``extra``: the
    view, an exercise...). Without sources, always made."""
    key = None if source is None else (number, name, *(source[d] for d in depends), source["engine"], *extra)
    return PIECES.get(key, make)
