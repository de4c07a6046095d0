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


def test_an_edit_while_a_moment_is_fetched_shows_the_moment_of_the_new_numbers(patched):
    page, errors = patched(frames=SLOW.format(marker='"cells"'))
    page.get_by_role("button", name="Last step").click()  # its moments take 0.8 s ...
    page.fill("#field-inputs", BATCH.replace("[-1.5,", "[1.5,"))  # ... and the numbers change meanwhile
    idle(page)
    assert status(page).startswith("Step 63 of 63: sample 3 · neuron 3: output -0.754 is filled in")
    assert "-1.254" in status(page) and "-1.254" in page.locator(".dot-detail").inner_text()
    assert not errors


def test_a_layer_added_and_removed_at_once_stays_removed(patched):
    page, errors = patched(update=SLOW.format(marker='"layers":2'))
    page.get_by_role("button", name="Add a layer").click()
    page.get_by_role("button", name="Remove the last layer").click()  # before the new layer's fields came
    idle(page)
    assert page.locator("#layers fieldset").count() == 1 and "weights2" not in page.url
    for address in (page.url, page.url.split("#")[0]):  # a reload, and a bare visit: the work kept
        page.goto("about:blank")
        page.goto(address)
        page.wait_for_selector('body[data-ready="true"]', state="attached", timeout=90_000)
        idle(page)
        assert page.locator("#layers fieldset").count() == 1, address
    assert not errors


def test_a_pause_stops_the_player_even_when_its_moments_come_slowly(patched):
    page, errors = patched(update=SLOW.format(marker="9.5"))
    page.get_by_label("Speed").select_option("4")
    page.get_by_role("button", name="Play").click()
    page.wait_for_timeout(300)
    page.fill("#field-inputs", BATCH.replace("[[1,", "[[9.5,"))  # every step now waits 0.8 s for these numbers
    page.wait_for_timeout(500)  # ticks of a player at 4 times the speed meanwhile
    page.get_by_role("button", name="Pause").click()
    paused = status(page)
    idle(page)
    assert status(page).split(":")[0] in (paused.split(":")[0], next_step(paused))  # at most the step under way
    assert page.get_by_role("button", name="Play").is_visible()
    assert not errors


def next_step(words: str) -> str:
    number = int(words.split()[1])
    return words.split(":")[0].replace(f"Step {number} ", f"Step {number + 1} ")


def test_reset_right_after_a_keystroke_and_back_returns_to_that_keystroke(patched):
    page, errors = patched(update=SLOW.format(marker="0.55"))
    page.fill("#field-biases", "[2, 3, 0.55]")  # computed for 0.8 s ...
    page.get_by_role("button", name="Reset to the example").click()  # ... Reset meanwhile
    idle(page)
    assert page.locator("#field-biases").input_value() == "[2, 3, 0.5]"
    page.go_back()
    idle(page)
    assert page.locator("#field-biases").input_value() == "[2, 3, 0.55]"
    assert not errors


def test_the_player_shows_its_words_once_an_exercise_is_answered(patched):
    page, errors = patched()
    page.goto(page.url.split("#")[0] + "#" + page.url.split("#")[1] + "&predict=outputs")
    idle(page)
    page.locator("button.pick[data-neuron='1']").click()  # a cell chosen while the answer is hidden
    idle(page)
    page.get_by_role("textbox", name="Your prediction").fill("[[4.8, 1.21, 2.385], [8.9, -1.81, 0.2], [1.41, 1.051, 0.026]]")
    page.get_by_role("button", name="Check").click()
    idle(page)
    assert page.locator("#verdict").inner_text().startswith("✓ Right")
    page.get_by_role("button", name="Next step").click()
    idle(page)
    words = status(page).split(": ", 1)[1]
    assert "term 2 of 4" in words and "1.21" not in words and "=" in words  # its words, with the numbers
    assert "1.0×0.5" in page.locator(".dot-detail").inner_text()
    assert not errors


def test_a_cell_chosen_while_a_check_computes_leaves_the_verdict(patched):
    page, errors = patched(check=SLOW.format(marker="(3, 3)"))
    page.goto(page.url.split("#")[0] + "#" + page.url.split("#")[1] + "&predict=shape")
    idle(page)
    page.get_by_role("textbox", name="Your prediction").fill("(3, 3)")
    page.get_by_role("button", name="Check").click()  # checked for 0.8 s ...
    page.locator("button.pick[data-neuron='2']").click()  # ... a neuron chosen meanwhile
    idle(page)
    assert page.locator("#verdict").inner_text().startswith("✓ Right")
    assert "Hidden until you check" not in page.locator("#outputs-body").inner_text()
    assert not errors
