"""The textbook's path, one example per stage: the page's Examples gallery, and
the layer "Add a layer" starts with."""

from __future__ import annotations

import random
from dataclasses import dataclass

from .parse import parse
from .state import SPEC, State, encode, layer_state

_W = SPEC["weights"].default
_B = SPEC["biases"].default
_BATCH = SPEC["inputs"].default
# The textbook's next page: a second layer of 3 neurons after the first 3.
NEXT_LAYER = layer_state(weights="[[0.1, -0.14, 0.5],\n [-0.5, 0.12, -0.33],\n [-0.44, 0.73, -0.13]]",
                         biases="[-1, 2, -0.5]")


@dataclass(frozen=True)
class Example:
    title: str
    caption: str
    state: State

    @property
    def fragment(self) -> str:
        return encode(self.state)


def _knob(weight: str, bias: str) -> State:
    return State("[1.5]", [layer_state(weights=f"[{weight}]", biases=bias)])


EXAMPLES = (
    # the seed's first figures: one input, one neuron; the weight is the slope, the bias the shift
    Example("A weight of 1", "one input, weight 1, bias 0: output = input", _knob("1.0", "0.0")),
    Example("A weight of 2", "a larger weight, a steeper line", _knob("2.0", "0.0")),
    Example("A weight of -0.7", "a negative weight turns the slope down", _knob("-0.7", "0.0")),
    Example("A bias of 2", "the bias shifts the whole line up", _knob("1.0", "2.0")),
    Example("A bias of -0.7", "a negative bias shifts it down", _knob("1.0", "-0.7")),
    # written by hand, then with loops: the steps show the textbook's loops
    Example("A single neuron", "3 inputs, 3 weights and a bias: 2.3",
            State("[1, 2, 3]", [layer_state(weights="[0.2, 0.8, -0.5]", biases="2")], view="loops")),
    Example("4 inputs", "one more input, one more weight: 4.8",
            State("[1.0, 2.0, 3.0, 2.5]", [layer_state(weights="[0.2, 0.8, -0.5, 1.0]", biases="2.0")],
                  view="loops")),
    Example("A layer of 3 neurons", "one sample, 3 neurons, each with its own weights and bias, in loops",
            State("[1, 2, 3, 2.5]", [layer_state(weights=_W, biases=_B)], view="loops")),
    # NumPy: the same numbers as dot products and matrix products
    Example("The dot product", "a · b = [1, 2, 3] · [2, 3, 4] = 20, no bias",
            State("[1, 2, 3]", [layer_state(weights="[2, 3, 4]", biases="")])),
    Example("A neuron with np.dot", "np.dot(weights, inputs) + bias = 4.8",
            State("[1.0, 2.0, 3.0, 2.5]", [layer_state(weights="[0.2, 0.8, -0.5, 1.0]", biases="2.0")])),
    Example("The layer with np.dot", "np.dot(weights, inputs) + biases on one sample",
            State("[1.0, 2.0, 3.0, 2.5]",
                  [layer_state(weights="[[0.2, 0.8, -0.5, 1.0],\n [0.5, -0.91, 0.26, -0.5],\n"
                                       " [-0.26, -0.27, 0.17, 0.87]]", biases="[2.0, 3.0, 0.5]")])),
    Example("A batch of 3 samples", "where the weights must be transposed",
            State(_BATCH, [layer_state(weights=_W, biases=_B)])),
    Example("Row vector × column vector", "a (1, 3) by (3, 1) matrix product: [[20]]",
            State("[[1, 2, 3]]", [layer_state(weights="[[2, 3, 4]]", biases="")])),
    Example("Two layers", "the first layer's outputs are the second layer's inputs",
            State(_BATCH, [layer_state(weights=_W, biases=_B), dict(NEXT_LAYER)])),
)
DEFAULT_EXAMPLE = 11  # the textbook's batch: the page as it first opens
assert EXAMPLES[DEFAULT_EXAMPLE].state == State()


def new_layer(previous_weights: str, number: int) -> dict:
    """The fields of a layer added after one with these weights: as many weights per
    neuron as the previous layer has neurons, and as many neurons; the textbook's
    next page where it fits exactly. Weights start small and varied, biases at zero,
    as the textbook initialises a layer."""
    try:
        previous = parse(previous_weights, "weights")
    except ValueError:
        previous = None
    neurons = previous.shape[0] if previous is not None and previous.ndim == 2 else 3
    if neurons == 3:
        return dict(NEXT_LAYER)
    pick = random.Random(number * 101 + neurons)
    rows = [[round(pick.uniform(-1, 1), 2) for _ in range(neurons)] for _ in range(neurons)]
    return layer_state(weights="[" + ",\n ".join(repr(row) for row in rows) + "]",
                       biases="[" + ", ".join(["0.0"] * neurons) + "]")


def add_layer_problem(state) -> str:
    """Why no layer can be added after the last one ("" when one can)."""
    try:
        last = parse(state.layers[-1]["weights"], "weights")
    except ValueError:
        return ""
    if last.ndim == 1:
        number = len(state.layers)
        return (f"Layer {number} is a single neuron (its weights are one list), so it gives one number per "
                f"sample. To add a layer after it, write its weights as a matrix with one row: [[...]].")
    return ""
