"""English: every message Layer Lens shows, and the grammar that builds them.

Ids are grouped by what says them (``parse.``, ``shape.``, ``steps.``, ``player.``,
``page.`` ...). A template's placeholders are filled by ``str.format``; a dict of
templates is keyed by plural category, chosen by ``count``.
"""

from __future__ import annotations

NAME = "English"
TAG = "en"  # BCP 47, for <html lang> and the page's number formatting

# (singular, plural) of every noun a count goes with
NOUNS = {
    "sample": ("sample", "samples"), "neuron": ("neuron", "neurons"), "input": ("input", "inputs"),
    "feature": ("feature", "features"), "weight": ("weight", "weights"), "bias": ("bias", "biases"),
    "number": ("number", "numbers"), "term": ("term", "terms"), "cell": ("cell", "cells"),
    "dot product": ("dot product", "dot products"), "more dot product": ("more dot product", "more dot products"),
    "dimension": ("dimension", "dimensions"), "row": ("row", "rows"), "column": ("column", "columns"),
    "layer": ("layer", "layers"), "multiply-add": ("multiply-add", "multiply-adds"),
    "output": ("output", "outputs"), "character": ("character", "characters"),
}


def plural_category(count) -> str:
    return "one" if count == 1 else "other"


def noun(name: str, count: int = 1) -> str:
    singular, many = NOUNS[name]
    return singular if count == 1 else many


def number(value: int) -> str:
    return f"{value:,}"


def plural(count: int, name: str) -> str:
    return f"{number(count)} {noun(name, count)}"


def count_words(count: int, name: str) -> str:
    return f"one {noun(name)}" if count == 1 else plural(count, name)


def and_list(items: list[str]) -> str:
    return items[0] if len(items) == 1 else ", ".join(items[:-1]) + " and " + items[-1]


MESSAGES: dict[str, str | dict[str, str]] = {
    # -- the fields' names (the page's accessible names: keep them exact) ------------------
    "field.inputs": "Inputs",
    "field.weights": "Weights",
    "field.biases": "Biases",
    "field.activation": "Activation",
    "field.in_layer": "{name} (layer {number})",
    # -- an InputError, on the command line (named) and beside its field -------------------
    "error.where": "line {line}, column {column}",
    "error.named": "{field}: {reason}",
    "error.named_at": "{field} ({where}): {reason}",
    "error.beside_at": "Line {line}, column {column}: {reason}",
}


from . import en_glue as _glue  # noqa: E402  (TEMPORARY: merged into MESSAGES before landing)

MESSAGES.update(_glue.MESSAGES)
