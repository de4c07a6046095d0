"""The textbook's path, one example per stage: the page's Examples gallery, and
the layer "Add a layer" starts with."""

from __future__ import annotations

import random
from dataclasses import dataclass

from .catalog import say
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
    name: str  # its words are the catalog's examples.<name>.title and examples.<name>.caption
    state: State

    @property
    def title(self) -> str:
        return say(f"examples.{self.name}.title")

    @property
    def caption(self) -> str:
        return say(f"examples.{self.name}.caption")

    @property
    def fragment(self) -> str:
        return encode(self.state)


def _knob(weight: str, bias: str) -> State:
    return State("[1.5]", [layer_state(weights=f"[{weight}]", biases=bias)])


EXAMPLES = (
    # the seed's first figures: one input, one neuron; the weight is the slope, the bias the shift
    Example("weight_1", _knob("1.0", "0.0")),
    Example("weight_2", _knob("2.0", "0.0")),
    Example("weight_negative", _knob("-0.7", "0.0")),
    Example("bias_2", _knob("1.0", "2.0")),
    Example("bias_negative", _knob("1.0", "-0.7")),
    # written by hand, then with loops: the steps show the textbook's loops
    Example("single_neuron",
            State("[1, 2, 3]", [layer_state(weights="[0.2, 0.8, -0.5]", biases="2")], view="loops")),
    Example("four_inputs",
            State("[1.0, 2.0, 3.0, 2.5]", [layer_state(weights="[0.2, 0.8, -0.5, 1.0]", biases="2.0")],
                  view="loops")),
    Example("layer", State("[1, 2, 3, 2.5]", [layer_state(weights=_W, biases=_B)], view="loops")),
    # NumPy: the same numbers as dot products and matrix products
    Example("dot_product", State("[1, 2, 3]", [layer_state(weights="[2, 3, 4]", biases="")])),
    Example("neuron_np_dot",
            State("[1.0, 2.0, 3.0, 2.5]", [layer_state(weights="[0.2, 0.8, -0.5, 1.0]", biases="2.0")])),
    Example("layer_np_dot",
            State("[1.0, 2.0, 3.0, 2.5]",
                  [layer_state(weights="[[0.2, 0.8, -0.5, 1.0],\n [0.5, -0.91, 0.26, -0.5],\n"
                                       " [-0.26, -0.27, 0.17, 0.87]]", biases="[2.0, 3.0, 0.5]")])),
    Example("batch", State(_BATCH, [layer_state(weights=_W, biases=_B)])),
    Example("row_times_column", State("[[1, 2, 3]]", [layer_state(weights="[[2, 3, 4]]", biases="")])),
    Example("two_layers", State(_BATCH, [layer_state(weights=_W, biases=_B), dict(NEXT_LAYER)])),
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
        return say("examples.cannot_add_layer", number=len(state.layers))
    return ""
