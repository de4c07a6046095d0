"""The textbook's NumPy expressions, used when NumPy imports (it need not)."""

from __future__ import annotations

from .trace import BATCH, LAYER, NEURON


def load():
    """NumPy, or None where it is not installed (the browser without its wheel)."""
    try:
        import numpy
    except ImportError:
        return None
    return numpy


def layer(np, stage: str, inputs, weights, biases) -> tuple[list[list], list[list]]:
    with np.errstate(over="ignore", invalid="ignore"):  # overflow is reported as an InputError
        return _layer(np, stage, inputs, weights, biases)


def _layer(np, stage: str, inputs, weights, biases) -> tuple[list[list], list[list]]:
    """The dot products and the outputs, each as a grid of Python numbers (the
    same grid form as the trace): exactly the textbook's expressions, split at
    the ``+`` so that the product before the biases can be shown too."""
    if stage == BATCH:
        dots = np.dot(_array(np, inputs), _array(np, weights).T)
        outputs = dots + _array(np, biases)
        return dots.tolist(), outputs.tolist()
    dots = np.dot(_array(np, weights), _array(np, inputs)) if stage in (NEURON, LAYER) \
        else np.dot(_array(np, inputs), _array(np, weights))
    outputs = dots + _array(np, biases)
    if stage == NEURON:
        return [[dots.item()]], [[outputs.item()]]
    return [[d] for d in dots.tolist()], [[o] for o in outputs.tolist()]


def _array(np, values):
    array = np.array(values)
    # int64 would wrap around where Python's ints do not; floats would not wrap
    if array.dtype.kind == "i" and array.size and int(abs(array).max()) > 2**31:
        array = array.astype(float)
    return array
