"""Nothing typed is lost: a reload right after a keystroke, two tabs at once, a teacher's
link over the learner's work, a slide's flags, storage holding something else, and work
too large for a link."""

from __future__ import annotations

import time
from dataclasses import replace
from urllib.parse import quote

from helpers import close
from helpers_e2e import SET

from pycore.examples import DEFAULT_EXAMPLE, EXAMPLES
from pycore.state import MAX_FRAGMENT, encode

DEFAULT = EXAMPLES[DEFAULT_EXAMPLE].state
# a teacher's own two-layer example (not one of the gallery's, which are always one click away)
TEACHER = replace(EXAMPLES[-1].state, layers=[EXAMPLES[-1].state.layers[0],
                                              {**EXAMPLES[-1].state.layers[1], "biases": "[1, 2, 3]"}])


def type_then_reload(lens, name: str, text: str):
    """Type, then reload at once: no wait for Python to compute what was typed."""
    lens.field(name).fill(text[:-1])
    lens.field(name).press(text[-1])
    lens.page.reload()
    lens.wait_ready()


def test_a_reload_right_after_a_keystroke_keeps_it_and_flags_are_never_kept(lens):
    lens.open()
    type_then_reload(lens, "Biases", "[7, 8, 9]")
    assert lens.field("Biases").input_value() == "[7, 8, 9]"
    assert close(lens.outputs()[0][0], 4.8 - 2 + 7)  # the textbook's 4.8, biases 2 -> 7

    # a teacher's slide: the learner's own work goes to the recent list, not away
    lens.open(f"#{encode(TEACHER)}&hide=editors,text,code,examples&step=outputs")
    assert not lens.field("Inputs").is_visible()
    lens.open()  # the next bare visit: everything is back, the slide's fields kept
    for name in ("Inputs", "Weights (layer 2)"):
        assert lens.field(name).is_visible()
    assert lens.page.get_by_role("button", name="Reset to the example").is_visible()
    assert lens.page.get_by_role("navigation", name="Examples").is_visible()
    assert lens.field("Biases (layer 2)").input_value() == "[1, 2, 3]"

    recent = lens.page.locator("#recent")
    assert "(1)" in recent.locator("summary").inner_text()
    recent.locator("summary").click()
    lens.click(recent.get_by_role("button", name="Open:").first)
    assert lens.field("Biases").input_value() == "[7, 8, 9]"
    assert lens.page.get_by_role("textbox", name="Weights (layer 2)").count() == 0
    assert close(lens.outputs()[0][0], 4.8 - 2 + 7)
    # the slide's work is now the earlier one, one step back
    assert "(2)" in recent.locator("summary").inner_text()


def test_a_reload_slow_to_arrive_keeps_the_keystroke_while_the_old_page_writes_its_address(lens):
    # the page's answer is held back 0.6 s: the typing pause (0.15 s) ends in the old page
    # while the reload is under way, and writes an address that is not the one reloaded
    lens.open()
    shown = lens.page.evaluate("document.body.dataset.rendered")
    lens.field("Biases").fill("[7, 8, 9")
    lens.page.wait_for_function(f"() => document.body.dataset.rendered !== {shown!r}")
    lens.field("Biases").press("]")
    lens.page.route(lambda url: url == lens.url, lambda route: (time.sleep(0.6), route.continue_()))
    lens.page.reload()
    lens.wait_ready()
    assert lens.field("Biases").input_value() == "[7, 8, 9]"
    assert close(lens.outputs()[0][0], 4.8 - 2 + 7)


def test_two_tabs_editing_at_once_keep_their_own_work(lens):
    lens.open()
    second = lens.page.context.new_page()
    lens.watch.attach(second)
    second.goto(lens.url)
    second.wait_for_selector('body[data-ready="true"]', state="attached", timeout=90_000)
    biases = {lens.page: "[1, 1, 1]", second: "[2, 2, 2]"}
    for _ in range(3):  # interleaved keystrokes
        for page, text in biases.items():
            page.get_by_role("textbox", name="Biases", exact=True).fill(text)
    for page, text in biases.items():
        page.reload()
        page.wait_for_selector('body[data-ready="true"]', state="attached", timeout=90_000)
        assert page.get_by_role("textbox", name="Biases", exact=True).input_value() == text
    second.close()


CORRUPT = """() => {
  for (const key of Object.keys(localStorage)) localStorage.removeItem(key);
  sessionStorage.clear();  // a new tab: the newest saved work of any tab is the one offered
  localStorage.setItem('layer-lens:recent', '{"items": [1, null, {"state": 5}');
  localStorage.setItem('layer-lens:tab:other', '[not json');
  localStorage.setItem('layer-lens:tab:foreign', JSON.stringify(
    {time: Date.now(), state: {inputs: 5, layers: "<img src=x>"}}));
}"""


def test_storage_holding_something_else_gets_a_message_not_a_broken_page(lens):
    lens.open()
    lens.page.evaluate(CORRUPT)
    lens.page.goto(lens.url)
    lens.wait_ready()
    words = lens.page.locator("#link-problems").inner_text()
    assert "could not be read" in words
    assert lens.field("Inputs").input_value() == DEFAULT.inputs  # the example, computed
    lens.type_into("Biases", "[0, 0, 0]")
    assert close(lens.outputs()[0][0], 4.8 - 2)
    assert lens.page.locator("main img").count() == 0


PASTE = """(area, text) => {
    area.focus();
    area.select();
    const data = new DataTransfer();
    data.setData('text/plain', text);
    area.dispatchEvent(new ClipboardEvent('paste', { clipboardData: data, bubbles: true, cancelable: true }));
    return { hidden: area.hidden, empty: area.value === '' };
}"""


def test_a_huge_paste_is_kept_without_a_link_never_laid_out_and_can_be_shown_or_cleared(lens):
    """A 500 x 500 batch pasted (250,000 numbers, 1.5 million characters; the benchmark
    pastes a million numbers): too large for a link, so the address must not carry it and
    a reload brings it back from storage; too large to lay out, so the field becomes a
    summary at once (the browser would spend a long frame on it); computed as usual."""
    lens.open()
    row = " ".join(f"{(i % 7) / 4}" for i in range(500))
    inputs = "\n".join([row] * 500)
    assert len(quote(inputs)) > MAX_FRAGMENT
    lens.field("Weights").fill("[" + ", ".join(["1"] * 500) + "]")
    lens.field("Biases").fill("0.5")
    pasted = lens.page.locator("#field-inputs").evaluate(PASTE, inputs)
    assert pasted["hidden"] and pasted["empty"]  # never in the textarea: no frame lays it out
    assert lens.page.evaluate("document.activeElement.textContent") == "Show the text anyway"
    lens.settle()
    summary = lens.page.locator('.field[data-key="inputs"] .huge-field')
    assert f"Inputs holds {len(inputs):,} characters" in summary.inner_text()
    note = lens.page.locator("#link-note")
    assert note.is_visible() and "too large for a link" in note.inner_text()
    assert lens.page.evaluate("location.hash") == ""
    lens.click(lens.page.get_by_role("button", name="Copy link"))
    assert "No link" in lens.page.locator("#copy-status").inner_text()
    expected = sum((i % 7) / 4 for i in range(500)) + 0.5
    assert close(lens.outputs()[:3], [expected] * 3)

    lens.page.reload()  # kept like any work
    lens.wait_ready()
    assert summary.is_visible() and f"Inputs holds {len(inputs):,} characters" in summary.inner_text()
    assert close(lens.outputs()[:3], [expected] * 3)
    lens.click(lens.page.get_by_role("button", name="Show the text anyway"))
    assert lens.field("Inputs").input_value() == inputs  # every character kept
    assert summary.is_hidden()
    lens.type_into("Inputs", "[1, 2, 3, 2.5]")  # replaced by typing: an ordinary field again,
    lens.type_into("Weights", "[[0.2, 0.8, -0.5, 1], [0.5, -0.91, 0.26, -0.5], [-0.26, -0.27, 0.17, 0.87]]")
    lens.type_into("Biases", "[2, 3, 0.5]")
    assert not note.is_visible()  # and small enough for a link again
    assert lens.page.evaluate("location.hash").startswith("#inputs=")
    # set by a script while huge and hidden (as the slider does for its fields): the new text wins
    lens.page.locator("#field-inputs").evaluate(PASTE, "[" + "1.5, " * 300_000 + "2]")
    lens.settle()
    assert summary.is_visible()
    assert "(300001,)" in lens.alert_text("Weights")  # computed as usual: so many features do not fit
    by_script = "[" + "2, " * 300_000 + "2]"
    lens.page.locator("#field-inputs").evaluate(SET, by_script)
    lens.settle()
    assert summary.is_visible() and f"Inputs holds {len(by_script):,} characters" in summary.inner_text()
    lens.page.locator("#field-inputs").evaluate(SET, "[1, 2, 3, 2.5]")
    lens.settle()
    assert lens.field("Inputs").is_visible() and summary.is_hidden()
    assert close(lens.outputs(), [4.8, 1.21, 2.385])
