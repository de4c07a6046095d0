"""How quickly the built page shows and answers, in headless Chromium. Prints
numbers; asserts nothing.

    python3 build.py && python3 benchmarks/bench_page.py

Measured: first contentful paint (the pre-rendered example, before Python);
time until Python is live (data-ready); the time from a keystroke's input event
to the re-rendered page (two animation frames later) for the textbook's batch
and for larger batches; a cell selection; and the longest main-thread task.
"""

from __future__ import annotations

import os
import random
import shutil
import statistics
import sys
import threading
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))
os.environ.setdefault("LAYER_LENS_QUIET", "1")

from playwright.sync_api import sync_playwright  # noqa: E402

import build  # noqa: E402

ARGS = ["--no-sandbox", "--disable-gpu", "--disable-quic", "--no-first-run",
        "--disable-background-networking", "--disable-component-update", "--disable-sync"]

# From an input event to the page re-rendered and idle (the engine answers in a worker).
EDIT = """async ([key, text]) => {
  const field = document.getElementById('field-' + key);
  const start = performance.now();
  field.value = text;
  field.dispatchEvent(new Event('input', {bubbles: true}));
  await new Promise(r => requestAnimationFrame(() => requestAnimationFrame(r)));
  while (document.body.dataset.idle !== 'true') await new Promise(r => setTimeout(r, 2));
  return performance.now() - start;
}"""

# Long main-thread tasks (over 50 ms: the page cannot answer a keystroke meanwhile).
WATCH_LONG_TASKS = """
  window.__long = [];
  new PerformanceObserver(list => list.getEntries().forEach(e => window.__long.push(e.duration)))
    .observe({type: 'longtask', buffered: true});
"""
LONGEST_SINCE_LAST = """() => new Promise(resolve => setTimeout(() => {
  const longest = Math.max(0, ...window.__long);
  window.__long = [];
  resolve(longest);
}, 50))"""


def matrix(rows: int, columns: int, rng: random.Random) -> str:
    return repr([[round(rng.uniform(-1, 1), 3) for _ in range(columns)] for _ in range(rows)])


def main() -> None:
    build.build()
    server = build.make_server(0)
    threading.Thread(target=server.serve_forever, daemon=True).start()
    url = f"http://127.0.0.1:{server.server_address[1]}/"
    with sync_playwright() as playwright:
        chromium = shutil.which("chromium")
        browser = playwright.chromium.launch(executable_path=chromium, args=ARGS) if chromium \
            else playwright.chromium.launch(args=ARGS)
        page = browser.new_page(viewport={"width": 1280, "height": 900})
        page.add_init_script(WATCH_LONG_TASKS)
        page.goto(url)
        page.wait_for_selector('body[data-ready="true"]', state="attached", timeout=120_000)
        fcp = page.evaluate("performance.getEntriesByName('first-contentful-paint')[0]?.startTime")
        ready = page.evaluate("performance.now()")
        print(f"first contentful paint (pre-rendered example): {fcp:7.0f} ms")
        print(f"Python live, fields re-rendered (data-ready):   {ready:7.0f} ms")
        print(f"  longest main-thread task while loading:      {page.evaluate(LONGEST_SINCE_LAST):7.0f} ms")

        batch = page.locator("#field-biases").input_value()
        times = [page.evaluate(EDIT, ["biases", batch.replace("0.5", f"0.{i + 1}")]) for i in range(30)]
        print(f"edit -> re-rendered, textbook batch:           median {statistics.median(times):5.1f} ms,"
              f" max {max(times):5.1f} ms (30 edits)")
        print(f"  longest main-thread task while typing:       {page.evaluate(LONGEST_SINCE_LAST):7.0f} ms")

        rng = random.Random(0)
        for n in (16, 64, 128):
            page.evaluate(EDIT, ["inputs", matrix(n, 4, rng)])
            page.evaluate(EDIT, ["weights", matrix(n, 4, rng)])
            page.evaluate(EDIT, ["inputs", matrix(n, n, rng)])
            page.evaluate(EDIT, ["weights", matrix(n, n, rng)])
            times = [page.evaluate(EDIT, ["biases", repr([round(rng.uniform(-1, 1), 3) for _ in range(n)])])
                     for _ in range(3)]
            print(f"edit -> re-rendered, {n:3d}x{n:<3d} batch, {n:3d} neurons: median "
                  f"{statistics.median(times):6.0f} ms, max {max(times):6.0f} ms, longest main-thread "
                  f"task {page.evaluate(LONGEST_SINCE_LAST):4.0f} ms")
        button = page.locator("button.cell").nth(5)
        start = page.evaluate("performance.now()")
        button.click()
        page.evaluate("() => new Promise(r => requestAnimationFrame(() => requestAnimationFrame(r)))")
        page.wait_for_selector('body[data-idle="true"]', state="attached")
        print(f"select a cell -> detail shown (128x128):        "
              f"{page.evaluate('performance.now()') - start:5.0f} ms")
        huge = "[" + ", ".join("1.5" for _ in range(1_000_000)) + "]"
        took = page.evaluate(EDIT, ["inputs", huge])
        print(f"paste of 1,000,000 numbers into Inputs:        {took:6.0f} ms "
              f"({page.locator('#error-inputs').inner_text()[:60] or 'computed'})")
        print(f"  longest main-thread task meanwhile:          {page.evaluate(LONGEST_SINCE_LAST):6.0f} ms")
        browser.close()
    server.shutdown()


if __name__ == "__main__":
    main()
