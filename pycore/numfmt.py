"""Numbers as NumPy prints them by default: at most 8 decimals, no float noise.

2.3850000000000002 -> '2.385', 0.5031 -> '0.5031', integers stay integers.
``full=True`` gives the shortest text that reads back as the exact float.
"""

from __future__ import annotations

PRECISION = 8  # numpy.get_printoptions()["precision"]
THRESHOLD = 1000  # numpy.get_printoptions()["threshold"]: summarise bigger arrays
EDGEITEMS = 3  # numpy.get_printoptions()["edgeitems"]
TERMS_SHOWN = 10  # a longer dot product is written with its first and last EDGEITEMS terms


def fmt(x, full: bool = False) -> str:
    if isinstance(x, int):
        return str(x)
    if full:
        return repr(x)
    rounded = round(x, PRECISION)
    if rounded == 0 and x != 0:  # too small for 8 decimals: keep its magnitude visible
        return repr(float(f"{x:.{PRECISION - 1}e}"))
    return repr(rounded + 0.0)  # + 0.0 turns -0.0 into 0.0


def summarised(count: int, size: int | None = None) -> list[int | None]:
    """Indices to show along one axis of ``count`` items; None stands for '…'.

    Like NumPy, an array is summarised only when its total ``size`` passes the
    threshold, and then every long axis shows its first and last EDGEITEMS.
    """
    total = count if size is None else size
    if total <= THRESHOLD or count <= 2 * EDGEITEMS:
        return list(range(count))
    return [*range(EDGEITEMS), None, *range(count - EDGEITEMS, count)]
