"""The trace as one JSON object; ``outputs`` holds the last layer's outputs."""

from __future__ import annotations

import json

from .trace import Trace


def render(trace: Trace, indent: int | None = None) -> str:
    return json.dumps(trace.to_dict(), indent=indent, ensure_ascii=False, allow_nan=False)
