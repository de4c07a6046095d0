"""Layer Lens's engine: read a dense layer's fields, compute every step, render them.

Pure Python (NumPy optional), no DOM and no printing: the same code runs on
CPython (tests, command line, build-time pre-render) and in the browser.
"""

from .dense import compute, forward
from .errors import InputError
from .parse import Array, parse
from .trace import Cell, LayerTrace, Trace

__all__ = ["Array", "Cell", "InputError", "LayerTrace", "Trace", "compute", "forward", "parse"]
