"""The page, driven in Chromium: the textbook's stages, cell selection, bad input."""

from __future__ import annotations

import re
from pathlib import Path

import numpy as np
import pytest
from helpers import close
from seed import STAGES

ROOT = Path(__file__).resolve().parents[2]


def numpy_outputs(inputs: str, layers: list[tuple[str, str]]):
    """What NumPy, on CPython, says these fields compute: the textbook's expressions."""
    import ast
    x = ast.literal_eval(inputs)
    for weights, biases in layers:
        w, b = ast.literal_eval(weights), ast.literal_eval(biases)
        x = (np.dot(x, np.array(w).T) if np.ndim(x) == 2 and np.ndim(w) == 2 else np.dot(w, x)
             if np.ndim(x) == 1 else np.dot(x, w)) + b
    return np.asarray(x).tolist()


def test_example_is_visible_before_python_loads(lens):
    # Hold back Pyodide: the page must still show the pre-rendered example.
    lens.page.route("**/vendor/pyodide/**", lambda route: None)
    lens.open(wait=False)
    lens.page.wait_for_load_state("domcontentloaded")
    assert lens.page.locator("body").get_attribute("data-ready") == "false"
    assert lens.page.get_by_role("status").filter(has_text="Loading Python").is_visible()
    assert close(lens.outputs(), STAGES["batch"][2])
    assert "weightsᵀ" in lens.region("Steps").inner_text()
    lens.page.unroute("**/vendor/pyodide/**")
    lens.page.goto("about:blank")
    lens.watch.problems.clear()  # the held requests were cut off on purpose


def test_ready_page_shows_the_textbooks_batch_and_which_engine(lens):
    lens.open()
    assert close(lens.outputs(), STAGES["batch"][2])
    text = lens.region("Layer outputs").inner_text()
    assert "in your browser by the pure-Python loops" in text or "in your browser by NumPy" in text
    steps = lens.region("Steps").inner_text()
    for words in ["Shapes", "Why the weights are transposed", "4 ≠ 3", "weightsᵀ",
                  "The matrix product", "Add the biases", "Outputs"]:
        assert words in steps
    assert any(u.endswith("/pyodide.asm.wasm") for u in lens.watch.requests)  # Python's own files seen
    assert all(lens.watch.same_origin(u) for u in lens.watch.requests)


@pytest.mark.parametrize("name", list(STAGES))
def test_each_stage_typed_in_gives_the_textbooks_outputs(lens, name):
    inputs, layers, expected = STAGES[name]
    lens.open()
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


def test_single_sample_shows_no_transposition(lens):
    lens.open()
    lens.type_into("Inputs", "[1, 2, 3, 2.5]")
    steps = lens.region("Steps").inner_text()
    assert "np.dot(weights, inputs)" in steps and "Why the weights are transposed" not in steps


def selected_detail(lens):
    return lens.region("Steps").locator(".dot-detail").first.inner_text()


def test_selecting_a_cell_shows_its_terms_and_highlights_its_row_and_column(lens):
    lens.open()
    lens.click(lens.region("Steps").get_by_role("button", name="sample 2 · neuron 3: -0.3"))
    detail = selected_detail(lens)
    assert "2.0×-0.26 + 5.0×-0.27 + -1.0×0.17 + 2.0×0.87 = -0.3" in detail
    assert "-0.3 + 0.5 (bias) = 0.2" in detail
    grid = lens.region("Steps").locator("table.product-grid")
    row = grid.locator("tr", has=lens.page.get_by_role("rowheader", name="sample 2"))
    assert row.locator("td.left.hl").count() == 4
    assert grid.locator("td.right.hl").all_inner_texts() == ["-0.26", "-0.27", "0.17", "0.87"]
    assert grid.locator('button[aria-pressed="true"]').inner_text() == "-0.3"


def test_cells_can_be_chosen_with_the_keyboard(lens):
    lens.open()
    first = lens.region("Steps").get_by_role("button", name="sample 1 · neuron 1: 2.8")
    first.focus()
    lens.press("ArrowRight")
    lens.press("ArrowDown")
    focused = lens.page.evaluate("document.activeElement.getAttribute('aria-label')")
    assert focused == "sample 2 · neuron 2: -4.81"
    assert "2.0×0.5 + 5.0×-0.91 + -1.0×0.26 + 2.0×-0.5 = -4.81" in selected_detail(lens)
    lens.press("Shift+Tab")
    lens.press("Enter")
    assert "= 6.9" in selected_detail(lens)


def test_cells_can_be_chosen_by_touch(browser, site_url):
    context = browser.new_context(has_touch=True, viewport={"width": 800, "height": 1000})
    try:
        page = context.new_page()
        page.goto(site_url)
        page.wait_for_selector('body[data-ready="true"]', state="attached", timeout=90_000)
        page.get_by_role("button", name="sample 3 · neuron 1: -0.59").tap()
        page.wait_for_selector('button.cell[data-row="2"][data-col="0"][aria-pressed="true"]')
        assert "= -0.59" in page.locator(".dot-detail").first.inner_text()
    finally:
        context.close()


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
def test_bad_input_shows_an_alert_beside_the_field_and_recovers(lens, name, text, words):
    lens.open()
    good = lens.field(name).input_value()
    lens.type_into(name, text)
    alert = lens.alert_for(name)
    assert words.lower() in alert.inner_text().lower()
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


def test_half_finished_edits_are_ordinary_states(lens):
    lens.open()
    lens.type_into("Weights", "[0.2, 0.8, -0.5, 1.0]")  # one neuron, while Biases holds three
    assert "plain number" in lens.alert_for("Biases").inner_text()
    lens.type_into("Biases", "2")
    assert close(lens.outputs(), [4.8, 8.9, 1.41])
    lens.type_into("Inputs", "[[1, 2")  # typing a new matrix, half-way
    assert "never closed" in lens.alert_for("Inputs").inner_text()
    lens.type_into("Inputs", "[[1, 2, 3, 2.5]]")
    assert close(lens.outputs(), [4.8])


def test_a_huge_paste_is_refused_beside_the_field_and_the_page_keeps_working(lens):
    lens.open()
    huge = "[" + "1, " * 1_000_001 + "]"
    lens.field("Inputs").evaluate("(el, text) => { el.value = text; el.dispatchEvent(new Event('input', {bubbles: true})); }", huge)
    lens.settle()
    assert "at most 1,000,000 numbers" in lens.alert_for("Inputs").inner_text()
    lens.type_into("Inputs", "[1, 2, 3, 2.5]")
    assert close(lens.outputs(), [4.8, 1.21, 2.385])


def test_code_region_programs_print_the_outputs_shown(lens, tmp_path):
    import subprocess
    import sys
    lens.open()
    blocks = lens.region("Code").locator("pre").all_inner_texts()
    assert len(blocks) == 2
    for i, program in enumerate(blocks):
        path = tmp_path / f"program{i}.py"
        path.write_text(program)
        printed = subprocess.run([sys.executable, str(path)], capture_output=True, text=True,
                                 check=True).stdout
        numbers = [float(n) for n in re.findall(r"-?\d+\.?\d*(?:e-?\d+)?", printed)]
        assert close(numbers, [v for row in STAGES["batch"][2] for v in row], rel=1e-8)


def test_screenshot_for_the_readme(lens):
    lens.page.set_viewport_size({"width": 1280, "height": 1400})
    lens.open()
    lens.click(lens.region("Steps").get_by_role("button", name="sample 2 · neuron 3: -0.3"))
    lens.page.evaluate("window.scrollTo(0, 0)")
    target = ROOT / "docs" / "screenshot.png"
    target.parent.mkdir(exist_ok=True)
    lens.page.screenshot(path=str(target), full_page=False)
    assert target.stat().st_size > 20_000


def hold_python(lens):
    """Hold back Pyodide's WebAssembly until ``release`` is called."""
    held = []
    lens.page.route("**/pyodide.asm.wasm", lambda route: held.append(route))

    def release():
        while not held:
            lens.page.wait_for_timeout(50)
        held[0].continue_()
        lens.page.unroute("**/pyodide.asm.wasm")
    return release


def test_typing_while_python_loads_is_kept(lens):
    release = hold_python(lens)
    lens.open(wait=False)
    lens.page.wait_for_load_state("domcontentloaded")
    lens.field("Biases").fill("[0, 0, 0]")
    release()
    lens.wait_ready()
    lens.settle()
    assert lens.field("Biases").input_value() == "[0, 0, 0]"
    assert close(lens.outputs(), [[2.8, -1.79, 1.885], [6.9, -4.81, -0.3], [-0.59, -1.949, -0.474]])


def test_a_link_holds_the_editors_until_its_fields_arrive(lens):
    release = hold_python(lens)
    lens.open("#inputs=[1,2,3]&weights=[2,3,4]&biases=0", wait=False)
    lens.page.wait_for_load_state("domcontentloaded")
    assert lens.field("Inputs").get_attribute("readonly") is not None
    release()
    lens.wait_ready()
    assert lens.field("Inputs").input_value() == "[1,2,3]"
    assert lens.field("Inputs").get_attribute("readonly") is None
    assert close(lens.outputs(), 20)


def test_a_numpy_wheel_that_does_not_load_leaves_the_pure_python_engine_working(browser, site_url, tmp_path):
    # A site whose site.json names a wheel that is not a wheel: the page must say it
    # computes with the loops, and compute.
    import json
    import shutil
    import threading

    import build
    site = tmp_path / "site"
    shutil.copytree(build.DIST, site)
    (site / "vendor/pyodide/numpy-broken.whl").write_bytes(b"not a wheel")
    (site / "site.json").write_text(json.dumps({"numpy_wheel": "./vendor/pyodide/numpy-broken.whl"}))
    server = build.make_server(0, site)
    threading.Thread(target=server.serve_forever, daemon=True).start()
    context = browser.new_context()
    try:
        page = context.new_page()
        warnings = []
        page.on("console", lambda m: warnings.append(m.text) if m.type == "warning" else None)
        page.goto(f"http://127.0.0.1:{server.server_address[1]}/")
        page.wait_for_selector('body[data-ready="true"]', state="attached", timeout=90_000)
        assert "pure-Python loops" in page.locator("#engine").inner_text()
        assert any("NumPy did not load" in w for w in warnings)
        assert page.locator("#outputs-body td").all_inner_texts()[-1] == "0.026"
    finally:
        context.close()
        server.shutdown()
        server.server_close()


def test_mistakes_in_two_fields_each_get_an_alert(lens):
    lens.open()
    lens.type_into("Inputs", "[1, 2, 3, 2.5x]")
    lens.type_into("Biases", "[2, 3, 0.5")
    assert "'2.5x' is not a number" in lens.alert_for("Inputs").inner_text()
    assert "never closed" in lens.alert_for("Biases").inner_text()
    assert lens.page.get_by_role("alert").count() == 2
    assert "Fix the fields marked in red" in lens.page.locator("#stale-note").inner_text()
    lens.type_into("Inputs", "[1, 2, 3, 2.5]")
    assert lens.page.get_by_role("alert").count() == 1
    lens.type_into("Biases", "[2, 3, 0.5]")
    assert lens.page.get_by_role("alert").count() == 0
    assert close(lens.outputs(), [4.8, 1.21, 2.385])
