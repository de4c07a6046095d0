"""Near-valid input, typed into the live page and put into links (the grammar of
tests/test_fuzz.py): for each text, an alert exactly where pycore finds a mistake, no
uncaught error, no dialog, nothing injected, and the page still answers an edit."""

from __future__ import annotations

from collections import Counter
from urllib.parse import quote

import pytest
from helpers_e2e import SET
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st
from test_fuzz import near_valid

from pycore.examples import DEFAULT_EXAMPLE, EXAMPLES
from pycore.state import decode
from pycore.view import view

DEFAULT = EXAMPLES[DEFAULT_EXAMPLE].state
COUNTS: Counter = Counter()
FUZZ = settings(max_examples=60, deadline=None, derandomize=True,
                suppress_health_check=[HealthCheck.function_scoped_fixture, HealthCheck.too_slow])

CHECK = """() => ({
  alerts: [...document.querySelectorAll('[role=alert]:not([hidden])')]
            .filter(a => a.closest('.field') && a.textContent).map(a => a.closest('.field').dataset.key),
  injected: document.querySelectorAll('img, main script, iframe, object, embed').length
            + (document.body.dataset.owned ? 1 : 0),
  banner: document.querySelectorAll('.py-error, py-error, .py-overlay').length,
})"""


@pytest.fixture(scope="module", autouse=True)
def report_counts():
    yield  # the counts, for the closing note (pytest -s shows them)
    print(f"\ne2e fuzz: {COUNTS['typed']} texts typed ({COUNTS['typed refused']} refused), "
          f"{COUNTS['linked']} links ({COUNTS['linked refused']} refused)")


def expected_alerts(inputs: str, weights: str) -> set[str]:
    """Where pycore (on CPython, the same code the page runs) finds a mistake."""
    state = DEFAULT.__class__(inputs, [dict(DEFAULT.layers[0], weights=weights)])
    return set(view(state).errors)


def check_page(lens, expected: set[str]):
    found = lens.page.evaluate(CHECK)
    assert set(found["alerts"]) == expected, found
    assert found["injected"] == 0 and found["banner"] == 0
    assert not lens.watch.problems, lens.watch.problems




def answers_an_edit(lens, field: str, text: str):
    """A valid edit afterwards is answered within a second: the page did not freeze."""
    lens.page.locator(f"#field-{field}").evaluate(SET, text)
    lens.page.wait_for_selector('body[data-idle="true"]', state="attached", timeout=1_000)
    assert lens.page.evaluate(CHECK)["alerts"] == []


@FUZZ
@given(text=near_valid(), field=st.sampled_from(["inputs", "weights"]))
def test_near_valid_text_typed_into_a_field(shared, text, field):
    lens = shared
    if COUNTS["typed"] == 0:
        lens.goto("#" + EXAMPLES[DEFAULT_EXAMPLE].fragment)
    lens.page.locator(f"#field-{field}").evaluate(SET, text)
    lens.settle()
    typed = lens.page.locator(f"#field-{field}").input_value()
    inputs = typed if field == "inputs" else DEFAULT.inputs
    weights = typed if field == "weights" else DEFAULT.layers[0]["weights"]
    expected = expected_alerts(inputs, weights)
    COUNTS["typed"] += 1
    COUNTS["typed refused"] += bool(expected)
    check_page(lens, expected)
    assert lens.page.locator(f"#field-{field}").input_value() == typed  # nothing typed is changed
    answers_an_edit(lens, field, DEFAULT.inputs if field == "inputs" else DEFAULT.layers[0]["weights"])


@settings(FUZZ, max_examples=30)
@given(text=near_valid())
def test_near_valid_text_in_a_link(shared, text):
    lens = shared
    fragment = (f"#inputs={quote(text, safe='')}&weights={quote(DEFAULT.layers[0]['weights'], safe='')}"
                f"&biases={quote(DEFAULT.layers[0]['biases'], safe='')}")
    lens.goto(fragment)
    state, _ = decode(fragment)
    expected = set(view(state).errors)
    COUNTS["linked"] += 1
    COUNTS["linked refused"] += bool(expected)
    check_page(lens, expected)
    # exactly the link's text, line breaks as every textarea normalizes them (HTML spec)
    shown = state.inputs.replace("\r\n", "\n").replace("\r", "\n")
    assert lens.page.locator("#field-inputs").input_value() == shown
    answers_an_edit(lens, "inputs", DEFAULT.inputs)
