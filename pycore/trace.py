"""The trace: plain data holding every step the page shows. No printing, no HTML.

A layer's matrix product is kept in one uniform form, whatever the stage:
``np.dot(left, right)``, where cell (r, c) of the product is the dot product of
row r of ``left`` with column c of ``right``. Which array is left and which is
right follows the textbook: ``np.dot(weights, inputs)`` for one sample,
``np.dot(inputs, np.array(weights).T)`` for a batch.
"""

from __future__ import annotations

from dataclasses import asdict, dataclass

# The textbook's stages, named by the shapes of inputs and weights.
NEURON = "neuron"  # inputs (n,), weights (n,), bias ()      -> ()
LAYER = "layer"  # inputs (n,), weights (m, n), biases (m,) -> (m,)
BATCH = "batch"  # inputs (k, n), weights (m, n), biases (m,) -> (k, m)
BATCH_NEURON = "batch_neuron"  # inputs (k, n), weights (n,), bias () -> (k,)

EXPRESSIONS = {
    NEURON: "np.dot(weights, inputs) + bias",
    LAYER: "np.dot(weights, inputs) + biases",
    BATCH: "np.dot(inputs, np.array(weights).T) + biases",
    BATCH_NEURON: "np.dot(inputs, weights) + bias",
}


@dataclass(frozen=True)
class Cell:
    """One output: a dot product written out term by term, then its bias."""

    row: int
    column: int
    terms: list[tuple[float, float]]  # (left value, right value) pairs
    dot: float
    bias: float
    output: float


@dataclass
class LayerTrace:
    number: int  # 1-based, as the page labels layers
    stage: str
    inputs: object
    inputs_shape: tuple[int, ...]
    weights: object
    weights_shape: tuple[int, ...]
    biases: object
    biases_shape: tuple[int, ...]
    left: str  # the left operand of np.dot, by name
    right: str  # the right operand of np.dot, by name
    left_rows: list[list]  # rows of the left operand
    right_columns: list[list]  # columns of the right operand, each as a list
    transposed: list[list] | None  # weights.T, for a batch only
    product: list[list]  # the dot products, len(left_rows) x len(right_columns)
    bias_grid: list[list]  # the biases, broadcast to the product's shape
    output_grid: list[list]  # product + bias_grid
    outputs: object  # the outputs in NumPy's shape
    outputs_shape: tuple[int, ...]

    @property
    def expression(self) -> str:
        return EXPRESSIONS[self.stage]

    @property
    def needs_transpose(self) -> bool:
        return self.stage == BATCH

    @property
    def grid_shape(self) -> tuple[int, int]:
        return len(self.left_rows), len(self.right_columns)

    def shaped(self, grid: list[list]):
        """A grid in the outputs' own shape: a single column reads as a vector, a
        single cell as a number."""
        if len(self.outputs_shape) == 2:
            return grid
        if not self.outputs_shape:
            return grid[0][0]
        return [row[0] for row in grid]

    def cell(self, row: int, column: int) -> Cell:
        """The dot product behind one output, built on demand (large layers hold
        rows*columns*features terms, too many to store)."""
        terms = list(zip(self.left_rows[row], self.right_columns[column]))
        return Cell(row, column, terms, self.product[row][column],
                    self.bias_grid[row][column], self.output_grid[row][column])

    def to_dict(self) -> dict:
        data = asdict(self)
        data["expression"] = self.expression
        data["needs_transpose"] = self.needs_transpose
        return data


@dataclass
class Trace:
    layers: list[LayerTrace]
    engine: str  # "numpy" or "python": which one computed the outputs shown
    numpy_version: str | None = None
    checked_cells: int = 0  # cells where the other engine was run and agreed

    @property
    def outputs(self):
        return self.layers[-1].outputs

    @property
    def outputs_shape(self) -> tuple[int, ...]:
        return self.layers[-1].outputs_shape

    def to_dict(self) -> dict:
        return {
            "engine": self.engine,
            "numpy_version": self.numpy_version,
            "checked_cells": self.checked_cells,
            "layers": [layer.to_dict() for layer in self.layers],
            "outputs": self.outputs,
            "outputs_shape": list(self.outputs_shape),
        }
