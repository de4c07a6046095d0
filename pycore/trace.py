"""The trace: plain data holding the facts of every step. No printing, no HTML.

A layer's trace holds what was given (inputs, weights, biases) and what was
computed (the dot products and the outputs, in NumPy's shapes). Everything a
picture needs besides, such as the rows of the left operand of ``np.dot`` or the
transposed weights, is derived from those facts by a method, never stored.

The product is seen in one uniform way, whatever the stage: a grid where cell
(r, c) is the dot product of row r of ``np.dot``'s left operand with column c of
its right one (the stage table says which operand is which).
"""

from __future__ import annotations

from dataclasses import dataclass

from .parse import Array
from .stages import STAGES, Stage


@dataclass(frozen=True)
class Cell:
    """One output: a dot product written out term by term, then its bias."""

    row: int
    column: int
    sample: int  # which sample (0 when there is one)
    neuron: int  # which neuron (0 when there is one)
    terms: tuple[tuple[float, float], ...]  # (input, weight) pairs, as the seed writes them
    dot: float
    bias: float | None  # None: the layer has no biases
    output: float


def grid(values) -> list[list]:
    """Values of 0, 1 or 2 dimensions as rows: a number is one cell, a vector one row."""
    if not isinstance(values, list):
        return [[values]]
    return values if values and isinstance(values[0], list) else [values]


@dataclass(frozen=True, kw_only=True)
class LayerTrace:
    number: int  # 1-based, as the page labels layers
    stage_name: str
    inputs: Array
    weights: Array
    biases: Array | None  # None: the Biases field is empty, nothing is added
    dots: object  # np.dot(...) before the biases, in the outputs' shape
    outputs: object  # dots + biases, in NumPy's shape: a number, a vector or a matrix
    activation: str = "none"  # applied to the outputs before they pass on (stages.ACTIVATIONS)
    activated: object = None  # the outputs after the activation (None: no activation)
    read_as: tuple[str, ...] = ()  # fields written as a plain number, read as a list of one

    @property
    def stage(self) -> Stage:
        return STAGES[self.stage_name]

    @property
    def result(self):
        """What the layer passes on: its outputs, after the activation if it has one."""
        return self.outputs if self.activated is None else self.activated

    @property
    def outputs_shape(self) -> tuple[int, ...]:
        return _shape(self.outputs)

    @property
    def samples(self) -> int:
        return self.inputs.shape[0] if self.inputs.ndim == 2 else 1

    @property
    def neurons(self) -> int:
        return self.weights.shape[0] if self.weights.ndim == 2 else 1

    @property
    def features(self) -> int:
        return self.inputs.shape[-1]

    @property
    def expression(self) -> str:
        return self.stage.expression(with_biases=self.biases is not None)

    # -- views derived from the facts -----------------------------------------------
    @property
    def grid_shape(self) -> tuple[int, int]:
        """Rows and columns of the product grid: np.dot's left rows by its right columns."""
        rows = self.samples if self.stage.rows == "sample" else self.neurons if self.stage.rows else 1
        columns = self.neurons if self.stage.columns == "neuron" else 1
        return rows, columns

    def sample_neuron(self, row: int, column: int) -> tuple[int, int]:
        """Which sample and which neuron product cell (row, column) belongs to."""
        stage = self.stage
        sample = row if stage.rows == "sample" else 0
        neuron = column if stage.columns == "neuron" else row if stage.rows == "neuron" else 0
        return sample, neuron

    def cell_of(self, sample: int, neuron: int) -> tuple[int, int]:
        """The product cell of a sample and a neuron (the inverse of ``sample_neuron``)."""
        stage = self.stage
        row = sample if stage.rows == "sample" else neuron if stage.rows == "neuron" else 0
        return row, neuron if stage.columns == "neuron" else 0

    def sample_values(self, sample: int) -> list:
        return self.inputs.values[sample] if self.inputs.ndim == 2 else self.inputs.values

    def neuron_weights(self, neuron: int) -> list:
        return self.weights.values[neuron] if self.weights.ndim == 2 else self.weights.values

    def neuron_bias(self, neuron: int):
        if self.biases is None:
            return None
        return self.biases.values[neuron] if self.biases.ndim == 1 else self.biases.values

    def left_rows(self) -> list[list]:
        """The rows of np.dot's left operand, as the product grid pairs them."""
        rows = self.grid_shape[0]
        if self.stage.left == "inputs":
            return [self.sample_values(r) for r in range(rows)]
        return [self.neuron_weights(r) for r in range(rows)]

    def right_columns(self) -> list[list]:
        """The columns of np.dot's right operand (for a batch: the columns of weightsᵀ)."""
        columns = self.grid_shape[1]
        if self.stage.right == "inputs":
            return [self.sample_values(0)]
        return [self.neuron_weights(c) for c in range(columns)]

    def transposed(self) -> list[list]:
        """weightsᵀ: row i of weights is column i of the result."""
        return [list(column) for column in zip(*self.weights.values)]

    def as_grid(self, values) -> list[list]:
        """Values in the outputs' shape (dots, outputs) as the product grid's rows and columns."""
        if self.stage.rows and not self.stage.columns:  # one column: a neuron or a sample per row
            return [[v] for v in values]
        return grid(values)

    def activation_changed(self) -> set[tuple[int, int]]:
        """The product grid's cells whose output the activation changed."""
        if self.activated is None:
            return set()
        before, after = self.as_grid(self.outputs), self.as_grid(self.activated)
        return {(r, c) for r, row in enumerate(before) for c, value in enumerate(row) if value != after[r][c]}

    def bias_grid(self) -> list[list] | None:
        """The biases, broadcast to the product grid's shape (as NumPy adds them). Rows
        may be shared: the grid is read, never changed."""
        if self.biases is None:
            return None
        rows, columns = self.grid_shape
        if self.stage.columns == "neuron":  # a neuron per column: the same row for every sample
            row = [self.neuron_bias(c) for c in range(columns)]
            return [row] * rows
        if self.stage.rows == "neuron":  # a neuron per row
            return [[self.neuron_bias(r)] for r in range(rows)]
        return [[self.neuron_bias(0)]] * rows  # one neuron

    def broadcast_biases(self):
        """The biases as they are added, in the outputs' shape."""
        if self.biases is None:
            return None
        cells = self.bias_grid()
        if not self.outputs_shape:
            return cells[0][0]
        return [row[0] for row in cells] if len(self.outputs_shape) == 1 else cells

    def cell(self, row: int, column: int) -> Cell:
        """The dot product behind one output, built on demand (a large layer has
        samples * neurons * features terms: too many to store)."""
        sample, neuron = self.sample_neuron(row, column)
        dots, outputs = self.as_grid(self.dots), self.as_grid(self.outputs)
        terms = tuple(zip(self.sample_values(sample), self.neuron_weights(neuron)))
        return Cell(row, column, sample, neuron, terms, dots[row][column], self.neuron_bias(neuron),
                    outputs[row][column])

    def to_dict(self) -> dict:
        return {"number": self.number, "stage": self.stage_name, "expression": self.expression,
                "inputs": self.inputs.to_dict(), "weights": self.weights.to_dict(),
                "biases": self.biases.to_dict() if self.biases else None,
                "dots": self.dots, "outputs": self.outputs, "activation": self.activation,
                "activated": self.activated, "outputs_shape": list(self.outputs_shape)}


def _shape(values) -> tuple[int, ...]:
    if not isinstance(values, list):
        return ()
    return (len(values),) + _shape(values[0])


@dataclass(frozen=True, kw_only=True)
class Trace:
    layers: tuple[LayerTrace, ...]
    engine: str  # "numpy" or "python": which one computed the outputs shown
    engine_reason: str = ""  # for "python": "chosen" (asked for the loops) or "missing" (no NumPy)
    numpy_version: str | None = None
    checked_cells: int = 0  # cells where the other engine was run and agreed

    @property
    def outputs(self):
        """The last layer's result: what the network computes."""
        return self.layers[-1].result

    @property
    def outputs_shape(self) -> tuple[int, ...]:
        return self.layers[-1].outputs_shape

    def to_dict(self) -> dict:
        return {"engine": self.engine, "engine_reason": self.engine_reason,
                "numpy_version": self.numpy_version, "checked_cells": self.checked_cells,
                "layers": [layer.to_dict() for layer in self.layers],
                "outputs": self.outputs, "outputs_shape": list(self.outputs_shape)}
