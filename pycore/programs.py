"""The Code region's two programs for the current fields: the textbook's loops,
and its NumPy. Each runs on CPython as it stands and prints the outputs shown.

The loops add in the same order as pycore's pure-Python engine, so they print
the very same floats; Python prints every digit of a float where NumPy rounds
arrays to 8 decimals, and the program says so where that shows.
"""

from __future__ import annotations

from .catalog import say
from .engine_numpy import integers_overflow
from .errors import field_key
from .numfmt import PRECISION, exact_differs, flat, fmt
from .stages import ACTIVATIONS
from .trace import LayerTrace, Trace

MAX_PROGRAM_NUMBERS = 20_000  # past this a program is too long to read or paste


def _comment(words: str) -> str:
    """Words as Python comments, one line of the catalog's text per line."""
    return "".join(f"# {line}\n" for line in words.split("\n"))


def literal(values, indent: int = 0) -> str:
    """Values as a Python literal: exact (repr), one matrix row per line."""
    if not isinstance(values, list) or not values or not isinstance(values[0], list):
        return repr(values)
    pad = " " * (indent + 1)
    return "[" + (",\n" + pad).join(repr(row) for row in values) + "]"


def names(trace: Trace, layer: LayerTrace) -> dict[str, str]:
    """The variables of one layer, as the seed names them (numbered when there are several):
    the one naming of the loops' variables, for the Code region and the Steps alike."""
    number, several = layer.number, len(trace.layers) > 1
    outputs = layer.stage.outputs_name
    if several:
        outputs = outputs.replace("layer_", f"layer{number}_") if "layer_" in outputs else f"{outputs}{number}"
    previous = trace.layers[number - 2] if number > 1 else None
    return {"inputs": "inputs" if previous is None else names(trace, previous)["outputs"],
            "weights": field_key("weights", number), "biases": _bias_name(layer), "outputs": outputs}


def _bias_name(layer: LayerTrace) -> str:
    name = layer.stage.bias
    return name if layer.number == 1 else f"{name}{layer.number}"


def _assignments(trace: Trace) -> list[str]:
    first = trace.layers[0]
    note = "  # " + say("code.read_as") if "inputs" in first.read_as else ""
    lines = [f"inputs = {literal(first.inputs.values, len('inputs = '))}{note}"]
    for layer in trace.layers:
        named = names(trace, layer)
        note = "  # " + say("code.read_as") if "weights" in layer.read_as else ""
        lines.append(f"{named['weights']} = {literal(layer.weights.values, len(named['weights']) + 3)}{note}")
        if layer.biases is not None:
            lines.append(f"{named['biases']} = {literal(layer.biases.values, len(named['biases']) + 3)}")
    return lines


def _assigned_names(trace: Trace) -> list[str]:
    assigned = ["inputs"]
    for layer in trace.layers:
        assigned.append(field_key("weights", layer.number))
        if layer.biases is not None:
            assigned.append(_bias_name(layer))
    return assigned


def _too_big(trace: Trace) -> str | None:
    count = trace.layers[0].inputs.size
    count += sum(layer.weights.size + (layer.biases.size if layer.biases else 0) for layer in trace.layers)
    if count > MAX_PROGRAM_NUMBERS:
        return _comment(say("code.too_big", count=count, most=MAX_PROGRAM_NUMBERS))
    return None


def loops_program(trace: Trace) -> str:
    too_big = _too_big(trace)
    if too_big:
        return too_big
    imports = sorted({line for layer in trace.layers for line in ACTIVATIONS[layer.activation].imports})
    lines = [*_comment(say("code.loops")).splitlines(), *imports, *([""] if imports else []), *_assignments(trace), ""]
    for layer in trace.layers:
        named = names(trace, layer)
        if len(trace.layers) > 1:
            lines.append(_comment(say("code.layer", number=layer.number)).rstrip("\n"))
        biases = "none" if layer.biases is None else "one" if layer.biases.ndim == 0 else "per_neuron"
        lines += [text.format(**named) for _, text in layer.stage.loop_lines(biases, layer.activation)]
        lines.append("")
    lines.append(f"print({names(trace, trace.layers[-1])['outputs']})")
    lines += _digits_note(trace)
    return "\n".join(lines) + "\n"


def _digits_note(trace: Trace) -> list[str]:
    """Where print() shows more digits than the page, say why the two agree."""
    outputs = trace.outputs
    longer = next((v for v in flat(outputs) if exact_differs(v)), None)
    if longer is None or not isinstance(outputs, list):
        return []
    return _comment(say("code.digits", exact=repr(longer), shown=fmt(longer), precision=PRECISION)).splitlines()


def numpy_program(trace: Trace) -> str:
    too_big = _too_big(trace)
    if too_big:
        return too_big
    lines = [*_comment(say("code.numpy")).splitlines(), "import numpy as np", "", *_assignments(trace), ""]
    if any(integers_overflow(layer.inputs.values, layer.weights.values, layer.biases and layer.biases.values)
           for layer in trace.layers):
        lines += _comment(say("code.object_dtype")).splitlines()
        for name in _assigned_names(trace):
            lines.append(f"{name} = np.array({name}, dtype=object)")
        lines.append("")
    for layer in trace.layers:
        named = names(trace, layer)
        expression = layer.stage.expression(named["inputs"], named["weights"], named["biases"],
                                            with_biases=layer.biases is not None)
        lines.append(f"{named['outputs']} = {expression}")
        if layer.activation != "none":
            activated = ACTIVATIONS[layer.activation].numpy_text.format(x=named["outputs"])
            title = say(f"activation.{layer.activation}.title")
            lines.append(f"{named['outputs']} = {activated}  # {title}")
    lines.append(f"print({names(trace, trace.layers[-1])['outputs']})")
    return "\n".join(lines) + "\n"

