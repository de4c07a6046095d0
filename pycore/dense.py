"""A dense layer, computed the way the textbook's loops compute it.

``forward`` checks the shapes (an InputError says what does not fit and how to
fix it), runs the pure-Python loops, and, when NumPy imports, also runs the
textbook's NumPy expression and checks that both agree.
"""

from __future__ import annotations

import math
import random

from . import engine_numpy
from .errors import InputError, field_key, field_label
from .parse import Array, read_fields
from .stages import Stage, stage_for
from .steps import plural
from .trace import LayerTrace, Trace

# Above this many multiply-adds the pure-Python loops run only on a sample of
# cells when NumPy computes the outputs (every cell would cost seconds).
FULL_CHECK_LIMIT = 2_000_000
SAMPLE_CELLS = 256
RELATIVE_TOLERANCE = 1e-9


def compute(inputs: str, layers: list[tuple[str, str]], *, use_numpy: bool | None = None) -> Trace:
    """Field texts -> trace. ``layers`` is a list of (weights text, biases text),
    layer 1 first. Raises the first InputError on the page, top to bottom."""
    parsed_inputs, parsed_layers, errors = read_fields(inputs, layers)
    if errors:
        raise errors[0]
    return forward(parsed_inputs, parsed_layers, use_numpy=use_numpy)


def forward(inputs: Array, layers: list[tuple[Array, Array | None]], *,
            use_numpy: bool | None = None) -> Trace:
    """Run ``inputs`` through each (weights, biases) layer in turn. ``use_numpy``:
    None uses NumPy when it imports, False the loops only, True NumPy or an error."""
    np = engine_numpy.load() if use_numpy is not False else None
    if use_numpy and np is None:
        raise RuntimeError("NumPy was asked for but does not import")
    traces: list[LayerTrace] = []
    checked = 0
    for number, (weights, biases) in enumerate(layers, start=1):
        if number > 1:
            previous = traces[-1]
            if previous.weights.ndim == 1:
                one = "one number" if not previous.outputs_shape else "one number per sample"
                raise InputError(field_key("weights", number),
                                 f"layer {number - 1} is a single neuron (its weights are one list), so it "
                                 f"gives {one}; layer {number} needs a list of outputs per sample. To "
                                 f"chain a layer, write layer {number - 1}'s weights as a matrix with one "
                                 "row: [[...]].")
            inputs = Array(previous.outputs, previous.outputs_shape)
        trace, cells = _layer(number, inputs, weights, biases, np)
        traces.append(trace)
        checked += cells
    if np is not None:
        return Trace(layers=tuple(traces), engine="numpy", numpy_version=np.__version__, checked_cells=checked)
    return Trace(layers=tuple(traces), engine="python", engine_reason="chosen" if use_numpy is False else "missing")


def stage_of(inputs: Array, weights: Array, biases: Array | None, number: int = 1) -> Stage:
    """Which of the textbook's stages these shapes are, or an InputError saying what does not fit."""
    inputs_name = "Inputs" if number == 1 else f"the outputs of layer {number - 1}"
    weights_key, biases_key = field_key("weights", number), field_key("biases", number)
    weights_name, biases_name = field_label(weights_key), field_label(biases_key)
    if inputs.ndim == 0:
        raise InputError("inputs", "this is a single number, but inputs are a list even for one "
                                   "feature: write [2] for one sample, [[1, 2], [3, 4]] for a batch.")
    if weights.ndim == 0:
        raise InputError(weights_key, "this is a single number, but a neuron has one weight per "
                                      "input: write a list such as [0.2, 0.8, -0.5].")
    features = inputs.shape[-1]
    per_neuron = weights.shape[-1]
    if per_neuron != features:
        one_per = "one per input feature" if number == 1 else f"one per output of layer {number - 1}"
        rows = "each row of " + weights_name if weights.ndim == 2 else weights_name
        fix = f"each neuron needs {features} weights, {one_per}; {rows} has {per_neuron}."
        if inputs.ndim == 2 and weights.ndim == 2:
            rule = (f"inputs {inputs.shape} and weightsᵀ {weights.shape[::-1]} do not fit the "
                    f"matrix product: the second dimension of the left matrix ({features}) must "
                    f"equal the first dimension of the right one ({per_neuron}), after "
                    "transposing the weights. ")
        else:
            rule = (f"weights {weights.shape} and inputs {inputs.shape} do not fit the dot "
                    f"product: each weight multiplies one input ({inputs_name} "
                    f"{'has' if number == 1 else 'are'} {plural(features, 'number')} per sample). ")
        raise InputError(weights_key, rule[0].upper() + rule[1:] + fix[0].upper() + fix[1:])
    if biases is not None:
        if weights.ndim == 1 and biases.ndim != 0:
            raise InputError(biases_key, "a single neuron has one bias: write one plain number, "
                                         "such as 2.0, without brackets.")
        neurons = weights.shape[0] if weights.ndim == 2 else 1
        if weights.ndim == 2 and biases.ndim == 0 and neurons != 1:
            raise InputError(biases_key, f"{neurons} neurons need {neurons} biases, one each; "
                                         f"{biases_name} is a single number. Write a list such as "
                                         f"[{', '.join(['0.0'] * min(neurons, 3))}{', ...' if neurons > 3 else ''}].")
        if biases.ndim == 1 and biases.shape[0] != neurons:
            raise InputError(biases_key, f"{plural(neurons, 'neuron')} need{'s' if neurons == 1 else ''} "
                                         f"{plural(neurons, 'bias')}; {biases_name} has {biases.shape[0]}.")
    return stage_for(inputs.ndim, weights.ndim)


def _layer(number: int, inputs: Array, weights: Array, biases: Array | None, np) -> tuple[LayerTrace, int]:
    stage = stage_of(inputs, weights, biases, number)
    shell = LayerTrace(number=number, stage_name=stage.name, inputs=inputs, weights=weights,
                       biases=biases, dots=None, outputs=None)
    rows, columns = shell.grid_shape
    left, right = shell.left_rows(), shell.right_columns()
    bias_grid = shell.bias_grid()
    checked = 0
    if np is None:
        dots = [[dot(left_row, right_column) for right_column in right] for left_row in left]
        outputs = dots if bias_grid is None else [
            [d + b for d, b in zip(dot_row, bias_row)] for dot_row, bias_row in zip(dots, bias_grid)]
        dots, outputs = _shaped(shell, dots), _shaped(shell, outputs)
    else:
        dots, outputs = engine_numpy.layer(np, stage, inputs.values, weights.values,
                                           None if biases is None else biases.values)
        dots_grid, outputs_grid = shell.as_grid(dots), shell.as_grid(outputs)
        work = rows * columns * len(left[0])
        cells = ([(r, c) for r in range(rows) for c in range(columns)] if work <= FULL_CHECK_LIMIT
                 else _sample_cells(rows, columns))
        for r, c in cells:
            bias = 0 if bias_grid is None else bias_grid[r][c]
            _check_cell(number, left[r], right[c], bias, dots_grid[r][c], outputs_grid[r][c])
        checked = len(cells)
    trace = LayerTrace(number=number, stage_name=stage.name, inputs=inputs, weights=weights,
                       biases=biases, dots=dots, outputs=outputs)
    _finite(trace)
    return trace, checked


def dot(a: list, b: list):
    """The dot product, added up as the textbook's loop adds it."""
    total = 0
    for x, y in zip(a, b):
        total += x * y
    return total


def _shaped(shell: LayerTrace, cells: list[list]):
    """A product grid in the outputs' shape: a column reads as a vector, one cell as a number."""
    stage = shell.stage
    if not stage.rows and not stage.columns:
        return cells[0][0]
    if not stage.columns:
        return [row[0] for row in cells]
    return cells


def _sample_cells(rows: int, columns: int) -> list[tuple[int, int]]:
    """Corners and a fixed random spread: the same cells every run."""
    chosen = {(0, 0), (0, columns - 1), (rows - 1, 0), (rows - 1, columns - 1)}
    picker = random.Random(rows * 1_000_003 + columns)
    while len(chosen) < min(SAMPLE_CELLS, rows * columns):
        chosen.add((picker.randrange(rows), picker.randrange(columns)))
    return sorted(chosen)


def _check_cell(number: int, left_row: list, right_column: list, bias, numpy_dot, numpy_output) -> None:
    total = dot(left_row, right_column)
    scale = sum(abs(x * y) for x, y in zip(left_row, right_column))  # how large rounding can make a gap
    got, scale = total + bias, scale + abs(bias)
    for ours, theirs in ((total, numpy_dot), (got, numpy_output)):
        if abs(ours - theirs) > RELATIVE_TOLERANCE * max(scale, abs(ours), abs(theirs)):
            raise ArithmeticError(f"layer {number}: the Python loops give {ours!r} but NumPy gives {theirs!r}")


def _finite(layer: LayerTrace) -> None:
    """Products of huge finite numbers can still overflow; say so instead of showing inf."""
    values = layer.outputs if isinstance(layer.outputs, list) else [layer.outputs]
    for row in values:
        for value in row if isinstance(row, list) else [row]:
            if isinstance(value, float) and not math.isfinite(value):
                raise InputError(field_key("weights", layer.number),
                                 f"layer {layer.number}'s outputs overflow to infinity: the numbers are "
                                 "too large to multiply. Use smaller numbers.")
