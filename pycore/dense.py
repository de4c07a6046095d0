"""A dense layer, computed the way the textbook's loops compute it.

``forward`` checks the shapes (an InputError says what does not fit and how to
fix it), runs the pure-Python loops, and, when NumPy imports, also runs the
textbook's NumPy expression and checks that both agree.
"""

from __future__ import annotations

import math
import random
from typing import NoReturn

from . import engine_numpy
from .cache import Recent
from .catalog import say
from .errors import InputError, field_key, field_label
from .numfmt import flat, shape_text
from .parse import Array, decimal_comma_note, read_fields
from .stages import ACTIVATIONS, Activation, Stage, stage_for
from .trace import LayerTrace, Trace

# The pure-Python loops in a browser do about 5 million multiply-adds a second (Pyodide
# on a 2-core laptop, measured by the bench): past this many, a page would wait over 2 s.
BROWSER_WORK_LIMIT = 10_000_000
BROWSER_RATE = 5_000_000  # multiply-adds a second, for the message

# Above this many multiply-adds the pure-Python loops run only on a sample of
# cells when NumPy computes the outputs (every cell would cost seconds).
FULL_CHECK_LIMIT = 2_000_000
SAMPLE_CELLS = 256
RELATIVE_TOLERANCE = 1e-9


def compute(inputs: str, layers: list[tuple[str, str]], *, use_numpy: bool | None = None,
            activations: list[str] | None = None) -> Trace:
    """Field texts -> trace. ``layers`` is a list of (weights text, biases text),
    layer 1 first. Raises the first InputError on the page, top to bottom."""
    trace, errors = read_and_compute(inputs, layers, use_numpy=use_numpy, activations=activations)
    if errors:
        raise errors[0]
    return trace


def read_and_compute(inputs: str, layers: list[tuple[str, str]], *, use_numpy: bool | None = None,
                     activations: list[str] | None = None,
                     work_limit: int | None = None) -> tuple[Trace | None, tuple[InputError, ...]]:
    """Read the fields and compute: the one way from field texts to a trace (the page,
    the command line and the tests all take it). Returns the trace, or every field's own
    mistake (each field is read on its own, so one mistake does not hide another), else
    the one field whose shape does not fit."""
    parsed_inputs, parsed_layers, errors = read_fields(inputs, layers)
    if errors:
        return None, tuple(errors)
    try:
        return forward(parsed_inputs, parsed_layers, use_numpy=use_numpy, texts=(inputs, layers),
                       activations=activations, work_limit=work_limit), ()
    except InputError as error:
        return None, (error,)


def forward(inputs: Array, layers: list[tuple[Array, Array | None]], *,
            use_numpy: bool | None = None, texts: tuple[str, list[tuple[str, str]]] | None = None,
            activations: list[str] | None = None, work_limit: int | None = None) -> Trace:
    """Run ``inputs`` through each (weights, biases) layer in turn; ``activations``
    names each layer's activation ("none" where not given). ``use_numpy``:
    None uses NumPy when it imports, False the loops only, True NumPy or an error.
    ``texts``, when given, is the fields as typed, (inputs text, [(weights text, biases
    text), ...]) as read_fields takes them: a count that does not fit then says
    whether a decimal comma (``-0,5``, two numbers to Python) would explain it."""
    field_texts: dict[str, str] = {}
    if texts is not None:
        field_texts["inputs"] = texts[0]
        for number, (weights_text, biases_text) in enumerate(texts[1], start=1):
            field_texts[field_key("weights", number)] = weights_text
            field_texts[field_key("biases", number)] = biases_text
    activations = activations or []
    np = engine_numpy.load() if use_numpy is not False else None
    if use_numpy and np is None:
        raise RuntimeError(say("check.numpy_missing"))
    if np is None and work_limit is not None:
        _check_work(inputs, layers, work_limit)
    traces: list[LayerTrace] = []
    checked = 0
    for number, (weights, biases) in enumerate(layers, start=1):
        if number > 1:
            previous = traces[-1]
            if previous.weights.ndim == 1:
                raise InputError(field_key("weights", number),
                                 "shape.chain_single_batch" if previous.outputs_shape else "shape.chain_single",
                                 number=number, previous=number - 1)
            inputs = Array(previous.result, previous.outputs_shape)
        activation = activations[number - 1] if number <= len(activations) else "none"
        trace, cells = _layer(number, inputs, weights, biases, np, field_texts, ACTIVATIONS[activation])
        traces.append(trace)
        checked += cells
    if np is not None:
        return Trace(layers=tuple(traces), engine="numpy", numpy_version=np.__version__, checked_cells=checked)
    return Trace(layers=tuple(traces), engine="python", engine_reason="chosen" if use_numpy is False else "missing")


def stage_of(inputs: Array, weights: Array, biases: Array | None, number: int = 1, *,
             texts: dict[str, str] | None = None) -> Stage:
    """Which of the textbook's stages these shapes are, or an InputError saying what does not fit.
    ``texts`` (field key -> the text typed in that field), when given, lets a count that
    does not fit say that a decimal comma would explain it."""
    def note(key: str, fits: int, in_inputs: bool = False) -> str:
        """The decimal-comma sentence for the field ``key``, as the message's {note}: "" when none."""
        text = (texts or {}).get(key)
        sentence = decimal_comma_note(text, fits) if text else ""
        return say("shape.note_inputs" if in_inputs else "shape.note", sentence=sentence) if sentence else ""

    weights_key, biases_key = field_key("weights", number), field_key("biases", number)
    if inputs.ndim == 0:
        raise InputError("inputs", "shape.inputs_scalar")
    if weights.ndim == 0:
        raise InputError(weights_key, "shape.weights_scalar")
    features = inputs.shape[-1]
    per_neuron = weights.shape[-1]
    if per_neuron != features:
        if inputs.ndim == 2 and weights.ndim == 2:
            message_id = "shape.matrix_product"
        else:
            message_id = "shape.dot_product" if weights.ndim == 2 else "shape.dot_product_neuron"
        hint = note(weights_key, features) or (note("inputs", per_neuron, in_inputs=True) if number == 1 else "")
        raise InputError(weights_key, message_id if number == 1 else message_id + "_chained", count=features,
                         per_neuron=per_neuron, field=field_label(weights_key), previous=number - 1,
                         inputs_shape=shape_text(inputs.shape), weights_shape=shape_text(weights.shape),
                         transposed_shape=shape_text(weights.shape[::-1]), note=hint)
    if biases is not None:
        if weights.ndim == 1 and biases.ndim != 0:
            if biases.shape == (1,):  # valid NumPy: say what NumPy would do with it
                value = biases.values[0]
                if inputs.ndim == 1:
                    raise InputError(biases_key, "shape.bias_in_brackets", value=value)
                raise InputError(biases_key, "shape.bias_in_brackets_batch", value=value, count=inputs.shape[0])
            raise InputError(biases_key, "shape.one_bias", note=note(biases_key, 1))
        neurons = weights.shape[0] if weights.ndim == 2 else 1
        if weights.ndim == 2 and biases.ndim == 0 and neurons != 1:
            example = ", ".join(["0.0"] * min(neurons, 3)) + (", ..." if neurons > 3 else "")  # a Python list's items
            raise InputError(biases_key, "shape.biases_scalar", neurons=neurons, field=field_label(biases_key),
                             example=example)
        if biases.ndim == 1 and biases.shape[0] != neurons:
            raise InputError(biases_key, "shape.biases_count", count=neurons, field=field_label(biases_key),
                             given=biases.shape[0], note=note(biases_key, neurons))
    # Whole numbers stay exact, as in Python: refuse the few a layer cannot compute with.
    whole = {}  # role -> (field key, largest magnitude), for the fields of whole numbers
    present = [(array, key, role) for array, key, role in (
        (inputs, "inputs" if number == 1 else weights_key, "inputs"),
        (weights, weights_key, "weights"), (biases, biases_key, "biases")) if array is not None]
    for array, key, role in present:
        numbers = flat(array.values)
        if all(isinstance(v, int) for v in numbers):
            whole[role] = (key, max(map(abs, numbers)))

    def refuse_whole(message_id: str, role: str) -> NoReturn:
        key = whole[role][0]
        if role == "inputs" and number > 1:  # the outputs of the layer before, not a field
            raise InputError(key, message_id + "_chained", previous=number - 1)
        raise InputError(key, message_id, field=field_label(key))

    for role, (_, largest) in whole.items():
        if len(whole) < len(present) and largest.bit_length() > 1000 and not _fits_float(largest):
            refuse_whole("shape.whole_overflows", role)  # meets floats: as NumPy, all floats, and this overflows
    if "inputs" in whole and "weights" in whole:
        digits = sum(whole[role][1].bit_length() for role in ("inputs", "weights")) * 0.30103
        if digits + len(str(features)) > 4_300:  # Python prints whole numbers of at most 4,300 digits
            refuse_whole("shape.whole_too_long", max(("inputs", "weights"), key=lambda r: whole[r][1]))
    return stage_for(inputs.ndim, weights.ndim)


def _fits_float(whole: int) -> bool:
    try:
        float(whole)
    except OverflowError:
        return False
    return True


def _layer(number: int, inputs: Array, weights: Array, biases: Array | None, np,
           texts: dict[str, str] | None = None,
           activation: Activation = ACTIVATIONS["none"]) -> tuple[LayerTrace, int]:
    inputs, weights, read_as = one_input(inputs, weights)
    stage = stage_of(inputs, weights, biases, number, texts=texts)
    shell = LayerTrace(number=number, stage_name=stage.name, inputs=inputs, weights=weights,
                       biases=biases, dots=None, outputs=None)
    rows, columns = shell.grid_shape
    left, right = shell.left_rows(), shell.right_columns()
    bias_grid = shell.bias_grid()
    checked = 0
    if np is None:
        dots = _dots_again(inputs, weights, lambda: [[dot(left_row, right_column) for right_column in right]
                                                     for left_row in left])
        outputs = dots if bias_grid is None else [
            [d + b for d, b in zip(dot_row, bias_row)] for dot_row, bias_row in zip(dots, bias_grid)]
        activated = None if activation.name == "none" else [[activation.apply(v) for v in row] for row in outputs]
        dots, outputs = _shaped(shell, dots), _shaped(shell, outputs)
        activated = None if activated is None else _shaped(shell, activated)
    else:
        dots, outputs, activated = engine_numpy.layer(np, stage, inputs.values, weights.values,
                                                      None if biases is None else biases.values, activation)
        dots_grid, outputs_grid = shell.as_grid(dots), shell.as_grid(outputs)
        activated_grid = None if activated is None else shell.as_grid(activated)
        work = rows * columns * len(left[0])
        cells = ([(r, c) for r in range(rows) for c in range(columns)] if work <= FULL_CHECK_LIMIT
                 else _sample_cells(rows, columns))
        for r, c in cells:
            bias = 0 if bias_grid is None else bias_grid[r][c]
            _check_cell(number, left[r], right[c], bias, dots_grid[r][c], outputs_grid[r][c])
            if activated_grid is not None and activation.apply(outputs_grid[r][c]) != activated_grid[r][c]:
                raise ArithmeticError(say("check.activation_disagree", number=number,
                                          activation=say(f"activation.{activation.name}.title"),
                                          output=outputs_grid[r][c], loops=activation.apply(outputs_grid[r][c]),
                                          numpy=activated_grid[r][c]))
        checked = len(cells)
    trace = LayerTrace(number=number, stage_name=stage.name, inputs=inputs, weights=weights,
                       biases=biases, dots=dots, outputs=outputs, activation=activation.name,
                       activated=activated, read_as=read_as)
    _finite(trace)
    return trace, checked


def _check_work(inputs: Array, layers: list, limit: int) -> None:
    """Refuse, before starting, what the loops could not finish in about 2 s."""
    samples = inputs.shape[0] if inputs.ndim == 2 else 1
    features = inputs.shape[-1] if inputs.ndim else 1
    total = 0
    for number, (weights, _) in enumerate(layers, start=1):
        if weights is None or weights.ndim == 0:
            return
        neurons = weights.shape[0] if weights.ndim == 2 else 1
        total += samples * features * neurons
        if total > limit:
            seconds = total / BROWSER_RATE
            raise InputError(field_key("weights", number), "shape.too_much_work", total=total,
                             millions=BROWSER_RATE // 1_000_000, seconds=seconds, most=limit)
        features = neurons


def one_input(inputs: Array, weights: Array) -> tuple[Array, Array, tuple[str, ...]]:
    """A neuron with one input, written with plain numbers (input 2, weight 0.5), as a
    learner trying the seed's first figures will: each plain number is read as a list of
    one, as NumPy's dot would treat it. Returns the arrays and which of them were read so."""
    read_as = []
    if inputs.ndim == 0 and (weights.ndim == 0 or weights.shape == (1,)):
        inputs, read_as = Array([inputs.values], (1,)), ["inputs"]
    if weights.ndim == 0 and inputs.shape in ((1,), ()):
        weights = Array([weights.values], (1,))
        read_as.append("weights")
    return inputs, weights, tuple(read_as)


_DOTS = Recent(4)  # the loops' dot products of the last few (inputs, weights)


def _dots_again(inputs: Array, weights: Array, make):
    """The loops' dot products, kept for the last few (inputs, weights): an edit of the
    biases (or of a later layer) does not multiply everything again. The arrays come
    from the reader's own memory of unchanged fields, so the same text is the same object."""
    return _DOTS.get((id(inputs.values), id(weights.values)), make, inputs.values, weights.values)


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
            raise ArithmeticError(say("check.disagree", number=number, loops=ours, numpy=theirs))


def _finite(layer: LayerTrace) -> None:
    """Products of huge finite numbers can still overflow; say so, naming the field that
    holds the huge numbers, instead of showing inf."""
    if all(not isinstance(v, float) or math.isfinite(v) for v in flat(layer.outputs)):
        return
    number = layer.number
    largest = {name: max((abs(v) for v in flat(array.values)), default=0)
               for name, array in (("inputs", layer.inputs), ("weights", layer.weights), ("biases", layer.biases))
               if array is not None}
    culprit = max(largest, key=largest.get)
    if culprit == "inputs" and number > 1:
        raise InputError(field_key("weights", number), "shape.overflow_chained", number=number,
                         previous=number - 1, largest=largest[culprit])
    key = "inputs" if culprit == "inputs" else field_key(culprit, number)
    raise InputError(key, "shape.overflow", number=number, field=field_label(key), largest=largest[culprit])
