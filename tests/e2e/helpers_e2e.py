"""What the end-to-end tests compare the page with: NumPy on CPython, run on the fields."""

from __future__ import annotations

import ast
import json

import numpy as np


def option(name: str, value) -> str:
    """A script that sets one of the page's knobs for tests (web/app.js: layerLensOptions)."""
    return f"window.layerLensOptions = {{...window.layerLensOptions, {name}: {json.dumps(value)}}};"


# A field's text set by a script, as the page's own knobs set it: then the input event
SET = "(el, text) => { el.value = text; el.dispatchEvent(new Event('input', {bubbles: true})); }"


def numpy_outputs(inputs: str, layers: list[tuple[str, str]]):
    """The textbook's expressions, by NumPy on CPython, for these field texts."""
    x = ast.literal_eval(inputs)
    for weights, biases in layers:
        w = ast.literal_eval(weights)
        if np.ndim(x) == 2 and np.ndim(w) == 2:
            x = np.dot(x, np.array(w).T)  # the textbook's batch
        elif np.ndim(x) == 1:
            x = np.dot(w, x)  # the textbook's single sample
        else:
            x = np.dot(x, w)
        if biases.strip():
            x = x + ast.literal_eval(biases)
    return np.asarray(x).tolist()


def field_texts(lens) -> dict[str, str]:
    return {area.get_attribute("data-key"): area.input_value()
            for area in lens.page.locator("#editors textarea").all()}


def numpy_on_fields(lens):
    """NumPy on CPython, run on the fields exactly as the page holds them."""
    texts = field_texts(lens)
    layers, number = [], 1
    while f"weights{'' if number == 1 else number}" in texts:
        suffix = "" if number == 1 else str(number)
        layers.append((texts[f"weights{suffix}"], texts[f"biases{suffix}"]))
        number += 1
    return numpy_outputs(texts["inputs"], layers)
