"""The trace as one JSON object; ``outputs`` holds the last layer's outputs."""

from __future__ import annotations

import json
from dataclasses import asdict

from .steps import engine_note, steps
from .trace import Trace


def render(trace: Trace, indent: int | None = None, ascii_only: bool = False) -> str:
    data = trace.to_dict()
    data["engine_note"] = engine_note(trace, "terminal")
    for layer, layer_data in zip(trace.layers, data["layers"]):
        # the words of each step too, as the page and the terminal say them
        layer_data["steps"] = [asdict(step) for step in steps(layer)]
    return json.dumps(data, indent=indent, ensure_ascii=ascii_only, allow_nan=False)
