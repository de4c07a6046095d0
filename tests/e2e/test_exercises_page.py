"""Knobs, activations and exercises in the live page, by keyboard where a learner would use it."""

from __future__ import annotations

import json
import re
from urllib.parse import quote

import numpy as np
from helpers import ROOT, close
from helpers_e2e import numpy_outputs

from pycore.examples import DEFAULT_EXAMPLE, EXAMPLES

DEFAULT = "#" + EXAMPLES[DEFAULT_EXAMPLE].fragment
OLD_LINKS = json.loads((ROOT / "tests" / "gallery_links.json").read_text(encoding="utf-8"))


def test_the_knobs_turn_the_fields_and_the_line(shared):
    lens = shared.goto("#" + EXAMPLES[1].fragment)  # a weight of 2
    plot = lens.page.get_by_role("img", name=re.compile("^Plot"))
    assert plot.count() == 1
    weight = lens.page.get_by_role("slider", name="Weight", exact=True)
    bias = lens.page.get_by_role("slider", name="Bias", exact=True)
    weight.focus()
    lens.press("ArrowRight")  # one step of 0.1
    assert lens.field("Weights").input_value() == "[2.1]"
    bias.focus()
    lens.press("ArrowLeft")
    assert lens.field("Biases").input_value() == "-0.1"
    assert "weights=[2.1]" in lens.page.url and "biases=-0.1" in lens.page.url  # the link carries the knobs
    point = lens.page.locator("svg.plot circle.point")
    x, y = float(point.get_attribute("data-x")), float(point.get_attribute("data-y"))
    assert y == 2.1 * x - 0.1
    assert close(lens.outputs(), 2.1 * 1.5 - 0.1)


def test_a_plain_number_input_works_and_is_explained(shared):
    lens = shared.goto("#inputs=2&weights=[0.5]&biases=1")
    assert close(lens.outputs(), 2.0) and lens.page.get_by_role("alert").count() == 0
    assert "Inputs is the plain number 2" in lens.text("Steps")


def test_choosing_relu_for_a_layer_applies_it_everywhere(shared):
    lens = shared.goto(DEFAULT.replace("biases=[2,%203,%200.5]", "biases=[2,%20-3,%200.5]"))
    lens.page.get_by_label("Activation", exact=True).select_option("relu")
    lens.settle()
    inputs, weights = lens.field("Inputs").input_value(), lens.field("Weights").input_value()
    expected = np.maximum(0, np.array(numpy_outputs(inputs, [(weights, "[2, -3, 0.5]")])))
    assert close(lens.outputs(), expected.tolist())
    assert "activation=relu" in lens.page.url
    steps = lens.text("Steps")
    assert "Activation: ReLU, max(0, x)" in steps and "3 of the 9 outputs changed" in steps
    code = lens.region("Code").inner_text()
    assert "neuron_output = max(0, neuron_output)" in code and "np.maximum(0, layer_outputs)" in code


def test_activation_outputs_in_the_page_against_numpy(shared):
    rng = np.random.default_rng(7)
    for activation in ("relu", "step"):
        x = rng.uniform(-2, 2, (3, 4)).round(2).tolist()
        w1, b1 = rng.uniform(-1, 1, (5, 4)).round(2).tolist(), rng.uniform(-1, 1, 5).round(2).tolist()
        w2, b2 = rng.uniform(-1, 1, (2, 5)).round(2).tolist(), rng.uniform(-1, 1, 2).round(2).tolist()
        lens = shared.goto(f"#inputs={quote(repr(x))}&weights={quote(repr(w1))}&biases={quote(repr(b1))}"
                           f"&activation={activation}&weights2={quote(repr(w2))}&biases2={quote(repr(b2))}")
        hidden = np.dot(x, np.array(w1).T) + b1
        hidden = np.maximum(0, hidden) if activation == "relu" else np.where(hidden > 0, 1, 0)
        assert close(lens.outputs(), (np.dot(hidden, np.array(w2).T) + b2).tolist(), rel=1e-8)


def answer(lens, text: str) -> str:
    field = lens.page.get_by_role("textbox", name="Your prediction")
    field.focus()
    lens.page.keyboard.type(text)
    lens.press("Enter")  # by keyboard: the Check button submits the form
    return lens.page.locator("#verdict").inner_text()


def test_predict_the_shape_wrong_then_right(shared):
    lens = shared.goto(DEFAULT + "&predict=shape")
    steps = lens.text("Steps")
    assert "(3, 3)" not in steps and "2.385" not in steps and "Why the weights are transposed" not in steps
    assert "Hidden until you check" in lens.region("Layer outputs").inner_text()
    verdict = answer(lens, "(3, 4)")
    assert verdict.startswith("✗ Not quite: the outputs' shape is (3, 3), not (3, 4)")
    assert "each dot product sums them away" in verdict
    assert lens.page.locator(".step-transpose.answer").is_visible()  # the worked step that answers it
    assert close(lens.outputs(), [[4.8, 1.21, 2.385], [8.9, -1.81, 0.2], [1.41, 1.051, 0.026]])
    lens.goto(DEFAULT + "&predict=shape&hide=editors,code")  # again, as a teacher's slide would
    assert answer(lens, "3x3").startswith("✓ Right: the outputs' shape is (3, 3)")


def test_on_a_phone_the_first_screen_says_a_question_waits_below(shared):
    lens = shared
    lens.page.set_viewport_size({"width": 375, "height": 740})
    lens.goto(DEFAULT + "&predict=shape")
    jump = lens.page.get_by_role("button", name="This link asks a question: predict first ↓")
    question = lens.page.get_by_role("textbox", name="Your prediction")
    assert jump.is_visible() and jump.evaluate("el => el.getBoundingClientRect().bottom <= innerHeight")
    assert question.evaluate("el => el.getBoundingClientRect().top > innerHeight")  # why the button
    jump.click()
    lens.page.wait_for_function("() => document.activeElement.id === 'prediction'")
    lens.page.wait_for_function("() => { const box = document.activeElement.getBoundingClientRect(); "
                                "return box.top >= 0 && box.bottom <= innerHeight; }")  # scrolled to
    lens.page.set_viewport_size({"width": 1280, "height": 900})
    assert not jump.is_visible()  # beside the fields, the question is in view already
    lens.goto(DEFAULT)
    assert lens.page.locator("#predict-jump").is_hidden()  # no exercise, no button


def test_predict_a_cell_and_all_the_outputs(shared):
    lens = shared.goto(DEFAULT + "&predict=cell&cell=2,3")
    assert "sample 2 · neuron 3" in lens.page.locator(".predict-form .question").inner_text()
    assert answer(lens, "0.5").startswith("✗ Not quite: sample 2 · neuron 3 is 0.2, you said 0.5")
    assert lens.page.locator(".step-product.answer .dot-detail").text_content().count("×") == 4
    lens.goto(DEFAULT + "&predict=cell&cell=2,3&view=loops")
    assert answer(lens, "0.2").startswith("✓ Right")
    lens.goto(DEFAULT + "&predict=outputs")
    assert answer(lens, "[[4.8, 1.21, 2.385], [8.9, -1.81, 0.2], [1.41, 1.051, 0.5]]").startswith(
        "✗ Not quite: 1 of 9 outputs differ (0.5 should be 0.026)")
    lens.goto(DEFAULT + "&predict=outputs&step=outputs")
    assert answer(lens, "[[4.8, 1.21, 2.385], [8.9, -1.81, 0.2], [1.41, 1.051, 0.026]]").startswith("✓ Right")


def test_a_typo_gives_nothing_away_the_verdict_stays_in_view_and_new_fields_ask_again(shared):
    lens = shared.goto(DEFAULT + "&predict=cell&cell=2,3")
    assert "is not a number" in answer(lens, "abc")  # a typo: the answer stays hidden
    assert "0.2" not in lens.page.locator("#verdict").inner_text()
    assert "Hidden until you check" in lens.region("Layer outputs").inner_text()
    lens.page.get_by_role("textbox", name="Your prediction").fill("")
    verdict = answer(lens, "0.2")
    assert verdict.startswith("✓ Right")
    in_view = "el => { const r = el.getBoundingClientRect(); return r.top >= 0 && r.bottom <= innerHeight; }"
    assert lens.page.locator("#verdict").evaluate(in_view)  # the learner sees the verdict, not a far step
    lens.page.get_by_role("button", name="Show the worked step").click()
    lens.page.wait_for_function("() => { const r = document.querySelector('.step-product.answer')"
                                ".getBoundingClientRect(); return r.top < innerHeight && r.bottom > 0; }")
    assert lens.page.evaluate("document.activeElement.classList.contains('answer')")
    lens.type_into("Biases", "[3, 3, 0.5]")  # other numbers: the exercise asks again
    assert "predict again" in lens.page.locator("#verdict").inner_text()
    assert "Hidden until you check" in lens.region("Layer outputs").inner_text()


def test_links_from_before_this_release_open_unchanged(shared):
    for link in OLD_LINKS:
        lens = shared.goto("#" + link["fragment"])
        assert close(lens.outputs(), link["outputs"], rel=1e-8), link["title"]
        assert lens.page.get_by_role("alert").count() == 0 and lens.page.locator("#link-problems").is_hidden()


def test_an_answer_checked_is_not_the_answer_to_the_next_link(shared):
    lens = shared.goto(DEFAULT + "&predict=shape")
    assert answer(lens, "(3, 3)").startswith("✓ Right")
    assert "Hidden until you check" not in lens.region("Layer outputs").inner_text()
    lens.goto(DEFAULT + "&predict=outputs")  # another exercise: nothing of the last one is revealed
    assert "Hidden until you check" in lens.region("Layer outputs").inner_text()
    assert lens.page.locator("#verdict").inner_text() == ""
    assert lens.page.get_by_role("textbox", name="Your prediction").input_value() == ""


def test_a_double_click_on_check_gives_one_verdict(shared):
    lens = shared.goto(DEFAULT + "&predict=shape")
    lens.page.get_by_role("textbox", name="Your prediction").fill("(3, 4)")
    lens.page.get_by_role("button", name="Check").dblclick()
    lens.settle()
    assert lens.page.get_by_role("button", name="Show the worked step").count() == 1
    assert lens.page.locator("#verdict").inner_text().count("Not quite") == 1


def test_a_cell_after_relu_is_asked_for_after_relu_and_the_value_before_it_is_named(shared):
    lens = shared.goto(DEFAULT.replace("biases=[2,%203,%200.5]", "biases=[2,%20-3,%200.5]")
                       + "&activation=relu&predict=cell&cell=1,2")
    question = lens.page.locator(".predict-form .question").inner_text()
    assert "What is the output of sample 1 · neuron 2, after ReLU?" in question
    verdict = answer(lens, "-4.79")  # the output before ReLU
    assert verdict.startswith("✗ Not quite: sample 1 · neuron 2 is 0, you said -4.79.")
    assert "That is the output before ReLU (-4.79); ReLU is part of the question." in verdict
