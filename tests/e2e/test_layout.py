"""Every control reachable at every size and layer count, nothing cut, accessible (axe)."""

from __future__ import annotations

import json

import pytest
from helpers import ROOT
from playwright.sync_api import expect

from pycore.examples import DEFAULT_EXAMPLE, EXAMPLES, NEXT_LAYER
from pycore.state import State, encode

AXE = ROOT / "node_modules" / "axe-core" / "axe.min.js"
WCAG_AA = ["wcag2a", "wcag2aa", "wcag21a", "wcag21aa"]


def with_layers(count: int) -> str:
    batch = EXAMPLES[DEFAULT_EXAMPLE].state
    return "#" + encode(State(batch.inputs, [dict(batch.layers[0])] + [dict(NEXT_LAYER)] * (count - 1)))


# Is the element on screen after scrolling to it, and is it the element a click there reaches?
REACHABLE = """el => {
  el.scrollIntoView({block: 'center', inline: 'center'});
  const box = el.getBoundingClientRect();
  if (box.width === 0 || box.height === 0) return 'no size';
  const x = Math.min(Math.max(box.left + box.width / 2, 0), innerWidth - 1);
  const y = Math.min(Math.max(box.top + box.height / 2, 0), innerHeight - 1);
  if (box.bottom < 0 || box.top > innerHeight || box.right < 0 || box.left > innerWidth) return 'off screen';
  const hit = document.elementFromPoint(x, y);
  return hit && (hit === el || el.contains(hit) || hit.closest('label')?.control === el) ? 'ok'
    : 'covered by ' + (hit ? hit.outerHTML.slice(0, 80) : 'nothing');
}"""

CONTROLS = ("#editors textarea, #editors button:not([hidden]), nav.examples a, #view-switch input, "
            "button.copy-code, #steps-body button.cell[tabindex='0']")

# Every control on show (and every gallery link, shown or scrolled away in its strip): the
# first one not reachable, as ``REACHABLE`` says; checked in the page, in one round trip
ALL_REACHABLE = """selector => {
  const check = """ + REACHABLE + """;
  const controls = [...document.querySelectorAll(selector)];
  for (const el of controls) {
    if (!el.checkVisibility({visibilityProperty: true}) && !el.closest('nav.examples')) continue;
    const verdict = check(el);
    if (verdict !== 'ok') return el.outerHTML.slice(0, 100) + ': ' + verdict;
  }
  return controls.length;
}"""


@pytest.mark.parametrize("width, height", [(375, 800), (1280, 800), (1440, 900)])
@pytest.mark.parametrize("layers", [1, 2, 8])
def test_every_control_can_be_scrolled_to_and_is_not_covered(shared, width, height, layers):
    lens = shared
    lens.page.set_viewport_size({"width": width, "height": height})
    lens.goto(with_layers(layers))
    assert lens.page.locator("#layers fieldset").count() == layers
    checked = lens.page.evaluate(ALL_REACHABLE, CONTROLS)
    assert isinstance(checked, int), checked
    assert checked >= 2 * layers + 1 + 4 + len(EXAMPLES)
    assert lens.page.evaluate("document.documentElement.scrollWidth <= innerWidth"), "the page scrolls sideways"


# For each scrolling frame, once scrolled to and laid out: is its figure wider than its box,
# and which shadows does it show
SHADOWS = """async () => {
  const found = [];
  for (const frame of document.querySelectorAll('.scroll-frame')) {
    frame.scrollIntoView({block: 'nearest'});
    await new Promise(r => requestAnimationFrame(() => requestAnimationFrame(r)));
    const figure = frame.firstElementChild;
    found.push([figure.scrollWidth > figure.clientWidth + 1, frame.dataset.more || '']);
  }
  return found;
}"""


@pytest.mark.parametrize("width", [320, 375, 768, 1024, 2560])
def test_nothing_needs_the_page_to_scroll_sideways(shared, width):
    lens = shared
    lens.page.set_viewport_size({"width": width, "height": 900})
    for example in (EXAMPLES[DEFAULT_EXAMPLE], EXAMPLES[-1]):
        lens.goto("#" + example.fragment)
        overflow = lens.page.evaluate("document.documentElement.scrollWidth - innerWidth")
        assert overflow <= 0, f"{width} px: the page is {overflow} px too wide"
        # a figure wider than its box scrolls inside it, and says so with a shadow (once on screen:
        # a step far down the page is laid out only when scrolled to)
        frames = lens.page.evaluate(SHADOWS)
        assert frames and all(wide == ("right" in more or "left" in more) for wide, more in frames), frames


@pytest.mark.parametrize("step, words, link", [
    ("transpose", "transpose", ""), ("activation", "ReLU", "&activation=relu")])
def test_the_arrow_between_two_arrays_points_the_way_they_are_stacked(shared, step, words, link):
    lens = shared.goto("#" + EXAMPLES[DEFAULT_EXAMPLE].fragment + link)
    arrow = lens.page.locator(f".step-{step} .arrow")
    for width, shown in [(375, f"↓ {words} ↓"), (1280, f"→ {words} →")]:
        lens.page.set_viewport_size({"width": width, "height": 900})
        arrow.scroll_into_view_if_needed()  # steps off screen are not laid out
        expect(arrow).to_have_text(shown, use_inner_text=True)  # once the step is laid out at this width
        weights, transposed = (box for box in lens.page.locator(f".step-{step} figure.array").evaluate_all(
            "figures => figures.map(f => f.getBoundingClientRect().toJSON())"))
        if shown.startswith("↓"):
            assert transposed["top"] >= weights["bottom"]  # stacked
        else:
            assert transposed["left"] >= weights["right"]  # side by side


def test_the_first_field_is_within_two_screens_on_a_phone(shared):
    lens = shared
    lens.page.set_viewport_size({"width": 375, "height": 667})
    lens.goto("#" + EXAMPLES[DEFAULT_EXAMPLE].fragment)
    top = lens.field("Inputs").evaluate("el => el.getBoundingClientRect().top + scrollY")
    assert top < 667, f"the Inputs field starts {top:.0f} px down"


def test_plus_and_equals_stay_with_their_operands(shared):
    lens = shared
    for width in (320, 375, 600, 1280):
        lens.page.set_viewport_size({"width": width, "height": 900})
        lens.goto("#" + EXAMPLES[DEFAULT_EXAMPLE].fragment)
        for operand in lens.page.locator(".step-biases .operand").all():
            op, figure = operand.locator(".op"), operand.locator("figure")
            a, b = op.bounding_box(), figure.bounding_box()
            assert a["x"] + a["width"] <= b["x"] + 1  # the sign is just before its operand
            assert a["y"] < b["y"] + b["height"] and b["y"] < a["y"] + a["height"]  # on the same line


def test_every_control_shows_a_focus_ring(shared):
    lens = shared.goto("#" + EXAMPLES[DEFAULT_EXAMPLE].fragment)
    lens.page.locator("body").focus()
    seen = set()
    for _ in range(60):
        lens.page.keyboard.press("Tab")
        info = lens.page.evaluate("""() => {
          const el = document.activeElement, style = getComputedStyle(el);
          return [el.tagName + (el.id ? '#' + el.id : '') + '.' + el.className,
                  style.outlineStyle !== 'none' && parseFloat(style.outlineWidth) >= 2];
        }""")
        if info[0].startswith("BODY"):  # past the last control: the browser's own UI
            continue
        seen.add(info[0].split("#")[0])
        assert info[1], f"no visible focus ring on {info[0]}"
    assert {"TEXTAREA", "BUTTON", "A", "INPUT"} <= {name.split(".")[0] for name in seen}


@pytest.mark.parametrize("scheme", ["light", "dark"])
def test_axe_finds_nothing_on_any_gallery_example(shared, scheme):
    lens = shared
    lens.page.emulate_media(color_scheme=scheme)
    lens.page.evaluate(AXE.read_text(encoding="utf-8"))
    found = {}
    try:
        for example in EXAMPLES:
            lens.goto("#" + example.fragment)
            violations = lens.page.evaluate(
                "tags => axe.run(document, {runOnly: {type: 'tag', values: tags}, resultTypes: ['violations']})"
                ".then(r => r.violations.map(v => [v.id, v.nodes.map(n => n.target.join(' ')).slice(0, 3)]))",
                WCAG_AA)
            if violations:
                found[example.title] = violations
    finally:
        lens.page.emulate_media(color_scheme="light")
    assert not found, json.dumps(found, indent=1, ensure_ascii=False)
