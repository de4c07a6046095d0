"""A new build on an ordinary static host: never a mix of two builds, online or offline,
and an open page offers to reload into the new one with the fields kept."""

from __future__ import annotations

import os
import re
import shutil
import subprocess
import sys

import pytest
from helpers import ROOT

import build

SENTENCE = "Each input is multiplied by its weight, and the products are summed."
CHANGED = "Each input is multiplied by its weight (build B), and the products are summed."


def build_into(target, project, *options):
    done = subprocess.run([sys.executable, str(project / "build.py"), *options], check=True, capture_output=True,
                          text=True, env={**os.environ, "LAYER_LENS_DIST": str(target)})
    # node_modules is the tree's own (linked): npm ci there would empty it under the other tests
    assert "npm ci" not in done.stdout + done.stderr


@pytest.fixture(scope="module")
def builds(tmp_path_factory):
    """Build A (this source tree) and build B (the same with a sentence of pycore changed,
    and no start-up snapshot: an update may also change how Python starts)."""
    here = tmp_path_factory.mktemp("updates")
    project = here / "project"
    project.mkdir()
    for name in ("pycore", "web"):
        shutil.copytree(ROOT / name, project / name)
    for name in ("build.py", "build_snapshot.mjs", "package.json", "package-lock.json"):
        shutil.copy2(ROOT / name, project / name)  # with its time: a lock file newer than
    (project / "node_modules").symlink_to(ROOT / "node_modules")  # node_modules would run npm ci in it
    if (ROOT / ".cache").is_dir():  # build A is this tree's: its start-up snapshot is already made
        shutil.copytree(ROOT / ".cache", project / ".cache", copy_function=os.link)
    build_into(here / "A", project)
    steps = project / "pycore" / "catalog" / "en.py"
    assert SENTENCE in steps.read_text()
    steps.write_text(steps.read_text().replace(SENTENCE, CHANGED))
    build_into(here / "B", project, "--no-snapshot")  # and B starts Python the plain way
    return here


def version(folder) -> str:
    (app,) = (folder / "app").iterdir()
    return app.name


def same_times(site):
    """Every file dated alike, as a deploy that keeps times or lands within one second
    leaves them: only the bytes tell build A from build B."""
    for path in site.rglob("*"):
        os.utime(path, (1_767_225_600, 1_767_225_600))


@pytest.fixture
def host(builds, tmp_path):
    """A static host serving one build at a time, letting browsers keep files 10 minutes."""
    site = tmp_path / "site"
    shutil.copytree(builds / "A", site)
    same_times(site)
    def deploy(name):  # replace the whole site with another build, as a redeploy does
        for path in site.iterdir():
            shutil.rmtree(path) if path.is_dir() else path.unlink()
        shutil.copytree(builds / name, site, dirs_exist_ok=True)
        same_times(site)

    with build.serving(site, cache_control="max-age=600") as url:
        yield url, deploy


def app_versions(requests: list[str]) -> set[str]:
    """Which builds' own files (app/<version>/...) the page loaded."""
    return {m.group(1) for url in requests if (m := re.search(r"/app/(\w+)/", url))}


def one_build(page, url):
    """The page as a learner sees it, and which builds the files it ran came from."""
    seen = []
    page.on("request", lambda request: seen.append(request.url))
    page.goto(url + "#inputs=[1,%202,%203]&weights=[0.2,%200.8,%20-0.5]&biases=2")
    page.wait_for_selector('body[data-ready="true"]', state="attached", timeout=90_000)
    text = page.locator(".step-product").text_content()
    return text, app_versions(seen), page.locator("body").get_attribute("data-version")


def test_a_new_build_replaces_the_old_one_whole_online_and_offline(browser, builds, host):
    url, deploy = host
    a, b = version(builds / "A"), version(builds / "B")
    context = browser.new_context()
    try:
        page = context.new_page()
        text, loaded, shown = one_build(page, url)
        assert SENTENCE in text and loaded == {a} and shown == a
        page.evaluate("navigator.serviceWorker.ready")
        deploy("B")
        page.close()
        page = context.new_page()  # online: the newest page, whole, whatever the HTTP cache holds
        text, loaded, shown = one_build(page, url)
        assert CHANGED in text and loaded == {b} and shown == b
        page.wait_for_function("() => navigator.serviceWorker.controller !== null")
        page.evaluate("""async () => { const r = await navigator.serviceWorker.ready;
            await r.update(); await new Promise(done => setTimeout(done, 1500)); }""")
        context.set_offline(True)
        page.close()
        page = context.new_page()  # offline: one build, whole (A's or B's, never a mix)
        text, loaded, shown = one_build(page, url)
        assert loaded in ({a}, {b}) and shown in (a, b) and len(loaded | {shown}) == 1
        assert (CHANGED if shown == b else SENTENCE) in text
    finally:
        context.close()


def test_an_open_page_offers_the_new_build_and_keeps_the_fields(browser, builds, host):
    url, deploy = host
    context = browser.new_context()
    try:
        page = context.new_page()
        one_build(page, url)
        page.evaluate("navigator.serviceWorker.ready")
        page.fill("#field-biases", "3")
        page.wait_for_selector('body[data-idle="true"]', state="attached")
        deploy("B")
        page.evaluate("navigator.serviceWorker.ready.then(r => r.update())")  # as a tab coming back does
        offer = page.get_by_role("button", name="Reload to use it")
        offer.wait_for(timeout=30_000)
        offer.click()
        page.wait_for_selector('body[data-ready="true"]', state="attached", timeout=90_000)
        assert page.locator("body").get_attribute("data-version") == version(builds / "B")
        assert page.locator("#field-biases").input_value() == "3"
        assert CHANGED in page.locator(".step-product").text_content()
    finally:
        context.close()
