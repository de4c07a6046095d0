"""Layer Lens in headless Chromium: how fast the built page starts and answers, and
what it costs, measured side by side in one run and printed as one Markdown table
(it reads as plain text too). Prints numbers; asserts nothing.

    python3 build.py bench [--quick]     build, then run this under .venv's Python
    .venv/bin/python benchmarks/bench_page.py [--quick] [--no-build]

LAYER_LENS_DIST=/some/folder builds and serves that folder instead of dist/.
--quick does one boot of each kind and fewer edits (two to three minutes; the full run
about six).

Every boot time runs from navigation start (the document's performance.now()),
and is also given as a ratio to a yardstick: a bare page, made here from the
vendored Pyodide, that runs loadPyodide() then runPython("1+1"). Boots alternate
between the yardstick and the app and are repeated, because one boot on two busy
cores is noisy. The site is served by build.py's own server (Cache-Control:
no-cache, so a repeat visit revalidates every file and gets 304s); the server is
wrapped here only to count the body bytes it sends and to serve the yardstick.
"""

from __future__ import annotations

import argparse
import datetime
import functools
import json
import math
import os
import platform
import random
import shutil
import statistics
import sys
import tempfile
import threading
import time
from dataclasses import dataclass, field
from pathlib import Path
from typing import NamedTuple
from urllib.parse import unquote, urlsplit

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))
os.environ.setdefault("LAYER_LENS_QUIET", "1")

from playwright.sync_api import sync_playwright  # noqa: E402

import build  # noqa: E402

DIST = build.DIST  # honours LAYER_LENS_DIST
CHROMIUM_ARGS = ["--no-sandbox", "--disable-gpu", "--disable-quic", "--no-first-run",
                 "--disable-background-networking", "--disable-component-update", "--disable-sync"]
VIEWPORT = {"width": 1280, "height": 900}
MBIT = 1_000_000 / 8  # bytes per second
THROTTLE = {"offline": False, "latency": 40, "downloadThroughput": 10 * MBIT, "uploadThroughput": 10 * MBIT}
BOOT_TIMEOUT = 180_000  # ms


@dataclass
class Plan:
    """How much to measure. The time limits keep a run on a busy machine to about six
    minutes: no new round starts after them, and a size's edits stop after `budget`
    seconds (once 5 are made). Every row says how many samples it has."""
    boots: tuple[int, int, float]  # unthrottled rounds (yardstick and app): least, most, seconds
    throttled: tuple[int, int, float]  # the same on the throttled link
    edits: dict[str, int]  # repetitions per size
    budget: float
    typing: int  # keystrokes


FULL = Plan(boots=(3, 5, 120.0), throttled=(1, 2, 60.0), budget=40.0, typing=30,
            edits={"textbook": 30, "16": 30, "64": 20, "128": 20, "256": 15})
QUICK = Plan(boots=(1, 1, 0.0), throttled=(1, 1, 0.0), budget=12.0, typing=15,
             edits={"textbook": 10, "16": 10, "64": 6, "128": 5, "256": 3})


# -- the server: build.py's, counting what it sends, plus the yardstick page ---------------

class Transfer(NamedTuple):
    at: float  # time.time() when the request arrived
    path: str
    status: int
    body: int  # bytes of response body sent


TRAFFIC: list[Transfer] = []

BARE_HTML = """<!doctype html>
<html lang="en"><head><meta charset="utf-8"><title>Bare Pyodide</title>
<link rel="icon" href="data:,">
<script type="module" src="./bare.mjs"></script></head>
<body><p>Booting Pyodide ...</p></body></html>
"""
BARE_JS = """import { loadPyodide } from "../@pyodide@/pyodide.mjs";
const pyodide = await loadPyodide({ indexURL: new URL("../@pyodide@/", import.meta.url).href });
const result = pyodide.runPython("1+1");
window.__bare = { ms: performance.now(), result, version: pyodide.version };
document.body.dataset.booted = "true";
"""
def bare_files() -> dict:
    """The yardstick's page and module, pointing at the vendored Pyodide's folder."""
    return {"/__bench__/bare.html": ("text/html; charset=utf-8", BARE_HTML),
            "/__bench__/bare.mjs": ("text/javascript", BARE_JS.replace("@pyodide@", build.vendor_dirs()["pyodide"]))}


class CountingHandler(build.Handler):
    """build.py's handler (its MIME types and Cache-Control: no-cache), which also notes
    each response's status and body size, and serves the yardstick page from memory."""

    def do_GET(self) -> None:
        self.status, self.body = 0, 0
        arrived, path = time.time(), unquote(urlsplit(self.path).path)
        try:
            bare = bare_files()
            if path in bare:
                self._send_bare(*bare[path])
            else:
                super().do_GET()
        finally:
            TRAFFIC.append(Transfer(arrived, path, self.status, self.body))

    def _send_bare(self, kind: str, text: str) -> None:
        data = text.encode()
        self.send_response(200)
        self.send_header("Content-Type", kind)
        self.send_header("Content-Length", str(len(data)))
        self.end_headers()
        self.wfile.write(data)
        self.body += len(data)

    def send_response(self, code, message=None) -> None:
        self.status = code
        super().send_response(code, message)

    def copyfile(self, source, outputfile) -> None:
        super().copyfile(source, outputfile)
        self.body += source.tell()


def start_server():
    server = build.make_server(0, DIST)
    server.RequestHandlerClass = functools.partial(CountingHandler, directory=str(DIST))
    threading.Thread(target=server.serve_forever, daemon=True).start()
    return server, f"http://127.0.0.1:{server.server_address[1]}/"


def traffic_between(start: float, end: float) -> list[Transfer]:
    return [t for t in TRAFFIC if start <= t.at < end]


# -- in-page instruments ----------------------------------------------------------------

# Installed in every document before its own scripts: paint marks, the moment the
# outputs table is first in a rendered frame, data-ready, long main-thread tasks, and
# long animation frames (which tell a task's scripts from its style, layout and paint).
MARKS = """(() => {
  const marks = window.__marks = {};
  window.__long = [];
  window.__frames = [];
  new PerformanceObserver((list) => { for (const e of list.getEntries()) window.__long.push(e.duration); })
    .observe({ type: "longtask", buffered: true });
  try {
    new PerformanceObserver((list) => {
      for (const e of list.getEntries()) {
        const sum = (f) => e.scripts.reduce((total, s) => total + f(s), 0);
        const top = [...e.scripts].sort((a, b) => b.duration - a.duration)[0];
        window.__frames.push({ duration: e.duration, script: sum((s) => s.duration),
          forced: sum((s) => s.forcedStyleAndLayoutDuration),
          rendering: e.styleAndLayoutStart ? e.startTime + e.duration - e.styleAndLayoutStart : 0,
          top: top ? `${top.invoker} ${top.sourceURL.split("/").pop()}`.trim() : "" });
      }
    }).observe({ type: "long-animation-frame", buffered: true });
  } catch { /* no long-animation-frame entries in this browser */ }
  new PerformanceObserver((list) => {
    for (const e of list.getEntries()) if (e.name === "first-contentful-paint") marks.fcp = e.startTime;
  }).observe({ type: "paint", buffered: true });
  const check = () => {
    const body = document.body;
    if (!body) return;
    if (marks.ready === undefined && body.dataset.ready === "true") {
      marks.ready = performance.now();
      marks.longestLoading = Math.max(0, ...window.__long);
    }
    if (marks.outputsParsed === undefined && document.querySelector("#outputs-body table")) {
      marks.outputsParsed = performance.now();
      // rAF callbacks run only in a rendering update, which waits for the render-blocking
      // stylesheet: the first one after the table is parsed is the frame that paints it.
      requestAnimationFrame(() => {
        const box = document.querySelector("#outputs-body table")?.getBoundingClientRect();
        marks.outputsFrame = performance.now();
        marks.outputsOnScreen = Boolean(box && box.width > 0 && box.height > 0 && box.top < innerHeight);
      });
    }
  };
  new MutationObserver(check).observe(document, { childList: true, subtree: true, attributes: true,
                                                  attributeFilter: ["data-ready"] });
})();"""

# Edits, typing and pastes, each timed inside the page from the input event to the page
# showing the result (the glue's "layer-lens:rendered" mark, set once the last result is in
# the page), to idle (data-idle: it also waits out the 150 ms before the address is
# written) and painted (two animation frames after idle).
HELPERS = """() => {
  const frames = () => new Promise((r) => requestAnimationFrame(() => requestAnimationFrame(r)));
  const sleep = (ms) => new Promise((r) => setTimeout(r, ms));
  const idle = () => new Promise((resolve) => {
    if (document.body.dataset.idle === "true") return resolve();
    const watch = new MutationObserver(() => {
      if (document.body.dataset.idle === "true") { watch.disconnect(); resolve(); }
    });
    watch.observe(document.body, { attributes: true, attributeFilter: ["data-idle"] });
  });
  const put = (key, text) => {
    const area = document.getElementById("field-" + key);
    area.value = text;
    area.dispatchEvent(new Event("input", { bubbles: true }));
  };
  const finish = async (start) => {
    const handled = performance.now() - start;  // the input events' own handlers, synchronous
    const busy = document.body.dataset.idle !== "true";  // the edit was taken up
    await idle();
    const idleAt = performance.now();
    const mark = performance.getEntriesByName("layer-lens:rendered").at(-1);
    await frames();
    return { handled, idle: idleAt - start, painted: performance.now() - start, busy,
             rendered: mark && mark.startTime >= start ? mark.startTime - start : null };
  };
  const longest = () => {
    const frame = window.__frames.reduce((a, b) => (b.duration > (a?.duration ?? 0) ? b : a), null);
    const result = { longest: Math.max(0, ...window.__long), tasks: window.__long.length, frame };
    window.__long.length = 0;
    window.__frames.length = 0;
    return result;
  };
  const forget = () => { window.__long.length = 0; window.__frames.length = 0; };
  window.__lens = {
    async edit(fields) {
      const start = performance.now();
      for (const [key, text] of Object.entries(fields)) put(key, text);
      return finish(start);
    },
    async type({ key, count, gap }) {  // one digit at a time into the last number
      forget();
      const area = document.getElementById("field-" + key);
      let last = 0;
      for (let i = 0; i < count; i++) {
        const at = area.value.lastIndexOf("]");
        last = performance.now();
        put(key, area.value.slice(0, at) + String(1 + (i % 9)) + area.value.slice(at));
        if (gap) await sleep(gap); else await sleep(0);
      }
      const done = await finish(last);
      await sleep(200);  // long-task entries are delivered after their task
      return { ...done, ...longest() };
    },
    async paste({ key, count }) {  // a real paste event, as the learner's Ctrl+V sends it
      const text = "[" + new Array(count).fill("1.5").join(", ") + "]";
      const area = document.getElementById("field-" + key);
      area.focus();
      area.select();
      const data = new DataTransfer();
      data.setData("text/plain", text);
      forget();
      const start = performance.now();
      area.dispatchEvent(new ClipboardEvent("paste", { clipboardData: data, bubbles: true, cancelable: true }));
      const done = await finish(start);
      await sleep(200);
      return { ...done, ...longest(), chars: text.length };
    },
    async longest() {
      await sleep(200);
      return longest();
    },
    status() {
      const errors = [...document.querySelectorAll("#editors [role=alert]")]
        .filter((e) => !e.hidden && e.textContent.trim())
        .map((e) => e.id.replace("error-", "") + ": " + e.textContent.trim());
      const table = document.querySelector("#outputs-body table");
      return {
        errors,
        rows: table ? table.querySelectorAll("tbody tr").length : 0,
        cells: table ? table.querySelectorAll("tbody td").length : 0,
        summarised: document.getElementById("outputs-body").textContent.includes("\\u2026"),
        stale: document.body.classList.contains("stale"),
        elements: document.getElementsByTagName("*").length,
        url: location.href.length,
      };
    },
  };
}"""

WAIT_SERVICE_WORKER = """async () => {
  if (!navigator.serviceWorker) return { state: "no navigator.serviceWorker" };
  const start = performance.now();
  for (;;) {
    const reg = await navigator.serviceWorker.getRegistration();
    if (reg?.active?.state === "activated") return { state: "activated", at: performance.now() };
    if (performance.now() - start > 90000)
      return { state: reg ? (reg.installing || reg.waiting || reg.active)?.state ?? "none" : "not registered" };
    await new Promise((r) => setTimeout(r, 20));
  }
}"""

# In the worker, before Pyodide starts: keep the WebAssembly.Memory its module exports,
# the only way found to read the worker's wasm heap size from outside (see wasm_memory).
HOOK_WASM = """(() => {
  const keep = (result) => {
    const exports = (result.instance ?? result).exports;
    if (!self.__benchMemory && exports?.memory instanceof WebAssembly.Memory) self.__benchMemory = exports.memory;
    return result;
  };
  for (const name of ["instantiate", "instantiateStreaming"]) {
    const original = WebAssembly[name];
    WebAssembly[name] = function (...args) { return original.apply(this, args).then(keep); };
  }
  return "hooked";
})()"""


# -- CDP to a worker -----------------------------------------------------------------------

class Relay:
    """Commands to a target attached under a Playwright CDP session. Playwright's CDPSession
    cannot address a child session, so the child is attached non-flattened and spoken to
    through Target.sendMessageToTarget / Target.receivedMessageFromTarget."""

    def __init__(self, session, page):
        self.session, self.page = session, page
        self.replies: dict[tuple[str, int], dict] = {}
        self.attached: list[dict] = []
        self.count = 0
        session.on("Target.receivedMessageFromTarget", self._received)
        session.on("Target.attachedToTarget", lambda event: self.attached.append(event))

    def _received(self, event) -> None:
        message = json.loads(event["message"])
        if "id" in message:
            self.replies[(event["sessionId"], message["id"])] = message

    def pump(self) -> None:
        self.page.wait_for_timeout(5)  # lets Playwright deliver the session's events

    def send(self, child: str, method: str, params: dict | None = None, timeout: float = 30) -> dict:
        self.count += 1
        key = (child, self.count)
        self.session.send("Target.sendMessageToTarget", {
            "sessionId": child, "message": json.dumps({"id": self.count, "method": method, "params": params or {}})})
        deadline = time.monotonic() + timeout
        while key not in self.replies:
            if time.monotonic() > deadline:
                raise TimeoutError(f"{method}: no answer from the target in {timeout:.0f} s")
            self.pump()
        reply = self.replies.pop(key)
        if "error" in reply:
            raise RuntimeError(f"{method}: {reply['error'].get('message')}")
        return reply["result"]

    def attach(self, target_id: str) -> str:
        return self.session.send("Target.attachToTarget", {"targetId": target_id, "flatten": False})["sessionId"]

    def wait_attached(self, kind: str, timeout: float) -> dict:
        deadline = time.monotonic() + timeout
        while True:
            for event in self.attached:
                if event["targetInfo"]["type"] == kind:
                    return event
            if time.monotonic() > deadline:
                raise TimeoutError(f"no {kind} target attached in {timeout:.0f} s")
            self.pump()


def throttle_service_workers(browser_relay: Relay, context_id: str) -> int:
    """Network emulation on the page reaches the page and its dedicated worker, but not the
    service worker: its own fetches (every request of a controlled page goes through them)
    run at full speed. Verified while writing this: with the HTTP cache cleared and only the
    page throttled, a repeat visit fetched pyodide.asm.wasm through the service worker in
    0.26 s; with the service worker's target throttled too, in 12.4 s."""
    throttled = 0
    for target in browser_relay.session.send("Target.getTargets")["targetInfos"]:
        if target["type"] == "service_worker" and target.get("browserContextId") == context_id:
            child = browser_relay.attach(target["targetId"])
            browser_relay.send(child, "Network.enable")
            browser_relay.send(child, "Network.emulateNetworkConditions", THROTTLE)
            throttled += 1
    return throttled


# -- results --------------------------------------------------------------------------

@dataclass
class Results:
    samples: dict[str, list[float]] = field(default_factory=dict)
    notes: dict[str, str] = field(default_factory=dict)
    failures: dict[str, str] = field(default_factory=dict)

    def add(self, key: str, value) -> None:
        if value is not None:
            self.samples.setdefault(key, []).append(float(value))

    def fail(self, key: str, error: BaseException | str) -> None:
        text = error if isinstance(error, str) else f"{type(error).__name__}: {error}"
        text = " ".join(str(text).split())[:140]
        self.failures.setdefault(key, text)
        print(f"  ! {key}: {text}", flush=True)


def reason(results: Results, *keys: str) -> str:
    for key in keys:
        if key in results.failures:
            return f"n/a ({results.failures[key]})"
    return "n/a (not measured)"


def ms(value: float | None) -> str:
    if value is None:
        return "n/a"
    return f"{value:.0f} ms" if value < 1000 else f"{value / 1000:.2f} s"


def size(value: float | None) -> str:
    if value is None:
        return "n/a"
    for unit, scale in (("GB", 1e9), ("MB", 1e6), ("KB", 1e3)):
        if value >= scale:
            return f"{value / scale:.2f} {unit}" if value < 10 * scale else f"{value / scale:.1f} {unit}"
    return f"{value:.0f} B"


def p95(values: list[float]) -> float:
    ordered = sorted(values)
    return ordered[max(0, math.ceil(0.95 * len(ordered)) - 1)]


# -- boots ------------------------------------------------------------------------------

def visit(page, url: str, bare: bool) -> dict:
    page.goto(url, wait_until="commit", timeout=BOOT_TIMEOUT)
    if bare:
        page.wait_for_function("() => window.__bare", polling=50, timeout=BOOT_TIMEOUT)
        return {**page.evaluate("() => window.__bare"), **page.evaluate("() => window.__marks"),
                "longestLoading": page.evaluate("() => Math.max(0, ...window.__long)")}
    page.wait_for_function("() => window.__marks && window.__marks.ready !== undefined", polling=50,
                           timeout=BOOT_TIMEOUT)
    marks = page.evaluate("() => window.__marks")
    marks["origin"] = page.evaluate("performance.timeOrigin")
    return marks


class Profile:
    """A fresh browser profile on disk, in its own Chromium: a first visit starts with an
    empty cache, and a repeat visit in it has a real (disk) HTTP cache. Playwright's
    browser.new_context() would be an incognito profile, whose in-memory HTTP cache did
    not keep pyodide.asm.wasm (9.6 MB): every "repeat" visit downloaded it again."""

    def __init__(self, playwright):
        self.folder = tempfile.mkdtemp(prefix="layer-lens-bench-")
        self.context = playwright.chromium.launch_persistent_context(self.folder, viewport=VIEWPORT,
                                                                     **launch_options(playwright))
        self.context.add_init_script(MARKS)
        self.page = self.context.pages[0] if self.context.pages else self.context.new_page()
        self.requests: list = []
        self.context.on("requestfinished", lambda request: self.requests.append(request))

    def close(self) -> None:
        try:
            self.context.close()
        finally:
            shutil.rmtree(self.folder, ignore_errors=True)


def wasm_download(requests: list) -> tuple[float | None, float | None]:
    """pyodide.asm.wasm's download time (request start to last byte) and the median time to
    first byte of the requests the service worker itself made, from Playwright's timings."""
    wasm, first_bytes = None, []
    for request in requests:
        timing = request.timing
        if request.url.endswith("/pyodide.asm.wasm") and timing["responseEnd"] > 0:
            wasm = timing["responseEnd"]
        by_worker = getattr(request, "service_worker", None) is not None
        if by_worker and timing["responseStart"] > 0 and timing["requestStart"] >= 0:
            first_bytes.append(timing["responseStart"] - timing["requestStart"])
    return wasm, (statistics.median(first_bytes) if first_bytes else None)


def bare_round(playwright, base: str, throttled: bool, results: Results) -> None:
    tag = "throttled." if throttled else ""
    profile = None
    try:
        profile = Profile(playwright)
        page = profile.page
        results.notes["chromium"] = profile.context.browser.version
        session = profile.context.new_cdp_session(page)
        if throttled:
            session.send("Network.enable")
            session.send("Network.emulateNetworkConditions", THROTTLE)
        first = visit(page, base + "__bench__/bare.html", bare=True)
        results.add(f"{tag}bare.first", first["ms"])
        results.add(f"{tag}bare.longest", first["longestLoading"])
        results.notes["pyodide"] = first.get("version", "?")
        if first.get("result") != 2:
            results.fail(f"{tag}bare.first", f"runPython('1+1') gave {first.get('result')!r}")
        if not throttled:
            page.goto("about:blank")
            results.add("bare.repeat", visit(page, base + "__bench__/bare.html", bare=True)["ms"])
    except Exception as error:  # a benchmark reports and carries on
        results.fail(f"{tag}bare.first", error)
    finally:
        if profile:
            profile.close()


def app_round(playwright, url: str, throttled: bool, results: Results, round_number: int) -> None:
    tag = "throttled." if throttled else ""
    profile, stage = None, "first"
    try:
        profile = Profile(playwright)
        context, page, requests = profile.context, profile.page, profile.requests
        session = context.new_cdp_session(page)
        if throttled:
            session.send("Network.enable")
            session.send("Network.emulateNetworkConditions", THROTTLE)
        started = time.time()
        first = visit(page, url, bare=False)
        ready_at = (first["origin"] + first["ready"]) / 1000
        results.add(f"{tag}app.first.ready", first["ready"])
        results.add(f"{tag}app.first.fcp", first.get("fcp"))
        results.add(f"{tag}app.first.outputs", first.get("outputsFrame"))
        results.add(f"{tag}app.first.longest", first.get("longestLoading"))
        if first.get("outputsOnScreen") is False:
            results.notes[f"{tag}outputs.offscreen"] = "the outputs table is below the fold at 1280x900"
        wasm, _ = wasm_download(requests)
        results.add(f"{tag}app.first.wasm", wasm)
        if not throttled and round_number == 0:
            results.notes["first.traffic"] = json.dumps(traffic_between(started, ready_at))
        sw = page.evaluate(WAIT_SERVICE_WORKER)
        if sw.get("state") != "activated":
            results.fail(f"{tag}sw", f"service worker {sw.get('state')} after 90 s")
        else:
            results.add(f"{tag}sw.after_ready", sw["at"] - first["ready"])
            if not throttled and round_number == 0:
                results.notes["sw.traffic"] = json.dumps(traffic_between(ready_at, time.time()))
        requests.clear()
        stage = "repeat"
        page.goto("about:blank")
        if throttled:
            session.send("Network.emulateNetworkConditions", THROTTLE)
            context_id = session.send("Target.getTargetInfo")["targetInfo"]["browserContextId"]
            browser_relay = Relay(context.browser.new_browser_cdp_session(), page)
            if throttle_service_workers(browser_relay, context_id) == 0:
                results.fail("throttled.sw_target", "could not throttle the service worker's target")
        again = time.time()
        repeat = visit(page, url, bare=False)
        results.add(f"{tag}app.repeat.ready", repeat["ready"])
        results.add(f"{tag}app.repeat.fcp", repeat.get("fcp"))
        results.add(f"{tag}app.repeat.outputs", repeat.get("outputsFrame"))
        if not page.evaluate("() => Boolean(navigator.serviceWorker?.controller)"):
            results.notes[f"{tag}repeat.uncontrolled"] = "the repeat visit was not controlled by the service worker"
        _, first_byte = wasm_download(requests)
        results.add(f"{tag}app.repeat.sw_ttfb", first_byte)
        if not throttled and round_number == 0:
            repeat_end = (repeat["origin"] + repeat["ready"]) / 1000
            results.notes["repeat.traffic"] = json.dumps(traffic_between(again, repeat_end + 0.001))
    except Exception as error:
        results.fail(f"{tag}app.{stage}.ready", error)
    finally:
        if profile:
            profile.close()


# -- edits and memory ---------------------------------------------------------------------

def matrix(rows: int, columns: int, rng: random.Random) -> str:
    return "[" + ",\n ".join("[" + ", ".join(f"{rng.uniform(-1, 1):.2f}" for _ in range(columns)) + "]"
                             for _ in range(rows)) + "]"


def vector(n: int, rng: random.Random) -> str:
    return "[" + ", ".join(f"{rng.uniform(-1, 1):.2f}" for _ in range(n)) + "]"


def renderer_rss(browser_session) -> float | None:
    """The largest renderer process's resident memory (the page and its worker live there)."""
    processes = browser_session.send("SystemInfo.getProcessInfo")["processInfo"]
    sizes = []
    for process in processes:
        if process["type"] != "renderer":
            continue
        try:
            status = Path(f"/proc/{process['id']}/status").read_text()
        except OSError:
            continue
        for line in status.splitlines():
            if line.startswith("VmRSS:"):
                sizes.append(int(line.split()[1]) * 1024)
    return max(sizes) if sizes else None


def measure_memory(moment: str, page, session, relay: Relay, worker: str | None, browser_session,
                   results: Results) -> None:
    def attempt(key, function):
        try:
            results.add(f"mem.{key}.{moment}", function())
        except Exception as error:
            results.fail(f"mem.{key}.{moment}", error)

    page.evaluate("() => new Promise((r) => setTimeout(r, 300))")  # let the last render settle
    attempt("main", lambda: session.send("Runtime.getHeapUsage")["usedSize"])
    attempt("main_total", lambda: session.send("Runtime.getHeapUsage")["totalSize"])
    attempt("perf_memory", lambda: page.evaluate("() => performance.memory?.usedJSHeapSize ?? null"))
    attempt("rss", lambda: renderer_rss(browser_session))
    if worker is None:
        for key in ("worker", "wasm"):
            results.fail(f"mem.{key}.{moment}", results.failures.get("worker.attach", "no worker session"))
        return
    attempt("worker", lambda: relay.send(worker, "Runtime.getHeapUsage")["usedSize"])

    def wasm_memory():
        answer = relay.send(worker, "Runtime.evaluate", {
            "expression": "self.__benchMemory ? self.__benchMemory.buffer.byteLength : null",
            "returnByValue": True})
        value = answer["result"].get("value")
        if value is None:
            raise RuntimeError("the hook saw no exported WebAssembly.Memory")
        return value
    attempt("wasm", wasm_memory)


def edits_session(playwright, url: str, plan: Plan, results: Results) -> None:
    profile = browser_session = None
    try:
        profile = Profile(playwright)
        context, page = profile.context, profile.page
        browser_session = context.browser.new_browser_cdp_session()
        session = context.new_cdp_session(page)
        relay = Relay(session, page)
        worker = None
        # Pause each new dedicated worker at its start, long enough to hook WebAssembly.
        session.send("Target.setAutoAttach", {"autoAttach": True, "waitForDebuggerOnStart": True, "flatten": False})
        page.goto(url, wait_until="commit", timeout=BOOT_TIMEOUT)
        try:
            attached = relay.wait_attached("worker", timeout=60)
            worker = attached["sessionId"]
            try:
                relay.send(worker, "Runtime.evaluate", {"expression": HOOK_WASM, "returnByValue": True})
            finally:
                relay.send(worker, "Runtime.runIfWaitingForDebugger")
            session.send("Target.setAutoAttach", {"autoAttach": True, "waitForDebuggerOnStart": False,
                                                  "flatten": False})
        except Exception as error:
            results.fail("worker.attach", error)
            session.send("Target.setAutoAttach", {"autoAttach": False, "waitForDebuggerOnStart": False})
        page.wait_for_selector('body[data-ready="true"]', state="attached", timeout=BOOT_TIMEOUT)
        page.evaluate(WAIT_SERVICE_WORKER)  # its install downloads nothing new, but let it finish first
        page.evaluate(HELPERS)
        measure_memory("load", page, session, relay, worker, browser_session, results)

        rng = random.Random(0)
        textbook = {key: page.locator(f"#field-{key}").input_value() for key in ("inputs", "weights", "biases")}
        default_biases = textbook["biases"]

        def repeat_edits(key: str, make_fields, reps: int) -> None:
            page.evaluate("() => window.__lens.longest()")  # forget earlier long tasks
            began = time.monotonic()
            for done, i in enumerate(range(reps), start=1):
                timing = page.evaluate("f => window.__lens.edit(f)", make_fields(i))
                if not timing["busy"]:
                    results.fail(f"edit.{key}", "the page did not take up the edit (data-idle stayed true)")
                    return
                if timing["rendered"] is None:
                    results.fail(f"edit.{key}", "no layer-lens:rendered mark after the edit")
                    return
                results.add(f"edit.{key}", timing["rendered"])
                results.add(f"edit.{key}.idle", timing["idle"])
                if done >= 5 and time.monotonic() - began > plan.budget:
                    break
            long = page.evaluate("() => window.__lens.longest()")
            results.add(f"edit.{key}.longest", long["longest"])
            results.notes[f"frame.edit.{key}"] = json.dumps(long["frame"])
            status = page.evaluate("() => window.__lens.status()")
            results.notes[f"edit.{key}.status"] = json.dumps(status)

        def typing(key: str) -> None:
            try:
                typed = page.evaluate("a => window.__lens.type(a)", {"key": "biases", "count": plan.typing, "gap": 100})
                results.add(f"type.{key}.longest", typed["longest"])
                results.add(f"type.{key}.settle", typed["painted"])
                results.notes[f"type.{key}.tasks"] = str(typed["tasks"])
                results.notes[f"frame.type.{key}"] = json.dumps(typed["frame"])
            except Exception as error:
                results.fail(f"type.{key}.longest", error)

        try:
            repeat_edits("textbook", lambda i: {"biases": default_biases.replace("0.5", f"0.{i + 1}")},
                         plan.edits["textbook"])
        except Exception as error:
            results.fail("edit.textbook", error)
        typing("textbook")
        for n in (16, 64, 128, 256):
            key = str(n)
            try:
                setup = page.evaluate("f => window.__lens.edit(f)", {
                    "inputs": matrix(n, n, rng), "weights": matrix(n, n, rng), "biases": vector(n, rng)})
                results.add(f"edit.{key}.setup", setup["painted"])
                status = page.evaluate("() => window.__lens.status()")
                if status["errors"]:
                    results.fail(f"edit.{key}", "; ".join(status["errors"])[:120])
                    continue
                repeat_edits(key, lambda i, n=n: {"biases": vector(n, rng)}, plan.edits[key])
            except Exception as error:
                results.fail(f"edit.{key}", error)
            if n == 128:
                typing("128")
        measure_memory("256", page, session, relay, worker, browser_session, results)
        try:
            page.evaluate("f => window.__lens.edit(f)", textbook)  # paste into the textbook's batch
            pasted = page.evaluate("a => window.__lens.paste(a)", {"key": "inputs", "count": 1_000_000})
            results.add("paste.total", pasted["painted"])
            results.add("paste.longest", pasted["longest"])
            results.add("paste.handled", pasted["handled"])
            results.notes["frame.paste"] = json.dumps(pasted["frame"])
            status = page.evaluate("() => window.__lens.status()")
            shown = "; ".join(status["errors"]) or f"outputs {status['rows']} rows"
            results.notes["paste.shown"] = shown if len(shown) < 90 else shown[:90].rsplit(" ", 1)[0] + " …"
            results.notes["paste.url"] = str(status["url"])
            results.notes["paste.chars"] = str(pasted["chars"])
        except Exception as error:
            results.fail("paste.total", error)
        measure_memory("paste", page, session, relay, worker, browser_session, results)
    except Exception as error:
        results.fail("edits", error)
    finally:
        if profile:
            profile.close()


# -- the table ---------------------------------------------------------------------------

def cpu_model() -> str:
    try:
        for line in Path("/proc/cpuinfo").read_text().splitlines():
            if line.startswith("model name"):
                return line.split(":", 1)[1].strip()
    except OSError:
        pass
    return platform.processor() or platform.machine()


def frame_note(results: Results, key: str) -> str:
    """The longest animation frame of a measurement: its scripts against the browser's own
    style, layout and paint (Long Animation Frames API)."""
    frame = json.loads(results.notes.get(f"frame.{key}", "null"))
    if not frame:
        return ""
    return (f" (longest frame {ms(frame['duration'])}: scripts {ms(frame['script'])}"
            + (f" incl. forced layout {ms(frame['forced'])}" if frame["forced"] >= 1 else "")
            + f", style/layout/paint {ms(frame['rendering'])}"
            + (f"; top script {frame['top']}" if frame["script"] >= 50 and frame["top"] else "") + ")")


def table(results: Results, machine: str) -> str:
    rows: list[tuple[str, str, str, str]] = []
    yard = results.samples.get("bare.first")
    yardstick = statistics.median(yard) if yard else None
    throttled_yard = results.samples.get("throttled.bare.first")
    throttled_yardstick = statistics.median(throttled_yard) if throttled_yard else None

    def section(title: str) -> None:
        rows.append((f"**{title}**", "", "", ""))

    def boot(label: str, key: str, *, ratio: bool = True, extra: str = "",
             same: float | None = None, same_name: str = "") -> None:
        base = yardstick
        values = results.samples.get(key)
        if not values:
            rows.append((label, reason(results, key), "", ""))
            return
        middle = statistics.median(values)
        spread = f"{ms(min(values))} – {ms(max(values))}, n={len(values)}" if len(values) > 1 else "n=1"
        if same is not None and same != base:
            extra = (extra + "; " if extra else "") + f"×{middle / same:.2f} {same_name}"
        rows.append((label, ms(middle), spread + (f"; {extra}" if extra else ""),
                     (f"×{middle / base:.2f}" if base else "n/a") if ratio else ""))

    def edit(label: str, key: str) -> None:
        values = results.samples.get(f"edit.{key}")
        if not values:
            rows.append((label, reason(results, f"edit.{key}"), "", ""))
            return
        idle = results.samples.get(f"edit.{key}.idle", [])
        longest = results.samples.get(f"edit.{key}.longest")
        status = json.loads(results.notes.get(f"edit.{key}.status", "{}"))
        setup = results.samples.get(f"edit.{key}.setup")
        shown = ""
        if status:
            shown = (f"; outputs {status['rows']}×{status['cells'] // max(1, status['rows'])} "
                     + ("summarised (…)" if status["summarised"] else "shown in full")
                     + f", {status['elements']:,} elements on the page")
        rows.append((label, f"median {ms(statistics.median(values))}",
                     f"p95 {ms(p95(values))}, n={len(values)}; to idle {ms(statistics.median(idle))}"
                     + (f"; longest main-thread task {ms(longest[0])}{frame_note(results, f'edit.{key}')}"
                        if longest else "")
                     + (f"; first render after pasting all 3 fields {ms(setup[0])}" if setup else "")
                     + shown, ""))

    def transfers(label: str, note_key: str) -> None:
        if note_key not in results.notes:
            rows.append((label, reason(results, "app.first.ready"), "", ""))
            return
        moved = [Transfer(*t) for t in json.loads(results.notes[note_key])]
        bodies = sum(t.body for t in moved)
        not_modified = sum(t.status == 304 for t in moved)
        rows.append((label, size(bodies), f"{len(moved)} requests, {not_modified} answered 304 Not Modified", ""))

    def memory(label: str, key: str, extra=None) -> None:
        load = results.samples.get(f"mem.{key}.load")
        later = [f"after the 256×256 edits {size(results.samples[f'mem.{key}.256'][0])}"
                 for _ in [0] if results.samples.get(f"mem.{key}.256")]
        later += [f"after the 1,000,000-number paste {size(results.samples[f'mem.{key}.paste'][0])}"
                  for _ in [0] if results.samples.get(f"mem.{key}.paste")]
        if extra:
            later.append(extra)
        value = size(load[0]) if load else reason(results, f"mem.{key}.load")
        rows.append((label, value, "; ".join(later) or reason(results, f"mem.{key}.256"), ""))

    section("(a) yardstick: a bare page, loadPyodide() then runPython('1+1'), from navigation start")
    boot("Bare Pyodide, first visit (empty cache)", "bare.first")
    boot("Bare Pyodide, repeat visit (warm HTTP cache)", "bare.repeat")

    section("(b) Layer Lens: first outputs visible (pre-rendered at build time)")
    boot("First contentful paint, first visit", "app.first.fcp")
    off = " (below the fold!)" if "outputs.offscreen" in results.notes else ""
    boot("Outputs table in the first rendered frame, first visit" + off, "app.first.outputs")
    boot("First contentful paint, repeat visit", "app.repeat.fcp")

    section("(c) Layer Lens: Python live (body[data-ready]), from navigation start")
    boot("Python live, first visit (fresh profile, empty cache)", "app.first.ready")
    sw_note = "" if "repeat.uncontrolled" not in results.notes else "NOT controlled by the service worker"
    boot("Python live, repeat visit (warm HTTP cache + service worker)", "app.repeat.ready",
         extra=sw_note, same=statistics.median(results.samples["bare.repeat"])
         if results.samples.get("bare.repeat") else None, same_name="the bare repeat visit")
    boot("Service worker activated, after Python live (first visit)", "sw.after_ready", ratio=False)
    bare_longest = results.samples.get("bare.longest")
    boot("Longest main-thread task while loading (first visit)", "app.first.longest", ratio=False,
         extra=f"bare Pyodide, which boots on the main thread: {ms(statistics.median(bare_longest))}"
         if bare_longest else "")

    section("(d) Throttled link: 10 Mbit/s down and up, 40 ms latency (CDP Network.emulateNetworkConditions)")
    boot("Bare Pyodide, first visit, throttled", "throttled.bare.first")
    wasm = results.samples.get("throttled.app.first.wasm")
    plain_wasm = results.samples.get("app.first.wasm")
    wasm_note = (f"the worker downloaded pyodide.asm.wasm in {ms(statistics.median(wasm))} "
                 f"(unthrottled {ms(statistics.median(plain_wasm)) if plain_wasm else 'n/a'}): "
                 "the page's throttling reaches its worker") if wasm else ""
    boot("First contentful paint, first visit, throttled", "throttled.app.first.fcp",
         same=throttled_yardstick, same_name="the throttled bare page")
    boot("Python live, first visit, throttled", "throttled.app.first.ready", extra=wasm_note,
         same=throttled_yardstick, same_name="the throttled bare page")
    ttfb = results.samples.get("throttled.app.repeat.sw_ttfb")
    sw_throttle = (f"service worker's target throttled too: its requests' median time to first byte "
                   f"{ms(statistics.median(ttfb))}") if ttfb else reason(results, "throttled.sw_target")
    boot("Python live, repeat visit, throttled", "throttled.app.repeat.ready", extra=sw_throttle)

    section("(e) Edit → re-rendered: input event to data-idle, then two animation frames (painted)")
    edit("Textbook batch (3×4 inputs, 3 neurons): edit the biases", "textbook")
    for n in (16, 64, 128, 256):
        edit(f"{n}×{n} inputs through {n} neurons: edit the biases", str(n))

    section("(f) Longest main-thread task (PerformanceObserver 'longtask', ≥ 50 ms; 0 = none)")
    for key, label in (("textbook", "the textbook batch"), ("128", "128×128")):
        longest = results.samples.get(f"type.{key}.longest")
        settle = results.samples.get(f"type.{key}.settle")
        if longest:
            rows.append((f"Typing {results.notes.get('typing', '')} digits, 100 ms apart, into {label}'s biases",
                         ms(longest[0]), f"long tasks: {results.notes.get(f'type.{key}.tasks', '?')}"
                         f"{frame_note(results, f'type.{key}')}; last keystroke → painted {ms(settle[0])}", ""))
        else:
            rows.append((f"Typing into {label}'s biases", reason(results, f"type.{key}.longest"), "", ""))
    pasted = results.samples.get("paste.longest")
    total = results.samples.get("paste.total")
    if pasted:
        rows.append((f"Paste of 1,000,000 numbers ({int(results.notes.get('paste.chars', 0)):,} characters) "
                     "into Inputs", ms(pasted[0]),
                     f"{frame_note(results, 'paste').strip()}; input event → painted {ms(total[0])}, of which "
                     f"the paste's own handlers {ms(results.samples['paste.handled'][0])}; the address "
                     f"is then {int(results.notes.get('paste.url', 0)):,} characters long; shows: "
                     f"{results.notes.get('paste.shown', '?')}", ""))
    else:
        rows.append(("Paste of 1,000,000 numbers into Inputs", reason(results, "paste.total"), "", ""))

    section("(g) Bytes sent by the server (response bodies: the gzip copy beside a file, as build.py serves "
            "it to browsers that accept gzip)")
    if "first.traffic" in results.notes:
        moved = [Transfer(*t) for t in json.loads(results.notes["first.traffic"])]
        files: dict[str, int] = {}  # each file's own size, uncompressed
        for transfer in moved:
            if transfer.body and transfer.path not in files:
                file = DIST / (transfer.path.lstrip("/") or "index.html")
                if file.is_dir():
                    file = file / "index.html"
                files[transfer.path] = file.stat().st_size if file.is_file() else transfer.body

        def versus(sent: int, raw: int) -> str:
            return f"uncompressed {size(raw)}" + (f" (sent {1 - sent / raw:.0%} less)" if sent < 0.98 * raw
                                                  else " (sent as it is: it does not compress)")
        bodies = sum(t.body for t in moved)
        rows.append(("Cold first visit, navigation to Python live: total", size(bodies),
                     f"{len(moved)} requests; {versus(bodies, sum(files.values()))}", ""))
        sized = sorted((t for t in moved if t.body), key=lambda t: -t.body)
        shown, rest = sized[:6], sized[6:]
        for transfer in shown:
            rows.append((f"  {transfer.path}", size(transfer.body), versus(transfer.body, files[transfer.path]), ""))
        if rest:
            body = sum(t.body for t in rest)
            rows.append((f"  {len(rest)} other files", size(body), versus(body, sum(files[t.path] for t in rest)), ""))
    else:
        rows.append(("Cold first visit", reason(results, "app.first.ready"), "", ""))
    transfers("Service worker install, after Python live", "sw.traffic")
    transfers("Repeat visit, navigation to Python live", "repeat.traffic")

    section("(h) Memory (CDP Runtime.getHeapUsage; the worker's through Target.sendMessageToTarget)")
    perf = results.samples.get("mem.perf_memory.load")
    total = results.samples.get("mem.main_total.load")
    memory("Main thread JS heap used, after load", "main",
           extra=(f"heap total {size(total[0])}" if total else "")
           + (f"; performance.memory.usedJSHeapSize {size(perf[0])} (coarse)" if perf else ""))
    memory("Worker JS heap used, after load", "worker")
    memory("Worker WebAssembly memory (Pyodide's heap), after load", "wasm")
    memory("Largest renderer process resident memory (page + worker)", "rss")

    widths = [max(len(row[i]) for row in rows + [HEADER]) for i in range(4)]
    lines = [machine, ""]
    for row in [HEADER, None, *rows]:
        if row is None:
            lines.append("|" + "|".join("-" * (w + 2) for w in widths) + "|")
            continue
        lines.append("| " + " | ".join(cell.ljust(w) for cell, w in zip(row, widths)) + " |")
    return "\n".join(lines)


HEADER = ("Measurement", "Result (median)", "Spread and details", "× bare Pyodide")


# -- main ---------------------------------------------------------------------------------

def launch_options(playwright) -> dict:
    """Debian's Chromium where there is one (Playwright's own download fails here)."""
    path = next((shutil.which(n) for n in ("chromium", "chromium-browser", "google-chrome") if shutil.which(n)),
                None)
    return {"executable_path": path, "args": CHROMIUM_ARGS} if path else {"args": CHROMIUM_ARGS}


def build_site() -> None:
    try:
        build.build()
    except ValueError as error:
        # build.py's closing log line names the folder relative to the repository and fails
        # for a LAYER_LENS_DIST outside it, after the site is complete: carry on with it.
        if "subpath" not in str(error) or not (DIST / "index.html").is_file():
            raise
        print(f"Built {DIST}/", flush=True)


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--quick", action="store_true", help="one boot of each kind, fewer edits")
    parser.add_argument("--no-build", action="store_true", help=f"measure {DIST} as it is")
    args = parser.parse_args(argv)
    plan = QUICK if args.quick else FULL
    began = time.monotonic()
    if not args.no_build:
        build_site()
    if not (DIST / "index.html").is_file():
        print(f"bench_page.py: no site in {DIST}; build it first (python3 build.py).")
        return 1
    load_before = os.getloadavg()
    server, url = start_server()
    results = Results()
    results.notes["typing"] = str(plan.typing)
    site = json.loads(next((DIST / "app").glob("*/site.json")).read_text())
    with sync_playwright() as playwright:
        for throttled, (least, most, seconds) in ((False, plan.boots), (True, plan.throttled)):
            phase = time.monotonic()
            for i in range(most):
                if i >= least and time.monotonic() - phase > seconds:
                    break
                print(f"{'Throttled boot' if throttled else 'Boot'} round {i + 1} (of {least} to {most}) ...",
                      flush=True)
                for bare in ([True, False] if i % 2 == 0 else [False, True]):  # alternate who goes first
                    if bare:
                        bare_round(playwright, url, throttled, results)
                    else:
                        app_round(playwright, url, throttled, results, i)
        print("Edits, typing, paste, memory ...", flush=True)
        edits_session(playwright, url, plan, results)
    chromium = results.notes.get("chromium", "?")
    server.shutdown()
    server.server_close()
    load_after = os.getloadavg()
    machine = (f"Layer Lens page benchmark{' (--quick)' if args.quick else ''}: {cpu_model()}, "
               f"{os.cpu_count()} cores, headless Chromium {chromium}, Pyodide "
               f"{results.notes.get('pyodide', site.get('pyodide', '?'))} "
               f"({'NumPy wheel vendored' if site.get('numpy_wheel') else 'pure-Python engine'}), "
               f"{datetime.datetime.now().astimezone():%Y-%m-%d %H:%M %Z}.\n"
               f"Served from {DIST} by build.py's server on 127.0.0.1 (Cache-Control: no-cache, so repeat "
               f"visits revalidate: 304s). Each first visit uses a fresh on-disk profile; the repeat visit "
               f"is the same profile's tab sent to about:blank and back to the bare address.\n"
               f"Load average (other jobs share the 2 cores) before {load_before[0]:.2f}, after "
               f"{load_after[0]:.2f}. Viewport 1280×900. MB = 10^6 bytes.")
    print()
    print(table(results, machine))
    print(f"\nBenchmark took {time.monotonic() - began:.0f} s.")
    return 0


if __name__ == "__main__":
    sys.exit(main())
