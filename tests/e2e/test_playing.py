"""The diagram and the player in the live page: played by keyboard, linked to a moment, tied to the tables."""

from __future__ import annotations

import re

import numpy as np
from helpers import close
from helpers_e2e import numpy_outputs
from seed import BATCH, BIASES_3, WEIGHTS_3x4

from pycore.examples import DEFAULT_EXAMPLE, EXAMPLES

DEFAULT = "#" + EXAMPLES[DEFAULT_EXAMPLE].fragment


def status(lens) -> str:
    return lens.page.locator(".player-status").inner_text()


def test_play_the_textbooks_batch_to_the_end_by_keyboard_only(shared):
    lens = shared.goto(DEFAULT)
    expected = np.array(numpy_outputs(BATCH, [(WEIGHTS_3x4, BIASES_3)]))
    player = lens.page.get_by_role("group", name="Player")
    # reach the player with the keyboard alone: Tab until focus is in it
    lens.page.locator("#steps-title").focus()
    for _ in range(40):
        lens.page.keyboard.press("Tab")
        if lens.page.evaluate("!!document.activeElement.closest('.player')"):
            break
    assert lens.page.evaluate("!!document.activeElement.closest('.player')")
    lens.press("Home")  # the first step
    assert status(lens).startswith("Step 1 of 63: sample 1 · neuron 1: neuron_output = 0")
    filled = {}
    for step in range(2, 64):
        lens.page.keyboard.press("ArrowRight")
        # the step shown once its frame has come (the next cell's frames may still be on their way)
        lens.page.wait_for_function(f"() => document.querySelector('.player-status').textContent"
                                    f".startsWith('Step {step} of 63')")
        text = status(lens)
        found = re.match(r"Step \d+ of 63: sample (\d) · neuron (\d): output (\S+) is filled in", text)
        if found:
            filled[int(found[1]) - 1, int(found[2]) - 1] = float(found[3])
    lens.settle()
    assert status(lens).startswith("Step 63 of 63")
    assert len(filled) == 9
    for (r, c), value in filled.items():
        assert np.isclose(value, expected[r, c], rtol=1e-9), (r, c)
    assert player.get_by_role("button", name="Next step").is_disabled()
    assert lens.page.locator("td.pending").count() == 0
    assert "cell=3,3" in lens.page.url and "term=" not in lens.page.url.split("cell=3,3")[1]


def test_every_frame_shows_the_running_sum_in_the_grid_the_sum_and_the_diagram(shared):
    lens = shared.goto(DEFAULT)
    lens.click(lens.page.get_by_role("button", name="First step"))
    for _ in range(3):
        lens.click(lens.page.get_by_role("button", name="Next step"))
    # three multiply-adds of sample 1 · neuron 1: 1.0×0.2 + 2.0×0.8 + 3.0×-0.5 = 0.3
    assert "term 3 of 4" in status(lens) and "= 0.3" in status(lens)
    current = lens.page.locator("table.product-grid td.current button")
    assert current.inner_text() == "0.3"
    assert lens.page.locator("table.product-grid td.pending").count() == 8
    assert sorted(t.strip() for t in lens.page.locator("table.product-grid td.pair").all_inner_texts()) == ["-0.5", "3."]
    assert lens.page.locator(".dot-detail .running").inner_text() == "0.3"
    assert lens.page.locator(".dot-detail .term.current").inner_text() == "3.0×-0.5"
    edge = lens.page.locator("svg.diagram line.current")
    assert edge.count() == 1 and edge.get_attribute("data-input") == "2" and edge.get_attribute("data-neuron") == "0"
    assert "cell=1,1&term=3" in lens.page.url


def test_a_link_to_a_moment_opens_there_and_with_embed_flags_on_a_slide(shared):
    lens = shared.goto(DEFAULT + "&cell=2,3&term=2")
    assert status(lens).startswith("Step 38 of 63: sample 2 · neuron 3, term 2 of 4")
    assert lens.page.locator("table.product-grid td.current button").inner_text() == "-1.87"
    lens.goto(DEFAULT + "&cell=2,3&term=2&hide=editors,text,code,examples&step=product")
    assert lens.page.locator(".step-product").is_visible() and lens.page.locator(".step-network").is_hidden()
    assert status(lens).startswith("Step 38 of 63")
    assert lens.page.locator("table.product-grid td.current button").inner_text() == "-1.87"


def test_a_bad_position_in_a_link_gets_a_message_not_an_error_page(shared):
    lens = shared.goto(DEFAULT + "&cell=9,9&term=2")
    assert "outside layer 1's product" in lens.page.locator("#link-problems").inner_text()
    assert close(lens.outputs(), [[4.8, 1.21, 2.385], [8.9, -1.81, 0.2], [1.41, 1.051, 0.026]])
    lens.goto(DEFAULT + "&cell=x&term=-1")
    problems = lens.page.locator("#link-problems").inner_text()
    assert "is not two whole numbers" in problems and "is not a whole number" in problems


def test_selecting_a_cell_lights_its_neurons_edges_and_shows_its_sample(shared):
    lens = shared.goto(DEFAULT)
    lens.click(lens.region("Steps").get_by_role("button", name="sample 2 · neuron 3: -0.3"))
    svg = lens.page.locator("svg.diagram")
    lit = svg.locator("line.edge.lit")
    assert lit.count() == 4 and set(lit.evaluate_all("ls => ls.map(l => l.dataset.neuron)")) == {"2"}
    assert svg.locator("text.value").evaluate_all("ts => ts.map(t => t.textContent)") == ["2.0", "5.0", "-1.0", "2.0"]
    assert "sample 2 of 3" in lens.page.locator(".which-sample").inner_text()
    assert lens.page.get_by_role("img", name=re.compile("^Network diagram of layer 1")).count() == 1


def test_pointing_at_a_neuron_lights_its_weights_its_column_of_weights_t_and_its_bias(shared):
    lens = shared.goto(DEFAULT)
    lens.page.locator("button.pick[data-neuron='1']").focus()
    lit = lens.page.locator("section.layer .lit-hover")
    texts = lit.evaluate_all("els => els.map(e => e.closest('table')?.getAttribute('aria-label') + ':' + e.textContent.trim())")
    assert "weights:-0.91" in texts and "weightsᵀ:-0.91" in texts and "biases:3." in texts
    lens.page.locator("button.pick[data-neuron='1']").blur()
    assert lit.count() == 0


def test_reduced_motion_turns_playing_off_and_stepping_still_works(new_context, site_url):
    page = new_context(reduced_motion="reduce", viewport={"width": 1280, "height": 900},
                       service_workers="block").new_page()
    page.goto(site_url)
    page.wait_for_selector('body[data-ready="true"]', state="attached", timeout=90_000)
    assert page.get_by_role("button", name="Play").is_disabled()
    assert page.locator(".motion-note").is_visible()
    page.get_by_role("button", name="First step").click()
    page.get_by_role("button", name="Next step").click()
    page.wait_for_function("() => document.querySelector('.player-status').textContent.startsWith('Step 2 of 63')")


def test_play_and_pause_and_cell_by_cell(shared):
    lens = shared.goto(DEFAULT)
    lens.click(lens.page.get_by_label("each cell"))  # from the first cell, finished, as the page opens
    assert status(lens).startswith("Step 7 of 63") and "filled in" in status(lens)
    assert lens.page.get_by_role("button", name="First step").is_disabled()
    lens.page.get_by_label("Speed").select_option("4")
    lens.page.get_by_role("button", name="Play").click()
    lens.page.get_by_role("button", name="Pause").wait_for()
    lens.page.wait_for_function("() => document.querySelector('.player-status').textContent.startsWith('Step 21 of 63')")
    lens.page.get_by_role("button", name="Pause").click()
    lens.page.get_by_role("button", name="Play").wait_for()
    lens.click(lens.page.get_by_label("each multiply-add"))


def test_a_cell_chosen_starts_at_its_first_multiply_add_and_next_stays_in_it(shared):
    lens = shared.goto(DEFAULT)
    lens.click(lens.region("Steps").get_by_role("button", name="sample 2 · neuron 3: -0.3"))
    assert status(lens).startswith("Step 37 of 63: sample 2 · neuron 3, term 1 of 4")
    grid = lens.page.locator("table.product-grid")
    assert grid.locator("td.current button").inner_text() == "-0.52"
    assert grid.locator("td.pending").count() == 3  # sample 3's cells: not computed yet, as stepping shows them
    assert lens.page.locator("svg.diagram line.current").get_attribute("data-input") == "0"
    lens.click(lens.page.get_by_role("button", name="Next step"))
    assert status(lens).startswith("Step 38 of 63: sample 2 · neuron 3, term 2 of 4")
    assert "cell=2,3&term=2" in lens.page.url


def test_the_bias_and_activation_moments_come_back_from_their_links(shared):
    lens = shared.goto(DEFAULT + "&activation=relu")
    lens.click(lens.page.get_by_role("button", name="First step"))
    for _ in range(5):
        lens.click(lens.page.get_by_role("button", name="Next step"))
    assert status(lens).startswith("Step 6 of 72: sample 1 · neuron 1: + bias: 2.8 + 2.0 = 4.8")
    bias = lens.page.url.split("#")[1]
    assert "phase=bias" in bias
    lens.click(lens.page.get_by_role("button", name="Next step"))
    assert status(lens).startswith("Step 7 of 72: sample 1 · neuron 1: ReLU: 4.8 becomes 4.8")
    activation = lens.page.url.split("#")[1]
    assert "phase=activation" in activation
    lens.goto(DEFAULT)
    for link, words in ((bias, "Step 6 of 72"), (activation, "Step 7 of 72")):
        lens.goto("#" + link)  # the link copied at that moment opens that very moment
        assert status(lens).startswith(words)
        assert lens.page.locator(".dot-detail .current").count() == 1


def test_a_position_the_new_fields_lack_is_let_go_without_blaming_a_link(shared):
    lens = shared.goto(DEFAULT + "&cell=2,2&term=2")
    assert status(lens).startswith("Step 31 of 63")
    lens.type_into("Inputs", "[[1, 2, 3, 2.5]]")  # one sample: no cell 2,2 any more
    assert lens.page.locator("#link-problems").is_hidden()
    assert "cell=" not in lens.page.url and "term=" not in lens.page.url
    assert status(lens).startswith("Step 7 of 21")  # the first cell, as a page opens
