"""Share links, the gallery, hostile links, embedding, copying a link: on one shared page."""

from __future__ import annotations

from urllib.parse import quote

import pytest
from helpers import close
from helpers_e2e import field_texts, numpy_on_fields
from seed import STAGES

from pycore.examples import DEFAULT_EXAMPLE, EXAMPLES
from pycore.state import decode


def test_every_gallery_link_matches_numpy_on_its_own_fields(shared):
    lens = shared.goto("#" + EXAMPLES[DEFAULT_EXAMPLE].fragment)
    links = lens.page.get_by_role("navigation", name="Examples").get_by_role("link")
    assert links.count() == len(EXAMPLES)
    for index, example in enumerate(EXAMPLES):
        link = links.nth(index)
        assert example.title in link.inner_text() and example.caption in link.inner_text()
        lens.click(link)
        state, _ = decode(link.get_attribute("href"))
        assert field_texts(lens) == state.texts()  # exactly its text, not reformatted
        assert close(lens.outputs(), numpy_on_fields(lens), rel=1e-8), example.title
        assert link.get_attribute("aria-current") == "page"
        assert lens.page.get_by_role("alert").count() == 0


def test_opening_a_share_link_shows_exactly_its_state(shared):
    lens = shared.goto("#" + EXAMPLES[-1].fragment)
    assert lens.field("Inputs").input_value() == EXAMPLES[-1].state.inputs
    assert lens.field("Weights (layer 2)").input_value() == EXAMPLES[-1].state.layers[1]["weights"]
    assert close(lens.outputs(), STAGES["two layers"][2])
    assert "Layer 2: a batch of 3 samples" in lens.text("Steps")


def test_edits_update_the_link_without_history_entries(shared):
    earlier = EXAMPLES[0]
    lens = shared.goto("#" + earlier.fragment).goto("#" + EXAMPLES[DEFAULT_EXAMPLE].fragment)
    lens.type_into("Inputs", "[[1, 2, 3, 2.5],\n [0, 0, 0, 1]]")
    lens.type_into("Biases", "[0,  0, 0]")
    assert "biases=[0,%20%200,%200]" in lens.page.url
    # Back skips the edits (history.length would not say: Chromium stops counting at 50)
    lens.page.go_back()
    lens.settle()
    assert lens.field("Inputs").input_value() == earlier.state.inputs
    assert earlier.fragment in lens.page.url


def test_copy_link_with_the_clipboard_api(shared):
    lens = shared.goto("#" + EXAMPLES[DEFAULT_EXAMPLE].fragment)
    lens.page.context.grant_permissions(["clipboard-read", "clipboard-write"], origin=lens.url.rstrip("/"))
    lens.field("Biases").fill("[1, 2, 3]")  # copied at once: the link waits for the edit
    lens.page.get_by_role("button", name="Copy link").click()
    lens.page.get_by_role("status").filter(has_text="Link copied.").wait_for()
    copied = lens.page.evaluate("navigator.clipboard.readText()")
    assert copied == lens.page.url and "biases=[1,%202,%203]" in copied
    lens.type_into("Biases", "[1, 2, 4]")
    assert lens.page.locator("#copy-status").inner_text() == ""  # no longer true once the fields change


def test_embedding_flags_hide_editors_and_text_and_show_one_step(shared):
    lens = shared.goto("#" + EXAMPLES[DEFAULT_EXAMPLE].fragment + "&hide=editors,text,code&step=product")
    assert lens.field("Inputs").is_hidden()
    assert lens.region("Code").is_hidden()
    steps = lens.region("Steps")
    assert steps.locator(".step-product").is_visible()
    assert steps.locator(".step-transpose").is_hidden() and steps.locator(".step-shapes").is_hidden()
    assert steps.locator(".step-product .part > p").first.is_hidden()  # the explanatory text
    assert close(lens.outputs(), STAGES["batch"][2])
    lens.goto("#" + EXAMPLES[DEFAULT_EXAMPLE].fragment)  # the flags come from the link alone
    assert lens.field("Inputs").is_visible() and steps.locator(".step-shapes").is_visible()


HOSTILE = ("<img src=x onerror=\"document.body.dataset.owned='yes'\">"
           "<script>document.body.dataset.owned='yes'</script>")


def no_injection(lens):
    assert lens.page.locator("body").get_attribute("data-owned") is None
    assert lens.page.locator("img, main script, iframe").count() == 0


def test_hostile_link_values_stay_text(shared):
    lens = shared.goto(f"#inputs={quote(HOSTILE)}&weights=1&biases=0")
    assert lens.field("Inputs").input_value() == HOSTILE
    assert "is not a number" in lens.alert_text("Inputs")
    no_injection(lens)
    lens.type_into("Inputs", "[1, 2]")  # the page keeps working
    lens.type_into("Weights", "[3, 4]")
    assert close(lens.outputs(), 11)


def test_hostile_link_keys_are_quoted_as_text(shared):
    lens = shared.goto(f"#{quote(HOSTILE)}=1&inputs=[1]&weights=[2]&biases=3&inputs=[9]")
    problems = lens.page.locator("#link-problems")
    assert "is not one Layer Lens knows" in problems.inner_text()
    assert "gives “inputs” twice" in problems.inner_text()
    no_injection(lens)
    assert close(lens.outputs(), 5)


def test_malformed_links_say_what_they_left_out(shared):
    lens = shared.goto("#%%%&&==&inputs")
    assert lens.page.locator("#link-problems").is_visible()
    lens.type_into("Biases", "[1, 2, 3]")  # the message was about the link; the fields are the learner's now
    assert lens.page.locator("#link-problems").is_hidden()


def test_a_link_with_a_mistake_shows_the_alert_and_no_unrelated_results(shared):
    lens = shared.goto("#inputs=[1,2,3]&weights=[[1,2],[3]]&biases=[1,2]")
    assert "homologous" in lens.alert_text("Weights")
    assert "Nothing to show yet" in lens.region("Layer outputs").inner_text()
    assert lens.region("Layer outputs").locator("table").count() == 0  # not the built-in example
    lens.type_into("Weights", "[[1, 2, 3], [3, 2, 1]]")
    assert close(lens.outputs(), [15, 12])


def test_a_link_with_a_mistake_fixed_says_which_engine_computed(shared):
    lens = shared.goto("#inputs=[1,2,3]&weights=[[1,2],[3]]&biases=[1,2]")
    assert lens.page.locator("#engine").inner_text() == ""
    lens.type_into("Weights", "[[1, 2, 3], [3, 2, 1]]")
    assert "Computed in your browser" in lens.page.locator("#engine").inner_text()


@pytest.mark.parametrize("step", ["network", "shapes", "transpose", "product", "biases", "activation", "outputs"])
def test_a_slide_shows_the_one_step_its_link_names(shared, step):
    lens = shared.goto("#" + EXAMPLES[DEFAULT_EXAMPLE].fragment + f"&activation=relu&hide=editors,text&step={step}")
    shown = lens.region("Steps").locator("li.step").evaluate_all(
        "steps => steps.filter(s => s.checkVisibility()).map(s => [...s.classList].find(c => c.startsWith('step-')))")
    assert shown == [f"step-{step}"]
    footer = lens.page.locator("footer").text_content()  # hidden on the slide (hide=text), there to read
    assert f"&step={step}" in footer
