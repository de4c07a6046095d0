"""The live page, driven in Chromium: the textbook's stages, cells, mistakes, layers, the code."""

from __future__ import annotations

import re
import subprocess
import sys

import pytest
from helpers import close
from helpers_e2e import numpy_outputs
from seed import BATCH, BIASES_3, STAGES, WEIGHTS_3x4

from pycore.examples import DEFAULT_EXAMPLE, EXAMPLES

DEFAULT = "#" + EXAMPLES[DEFAULT_EXAMPLE].fragment  # the textbook's batch, as the page starts


@pytest.mark.parametrize("name", list(STAGES))
def test_each_stage_typed_in_gives_the_textbooks_outputs(shared, name):
    inputs, layers, expected = STAGES[name]
    lens = shared.goto(DEFAULT)
    for _ in layers[1:]:
        lens.click(lens.page.get_by_role("button", name="Add a layer"))
    lens.type_into("Inputs", inputs)
    for number, (weights, biases) in enumerate(layers, start=1):
        suffix = "" if number == 1 else f" (layer {number})"
        lens.type_into("Weights" + suffix, weights)
        lens.type_into("Biases" + suffix, biases)
    shown = lens.outputs()
    assert close(shown, expected, rel=1e-8)
    assert close(shown, numpy_outputs(inputs, layers), rel=1e-8)
    assert lens.page.get_by_role("alert").count() == 0


def test_single_sample_shows_no_transposition(shared):
    lens = shared.goto(DEFAULT)
    lens.type_into("Inputs", "[1, 2, 3, 2.5]")
    steps = lens.text("Steps")
    assert "np.dot(weights, inputs)" in steps and "Why the weights are transposed" not in steps


def selected_detail(lens):
    return lens.region("Steps").locator(".dot-detail").first.inner_text()


def test_selecting_a_cell_shows_its_terms_and_highlights_its_row_and_column(shared):
    lens = shared.goto(DEFAULT)
    lens.click(lens.region("Steps").get_by_role("button", name="sample 2 · neuron 3: -0.3"))
    detail = selected_detail(lens)
    assert "2.0×-0.26 + 5.0×-0.27 + -1.0×0.17 + 2.0×0.87 = -0.3" in detail
    assert "-0.3 + 0.5 (bias) = 0.2" in detail
    grid = lens.region("Steps").locator("table.product-grid")
    row = grid.locator("tr", has=lens.page.get_by_role("rowheader", name="sample 2"))
    assert row.locator("td.left.hl").count() == 4
    assert [t.strip() for t in grid.locator("td.right.hl").all_inner_texts()] == ["-0.26", "-0.27", "0.17", "0.87"]
    # the cell starts at its first multiply-add: 2.0 × -0.26 so far, the pair marked
    assert grid.locator('button[aria-pressed="true"]').inner_text() == "-0.52"
    assert [t.strip() for t in grid.locator("td.pair").all_inner_texts()] == ["-0.26", "2."]


def test_the_product_grid_is_one_tab_stop_moved_by_arrows_home_and_end(shared):
    lens = shared.goto(DEFAULT)
    first = lens.region("Steps").get_by_role("button", name="sample 1 · neuron 1: 2.8")
    first.focus()
    lens.press("ArrowRight")
    lens.press("ArrowDown")
    # the cell the keys reach is chosen, at its first multiply-add: the running sum is said
    focused = lambda: lens.page.evaluate("document.activeElement.getAttribute('aria-label')")  # noqa: E731
    assert focused() == "sample 2 · neuron 2: 1.0 so far"
    assert "2.0×0.5 + 5.0×-0.91 + -1.0×0.26 + 2.0×-0.5 = -4.81" in selected_detail(lens)
    lens.press("End")
    assert focused() == "sample 2 · neuron 3: -0.52 so far"
    lens.press("Home")
    assert focused() == "sample 2 · neuron 1: 0.4 so far"
    lens.press("Control+End")
    assert focused() == "sample 3 · neuron 3: 0.39 so far"
    lens.press("Control+Home")
    assert focused() == "sample 1 · neuron 1: 0.2 so far"
    # one Tab stop: Tab leaves the grid at once
    grid_cells = lens.page.locator("table.product-grid button.cell")
    assert lens.page.locator('table.product-grid button.cell[tabindex="0"]').count() == 1
    lens.page.keyboard.press("Tab")
    assert lens.page.evaluate("!document.activeElement.classList.contains('cell')")
    assert grid_cells.count() == 9


def test_a_selection_right_after_an_edit_shows_the_new_fields(shared):
    lens = shared.goto(DEFAULT)
    lens.field("Biases").fill("[0, 0, 0]")  # no waiting: select while the edit is under way
    lens.region("Steps").locator('button.cell[data-row="1"][data-col="2"]').click()
    lens.settle()
    assert "-0.3 + 0 (bias) = -0.3" in selected_detail(lens)


BAD_INPUTS = [
    ("Inputs", "[[1, 2, 3, 2.5], [2, 5, -1]]", "homologous"),
    ("Weights", "[[0.2, 0.8, -0.5], [0.5, -0.91, 0.26], [-0.26, -0.27, 0.17]]", "each neuron needs 4 weights"),
    ("Biases", "[2, 3]", "3 neurons need 3 biases; Biases has 2"),
    ("Inputs", "[1, 2, 3, 2.5x]", "'2.5x' is not a number"),
    ("Weights", "", "empty"),
    ("Biases", "[2, 3, 0.5", "never closed"),
    ("Inputs", "[1, nan, 3, 2.5]", "not a finite number"),
    ("Inputs", "<img src=x onerror=\"document.body.dataset.owned='yes'\">", "is not a number"),
]


@pytest.mark.parametrize("name, text, words", BAD_INPUTS)
def test_bad_input_shows_an_alert_beside_the_field_and_recovers(shared, name, text, words):
    lens = shared.goto(DEFAULT)
    good = lens.field(name).input_value()
    lens.type_into(name, text)
    assert words.lower() in lens.alert_text(name).lower()
    assert lens.page.get_by_role("alert").count() == 1
    assert lens.field(name).input_value() == text  # nothing typed is changed or lost
    assert lens.field(name).get_attribute("aria-invalid") == "true"
    # the last good result stays, marked as out of date
    assert close(lens.outputs(), STAGES["batch"][2])
    assert "Out of date" in lens.page.locator("#stale-note").inner_text()
    assert lens.page.locator("body").get_attribute("data-owned") is None
    assert lens.page.locator("img").count() == 0
    lens.type_into(name, good)
    assert lens.page.get_by_role("alert").count() == 0
    assert lens.page.locator("#stale-note").is_hidden()


def test_half_finished_edits_are_ordinary_states(shared):
    lens = shared.goto(DEFAULT)
    lens.type_into("Weights", "[0.2, 0.8, -0.5, 1.0]")  # one neuron, while Biases holds three
    assert "plain number" in lens.alert_text("Biases")
    lens.type_into("Biases", "2")
    assert close(lens.outputs(), [4.8, 8.9, 1.41])
    lens.type_into("Inputs", "[[1, 2")  # typing a new matrix, half-way
    assert "never closed" in lens.alert_text("Inputs")
    lens.type_into("Inputs", "[[1, 2, 3, 2.5]]")
    assert close(lens.outputs(), [4.8])


def test_mistakes_in_two_fields_each_get_an_alert(shared):
    lens = shared.goto(DEFAULT)
    lens.type_into("Inputs", "[1, 2, 3, 2.5x]")
    lens.type_into("Biases", "[2, 3, 0.5")
    assert "'2.5x' is not a number" in lens.alert_text("Inputs")
    assert "never closed" in lens.alert_text("Biases")
    assert lens.page.get_by_role("alert").count() == 2
    assert "Fix the fields marked in red" in lens.page.locator("#stale-note").inner_text()
    lens.type_into("Inputs", "[1, 2, 3, 2.5]")
    assert lens.page.get_by_role("alert").count() == 1
    lens.type_into("Biases", "[2, 3, 0.5]")
    assert lens.page.get_by_role("alert").count() == 0
    assert close(lens.outputs(), [4.8, 1.21, 2.385])


def test_a_huge_paste_is_refused_beside_the_field_and_the_page_keeps_working(shared):
    lens = shared.goto(DEFAULT)
    huge = "[" + "1, " * 1_000_001 + "]"
    lens.field("Inputs").evaluate(
        "(el, text) => { el.value = text; el.dispatchEvent(new Event('input', {bubbles: true})); }", huge)
    lens.settle()
    assert "at most 1,000,000 numbers" in lens.alert_text("Inputs")
    assert "Inputs holds 3,000,005 characters" in lens.page.locator(".huge-field:not([hidden])").inner_text()
    lens.click(lens.page.get_by_role("button", name="Clear the field"))  # the summary's way back
    lens.type_into("Inputs", "[1, 2, 3, 2.5]")
    assert close(lens.outputs(), [4.8, 1.21, 2.385])


# -- layers ---------------------------------------------------------------------------------

def test_adding_and_removing_a_layer(shared):
    lens = shared.goto(DEFAULT)
    remove = lens.page.get_by_role("button", name="Remove the last layer")
    assert remove.is_disabled()
    lens.click(lens.page.get_by_role("button", name="Add a layer"))
    assert lens.field("Weights (layer 2)").is_visible() and lens.field("Biases (layer 2)").is_visible()
    assert close(lens.outputs(), STAGES["two layers"][2])  # the textbook's next page
    assert "weights2=" in lens.page.url and "biases2=" in lens.page.url
    steps = lens.text("Steps")
    assert "Layer 1:" in steps and "Layer 2:" in steps and "(the outputs of layer 1)" in steps
    lens.type_into("Weights (layer 2)", "[[1, 1, 1]]")
    lens.type_into("Biases (layer 2)", "[0]")
    assert close(lens.outputs(), [[8.395], [7.29], [2.487]])
    lens.type_into("Weights (layer 2)", "[[1, 1]]")
    assert "one per output of layer 1" in lens.alert_text("Weights (layer 2)")
    lens.click(remove)
    assert lens.field("Weights (layer 2)").count() == 0 and "weights2" not in lens.page.url
    assert close(lens.outputs(), STAGES["batch"][2])
    assert lens.page.get_by_role("alert").count() == 0


def test_quick_clicks_on_add_a_layer_make_distinct_layers_and_stop_at_the_limit(shared):
    lens = shared.goto(DEFAULT)
    add = lens.page.get_by_role("button", name="Add a layer")
    add.click()
    add.click()
    lens.settle()
    legends = lens.page.locator("#layers legend").all_inner_texts()
    assert legends == ["Layer 1", "Layer 2", "Layer 3"]
    ids = lens.page.locator("#editors textarea").evaluate_all("areas => areas.map(a => a.id)")
    assert len(ids) == len(set(ids)) == 7
    lens.type_into("Biases (layer 3)", "[1, 2")
    assert "never closed" in lens.alert_text("Biases (layer 3)")
    lens.type_into("Biases (layer 3)", "[1, 2, 3]")
    assert lens.page.get_by_role("alert").count() == 0
    for _ in range(12):
        lens.page.evaluate("document.getElementById('add-layer').click()")  # faster than any hand
    lens.settle()
    assert lens.page.locator("#layers fieldset").count() == 8
    assert add.is_disabled() and "at most 8 layers" in lens.page.locator("#layer-note").inner_text()
    assert lens.page.get_by_role("alert").count() == 0
    assert lens.region("Steps").locator("section.layer").count() == 8


def test_every_added_layer_fits_the_one_before(shared):
    lens = shared.show("[1, 2, 3, 2.5]", [("[[0.2, 0.8, -0.5, 1], [0.5, -0.91, 0.26, -0.5]]", "[2, 3]")])
    lens.click(lens.page.get_by_role("button", name="Add a layer"))
    assert lens.page.get_by_role("alert").count() == 0
    assert len(lens.outputs()) == 2  # two neurons after two


def test_no_layer_can_follow_a_single_neuron_and_the_page_says_why(shared):
    lens = shared.goto("#" + EXAMPLES[5].fragment)  # a single neuron
    assert lens.page.get_by_role("button", name="Add a layer").is_disabled()
    assert "matrix with one row" in lens.page.locator("#layer-note").inner_text()


# -- the Code region --------------------------------------------------------------------------

def test_code_region_programs_print_the_outputs_shown(shared, tmp_path):
    lens = shared.goto(DEFAULT)
    blocks = lens.region("Code").locator("pre").all_inner_texts()
    assert len(blocks) == 2
    for i, program in enumerate(blocks):
        path = tmp_path / f"program{i}.py"
        path.write_text(program)
        printed = subprocess.run([sys.executable, str(path)], capture_output=True, text=True,
                                 check=True).stdout
        numbers = [float(n) for n in re.findall(r"-?\d+\.?\d*(?:e-?\d+)?", printed)]
        assert close(numbers, [v for row in STAGES["batch"][2] for v in row], rel=1e-8)


def test_the_fields_typed_are_the_fields_computed(shared):
    # what the engine computed is what the editors hold, after any sequence of edits
    lens = shared.show(BATCH, [(WEIGHTS_3x4, BIASES_3)])
    for text in ["[1, 1, 1]", "[2, 2, 2]", "[3, 3, 3]"]:
        lens.field("Biases").fill(text)
    lens.settle()
    assert close(lens.outputs(), numpy_outputs(BATCH, [(WEIGHTS_3x4, "[3, 3, 3]")]))


def test_the_worked_sum_follows_the_numbers_not_only_the_cell(shared):
    lens = shared.goto(DEFAULT)
    assert "1.0×0.2 + 2.0×0.8 + 3.0×-0.5 + 2.5×1.0 = 2.8" in selected_detail(lens)
    lens.type_into("Inputs", "[[3, 2, 3, 2.5],\n [2, 5, -1, 2],\n [-1.5, 2.7, 3.3, -0.8]]")  # the same cell, new numbers
    assert "3.0×0.2 + 2.0×0.8 + 3.0×-0.5 + 2.5×1.0 = 3.2" in selected_detail(lens)
    assert "3.2 + 2.0 (bias) = 5.2" in selected_detail(lens)
    lens.goto("#" + EXAMPLES[5].fragment).goto("#" + EXAMPLES[6].fragment)  # an example after another
    assert "= 4.8" in selected_detail(lens) and "= 2.3" not in selected_detail(lens)
