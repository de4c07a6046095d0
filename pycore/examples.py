"""The textbook's path, one example per stage: the page's Examples gallery."""

from __future__ import annotations

from dataclasses import dataclass

from .state import SPEC, State, encode

_W = SPEC["weights"].default
_B = SPEC["biases"].default
_BATCH = SPEC["inputs"].default


@dataclass(frozen=True)
class Example:
    title: str
    caption: str
    state: State

    @property
    def fragment(self) -> str:
        return encode(self.state)


EXAMPLES = (
    Example("A single neuron", "3 inputs, 3 weights and a bias: 2.3",
            State("[1, 2, 3]", [("[0.2, 0.8, -0.5]", "2")])),
    Example("4 inputs", "one more input, one more weight: 4.8",
            State("[1.0, 2.0, 3.0, 2.5]", [("[0.2, 0.8, -0.5, 1.0]", "2.0")])),
    Example("A layer of 3 neurons", "one sample, three neurons, each with its own weights and bias",
            State("[1, 2, 3, 2.5]", [(_W, _B)])),
    Example("The layer with np.dot", "np.dot(weights, inputs) + biases on one sample",
            State("[1.0, 2.0, 3.0, 2.5]",
                  [("[[0.2, 0.8, -0.5, 1.0],\n [0.5, -0.91, 0.26, -0.5],\n [-0.26, -0.27, 0.17, 0.87]]",
                    "[2.0, 3.0, 0.5]")])),
    Example("A batch of 3 samples", "where the weights must be transposed",
            State(_BATCH, [(_W, _B)])),
    Example("Row vector × column vector", "a (1, 3) by (3, 1) matrix product: [[20]]",
            State("[[1, 2, 3]]", [("[[2, 3, 4]]", "[0]")])),
    Example("Two layers", "the first layer's outputs are the second layer's inputs",
            State(_BATCH, [(_W, _B), (SPEC["weights"].later_default, SPEC["biases"].later_default)])),
)
