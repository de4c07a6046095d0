"""Share links, the gallery, work that survives a reload, more layers, hostile links."""

from __future__ import annotations

import ast

import numpy as np
from helpers import close
from seed import STAGES

from pycore.examples import EXAMPLES
from pycore.state import decode


def numpy_on_fields(lens):
    """NumPy on CPython, run on the fields exactly as the page holds them."""
    inputs = ast.literal_eval(lens.field("Inputs").input_value())
    x = inputs
    number = 1
    while True:
        suffix = "" if number == 1 else f" (layer {number})"
        if lens.field("Weights" + suffix).count() == 0:
            break
        w = ast.literal_eval(lens.field("Weights" + suffix).input_value())
        b = ast.literal_eval(lens.field("Biases" + suffix).input_value())
        if np.ndim(x) == 2 and np.ndim(w) == 2:
            x = np.dot(x, np.array(w).T) + b  # the textbook's batch
        elif np.ndim(x) == 1:
            x = np.dot(w, x) + b  # the textbook's single sample
        else:
            x = np.dot(x, w) + b
        number += 1
    return np.asarray(x).tolist()


def field_texts(lens):
    return {area.get_attribute("data-key"): area.input_value()
            for area in lens.page.locator("#editors textarea").all()}


def test_every_gallery_link_matches_numpy_on_its_own_fields(lens):
    lens.open()
    links = lens.page.get_by_role("navigation", name="Examples").get_by_role("link")
    assert links.count() == len(EXAMPLES) == 7
    for index, example in enumerate(EXAMPLES):
        link = links.nth(index)
        assert example.title in link.inner_text() and example.caption in link.inner_text()
        lens.click(link)
        state, _ = decode(link.get_attribute("href"))
        assert field_texts(lens) == state.texts()  # exactly its text, not reformatted
        assert close(lens.outputs(), numpy_on_fields(lens), rel=1e-8), example.title
        assert link.get_attribute("aria-current") == "page"
        assert lens.page.get_by_role("alert").count() == 0


def test_opening_a_share_link_shows_exactly_its_state(lens):
    inputs, layers, expected = STAGES["two layers"]
    lens.open("#" + EXAMPLES[-1].fragment)
    assert lens.field("Inputs").input_value() == EXAMPLES[-1].state.inputs
    assert lens.field("Weights (layer 2)").input_value() == EXAMPLES[-1].state.layers[1][0]
    assert close(lens.outputs(), expected)
    assert "Layer 2: a batch of 3 samples" in lens.region("Steps").inner_text()


def test_edits_update_the_link_without_history_entries_and_survive_a_reload(lens):
    lens.open()
    before = lens.page.evaluate("history.length")
    lens.type_into("Inputs", "[[1, 2, 3, 2.5],\n [0, 0, 0, 1]]")
    lens.type_into("Biases", "[0,  0, 0]")
    assert lens.page.evaluate("history.length") == before
    url = lens.page.url
    assert "biases=[0,%20%200,%200]" in url
    lens.page.reload()
    lens.wait_ready()
    assert lens.page.url == url
    assert lens.field("Inputs").input_value() == "[[1, 2, 3, 2.5],\n [0, 0, 0, 1]]"
    assert lens.field("Biases").input_value() == "[0,  0, 0]"
    assert close(lens.outputs(), [[2.8, -1.79, 1.885], [1.0, -0.5, 0.87]])


def test_a_bare_visit_brings_back_the_last_fields_and_reset_restores_the_example(lens):
    lens.open()
    lens.type_into("Biases", "[10, 20, 30]")
    lens.page.goto(lens.url)  # no fragment: the last visit comes back from localStorage
    lens.wait_ready()
    assert lens.field("Biases").input_value() == "[10, 20, 30]"
    lens.click(lens.page.get_by_role("button", name="Reset to the example"))
    assert lens.field("Biases").input_value() == "[2, 3, 0.5]"
    assert close(lens.outputs(), STAGES["batch"][2])


def test_adding_and_removing_a_layer(lens):
    lens.open()
    remove = lens.page.get_by_role("button", name="Remove the last layer")
    assert remove.is_disabled()
    lens.click(lens.page.get_by_role("button", name="Add a layer"))
    assert lens.field("Weights (layer 2)").is_visible() and lens.field("Biases (layer 2)").is_visible()
    assert close(lens.outputs(), STAGES["two layers"][2])  # the textbook's next page
    assert "weights2=" in lens.page.url and "biases2=" in lens.page.url
    steps = lens.region("Steps").inner_text()
    assert "Layer 1:" in steps and "Layer 2:" in steps and "(the outputs of layer 1)" in steps
    lens.type_into("Weights (layer 2)", "[[1, 1, 1]]")
    lens.type_into("Biases (layer 2)", "[0]")
    assert close(lens.outputs(), [[8.395], [7.29], [2.487]])
    lens.type_into("Weights (layer 2)", "[[1, 1]]")
    assert "one per output of layer 1" in lens.alert_for("Weights (layer 2)").inner_text()
    lens.click(remove)
    assert lens.field("Weights (layer 2)").count() == 0 and "weights2" not in lens.page.url
    assert close(lens.outputs(), STAGES["batch"][2])
    assert lens.page.get_by_role("alert").count() == 0


def test_copy_link_with_the_clipboard_api(lens):
    lens.page.context.grant_permissions(["clipboard-read", "clipboard-write"], origin=lens.url.rstrip("/"))
    lens.open()
    lens.type_into("Biases", "[1, 2, 3]")
    lens.page.get_by_role("button", name="Copy link").click()
    lens.page.get_by_role("status").filter(has_text="Link copied.").wait_for()
    assert lens.page.evaluate("navigator.clipboard.readText()") == lens.page.url


def test_copy_link_without_the_clipboard_api(lens):
    lens.page.add_init_script("Object.defineProperty(navigator, 'clipboard', {value: undefined})")
    lens.open()
    lens.page.get_by_role("button", name="Copy link").click()
    field = lens.page.get_by_role("textbox", name="Copy this link")
    assert field.is_visible() and field.input_value() == lens.page.url
    assert lens.page.locator("#copy-status").inner_text() in ("Link copied.", "Select the link below and copy it.")


def test_embedding_flags_hide_editors_and_text_and_show_one_step(lens):
    lens.open("#" + EXAMPLES[4].fragment + "&hide=editors,text,code&step=product")
    assert lens.field("Inputs").is_hidden()
    assert lens.region("Code").is_hidden()
    steps = lens.region("Steps")
    assert steps.locator(".step-product").is_visible()
    assert steps.locator(".step-transpose").is_hidden() and steps.locator(".step-shapes").is_hidden()
    assert steps.locator(".step-product > p").first.is_hidden()  # the explanatory text
    assert close(lens.outputs(), STAGES["batch"][2])


HOSTILE = "<img src=x onerror=\"document.body.dataset.owned='yes'\"><script>document.body.dataset.owned='yes'</script>"


def no_injection(lens):
    assert lens.page.locator("body").get_attribute("data-owned") is None
    assert lens.page.locator("img, main script, iframe").count() == 0


def test_hostile_link_values_stay_text(lens):
    from urllib.parse import quote
    lens.open(f"#inputs={quote(HOSTILE)}&weights=1&biases=0")
    assert lens.field("Inputs").input_value() == HOSTILE
    assert "is not a number" in lens.alert_for("Inputs").inner_text()
    no_injection(lens)
    lens.type_into("Inputs", "[1, 2]")  # the page keeps working
    lens.type_into("Weights", "[3, 4]")
    assert close(lens.outputs(), 11)


def test_hostile_link_keys_are_quoted_as_text(lens):
    from urllib.parse import quote
    lens.open(f"#{quote(HOSTILE)}=1&inputs=[1]&weights=[2]&biases=3&inputs=[9]")
    problems = lens.page.locator("#link-problems")
    assert "is not one Layer Lens knows" in problems.inner_text()
    assert "gives “inputs” twice" in problems.inner_text()
    no_injection(lens)
    assert close(lens.outputs(), 5)


def test_malformed_and_oversized_links(lens):
    lens.open("#%%%&&==&inputs")
    assert lens.page.locator("#link-problems").is_visible()
    assert lens.page.locator('body[data-ready="true"]').count() == 1
    huge = "#inputs=" + "1," * 600_000
    lens.page.goto(lens.url + huge)
    lens.wait_ready()
    assert "characters long" in lens.page.locator("#link-problems").inner_text()
    assert close(lens.outputs(), STAGES["batch"][2])  # the example instead
    lens.type_into("Biases", "[0, 0, 0]")
    assert lens.page.locator("#stale-note").is_hidden()


def test_a_link_with_a_mistake_shows_the_alert_and_no_unrelated_results(lens):
    lens.open("#inputs=[1,2,3]&weights=[[1,2],[3]]&biases=[1,2]")
    assert "homologous" in lens.alert_for("Weights").inner_text()
    assert "Nothing to show yet" in lens.region("Layer outputs").inner_text()
    assert lens.region("Layer outputs").locator("table").count() == 0  # not the built-in example
    lens.type_into("Weights", "[[1, 2, 3], [3, 2, 1]]")
    assert close(lens.outputs(), [15, 12])


def test_studying_goes_on_offline_after_one_visit(lens):
    lens.open("#" + EXAMPLES[-1].fragment)
    # a service worker is active only once its install has cached every file of the site
    assert lens.page.evaluate("navigator.serviceWorker.ready.then(r => r.active.scriptURL)").endswith("/sw.js")
    lens.page.context.set_offline(True)
    try:
        lens.page.reload()
        lens.wait_ready()
        assert close(lens.outputs(), STAGES["two layers"][2])
        lens.type_into("Biases (layer 2)", "[0, 0, 0]")
        assert close(lens.outputs(), [[1.5031, -3.04185, -1.53875], [1.2434, -4.7332, -5.2633],
                                      [0.00686, -0.58746, 0.14345]])
    finally:
        lens.page.context.set_offline(False)
    lens.watch.problems[:] = [p for p in lens.watch.problems if "request failed" not in p]
