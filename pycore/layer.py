"""Field texts -> trace: the one entry point the command line, the build and the page call."""

from __future__ import annotations

from .dense import forward
from .fields import label
from .parse import parse
from .trace import Trace


def compute(inputs: str, layers: list[tuple[str, str]], *, use_numpy: bool | None = None) -> Trace:
    """``layers`` is a list of (weights text, biases text), layer 1 first.

    Every field is read before any is computed, so the first error reported is
    the first one on the page, top to bottom.
    """
    parsed_inputs = parse(inputs, label("inputs"), 2)
    parsed_layers = [(parse(weights, label("weights", n), 2), parse(biases, label("biases", n), 1))
                     for n, (weights, biases) in enumerate(layers, start=1)]
    return forward(parsed_inputs, parsed_layers, use_numpy=use_numpy)
