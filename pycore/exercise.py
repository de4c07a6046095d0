"""Predict, then reveal: a teacher's link asks for the outputs' shape, one cell's value
or all the outputs; the learner answers before the page shows them.

``question`` says what is asked; ``check`` reads the learner's answer (never as code)
and says right or wrong, within a stated tolerance, with the rule or the worked
step that gives the answer.
"""

from __future__ import annotations

import re
from dataclasses import dataclass

from .errors import InputError
from .numfmt import flat, fmt, shape_text
from .parse import parse
from .steps import cell_label, count_words
from .trace import LayerTrace, Trace

ABSOLUTE, RELATIVE = 0.01, 0.01  # an answer counts as right within 0.01, or 1 %, whichever is larger
TOLERANCE_WORDS = "within 0.01 (or 1 % of the answer, whichever is larger)"
ANSWER_STEP = {"shape": "transpose", "cell": "product", "outputs": "biases"}  # the worked step to show


@dataclass(frozen=True)
class Verdict:
    right: bool
    words: str
    step: str  # the key of the step that answers it
    answered: bool = True  # False: the answer could not be read; nothing is revealed, try again


def _cell(trace: Trace, cell) -> tuple[int, int]:
    layer = trace.layers[-1]
    rows, columns = layer.grid_shape
    r, c = (cell[0] - 1, cell[1] - 1) if cell else (0, 0)
    return (r, c) if 0 <= r < rows and 0 <= c < columns else (0, 0)


def question(trace: Trace, kind: str, cell=None) -> str:
    layer = trace.layers[-1]
    if kind == "shape":
        return ("What shape will the outputs have? Type it as NumPy writes shapes, such as (3, 2), (3,) "
                "or () for a single number.")
    if kind == "cell":
        r, c = _cell(trace, cell)
        where = "the output" if layer.grid_shape == (1, 1) else f"the output of {cell_label(layer, r, c)}"
        return f"What is {where}? Type a number; it counts as right {TOLERANCE_WORDS}."
    if not trace.outputs_shape:
        return f"What is the output (a single number)? Type it; it counts as right {TOLERANCE_WORDS}."
    return (f"What are all the outputs, shape {shape_text(trace.outputs_shape)}? Type them as a list, such as "
            f"[[1, 2], [3, 4]]; each counts as right {TOLERANCE_WORDS}.")


def _close(guess: float, answer: float) -> bool:
    return abs(guess - answer) <= max(ABSOLUTE, RELATIVE * abs(answer)) * (1 + 1e-9)  # 0.21 vs 0.2 is within


_SHAPE = re.compile(r"\s*[\[(]?\s*((?:\d+\s*(?:[,x×*]|by)?\s*)*)[\])]?\s*")


def read_shape(text: str) -> tuple[int, ...] | None:
    """(3, 2), 3, 2, 3x2, 3 × 2, [3, 2], 3 by 2, (3,), () -> a tuple; None when it is not a shape."""
    match = _SHAPE.fullmatch(text.lower())
    if match is None or len(text) > 100:
        return None
    return tuple(int(n) for n in re.findall(r"\d+", match.group(1)))


def check(trace: Trace, kind: str, guess: str, cell=None) -> Verdict:
    layer = trace.layers[-1]
    step = ANSWER_STEP[kind] if kind != "shape" or layer.stage.name == "batch" else "outputs"
    if not guess.strip():
        return Verdict(False, "Type your prediction first, then press Check.", step, answered=False)
    if kind == "shape":
        result = _check_shape(trace, guess)
    elif kind == "cell":
        result = _check_cell(trace, guess, cell)
    else:
        result = _check_outputs(trace, guess)
    return Verdict(result[0], result[1], step, answered=len(result) == 2)


def _unread(words: str) -> tuple[bool, str, str]:
    """An answer that could not be read: say why, give nothing away, let the learner try again."""
    return False, words + " Nothing is revealed yet: correct it and press Check again.", "unread"


def _check_shape(trace: Trace, guess: str) -> tuple[bool, str]:
    layer, answer = trace.layers[-1], trace.outputs_shape
    shape = read_shape(guess)
    if shape is None:
        return _unread(f"“{guess[:40]}” is not a shape. Type it as NumPy writes shapes, such as (3, 2).")
    rule = _shape_rule(layer)
    if shape == answer:
        return True, f"Right: the outputs' shape is {shape_text(answer)}. {rule}"
    hint = ""
    n = layer.features
    if n in shape and n not in answer:
        hint = (f" Your {shape_text(shape)} keeps the {n} input features, but each dot product sums them away: "
                f"{count_words(n, 'feature')} in, one number out.")
    elif len(shape) != len(answer):
        hint = (f" Your {shape_text(shape)} has {count_words(len(shape), 'dimension')}; the outputs have "
                f"{count_words(len(answer), 'dimension')}.")
    return False, f"Not quite: the outputs' shape is {shape_text(answer)}, not {shape_text(shape)}. {rule}{hint}"


def _shape_rule(layer: LayerTrace) -> str:
    k, m, n = layer.samples, layer.neurons, layer.features
    name = layer.stage.name
    if name == "batch":
        return (f"The matrix product of inputs ({k}, {n}) and weightsᵀ ({n}, {m}) takes its rows from the left "
                f"(the {count_words(k, 'sample')}) and its columns from the right (the {count_words(m, 'neuron')}): "
                f"({k}, {m}).")
    if name == "layer":
        return f"np.dot(weights, inputs) gives one number per neuron: ({m},)."
    if name == "batch_neuron":
        return f"np.dot(inputs, weights) gives one number per sample: ({k},)."
    return "A single neuron with one sample gives one number: shape ()."


def _number(guess: str) -> float | None:
    try:
        value = parse(guess, "prediction", 1)
    except InputError:
        return None
    return value.values if value.ndim == 0 and isinstance(value.values, (int, float)) else None


def _check_cell(trace: Trace, guess: str, cell) -> tuple[bool, str]:
    layer = trace.layers[-1]
    r, c = _cell(trace, cell)
    answer = layer.as_grid(layer.result)[r][c]
    where = cell_label(layer, r, c)
    value = _number(guess)
    if value is None:
        return _unread(f"“{guess[:40]}” is not a number.")
    if _close(value, answer):
        return True, f"Right: {where} is {fmt(answer)} (you said {fmt(value)}, {TOLERANCE_WORDS})."
    return False, (f"Not quite: {where} is {fmt(answer)}, you said {fmt(value)}. The dot product below is "
                   "worked out term by term.")


def _check_outputs(trace: Trace, guess: str) -> tuple[bool, str]:
    answer, shape = trace.outputs, trace.outputs_shape
    try:
        given = parse(guess, "prediction", max(len(shape), 1))
    except InputError as error:
        return _unread(f"Your answer could not be read: {error.beside}")
    if given.shape != shape and not (shape == () and given.shape == (1,)):
        return False, (f"Not quite: the outputs have shape {shape_text(shape)}, your answer "
                       f"{shape_text(given.shape)}. The outputs are shown below.")
    flat_answer, flat_given = flat(answer), flat(given.values)
    wrong = [i for i, (a, g) in enumerate(zip(flat_answer, flat_given)) if not _close(g, a)]
    if not wrong:
        return True, f"Right: every output matches, {TOLERANCE_WORDS}."
    listed = ", ".join(f"{fmt(flat_given[i])} should be {fmt(flat_answer[i])}" for i in wrong[:3])
    more = f", and {len(wrong) - 3} more" if len(wrong) > 3 else ""
    return False, (f"Not quite: {len(wrong)} of {len(flat_answer)} outputs differ ({listed}{more}). "
                   "The worked steps are below.")

