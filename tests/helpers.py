"""Shared by the unit and end-to-end tests."""

import math
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent


def close(actual, expected, rel=1e-9, abs_=1e-12) -> bool:
    """Nested lists (or numbers) equal within floating-point rounding."""
    if isinstance(expected, list):
        return (isinstance(actual, list) and len(actual) == len(expected)
                and all(close(a, e, rel, abs_) for a, e in zip(actual, expected)))
    return not isinstance(actual, list) and math.isclose(actual, expected, rel_tol=rel, abs_tol=abs_)
