"""Field texts -> trace: the one entry point the command line, the build and the page call."""

from __future__ import annotations

from .dense import forward
from .errors import InputError
from .fields import label
from .parse import Array, parse
from .trace import Trace


def read(inputs: str, layers: list[tuple[str, str]]):
    """Read every field, each on its own, so that a mistake in one field does not
    hide a mistake in another. Returns (inputs, [(weights, biases), ...], errors),
    the errors in page order, top to bottom; a field with an error reads as None."""
    errors: list[InputError] = []

    def attempt(text: str, kind: str, number: int, max_ndim: int) -> Array | None:
        try:
            return parse(text, label(kind, number), max_ndim)
        except InputError as error:
            errors.append(error)
            return None

    parsed_inputs = attempt(inputs, "inputs", 1, 2)
    parsed_layers = [(attempt(weights, "weights", n, 2), attempt(biases, "biases", n, 1))
                     for n, (weights, biases) in enumerate(layers, start=1)]
    return parsed_inputs, parsed_layers, errors


def compute(inputs: str, layers: list[tuple[str, str]], *, use_numpy: bool | None = None) -> Trace:
    """``layers`` is a list of (weights text, biases text), layer 1 first. Raises
    the first InputError on the page, top to bottom."""
    parsed_inputs, parsed_layers, errors = read(inputs, layers)
    if errors:
        raise errors[0]
    return forward(parsed_inputs, parsed_layers, use_numpy=use_numpy)
