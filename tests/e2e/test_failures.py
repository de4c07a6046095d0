"""A bug in Python or a worker that dies never leaves a broken page."""

from __future__ import annotations


def edit(page, text):
    page.fill("#field-biases", text)
    page.wait_for_selector('body[data-idle="true"]', state="attached", timeout=60_000)


def test_a_bug_in_python_leaves_a_working_page_and_a_report(patched):
    page, errors = patched(update='    if "[9, 9, 9]" in message_json:\n        raise SystemExit("a bug")\n')
    edit(page, "[9, 9, 9]")
    problem = page.locator("#engine-problem")
    assert problem.is_visible() and "hit a bug in its Python code" in problem.inner_text()
    assert "SystemExit" in page.locator("#engine-problem-report").input_value()
    assert page.locator("#field-biases").input_value() == "[9, 9, 9]"  # nothing typed is lost
    edit(page, "[1, 1, 1]")  # the next edit tries again
    assert problem.is_hidden()
    assert page.locator("#outputs-body tbody td").all_inner_texts()[0].strip() == "3.8"
    assert not errors


def test_a_worker_that_dies_is_started_again(patched):
    # the worker closes itself after answering these fields: the next call is never answered
    page, errors = patched(update='    if "[8, 8, 8]" in message_json:\n        import js\n        js.close()\n')
    edit(page, "[8, 8, 8]")
    with page.expect_event("load", timeout=60_000):  # never answered: Python starts again, with the page
        page.fill("#field-biases", "[2, 2, 2]")
    page.wait_for_selector('body[data-ready="true"]', state="attached", timeout=90_000)
    problem = page.locator("#engine-problem")
    problem.wait_for(timeout=30_000)
    assert "started it again" in problem.inner_text()
    assert page.locator("#field-biases").input_value() == "[2, 2, 2]"  # nothing typed is lost
    edit(page, "[1, 1, 1]")  # the new worker computes the next edit
    assert page.locator("#outputs-body tbody td").all_inner_texts()[0].strip() == "3.8"
    assert not errors


def test_a_keystroke_is_kept_when_the_address_of_the_one_before_is_written_after_it(patched):
    # the engine takes a second over '[7, 8, 9]': the pause after '[7, 8, 9' ends while it
    # computes, so that edit's address is written after the keystroke was saved
    page, errors = patched(update='    if "[7, 8, 9]" in message_json:\n        import time\n        start = time.time()\n'
                          '        while time.time() - start < 1:\n            pass\n')
    before, shown = page.evaluate("[location.hash, document.body.dataset.rendered]")
    page.fill("#field-biases", "[7, 8, 9")
    page.wait_for_function(f"() => document.body.dataset.rendered !== {shown!r}")  # computed; its address waits
    page.locator("#field-biases").press("]")  # within the typing pause
    # the address of '[7, 8, 9' is written while '[7, 8, 9]' computes
    page.wait_for_function(f"() => location.hash !== {before!r} && location.hash.includes('9')")
    assert page.evaluate("decodeURIComponent(location.hash)").count("[7, 8, 9]") == 0
    page.reload()
    page.wait_for_selector('body[data-ready="true"]', state="attached", timeout=90_000)
    assert page.locator("#field-biases").input_value() == "[7, 8, 9]"  # the keystroke, not the address
    assert not errors

