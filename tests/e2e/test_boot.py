"""The page as it starts, reloads and goes offline: each test in a fresh browser context
(but two that need only a live page)."""

from __future__ import annotations

import gzip
import json
import os
import shutil

from helpers import close
from seed import STAGES

import build
from pycore.examples import DEFAULT_EXAMPLE, EXAMPLES


def test_example_is_visible_before_python_loads(lens):
    # Hold back Pyodide: the page must still show the pre-rendered example.
    lens.page.route("**/vendor/pyodide-*/**", lambda route: None)
    lens.open(wait=False)
    lens.page.wait_for_load_state("domcontentloaded")
    assert lens.page.locator("body").get_attribute("data-ready") == "false"
    assert lens.page.get_by_role("status").filter(has_text="Loading Python").is_visible()
    assert close(lens.outputs(), STAGES["batch"][2])
    assert "weightsᵀ" in lens.text("Steps")
    # what cannot work yet says so, and what can, does
    assert lens.page.get_by_role("button", name="Add a layer").is_disabled()
    assert "once Python has loaded" in lens.page.locator("#layer-note").inner_text()
    lens.field("Biases").fill("[0, 0, 0]")  # typed now: kept, and the results say they are not its own yet
    assert "Python is still loading" in lens.page.locator("#stale-note").inner_text()
    assert close(lens.outputs(), STAGES["batch"][2])
    lens.page.unroute("**/vendor/pyodide-*/**")
    lens.page.goto("about:blank")
    lens.watch.problems.clear()  # the held requests were cut off on purpose


def test_ready_page_shows_the_textbooks_batch_and_which_engine(lens):
    # Python restored from the build's memory snapshot (every test page chooses it: on a first
    # visit the page guesses from the link's speed, which a busy test machine makes a coin toss)
    lens.open()
    assert close(lens.outputs(), STAGES["batch"][2])
    text = lens.region("Layer outputs").inner_text()
    assert "in your browser by the pure-Python loops" in text or "in your browser by NumPy" in text
    steps = lens.text("Steps")
    for words in ["Shapes", "Why the weights are transposed", "4 ≠ 3", "weightsᵀ",
                  "The matrix product", "Add the biases", "Outputs"]:
        assert words in steps
    assert any(u.endswith("/pyodide.asm.wasm") for u in lens.watch.requests)  # Python's own files seen
    assert lens.page.evaluate("document.body.dataset.boot") == "snapshot"
    assert all(lens.watch.same_origin(u) for u in lens.watch.requests)
    # every PyScript file the build ships is one the page loads (none missing: no 404 above)
    folder = build.vendor_dirs()["pyscript"]
    shipped = {p.name for p in (build.DIST / folder).iterdir() if p.suffix != ".gz"}  # .gz: the same, compressed
    loaded = {u.rsplit("/", 1)[1] for u in lens.watch.requests if f"/{folder}/" in u}
    assert shipped == loaded


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


def test_a_link_holds_the_editors_until_its_fields_arrive_and_is_ready_only_then(lens):
    release = hold_python(lens)
    lens.open("#inputs=[1,2,3]&weights=[2,3,4]&biases=0", wait=False)
    lens.page.wait_for_load_state("domcontentloaded")
    assert lens.field("Inputs").get_attribute("readonly") is not None
    release()
    lens.wait_ready()
    # data-ready: the engine is live and the fields on show are rendered, with no more waiting
    assert lens.field("Inputs").input_value() == "[1,2,3]"
    assert lens.field("Inputs").get_attribute("readonly") is None
    assert close(lens.outputs(), 20)


def test_a_link_with_more_layers_is_ready_with_all_of_them(guessing_lens):
    lens = guessing_lens.open("#" + EXAMPLES[-1].fragment)
    assert lens.page.evaluate("document.body.dataset.boot") in ("snapshot", "plain")  # either is right
    assert lens.page.locator("#layers fieldset").count() == 2
    assert close(lens.outputs(), STAGES["two layers"][2])


def test_a_bad_snapshot_or_numpy_wheel_leaves_the_pure_python_engine_working(new_context, site_url, tmp_path):
    # A site whose start-up snapshot is not Python's memory and whose site.json names a
    # wheel that is not a wheel: Python must start the plain way, the page must say it
    # computes with the loops, and compute.
    site = tmp_path / "site"
    shutil.copytree(build.DIST, site, copy_function=os.link)  # linked: a new file replaces a link, never writes through it
    pyodide = build.vendor_dirs()["pyodide"]
    (site / pyodide / "numpy-broken.whl").write_bytes(b"not a wheel")
    (app,) = (site / "app").iterdir()
    for name in ("site.json", "snapshot.bin.gz"):
        (app / name).unlink()
    (app / "site.json").write_text(json.dumps({"numpy_wheel": f"./{pyodide}/numpy-broken.whl"}))
    (app / "snapshot.bin.gz").write_bytes(gzip.compress(b"not Python's memory" * 1000))
    with build.serving(site) as url:
        page = new_context(service_workers="block").new_page()  # the bad snapshot is tried
        warnings = []
        page.on("console", lambda m: warnings.append(m.text) if m.type == "warning" else None)
        page.goto(url)
        page.wait_for_selector('body[data-ready="true"]', state="attached", timeout=90_000)
        assert "pure-Python loops" in page.locator("#engine").inner_text()
        assert any("NumPy did not load" in w for w in warnings)
        assert any("snapshot was not used" in w for w in warnings)
        assert page.evaluate("document.body.dataset.boot") == "plain"
        assert page.locator("#outputs-body td").all_inner_texts()[-1].strip() == "0.026"


def test_work_survives_a_reload_and_a_bare_visit_and_reset_restores_the_example(lens):
    lens.open()
    lens.type_into("Inputs", "[[1, 2, 3, 2.5],\n [0, 0, 0, 1]]")
    lens.type_into("Biases", "[0,  0, 0]")
    url = lens.page.url
    lens.page.reload()
    lens.wait_ready()
    assert lens.page.url == url
    assert lens.field("Biases").input_value() == "[0,  0, 0]"
    assert close(lens.outputs(), [[2.8, -1.79, 1.885], [1.0, -0.5, 0.87]])
    lens.type_into("Biases", "[10, 20, 30]")
    lens.page.goto(lens.url)  # no fragment: the last visit comes back from storage
    lens.wait_ready()
    assert lens.field("Biases").input_value() == "[10, 20, 30]"
    lens.click(lens.page.get_by_role("button", name="Reset to the example"))
    assert lens.field("Biases").input_value() == "[2, 3, 0.5]"
    assert close(lens.outputs(), STAGES["batch"][2])


def test_reset_returns_to_the_example_opened_last_and_back_returns_to_the_work(shared):
    lens = shared.goto("#" + EXAMPLES[DEFAULT_EXAMPLE].fragment)
    index = next(i for i, example in enumerate(EXAMPLES) if example.title == "A layer of 3 neurons")
    lens.click(lens.page.get_by_role("navigation", name="Examples").get_by_role("link").nth(index))
    reset = lens.page.get_by_role("button", name="Reset to the example")
    assert f"{index + 1}. A layer of 3 neurons" in reset.inner_text()
    lens.type_into("Biases", "[0, 0, 0]")
    lens.click(reset)
    assert lens.field("Biases").input_value() == EXAMPLES[index].state.layers[0]["biases"]
    lens.page.go_back()
    lens.settle()
    assert lens.field("Biases").input_value() == "[0, 0, 0]"


def test_studying_goes_on_offline_after_one_visit(offline_lens):
    lens = offline_lens
    lens.open("#" + EXAMPLES[-1].fragment)
    # a service worker is active only once its install has cached every file of the site
    assert lens.page.evaluate("navigator.serviceWorker.ready.then(r => r.active.scriptURL)").endswith("/sw.js")
    lens.page.context.set_offline(True)
    try:
        lens.page.reload()
        lens.wait_ready()
        assert lens.page.evaluate("document.body.dataset.boot") == "snapshot"  # the kept snapshot, offline
        assert close(lens.outputs(), STAGES["two layers"][2])
        lens.type_into("Biases (layer 2)", "[0, 0, 0]")
        assert close(lens.outputs(), [[1.5031, -3.04185, -1.53875], [1.2434, -4.7332, -5.2633],
                                      [0.00686, -0.58746, 0.14345]])
    finally:
        lens.page.context.set_offline(False)
    lens.watch.problems[:] = [p for p in lens.watch.problems if "request failed" not in p]


def test_cells_can_be_chosen_by_touch(new_context, site_url):
    page = new_context(has_touch=True, viewport={"width": 800, "height": 1000}, service_workers="block").new_page()
    page.goto(site_url)
    page.wait_for_selector('body[data-ready="true"]', state="attached", timeout=90_000)
    page.get_by_role("button", name="sample 3 · neuron 1: -0.59").tap()
    page.wait_for_selector('button.cell[data-row="2"][data-col="0"][aria-pressed="true"]')
    assert "= -0.59" in page.locator(".dot-detail").first.inner_text()


def test_a_content_security_policy_violation_is_reported(shared):
    # the whole suite runs under the page's policy (boot, compute, offline, playing); here,
    # a violation must not pass unnoticed: an inline script is refused and reported
    lens = shared
    lens.page.evaluate("""() => {
        const script = document.createElement('script');
        script.textContent = "document.body.dataset.owned = 'yes'";
        document.body.append(script);
    }""")
    lens.page.wait_for_timeout(100)
    assert lens.page.locator("body").get_attribute("data-owned") is None
    reported = [p for p in lens.watch.problems if "Content Security Policy" in p]
    assert reported, lens.watch.problems
    lens.watch.problems[:] = [p for p in lens.watch.problems if p not in reported]
