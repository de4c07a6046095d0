"""Names of the fields, as the page labels its editors and errors name them."""

from __future__ import annotations


def label(kind: str, layer: int = 1) -> str:
    """``label("weights", 2)`` -> ``"Weights (layer 2)"``; layer 1 has the plain name."""
    name = kind.capitalize()
    return name if layer == 1 or kind == "inputs" else f"{name} (layer {layer})"


def key(kind: str, layer: int = 1) -> str:
    """The URL-fragment and command-line key: ``weights``, ``weights2``, ..."""
    return kind if layer == 1 or kind == "inputs" else f"{kind}{layer}"
