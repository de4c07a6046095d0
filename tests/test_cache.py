"""What the caches give is what computing everything again gives, after any sequence of edits."""

from __future__ import annotations

from dataclasses import replace

from hypothesis import given, settings
from hypothesis import strategies as st
from seed import BATCH, BIASES2, BIASES_3, WEIGHTS2, WEIGHTS_3x4

from pycore import cache
from pycore.examples import new_layer
from pycore.state import State, layer_state, with_key
from pycore.view import view

TEXTS = {
    "inputs": [BATCH, "[1, 2, 3, 2.5]", "[[1, 2, 3, 2.5]]", "[[0, 0, 0, 1], [1, 1, 1, 1]]", "[1, 2, 3", "2"],
    "weights": [WEIGHTS_3x4, "[0.2, 0.8, -0.5, 1]", "[[1, 1, 1, 1]]", "[[0.5, 0.5, 0.5, 0.5], [1, 0, 0, 1]]", "[["],
    "biases": [BIASES_3, "", "[0, 0, 0]", "2", "[1, 2]", "[1, -1]"],
    "weights2": [WEIGHTS2, "[[1, 1, 1]]", "[[0.5, -0.5, 1], [1, 1, 1]]"],
    "biases2": [BIASES2, "[0]", "", "[1, 2]"],
    "activation": ["none", "relu", "step"],
    "activation2": ["none", "relu"],
    "view": ["numpy", "loops"],
    "cell": [None, [1, 1], [2, 3], [3, 2], [9, 9]],
    "term": [None, 0, 2, 4],
    "phase": [None, "bias", "done", "activation"],
    "predict": [None, "cell", "outputs"],
}

edits = st.one_of(
    st.sampled_from(sorted(TEXTS)).flatmap(lambda key: st.tuples(st.just(key), st.sampled_from(TEXTS[key]))),
    st.tuples(st.just("layers"), st.sampled_from([1, 2])))


def edited(state: State, key: str, value) -> State:
    if key == "layers":
        layers = state.layers[:value]
        while len(layers) < value:
            layers.append(new_layer(layers[-1]["weights"], len(layers) + 1))
        return replace(state, layers=layers)
    return with_key(state, key, value) or state


def shown(state: State, revealed: bool):
    result = view(state, use_numpy=False, revealed=revealed)
    return (result.errors, result.problems, result.shell, result.chunks, result.outputs, result.code_loops,
            result.code_numpy, result.engine, result.predict, result.moments, result.played, result.positions)


@settings(max_examples=80, deadline=None)
@given(st.lists(edits, min_size=1, max_size=10), st.booleans())
def test_cached_and_uncached_renders_are_equal_after_any_edits(sequence, revealed):
    state = State(BATCH, [layer_state(weights=WEIGHTS_3x4, biases=BIASES_3)])
    shown(state, revealed)  # the caches start warm, as a page's do
    for key, value in sequence:
        state = edited(state, key, value)
        cached = shown(state, revealed)
        with cache.uncached():
            fresh = shown(state, revealed)
        assert cached == fresh, (key, value)
