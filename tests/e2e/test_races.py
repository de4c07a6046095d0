"""What the learner does while the engine computes: the page ends showing what the
learner asked for last, and the address says the same. The engine is slowed on purpose
(``patched``), so that each race happens every time, not one run in ten."""

from __future__ import annotations

from seed import BATCH

SLOW = ("    if {marker!r} in message_json:\n        import time\n        start = time.time()\n"
        "        while time.time() - start < 0.8:\n            pass\n")


def idle(page):
    page.evaluate("() => new Promise(r => requestAnimationFrame(() => requestAnimationFrame(r)))")
    page.wait_for_selector('body[data-idle="true"]', state="attached", timeout=60_000)


def status(page) -> str:
    return page.locator(".player:not([hidden]) .player-status").inner_text()


def test_steps_taken_while_an_edit_computes_are_the_moment_shown_and_linked(patched):
    page, errors = patched(update=SLOW.format(marker="9.5"))
    page.get_by_role("button", name="First step").click()
    idle(page)
    assert status(page).startswith("Step 1 of 63")
    page.fill("#field-inputs", BATCH.replace("[[1,", "[[9.5,"))  # computed for 0.8 s
    page.get_by_role("button", name="Next step").click()  # both while it computes
    page.get_by_role("button", name="Next step").click()
    idle(page)
    # two steps on, in the new numbers: 9.5×0.2 + 2×0.8
    assert status(page).startswith("Step 3 of 63: sample 1 · neuron 1, term 2 of 4") and "= 3.5" in status(page)
    assert page.locator("table.product-grid td.current button").inner_text() == "3.5"
    assert "cell=1,1&term=2" in page.url and "inputs=[[9.5," in page.url
    page.reload()  # the address opens what was on show
    page.wait_for_selector('body[data-ready="true"]', state="attached", timeout=90_000)
    idle(page)
    assert status(page).startswith("Step 3 of 63") and "= 3.5" in status(page)
    assert not errors


def test_a_check_in_flight_when_the_fields_change_reveals_nothing(patched):
    page, errors = patched(check=SLOW.format(marker="(3, 3)"))
    page.goto(page.url.split("#")[0] + "#" + page.url.split("#")[1] + "&predict=shape")
    idle(page)
    page.get_by_role("textbox", name="Your prediction").fill("(3, 3)")
    page.get_by_role("button", name="Check").click()  # checked for 0.8 s ...
    page.fill("#field-biases", "[1, 1, 1]")  # ... while the fields change
    idle(page)
    assert "Hidden until you check" in page.locator("#outputs-body").inner_text()
    assert "Right" not in page.locator("#verdict").inner_text()
    assert page.locator(".step-product").count() == 0  # the worked steps stay hidden too
    assert not errors
