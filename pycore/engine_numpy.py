"""The textbook's NumPy expressions, used when NumPy imports (it need not)."""

from __future__ import annotations

from .numfmt import INT64, flat
from .stages import ACTIVATIONS, Activation, Stage


def load():
    """NumPy, or None where it is not installed (the browser without its wheel)."""
    try:
        import numpy
    except ImportError:
        return None
    return numpy


def layer(np, stage: Stage, inputs, weights, biases, activation: Activation = ACTIVATIONS["none"]):
    """The dot products, the outputs and the activated outputs (None without an
    activation), in NumPy's shapes, as Python numbers: exactly the stage's expression,
    split at the ``+`` so that the product before the biases can be shown too."""
    dtype = object if integers_overflow(inputs, weights, biases) else None
    x, w = np.array(inputs, dtype=dtype), np.array(weights, dtype=dtype)
    with np.errstate(over="ignore", invalid="ignore"):  # overflow is reported as an InputError
        dots = stage.numpy(np, x, w)
        outputs = dots if biases is None else dots + np.array(biases, dtype=dtype)
        activated = None if activation.name == "none" else activation.numpy(np, np.asarray(outputs))
    return _python(dots), _python(outputs), None if activated is None else _python(activated)


def integers_overflow(inputs, weights, biases) -> bool:
    """Would NumPy's int64 wrap around where Python's integers do not? Then the
    arrays are computed with Python's own integers (dtype=object), exactly."""
    numbers = [flat(inputs), flat(weights), flat(biases)]
    if any(isinstance(v, float) for values in numbers for v in values):
        return False
    largest = [max((abs(v) for v in values), default=0) for values in numbers]
    features = len(inputs[0]) if inputs and isinstance(inputs[0], list) else len(inputs or [0])
    return largest[0] * largest[1] * features + largest[2] >= INT64




def _python(array):
    values = array.tolist() if hasattr(array, "tolist") else array
    return _plain(values)


def _plain(values):
    """NumPy's scalars as Python's numbers (an object array's tolist keeps Python ints)."""
    if isinstance(values, list):
        return [_plain(v) for v in values]
    return values.item() if hasattr(values, "item") else values
