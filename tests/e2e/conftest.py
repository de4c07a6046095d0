"""End-to-end fixtures: the built dist/ served on 127.0.0.1, driven in Chromium.

Booting Python takes seconds, so read-only checks share one booted page for the
whole run (``shared``: they move between states by changing the URL fragment,
which the page handles without reloading), and only tests of the boot itself,
storage and offline use open a fresh browser context (``lens``).

Every page records what would let a learner down: console errors, uncaught
exceptions, failed requests, and any request to another origin. A test fails
at teardown if any happened (tests that expect some clear them first).
"""

from __future__ import annotations

import contextlib
import os
import shutil
from dataclasses import dataclass, field
from urllib.parse import quote

import pytest

os.environ.setdefault("LAYER_LENS_QUIET", "1")

from helpers_e2e import option  # noqa: E402

import build  # noqa: E402

playwright_api = pytest.importorskip("playwright.sync_api", reason="the e2e tests need Playwright")

CHROMIUM_ARGS = ["--no-sandbox", "--disable-gpu", "--disable-quic", "--no-first-run",
                 "--disable-background-networking", "--disable-component-update", "--disable-sync"]
READY_TIMEOUT = 90_000  # ms: Pyodide boots in about 3 s here; leave room on a busy CI machine
VIEWPORT = {"width": 1280, "height": 900}


def pytest_collection_modifyitems(items):
    for item in items:
        if "/e2e/" in str(item.fspath):
            item.add_marker(pytest.mark.e2e)


@pytest.fixture(scope="session")
def site_url(tmp_path_factory):
    build_once(tmp_path_factory)
    with build.serving() as url:
        yield url


def build_once(tmp_path_factory):
    """Build the site for this run, unless ``build.py test`` just did. Under pytest-xdist,
    the first worker builds and the others wait for it: a build swaps dist/, which must not
    happen under a page."""
    if os.environ.get("LAYER_LENS_BUILT") == str(build.DIST):
        return
    worker = os.environ.get("PYTEST_XDIST_WORKER")
    if worker is None:
        build.build()
        return
    import fcntl  # xdist's workers run where the suite does: on a POSIX system
    run = tmp_path_factory.getbasetemp().parent  # one folder per run, shared by its workers
    with open(run / "build.lock", "w") as lock:
        fcntl.flock(lock, fcntl.LOCK_EX)
        built = run / "built"
        if not built.exists():
            build.build()
            built.touch()


def chromium_path() -> str | None:
    return next((shutil.which(n) for n in ("chromium", "chromium-browser", "google-chrome") if shutil.which(n)),
                None)


@pytest.fixture(scope="session")
def playwright():
    with playwright_api.sync_playwright() as running:
        yield running


@pytest.fixture(scope="session")
def browser(playwright):
    try:  # Playwright's own Chromium, where it could be installed
        launched = playwright.chromium.launch(args=CHROMIUM_ARGS)
    except playwright_api.Error:
        path = chromium_path()
        if path is None:
            pytest.fail("No Chromium to drive: install Debian's (apt-get install chromium) "
                        "or Playwright's own (playwright install chromium).")
        launched = playwright.chromium.launch(executable_path=path, args=CHROMIUM_ARGS)
    yield launched
    launched.close()


@dataclass
class Watch:
    origin: str
    requests: list[str] = field(default_factory=list)
    problems: list[str] = field(default_factory=list)

    def attach(self, page):
        page.on("request", self.on_request)
        page.on("requestfailed", lambda r: self.problems.append(f"request failed: {r.url} {r.failure}"))
        page.on("pageerror", lambda e: self.problems.append(f"uncaught: {e}"))
        page.on("console", lambda m: m.type == "error" and self.problems.append(f"console: {m.text}"))
        page.on("dialog", lambda d: (self.problems.append(f"dialog: {d.message}"), d.dismiss()))

    def same_origin(self, url: str) -> bool:
        # data: URLs and the worker's blob: URL (blob:<this origin>/…) belong to this origin
        return url.startswith((self.origin + "/", "data:", "blob:" + self.origin + "/"))

    def on_request(self, request):
        self.requests.append(request.url)
        if not self.same_origin(request.url):
            self.problems.append(f"request to another origin: {request.url}")


class Lens:
    """The page, as a learner uses it."""

    def __init__(self, page, url, watch):
        self.page, self.url, self.watch = page, url, watch

    def open(self, fragment: str = "", wait: bool = True):
        """Go to the page at this fragment, as a learner's link does, and wait until it is
        ready and idle (on a live page, a new fragment is no reload: only idle says it is done)."""
        self.page.goto(self.url + fragment)
        if wait:
            self.wait_ready()
            self.settle()
        return self

    def goto(self, fragment: str):
        """Another state on a page that is already live: as a link clicked on the page
        does, change the fragment; the page loads it without reloading."""
        self.page.evaluate("f => { location.hash = f; }", fragment.lstrip("#"))
        self.settle()
        return self

    def show(self, inputs: str, layers: list[tuple[str, str]], flags: str = ""):
        """Open a state given by its fields' texts (through the link, as a learner's would)."""
        parts = [f"inputs={quote(inputs)}"]
        for number, (weights, biases) in enumerate(layers, start=1):
            suffix = "" if number == 1 else str(number)
            parts += [f"weights{suffix}={quote(weights)}", f"biases{suffix}={quote(biases)}"]
        return self.goto("#" + "&".join(parts) + flags)

    def wait_ready(self):
        self.page.wait_for_selector('body[data-ready="true"]', state="attached", timeout=READY_TIMEOUT)

    def settle(self):
        """Wait until the page is idle: no render scheduled, no engine call under way."""
        self.page.evaluate("() => new Promise(r => requestAnimationFrame(() => requestAnimationFrame(r)))")
        self.page.wait_for_selector('body[data-idle="true"]', state="attached", timeout=60_000)

    def press(self, key: str):
        self.page.keyboard.press(key)
        self.settle()

    def click(self, locator):
        locator.click()
        self.settle()

    def field(self, name: str):
        return self.page.get_by_role("textbox", name=name, exact=True)

    def type_into(self, name: str, text: str):
        self.field(name).fill(text)
        self.settle()

    def region(self, name: str):
        return self.page.get_by_role("region", name=name, exact=True)

    def text(self, name: str) -> str:
        """A region's words, on screen or not (steps far down the page are not laid out
        until scrolled to, so innerText would leave them out)."""
        return self.region(name).evaluate("el => el.textContent.replace(/\\s+/g, ' ')")

    def outputs(self):
        """The Layer outputs table's numbers, as nested lists in the outputs' shape."""
        table = self.region("Layer outputs").locator("table")
        rows = [[float(t) for t in row.locator("td").all_inner_texts()]
                for row in table.locator("tbody tr").all()]
        if table.get_attribute("class").endswith("scalar"):
            return rows[0][0]
        return rows[0] if "vector" in table.get_attribute("class") else rows

    def alert_for(self, name: str):
        """The alert inside the field whose editor is named ``name`` (by its label: a field
        holding a text too long to lay out shows a summary instead of its editor)."""
        return self.page.locator(f'.field:has(> label:text-is("{name}"))').get_by_role("alert")

    def alert_text(self, name: str) -> str:
        """That alert's words, without the invisible marks that isolate quoted text."""
        return self.alert_for(name).inner_text().replace("\u2068", "").replace("\u2069", "")


def _new_context(browser, boot: str | None = "snapshot", **options):
    """A browser context whose pages start Python from the build's memory snapshot, as every
    visit does once the service worker keeps the site. Left to guess, a test context (no
    service worker; the site in its HTTP cache after the first load) would start the slow
    plain way on each reload: 3 s more each time. ``boot=None`` leaves the page to guess;
    the plain start is tested by the bad-snapshot test and by test_updates' build B."""
    context = browser.new_context(**options)
    if boot:
        context.add_init_script(option("boot", boot))
    return context


@pytest.fixture
def new_context(browser):
    """Fresh browser contexts for one test, as ``_new_context`` makes them; closed after it."""
    made = []
    yield lambda **options: made.append(_new_context(browser, **options)) or made[-1]
    for context in made:
        context.close()


def _open_lens(browser, site_url, **context_options):
    context = _new_context(browser, **{"viewport": VIEWPORT, **context_options})
    page = context.new_page()
    watch = Watch(site_url.rstrip("/"))
    watch.attach(page)
    return context, Lens(page, site_url, watch)


@pytest.fixture
def lens(browser, site_url):
    """A fresh browser context: for the boot, storage and the like. No service worker: its
    install would fetch the whole site once more for each test (``offline_lens`` has one)."""
    context, opened = _open_lens(browser, site_url, service_workers="block")
    yield opened
    context.close()
    assert not opened.watch.problems, "\n".join(opened.watch.problems)


@pytest.fixture
def guessing_lens(browser, site_url):
    """As ``lens``, but the page itself guesses how to start Python, as on a first visit."""
    context, opened = _open_lens(browser, site_url, boot=None, service_workers="block")
    yield opened
    context.close()
    assert not opened.watch.problems, "\n".join(opened.watch.problems)


@pytest.fixture
def offline_lens(browser, site_url):
    """A fresh browser context whose page keeps the site offline, as a learner's browser does."""
    context, opened = _open_lens(browser, site_url)
    yield opened
    context.close()
    assert not opened.watch.problems, "\n".join(opened.watch.problems)


@pytest.fixture
def patched(new_context, site_url, tmp_path):  # site_url: dist/ is built
    """A copy of the site whose engine runs a bit of code first in the calls named (with the
    message's JSON text as ``message_json``): a bug at chosen fields, a worker that dies, a
    slow answer. Returns the page, ready, and the uncaught errors it has seen."""
    def serve(**patches):  # call name -> its code, lines indented by 4 spaces
        site = tmp_path / "site"
        shutil.copytree(build.DIST, site, copy_function=os.link)  # linked: the engine is replaced, not written through
        (engine,) = site.glob("app/*/engine.py")
        text = engine.read_text()
        engine.unlink()
        for name, patch in patches.items():
            text += f"\n_{name} = {name}\n\n\ndef {name}(message_json='{{}}'):\n{patch}    return _{name}(message_json)\n"
        engine.write_text(text)
        url = stack.enter_context(build.serving(site))
        context = new_context(service_workers="block")
        page = context.new_page()
        page.add_init_script(option("watchdogMs", 3000))  # 30 s for a learner
        errors = []
        page.on("pageerror", lambda e: errors.append(str(e)))
        page.goto(url)
        page.wait_for_selector('body[data-ready="true"]', state="attached", timeout=READY_TIMEOUT)
        return page, errors
    with contextlib.ExitStack() as stack:
        yield serve


@pytest.fixture(scope="session")
def _shared_context(browser):
    # no service worker: its install would download the whole site again
    # (``offline_lens`` keeps one, for the tests of offline study and updates)
    context = _new_context(browser, viewport=VIEWPORT, service_workers="block")
    # the address is written at once, not after a typing pause: these checks wait for it
    # hundreds of times (the storage tests, with ``lens``, keep the real pause)
    context.add_init_script(option("pauseMs", 0))
    yield context, {}  # the context, and its booted page once opened
    context.close()


@pytest.hookimpl(wrapper=True, tryfirst=True)
def pytest_runtest_makereport(item, call):
    report = yield
    if report.failed:
        item.stash[FAILED] = True  # ``shared`` does not hand a page a test failed on to the next
    return report


FAILED = pytest.StashKey[bool]()

HEALTHY = "() => document.body.dataset.ready === 'true' && document.body.dataset.idle === 'true'"


@pytest.fixture
def shared(_shared_context, site_url, request):
    """One booted page shared by the read-only tests of every module; each test opens the
    state it needs. A new page replaces it when a test failed on it, or left it closed,
    not ready or busy: one broken test does not break the ones after it."""
    context, booted = _shared_context
    opened = booted.get("lens")
    if opened is None or opened.page.is_closed() or not opened.page.evaluate(HEALTHY):
        if opened is not None and not opened.page.is_closed():
            opened.page.close()
        page = context.new_page()
        opened = booted["lens"] = Lens(page, site_url, Watch(site_url.rstrip("/")))
        opened.watch.attach(page)
        opened.open()
    opened.page.set_viewport_size(VIEWPORT)
    opened.watch.problems.clear()
    yield opened
    if request.node.stash.get(FAILED, False):
        opened.page.close()
    assert not opened.watch.problems, "\n".join(opened.watch.problems)
