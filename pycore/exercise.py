"""Predict, then reveal: a teacher's link asks for the outputs' shape, one cell's value
or all the outputs; the learner answers before the page shows them.

``question`` says what is asked (after the activation, where the layer has one);
``check`` reads the learner's answer (never as code) and says right or wrong, within
a stated tolerance, naming the mistake where it is a known one (the value before the
bias or the activation), with the rule or the worked step that gives the answer.
"""

from __future__ import annotations

import re
from dataclasses import dataclass

from .catalog import count_words, say
from .errors import InputError
from .numfmt import flat, fmt, shape_text
from .parse import parse
from .steps import cell_label
from .trace import LayerTrace, Trace

ABSOLUTE, RELATIVE = 0.01, 0.01  # an answer counts as right within 0.01, or 1 %, whichever is larger
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


def _after(layer: LayerTrace) -> dict:
    """How a question names the activation it includes ("" without one)."""
    if layer.activation == "none":
        return {"after": ""}
    return {"after": say("exercise.after", activation=say(f"activation.{layer.activation}.name"))}


def question(trace: Trace, kind: str, cell=None) -> str:
    layer = trace.layers[-1]
    tolerance = say("exercise.tolerance")
    if kind == "shape":
        return say("exercise.ask_shape")
    if kind == "cell":
        r, c = _cell(trace, cell)
        if layer.grid_shape == (1, 1):
            return say("exercise.ask_the_output", tolerance=tolerance, **_after(layer))
        return say("exercise.ask_cell", label=cell_label(layer, r, c), tolerance=tolerance, **_after(layer))
    if not trace.outputs_shape:
        return say("exercise.ask_single", tolerance=tolerance, **_after(layer))
    return say("exercise.ask_outputs", shape=shape_text(trace.outputs_shape), tolerance=tolerance, **_after(layer))


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
        return Verdict(False, say("exercise.empty"), step, answered=False)
    if kind == "shape":
        result = _check_shape(trace, guess)
    elif kind == "cell":
        result = _check_cell(trace, guess, cell)
    else:
        result = _check_outputs(trace, guess)
    if len(result) == 3:  # not read: say why, give nothing away, let the learner try again
        return Verdict(False, result[1] + " " + say("exercise.try_again"), step, answered=False)
    return Verdict(result[0], result[1], step)


def _unread(words: str) -> tuple[bool, str, str]:
    return False, words, "unread"


def _check_shape(trace: Trace, guess: str):
    layer, answer = trace.layers[-1], trace.outputs_shape
    shape = read_shape(guess)
    if shape is None:
        return _unread(say("exercise.not_shape", guess=guess[:40]))
    rule = _shape_rule(layer)
    if shape == answer:
        return True, say("exercise.shape_right", shape=shape_text(answer), rule=rule)
    hint = ""
    n = layer.features
    if n in shape and n not in answer:
        hint = " " + say("exercise.shape_kept_features", shape=shape_text(shape), features=count_words(n, "feature"),
                         count=n)
    elif len(shape) != len(answer):
        hint = " " + say("exercise.shape_dimensions", shape=shape_text(shape),
                         given=count_words(len(shape), "dimension"), dimensions=count_words(len(answer), "dimension"))
    return False, say("exercise.shape_wrong", shape=shape_text(answer), given=shape_text(shape), rule=rule) + hint


def _shape_rule(layer: LayerTrace) -> str:
    k, m, n = layer.samples, layer.neurons, layer.features
    return say(f"exercise.rule_{layer.stage.name}", samples=k, neurons=m, features=n,
               sample_words=count_words(k, "sample"), neuron_words=count_words(m, "neuron"))


def _number(guess: str) -> float | None:
    try:
        value = parse(guess, "prediction", 1)
    except InputError:
        return None
    return value.values if value.ndim == 0 and isinstance(value.values, (int, float)) else None


def _mistake(layer: LayerTrace, guess, cell) -> str:
    """The known mistake a wrong value is (" " and the words), or ""."""
    r, c = cell
    before = layer.as_grid(layer.outputs)[r][c]  # after the bias, before the activation
    dot = layer.as_grid(layer.dots)[r][c]
    activation = say(f"activation.{layer.activation}.name") if layer.activation != "none" else ""
    if activation and _close(guess, before):
        return " " + say("exercise.before_activation", activation=activation, before=fmt(before))
    if layer.biases is not None and _close(guess, dot):
        return " " + say("exercise.before_bias", dot=fmt(dot), bias=fmt(layer.neuron_bias(layer.sample_neuron(r, c)[1])))
    return ""


def _check_cell(trace: Trace, guess: str, cell):
    layer = trace.layers[-1]
    r, c = _cell(trace, cell)
    answer = layer.as_grid(layer.result)[r][c]
    where = cell_label(layer, r, c)
    value = _number(guess)
    if value is None:
        return _unread(say("exercise.not_number", guess=guess[:40]))
    tolerance = say("exercise.tolerance")
    if _close(value, answer):
        return True, say("exercise.cell_right", label=where, answer=fmt(answer), given=fmt(value), tolerance=tolerance)
    return False, (say("exercise.cell_wrong", label=where, answer=fmt(answer), given=fmt(value))
                   + _mistake(layer, value, (r, c)) + " " + say("exercise.cell_worked"))


def _check_outputs(trace: Trace, guess: str):
    answer, shape = trace.outputs, trace.outputs_shape
    layer = trace.layers[-1]
    try:
        given = parse(guess, "prediction", max(len(shape), 1))
    except InputError as error:
        return _unread(say("exercise.unreadable", reason=error.beside))
    if given.shape != shape and not (shape == () and given.shape == (1,)):
        return False, say("exercise.outputs_shape", shape=shape_text(shape), given=shape_text(given.shape))
    flat_answer, flat_given = flat(answer), flat(given.values)
    wrong = [i for i, (a, g) in enumerate(zip(flat_answer, flat_given)) if not _close(g, a)]
    if not wrong:
        return True, say("exercise.outputs_right", tolerance=say("exercise.tolerance"))
    listed = ", ".join(say("exercise.should_be", given=fmt(flat_given[i]), answer=fmt(flat_answer[i]))
                       for i in wrong[:3])
    more = say("exercise.more", count=len(wrong) - 3) if len(wrong) > 3 else ""
    mistake = ""
    if layer.activation != "none" and all(_close(g, a) for g, a in zip(flat_given, flat(layer.outputs))):
        mistake = " " + say("exercise.all_before_activation", activation=say(f"activation.{layer.activation}.name"))
    elif layer.biases is not None and all(_close(g, a) for g, a in zip(flat_given, flat(layer.dots))):
        mistake = " " + say("exercise.all_before_bias")
    return False, say("exercise.outputs_wrong", count=len(wrong), total=len(flat_answer), listed=listed + more) \
        + mistake + " " + say("exercise.outputs_worked")
