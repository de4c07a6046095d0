"""The Code region's two programs for the current fields: the textbook's loops,
and its NumPy. Each runs on CPython as it stands and prints the outputs shown.

The loops add in the same order as pycore's pure-Python engine, so they print
the very same floats; NumPy prints its own way (8 significant decimals).
"""

from __future__ import annotations

import math

from .fields import key
from .trace import BATCH, BATCH_NEURON, LAYER, NEURON, Trace

MAX_NUMBERS = 20_000  # past this a program is too long to read or paste


def literal(values, indent: int = 0) -> str:
    """Values as a Python literal: exact (repr), one matrix row per line."""
    if not isinstance(values, list) or not values or not isinstance(values[0], list):
        return repr(values)
    pad = " " * (indent + 1)
    return "[" + (",\n" + pad).join(repr(row) for row in values) + "]"


def _assignments(trace: Trace) -> list[str]:
    first = trace.layers[0]
    lines = [f"inputs = {literal(first.inputs, len('inputs = '))}"]
    for layer in trace.layers:
        w, b = key("weights", layer.number), key("biases", layer.number)
        lines.append(f"{w} = {literal(layer.weights, len(w) + 3)}")
        lines.append(f"{b} = {literal(layer.biases, len(b) + 3)}")
    return lines


def _too_big(trace: Trace) -> str | None:
    count = math.prod(trace.layers[0].inputs_shape)
    count += sum(math.prod(layer.weights_shape) + math.prod(layer.biases_shape) for layer in trace.layers)
    if count > MAX_NUMBERS:
        return (f"# These fields hold {count:,} numbers: too many to write out as a program here\n"
                f"# (the limit is {MAX_NUMBERS:,}). The steps above show every result.\n")
    return None


def loops_program(trace: Trace) -> str:
    too_big = _too_big(trace)
    if too_big:
        return too_big
    lines = ["# Plain Python: the textbook's loops.", *_assignments(trace), ""]
    source = "inputs"
    for layer in trace.layers:
        w, b = key("weights", layer.number), key("biases", layer.number)
        out = f"layer{layer.number}_outputs"
        lines.append(f"# Layer {layer.number}")
        if layer.stage == NEURON:
            lines += [f"{out} = 0",
                      f"for weight, n_input in zip({w}, {source}):",
                      f"    {out} += weight * n_input",
                      f"{out} += {b}"]
        elif layer.stage == LAYER:
            lines += [f"{out} = []",
                      f"for neuron_weights, neuron_bias in zip({w}, {b}):",
                      "    neuron_output = 0",
                      f"    for weight, n_input in zip(neuron_weights, {source}):",
                      "        neuron_output += weight * n_input",
                      "    neuron_output += neuron_bias",
                      f"    {out}.append(neuron_output)"]
        elif layer.stage == BATCH:
            lines += [f"{out} = []",
                      f"for sample in {source}:",
                      "    sample_outputs = []",
                      f"    for neuron_weights, neuron_bias in zip({w}, {b}):",
                      "        neuron_output = 0",
                      "        for n_input, weight in zip(sample, neuron_weights):",
                      "            neuron_output += n_input * weight",
                      "        neuron_output += neuron_bias",
                      "        sample_outputs.append(neuron_output)",
                      f"    {out}.append(sample_outputs)"]
        else:  # BATCH_NEURON
            lines += [f"{out} = []",
                      f"for sample in {source}:",
                      "    neuron_output = 0",
                      f"    for n_input, weight in zip(sample, {w}):",
                      "        neuron_output += n_input * weight",
                      f"    neuron_output += {b}",
                      f"    {out}.append(neuron_output)"]
        lines.append("")
        source = out
    lines.append(f"print({source})")
    return "\n".join(lines) + "\n"


def numpy_program(trace: Trace) -> str:
    too_big = _too_big(trace)
    if too_big:
        return too_big
    lines = ["# NumPy, as the textbook writes it.", "import numpy as np", "",
             *_assignments(trace), ""]
    source = "inputs"
    for layer in trace.layers:
        w, b = key("weights", layer.number), key("biases", layer.number)
        out = f"layer{layer.number}_outputs"
        expression = {
            NEURON: f"np.dot({w}, {source}) + {b}",
            LAYER: f"np.dot({w}, {source}) + {b}",
            BATCH: f"np.dot({source}, np.array({w}).T) + {b}",
            BATCH_NEURON: f"np.dot({source}, {w}) + {b}",
        }[layer.stage]
        lines.append(f"{out} = {expression}")
        source = out
    lines.append(f"print({source})")
    return "\n".join(lines) + "\n"
