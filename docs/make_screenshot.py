"""docs/screenshot.png for the README: the textbook's batch with one cell of the matrix
product selected and its dot product written out, in a 1280-px-wide window.

    python3 build.py screenshot

Only this command writes the tracked picture; the tests never do.
"""

from __future__ import annotations

import os
import shutil
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))
os.environ.setdefault("LAYER_LENS_QUIET", "1")

from playwright.sync_api import sync_playwright  # noqa: E402

import build  # noqa: E402
from pycore.examples import EXAMPLES  # noqa: E402

OUT = ROOT / "docs" / "screenshot.png"
CELL = "2,3"  # sample 2, neuron 3: a cell whose four terms mix signs


def main() -> int:
    example = next(e for e in EXAMPLES if e.title.startswith("A batch of 3 samples"))
    with build.serving() as base, sync_playwright() as playwright:
        url = f"{base}#{example.fragment}&cell={CELL}"
        chromium = next(filter(None, map(shutil.which, ("chromium", "chromium-browser", "google-chrome"))), None)
        browser = playwright.chromium.launch(executable_path=chromium, args=["--no-sandbox"])
        page = browser.new_context(viewport={"width": 1280, "height": 900}, color_scheme="light",
                                   reduced_motion="reduce").new_page()
        page.goto(url)
        page.wait_for_selector('body[data-ready="true"]', state="attached", timeout=90_000)
        step = page.locator(".step-product").first
        step.scroll_into_view_if_needed()
        page.wait_for_timeout(300)  # the selection's highlight, drawn
        step.screenshot(path=str(OUT))
        browser.close()
    print(f"Wrote {OUT.relative_to(ROOT)} ({OUT.stat().st_size:,} bytes) from {url.split('#')[0]}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
