"""Speed and memory of pycore on CPython. Prints numbers; asserts nothing.

    python3 benchmarks/bench_pycore.py

1. A 256x256 batch through 256 neurons, outputs plus trace, with NumPy
   (target: under 0.5 s and under 50 MB extra memory).
2. The same with the pure-Python loops, against a plain triple loop
   (target: within 3x).
3. Parsing time per character as the text grows (it should stay flat: linear).
"""

from __future__ import annotations

import random
import sys
import time
import tracemalloc
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent.parent))

from pycore.dense import compute, forward  # noqa: E402
from pycore.parse import Array, parse  # noqa: E402


def best_of(repeat, function, *args):
    best = float("inf")
    for _ in range(repeat):
        start = time.perf_counter()
        result = function(*args)
        best = min(best, time.perf_counter() - start)
    return best, result


def peak_extra_mb(function, *args) -> float:
    tracemalloc.start()
    function(*args)
    peak = tracemalloc.get_traced_memory()[1]
    tracemalloc.stop()
    return peak / 1e6


def plain_triple_loop(inputs, weights, biases):
    outputs = []
    for sample in inputs:
        row = []
        for neuron_weights, bias in zip(weights, biases):
            total = 0
            for x, w in zip(sample, neuron_weights):
                total += x * w
            row.append(total + bias)
        outputs.append(row)
    return outputs


def main(n: int = 256) -> None:
    rng = random.Random(0)
    inputs = [[rng.uniform(-1, 1) for _ in range(n)] for _ in range(n)]
    weights = [[rng.uniform(-1, 1) for _ in range(n)] for _ in range(n)]
    biases = [rng.uniform(-1, 1) for _ in range(n)]
    x, w, b = Array(inputs, (n, n)), Array(weights, (n, n)), Array(biases, (n,))

    def with_numpy():
        return forward(x, [(w, b)], use_numpy=True)

    def pure():
        return forward(x, [(w, b)], use_numpy=False)

    seconds, trace = best_of(3, with_numpy)
    print(f"{n}x{n} batch through {n} neurons, NumPy + trace:  {seconds:.3f} s, "
          f"{peak_extra_mb(with_numpy):.1f} MB peak extra, {trace.checked_cells} cells checked "
          "by the loops")
    texts = repr(inputs), [(repr(weights), repr(biases))]

    def from_text():
        return compute(texts[0], texts[1], use_numpy=True)

    seconds, _ = best_of(3, from_text)
    print(f"the same from the fields' text (parse too):    {seconds:.3f} s, "
          f"{peak_extra_mb(from_text):.1f} MB peak extra")
    loop_seconds, _ = best_of(1, plain_triple_loop, inputs, weights, biases)
    pure_seconds, _ = best_of(1, pure)
    print(f"plain triple loop:                          {loop_seconds:.3f} s")
    print(f"pure-Python engine + trace:                 {pure_seconds:.3f} s "
          f"({pure_seconds / loop_seconds:.2f}x the plain loop), "
          f"{peak_extra_mb(pure):.1f} MB peak extra")

    print("\nparsing, seconds per million characters (flat = linear):")
    for count in (10_000, 100_000, 1_000_000):
        text = "[" + ", ".join(f"{rng.uniform(-10, 10):.4f}" for _ in range(count)) + "]"
        seconds, array = best_of(3, parse, text, "Inputs")
        print(f"  {count:>9,} numbers, {len(text) / 1e6:5.1f} MB of text: {seconds:.3f} s, "
              f"{seconds / len(text) * 1e6:.3f} s/M chars, "
              f"{peak_extra_mb(parse, text, 'Inputs'):.0f} MB peak")


if __name__ == "__main__":
    main()
