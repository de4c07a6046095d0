// The engine client: starts Python in a Web Worker (PyScript, web/engine.py), calls it,
// and keeps it alive. Every call sends one JSON message and gets one JSON reply (the
// protocol: docs/protocol.md). A reply that says a Python bug happened is said on the
// page and the page goes on; a call never answered means the worker died: a `ping`
// tells, and Python is started again with the page (the fields are kept).

import { PyWorker } from "../../vendor/pyscript/core.js";

const KEPT = "layer-lens:kept-build"; // the build the service worker keeps (see offline.js)
const RESTARTS = "layer-lens:restarts";
const SAVED_MS = 1500; // the start-up snapshot pays when its download costs less than this

export function createEngine({ store, say, options, beforeReload }) {
  const body = document.body;
  const watchdogMs = options.watchdogMs ?? 30_000; // an engine call that never answers: the worker died
  let calls = null; // the worker's exported calls, once Python is live

  // Python starts from the build's memory snapshot (data-snapshot: its bytes) when that is
  // the quicker way: whenever the service worker keeps this build, and on a first visit when
  // the files so far came fast enough that the snapshot's bytes cost less than about half of
  // the 3 s or more of start-up it saves. Decided at once: PyScript must make its worker
  // before its plugins load (later, it would need eval, which the page's policy forbids).
  function snapshotPays() {
    const bytes = Number(body.dataset.snapshot);
    if (!bytes) return false; // this build has none
    if (options.boot) return options.boot === "snapshot"; // a test's choice, not a guess
    let kept = null;
    try { kept = localStorage.getItem(KEPT); } catch { /* storage off */ }
    if (navigator.serviceWorker?.controller && kept === body.dataset.version) return true; // no download at all
    const sent = performance.getEntriesByType("resource").filter((entry) => entry.name.startsWith(location.origin) &&
      entry.encodedBodySize > 20_000 && entry.transferSize >= entry.encodedBodySize);
    const ms = sent.reduce((sum, entry) => sum + (entry.responseEnd - entry.responseStart), 0);
    const rate = sent.reduce((sum, entry) => sum + entry.encodedBodySize, 0) / Math.max(ms, 1); // bytes/ms
    return sent.length > 0 && bytes / rate < SAVED_MS;
  }

  async function start() {
    const here = (name) => new URL(name, import.meta.url).href; // this build's files (app/<version>/)
    const worker = await PyWorker(here("./engine.py"), {
      version: here(snapshotPays() ? "./boot-snapshot.mjs" : "./boot.mjs"), // the vendored Pyodide
      config: { files: { [here("./pycore.zip")]: "./*", [here("./site.json")]: "./site.json" } },
    });
    const started = JSON.parse(await worker.sync.start(location.href));
    if (!started.ok) throw new Error(started.bug); // said where the page says Python could not start
    calls = worker.sync;
    store.update({ engine: { ...store.get().engine, status: "live", boot: started.boot } });
    body.dataset.boot = started.boot; // "snapshot" or "plain": how Python started
    reportRestart();
    return started;
  }

  const answered = (promise, ms) => {
    let timer;
    const timeout = new Promise((_, reject) => {
      timer = setTimeout(() => reject(new Error(say("page.engine.timeout", { seconds: ms / 1000 }))), ms);
    });
    return Promise.race([promise, timeout]).finally(() => clearTimeout(timer));
  };

  // One call: its reply, parsed. A reply that reports a bug in Python ({ok: false}) is said
  // on the page, and returned: the caller goes on with the version it names.
  async function call(name, message = {}) {
    if (!calls) throw new Error(say("page.engine.not_live"));
    store.busy(+1);
    const slow = setTimeout(() => store.update({ slow: true }), 150);
    const started = performance.now();
    try {
      const reply = JSON.parse(await answered(calls[name](JSON.stringify(message)), watchdogMs));
      performance.measure(`layer-lens:${name}`, { start: started, end: performance.now() }); // for the bench
      if (!reply.ok) showProblem("page.engine.bug", report(name, reply.bug), true);
      else if (reply.shell && store.get().engine.problem?.passes) { // the page rendered again: the bug is behind it
        store.update({ engine: { ...store.get().engine, problem: null } });
      }
      return reply;
    } catch (error) {
      await failed(name, error);
      throw error;
    } finally {
      clearTimeout(slow);
      store.update({ slow: false });
      store.busy(-1);
    }
  }

  const report = (name, what) => say("page.engine.report", {
    version: body.dataset.version, call: name, error: what, page: location.href.slice(0, 2000),
    browser: navigator.userAgent,
  });

  function showProblem(words, text, passes = false) { // passes: a bug's note goes once a call works again
    store.update({ engine: { ...store.get().engine, problem: { words, report: text, passes } } });
  }

  // No answer: a worker that still answers a ping hit a bug; one that does not is dead.
  async function failed(name, error) {
    if (!calls) return;
    const alive = name !== "ping" &&
      await answered(calls.ping("{}"), Math.min(3000, watchdogMs)).then(() => true, () => false);
    if (alive) showProblem("page.engine.bug", report(name, error?.message ?? String(error)), true);
    else restart(report(name, error?.message ?? String(error)));
  }

  // A second worker in the same page needs eval (PyScript builds its plugin hooks with
  // Function()), which the page's security policy forbids: so Python starts again with the
  // page, reloaded with the fields kept. Twice within ten minutes (a hang is noticed only
  // after the watchdog's 30 s) means these fields stop it: then the page stops trying.
  function restart(text) {
    let restarts = [];
    try { restarts = JSON.parse(sessionStorage.getItem(RESTARTS)) ?? []; } catch { restarts = []; }
    restarts = restarts.filter((time) => Date.now() - time < 10 * 60_000);
    calls = null;
    store.update({ engine: { ...store.get().engine, status: "failed" } });
    if (restarts.length >= 2) {
      showProblem("page.engine.stopped", text);
      return;
    }
    try {
      sessionStorage.setItem(RESTARTS, JSON.stringify([...restarts, Date.now()]));
      sessionStorage.setItem(`${RESTARTS}:report`, text);
    } catch { /* storage off: the reload still keeps the address */ }
    beforeReload();
    location.reload();
  }

  function reportRestart() {
    let text = null;
    try {
      text = sessionStorage.getItem(`${RESTARTS}:report`);
      sessionStorage.removeItem(`${RESTARTS}:report`);
    } catch { return; }
    if (text) showProblem("page.engine.restarted", text);
  }

  return { start, call, isLive: () => calls !== null, keptBuild: KEPT };
}
