// Layer Lens's page glue, on the main thread: wire the events, hand the state to
// the Python engine (pycore in a Web Worker, web/engine.py), and put what it
// renders into the page. No maths here, and no parsing of links: pycore does both.
//
// One state object is the source of truth: the fields' texts and the page's
// flags, in the JSON form pycore's state table defines. Every change bumps a
// generation counter; one render loop asks the engine for the newest generation
// and shows nothing older. User text reaches the page only as a textarea's
// value, through textContent, or inside HTML that pycore's renderers escaped.

import { PyWorker } from "../../vendor/pyscript/core.js";
import { morph } from "./morph.js";
import { createPlayer } from "./player.js";
import * as work from "./work.js";

const $ = (id) => document.getElementById(id);
const body = document.body;

// -- fields too long to lay out ------------------------------------------------------------
// A textarea holding a pasted million numbers (5 million characters) costs the browser
// about 1 s of layout whenever the page is drawn, hidden or not: a frozen page. So a text
// past HUGE characters is kept here instead, and the field shows a summary, with a way to
// see the text anyway (the learner's choice, and its cost) or to clear it.
const HUGE = 200_000;
const hugeTexts = new WeakMap(); // textarea -> its text, while the textarea holds none

const fieldText = (area) => hugeTexts.get(area) ?? area.value;

function setFieldText(area, text) {
  if (text.length > HUGE && area.dataset.showAll !== "true") {
    hugeTexts.set(area, text);
    area.value = "";
  } else {
    hugeTexts.delete(area);
    area.value = text;
  }
  fitField(area);
}

function fitField(area) {
  if (area.tagName !== "TEXTAREA") return;
  const huge = hugeTexts.has(area);
  if (!huge && area.value.length <= HUGE) delete area.dataset.showAll;
  area.hidden = huge;
  let note = area.nextElementSibling?.classList.contains("huge-field") ? area.nextElementSibling : null;
  if (!huge) {
    if (note) note.hidden = true;
    return;
  }
  if (!note) {
    note = hugeNote(area);
    area.after(note);
  }
  const name = area.labels?.[0]?.textContent.trim() || "This field";
  note.querySelector(".huge-size").textContent = `${name} holds ${fieldText(area).length.toLocaleString("en")} ` +
    "characters: too many to show here without freezing the page for a moment. They are computed as usual.";
  note.hidden = false;
}

function hugeNote(area) {
  const note = document.createElement("div");
  note.className = "huge-field";
  const words = document.createElement("p");
  words.className = "huge-size";
  const action = (label, act) => {
    const button = document.createElement("button");
    button.type = "button";
    button.textContent = label;
    button.addEventListener("click", act);
    return button;
  };
  note.append(words,
    action("Show the text anyway", () => {
      area.dataset.showAll = "true";
      setFieldText(area, fieldText(area));
      area.focus();
    }),
    " ",
    action("Clear the field", () => {
      setFieldText(area, "");
      area.focus();
      area.dispatchEvent(new Event("input", { bubbles: true }));
    }));
  return note;
}

// A paste that makes a field huge never reaches the textarea.
function onPaste(event) {
  const area = event.target.closest?.("textarea");
  if (!area || area.readOnly) return;
  const text = event.clipboardData?.getData("text/plain") ?? "";
  const { selectionStart: from, selectionEnd: to } = area;
  if (area.value.length - (to - from) + text.length <= HUGE) return;
  event.preventDefault();
  setFieldText(area, area.value.slice(0, from) + text.replace(/\r\n?/g, "\n") + area.value.slice(to));
  area.nextElementSibling?.querySelector("button")?.focus(); // the field is hidden: focus its summary
  area.dispatchEvent(new Event("input", { bubbles: true }));
}

// -- the state ----------------------------------------------------------------------------
// {inputs, layers: [{weights, biases, cell, term} | null], view, hide, step}; a null layer
// was just added: pycore fills in its fields. A layer's cell (1-based, as the page labels
// it) and term are the selected product cell and the player's moment in it.
let state = stateFromEditors();
let generation = 0; // bumped by every change of the state
let shownGeneration = 0; // the generation whose result is on the page
let replacedAt = 0; // the generation at which a link or a reset replaced the fields
let resultsFrom = 0; // the generation the results on show were computed for
let engine = null; // the worker's exported calls, once Python is live
let maxLayers = 8;
let examples = []; // the gallery's states, told by the engine
let lastExample = null; // the gallery example opened last: Reset returns to it
let working = 0; // engine calls under way
let pumping = false;
let settledWaiters = [];
let linkTimer = null; // a link update waiting for the player to rest
let addressTimer = null; // the address, written when the typing pauses
let pendingFragment = null; // the address to write soon: a fragment, or "" (none: too large)
let linkNote = null; // why the fields have no link, while they are too large for one
let revealed = false; // the exercise's answer was checked: show everything

function stateFromEditors() {
  const layers = [...document.querySelectorAll("#layers fieldset.layer-fields")].map((fieldset) =>
    ({ ...Object.fromEntries([...fieldset.querySelectorAll("textarea, select")]
      .map((area) => [area.dataset.prop, area.tagName === "TEXTAREA" ? fieldText(area) : area.value])),
    cell: null, term: null }));
  return { inputs: fieldText($("field-inputs")), layers, view: "numpy", hide: [], predict: null, step: null };
}

// -- storage: the learner's work survives a reload, even one right after a keystroke ------
function save() {
  work.saveCurrent(state, location.hash, lastExample, ownAddresses);
}

// Short digests of the last 4 addresses this page has had since it loaded or opened a link,
// an example or earlier work, newest last. A reload comes back to one of them, and the work
// saved since is newer: which one is a race, as the typing pause may write an edit's address
// just before the reload or during its pagehide, while a reload under way keeps the address
// it had. Only a reload trusts this list (see start); other visits need the very address.
let ownAddresses = [work.digest(location.hash)];

function ownAddress() { // the address now is this work's too
  const digest = work.digest(location.hash);
  ownAddresses = [...ownAddresses.filter((known) => known !== digest), digest].slice(-4);
}

function otherWork() { // a link, an example or earlier work opened: its address is the page's now, alone
  knownAddress = location.hash;
  ownAddresses = [work.digest(location.hash)];
}

const builtIn = JSON.stringify(work.keepable(state)); // the example the page was built with

// Before Python: when the address (or earlier work) asks for other fields than the
// pre-rendered example, hide the example and hold the editors until they arrive, so
// nothing typed meanwhile is overwritten.
const arriving = location.hash.length > 1 || work.hasWork(builtIn);
hold(arriving);

function hold(on) {
  body.classList.toggle("opening-link", on);
  for (const area of document.querySelectorAll("#editors textarea")) area.readOnly = on;
}

// -- engine calls ---------------------------------------------------------------------
let idleWaiters = [];

function updateIdle() {
  const idle = working === 0 && !pumping && shownGeneration === generation && linkTimer === null &&
    addressTimer === null;
  body.dataset.idle = String(idle);
  if (idle && idleWaiters.length) {
    const waiters = idleWaiters;
    idleWaiters = [];
    for (const resolve of waiters) resolve();
  }
}

// Nothing under way: every edit shown, the player's moment and the address written.
function whenIdle() {
  return body.dataset.idle === "true" ? Promise.resolve() : new Promise((resolve) => idleWaiters.push(resolve));
}

// How long each engine call and each apply took (the bench reads these; nothing asserts them).
const timings = (window.__layerLensTimings = []);
function timed(what, started) {
  timings.push([what, performance.now() - started]);
  if (timings.length > 400) timings.splice(0, 200);
}

// An engine call that never answers: the worker has died (its work is limited to about
// 2 s, and reading the largest field takes a few). The tests shorten the wait.
const WATCHDOG_MS = window.__layerLensWatchdogMs ?? 30_000;

function answered(promise, ms) {
  let timer;
  const timeout = new Promise((_, reject) => {
    timer = setTimeout(() => reject(new Error(`no answer in ${ms / 1000} s`)), ms);
  });
  return Promise.race([promise, timeout]).finally(() => clearTimeout(timer));
}

async function call(name, ...args) {
  working += 1;
  updateIdle();
  const slow = setTimeout(() => { $("computing").hidden = false; }, 150);
  const started = performance.now();
  try {
    const text = await answered(engine[name](...args), WATCHDOG_MS);
    timed(`engine ${name}`, started);
    return JSON.parse(text);
  } catch (error) {
    await engineFailed(error, name);
    throw error;
  } finally {
    clearTimeout(slow);
    working -= 1;
    if (working === 0) $("computing").hidden = true;
    updateIdle();
  }
}

// -- when Python fails ---------------------------------------------------------------------
// A bug in Python (an exception the engine did not turn into a message) leaves the page
// working: the fields keep their text, a report can be copied, the next edit tries again.
// A worker that died or stopped answering is started again, and the page says so.
async function engineFailed(error, name) {
  const report = `Layer Lens ${body.dataset.version}: the engine's ${name} failed.\n${error?.message ?? error}\n` +
    `Page: ${location.href.slice(0, 2000)}\nBrowser: ${navigator.userAgent}`;
  if (!engine) return;
  const alive = name !== "encode" &&
    await answered(engine.encode(JSON.stringify(state)), Math.min(3000, WATCHDOG_MS)).then(() => true, () => false);
  if (alive) {
    showEngineProblem("Layer Lens hit a bug in its Python code. Your fields are kept, and your next edit " +
      "tries again. If it happens again, please copy this report into an issue:", report, true);
  } else restartEngine(report);
}

function showEngineProblem(words, report, passes = false) {
  $("engine-problem").dataset.passes = String(passes); // a bug's note goes once an edit works again
  $("engine-problem-words").textContent = words;
  $("engine-problem-report").value = report;
  $("engine-problem").hidden = false;
}

// A second worker in the same page needs eval (PyScript builds its plugin hooks with
// Function()), which the page's security policy forbids: so Python starts again with the
// page, reloaded with the fields kept. Twice within ten minutes (a hang is noticed only
// after the watchdog's 30 s) means these fields stop it: then the page stops trying.
const RESTARTS = "layer-lens:restarts";

function restartEngine(report) {
  let restarts = [];
  try { restarts = JSON.parse(sessionStorage.getItem(RESTARTS)) ?? []; } catch { restarts = []; }
  restarts = restarts.filter((time) => Date.now() - time < 10 * 60_000);
  engine = null;
  if (restarts.length >= 2) {
    showEngineProblem("Python stopped answering again, at these fields, so this page no longer computes. " +
      "Your fields are kept: change them, then reload the page to try again. If it happens again, please " +
      "copy this report into an issue:", report);
    return;
  }
  try {
    sessionStorage.setItem(RESTARTS, JSON.stringify([...restarts, Date.now()]));
    sessionStorage.setItem(`${RESTARTS}:report`, report);
  } catch { /* storage off: the reload still keeps the address */ }
  writeAddress();
  save();
  work.flush();
  location.reload();
}

function reportRestart() {
  let report = null;
  try {
    report = sessionStorage.getItem(`${RESTARTS}:report`);
    sessionStorage.removeItem(`${RESTARTS}:report`);
  } catch { return; }
  if (report) {
    showEngineProblem("Python stopped answering in this page, so Layer Lens started it again (the page was " +
      "reloaded). Your fields are kept. If it happens again, please copy this report into an issue:", report);
  }
}

// -- render: the newest generation, never an older one ------------------------------------
function changed() {
  generation += 1;
  $("copy-status").textContent = "";
  save();
  pump();
}

function settled() {
  if (engine && !pumping && shownGeneration === generation) return Promise.resolve();
  return new Promise((resolve) => settledWaiters.push(resolve));
}

async function pump() {
  updateIdle();
  if (!engine || pumping) return;
  pumping = true;
  updateIdle();
  try {
    await Promise.resolve(); // edits made in the same task join this render
    while (shownGeneration < generation) {
      const asked = generation;
      const options = { editors: missingEditors(), revealed, have: Object.fromEntries(shownChunks) };
      let result;
      try {
        result = await call("show", JSON.stringify(state), JSON.stringify(options));
      } catch {
        shownGeneration = Math.max(shownGeneration, asked); // said on the page; the next edit tries again
        continue;
      }
      if (asked === generation) { // else a newer state waits: its result is the one to show
        const started = performance.now();
        apply(result, asked);
        timed("apply", started);
        body.dataset.rendered = String(asked); // what a benchmark waits for: this state is on the page
        performance.clearMarks("layer-lens:rendered"); // one mark: the latest
        performance.mark("layer-lens:rendered");
      }
      shownGeneration = Math.max(shownGeneration, asked);
    }
  } finally {
    pumping = false;
    updateIdle();
    const waiters = settledWaiters;
    settledWaiters = [];
    for (const resolve of waiters) resolve();
  }
}

function missingEditors() {
  const have = document.querySelectorAll("#layers fieldset.layer-fields").length;
  return state.layers.map((_, i) => i + 1).filter((n) => n > have);
}

function apply(result, asked) {
  // newly added layers: the fields pycore gave them (unless typed into since)
  for (const [i, layer] of Object.entries(result.added)) if (state.layers[i] === null) state.layers[i] = layer;
  for (const html of result.editors) {
    if (!missingEditors().length) continue;
    $("layers").insertAdjacentHTML("beforeend", html); // escaped by pycore
    // its fields, as pycore wrote them (a large link's may be too long to lay out)
    for (const area of $("layers").lastElementChild.querySelectorAll("textarea")) setFieldText(area, area.value);
  }
  updateLayerButtons(result.add_layer_problem ?? "");
  for (const area of document.querySelectorAll("#editors textarea")) {
    const key = area.dataset.key;
    const message = result.errors[key] ?? "";
    const alert = $(`error-${key}`);
    alert.textContent = message;
    alert.hidden = !message;
    if (message) area.setAttribute("aria-invalid", "true");
    else area.removeAttribute("aria-invalid");
  }
  const failing = Object.keys(result.errors);
  if (result.failure) {
    markStale(`Layer Lens could not show these fields (${result.failure}). ` +
      "The last result is still shown; please report this.");
  } else if (failing.length && resultsFrom < replacedAt) {
    // freshly opened fields that do not compute: nothing on show belongs to them
    markStale(null);
    for (const id of ["outputs-body", "steps-body"]) {
      const note = document.createElement("p");
      note.className = "empty";
      note.textContent = state.hide.includes("editors")
        ? "Nothing to show: the fields of this link have a mistake, and the link hides the editors."
        : "Nothing to show yet: fix the field marked in red.";
      $(id).replaceChildren(note);
    }
    for (const id of ["code-loops", "code-numpy", "engine"]) $(id).textContent = "";
    shownChunks.clear(); // the Steps hold the note now: the next result puts everything back
  } else if (failing.length) {
    const label = document.querySelector(`label[for="field-${failing[0]}"]`)?.textContent ?? failing[0];
    markStale("Out of date: these results are for the last fields that computed. " +
      (failing.length > 1 ? "Fix the fields marked in red to update them." : `Fix ${label} to update them.`));
  } else {
    resultsFrom = asked;
    markStale(null);
    if ($("engine-problem").dataset.passes === "true") $("engine-problem").hidden = true;
    const changedParts = showSteps(result.shell, result.chunks);
    setIfChanged($("engine"), "textContent", result.engine);
    requestAnimationFrame(() => markScrollers(changedParts)); // after the browser's own layout
    player.forget();
    player.sync();
  }
  showExercise(result.predict ?? "");
  if (result.step) body.dataset.step = result.step; // the one step a link asks for, if these fields have it
  else body.removeAttribute("data-step");
  showLinkProblems([...linkProblems, ...(result.problems ?? [])]);
  remember(result.fragment, result.link_note);
}

// The Steps: pycore's shell (a section per layer, an empty item per step) and each part's
// content (the steps, the Layer outputs, the two programs), each with a token. Only what
// changed is sent (the page tells the engine the tokens it shows) and put into the page:
// an edit of one field leaves what does not depend on it as it is.
const shownChunks = new Map(); // part id -> token of what is on the page
const PLACES = { outputs: () => $("outputs-body"), "code-loops": () => $("code-loops"), "code-numpy": () => $("code-numpy") };

function showSteps([shellToken, shell], chunks) {
  const changed = [];
  if (shell !== null && shellToken !== shownChunks.get("shell")) {
    $("steps-body").innerHTML = shell; // rendered and escaped by pycore
    for (const id of [...shownChunks.keys()]) if (!(id in PLACES)) shownChunks.delete(id);
    shownChunks.set("shell", shellToken);
  }
  for (const [id, token, html] of chunks) {
    if (html === null || shownChunks.get(id) === token) continue;
    const place = PLACES[id]?.() ?? $("steps-body").querySelector(`[data-chunk="${id}"]`);
    if (!place) continue;
    if (id.startsWith("code-")) place.textContent = html; // a program: plain text
    else morph(place, html); // rendered and escaped by pycore; only what differs changes
    shownChunks.set(id, token);
    changed.push(place);
  }
  return changed;
}

const shownValues = new WeakMap(); // what each element was last given (the DOM's own text may differ)
function setIfChanged(element, property, value) {
  if (shownValues.get(element) === value) return;
  element[property] = value;
  shownValues.set(element, value);
}

// Wide figures scroll in their own box: mark which edges have more to see, and let the
// keyboard reach a box that scrolls but holds nothing focusable.
const laidOut = new WeakSet(); // the steps on screen (the browser lays out only these)

function markScrollers(roots = [document]) {
  const boxes = (Array.isArray(roots) ? roots : [roots]).flatMap((root) => [...root.querySelectorAll(".scroller")])
    // a step off screen is not laid out (content-visibility): measuring it would lay it out
    .filter((box) => { const step = box.closest(".step"); return !step || laidOut.has(step); });
  // read every box first, then write: a write between two reads would make the browser
  // lay the page out again for each box
  const seen = boxes.map((box) => ({
    box,
    scrolls: box.scrollWidth > box.clientWidth + 1,
    more: [box.scrollLeft > 1 ? "left" : "", box.scrollLeft + box.clientWidth < box.scrollWidth - 1 ? "right" : ""]
      .filter(Boolean).join(" "),
  }));
  for (const { box, scrolls, more } of seen) {
    if (box.parentElement.dataset.more !== more) box.parentElement.dataset.more = more;
    if (scrolls && !box.hasAttribute("tabindex") && !box.querySelector("button, a, input, [tabindex]")) {
      box.tabIndex = 0;
      box.setAttribute("role", "group");
      box.setAttribute("aria-label", "Scrolls sideways");
    } else if (!scrolls && box.hasAttribute("tabindex")) {
      box.removeAttribute("tabindex");
      box.removeAttribute("role");
      box.removeAttribute("aria-label");
    }
  }
}

// A teacher's exercise: its question (rendered by pycore) stays put while the learner types.
function showExercise(html) {
  const box = $("predict");
  box.hidden = html === "";
  $("predict-jump").hidden = html === "";
  if (box.dataset.shown !== html) {
    $("predict-body").innerHTML = html; // rendered and escaped by pycore
    box.dataset.shown = html;
  }
}

async function checkPrediction(form) {
  const guess = form.querySelector("input").value;
  const verdict = await call("check_prediction", JSON.stringify(state), guess);
  if (!verdict) return;
  const line = $("verdict");
  if (!verdict.answered) { // a typo: say so, give nothing away
    line.textContent = verdict.words;
    line.className = "verdict unread";
    $("prediction")?.focus();
    return;
  }
  line.textContent = (verdict.right ? "✓ " : "✗ ") + verdict.words;
  line.className = `verdict ${verdict.right ? "right" : "wrong"}`;
  revealed = true;
  changed();
  await settled();
  for (const step of document.querySelectorAll(".step.answer")) step.classList.remove("answer");
  const answer = document.querySelector(`#steps-body .step-${verdict.step}`);
  if (answer) { // the verdict stays in view; the worked step is a button away
    answer.classList.add("answer");
    answer.tabIndex = -1;
    const go = document.createElement("button");
    go.type = "button";
    go.className = "to-answer";
    go.textContent = "Show the worked step";
    go.addEventListener("click", () => {
      bringToView(answer, answer);
    });
    line.append(" ", go);
  }
  $("prediction")?.focus();
}

// Fields changed after a check: the verdict was about other numbers, so the exercise
// starts again with these (the answer hidden until the next check).
function restartExercise() {
  if (!revealed) return;
  revealed = false;
  for (const step of document.querySelectorAll(".step.answer")) step.classList.remove("answer");
  const line = $("verdict");
  if (line) {
    line.textContent = "The fields changed: predict again for these numbers.";
    line.className = "verdict";
  }
}

const REDUCED_MOTION = matchMedia("(prefers-reduced-motion: reduce)");

// Scroll a part of the page to the top of the view (smoothly, unless motion is reduced) and
// give focus to what the learner acts on there.
function bringToView(part, focus) {
  part.scrollIntoView({ block: "start", behavior: REDUCED_MOTION.matches ? "auto" : "smooth" });
  focus?.focus({ preventScroll: true });
}

// The results on show are kept, marked out of date with `message`; null clears the mark.
let knownAddress = location.hash; // the address as this page last wrote or read it

function writeAddress() {
  clearTimeout(addressTimer);
  addressTimer = null;
  // a link followed meanwhile (the back button, a gallery link) is not written over
  const address = pendingFragment ? `#${pendingFragment}` : ""; // "": too large for a link
  if (pendingFragment !== null && location.hash === knownAddress && location.hash !== address) {
    history.replaceState(null, "", address || location.pathname + location.search);
    ownAddress();
    save(); // the fields may be newer than this address (an edit still computing): see ownAddresses
  }
  knownAddress = location.hash;
  pendingFragment = null;
  updateIdle();
}

function markStale(message) {
  $("stale-note").textContent = message ?? "";
  $("stale-note").hidden = message === null;
  body.classList.toggle("stale", message !== null);
}

// The fragment carries the state (pycore wrote it); an edit replaces the history entry.
// Writing the address costs a few milliseconds, so while the learner types it is written
// once they pause (the state is saved at every keystroke all the same). The tests that
// read the page many times shorten the pause.
const PAUSE_MS = window.__layerLensPauseMs ?? 150;
function remember(fragment, tooLarge = null) {
  pendingFragment = fragment ?? "";
  linkNote = tooLarge;
  setIfChanged($("link-note"), "textContent", tooLarge ?? "");
  $("link-note").hidden = tooLarge === null;
  clearTimeout(addressTimer);
  addressTimer = setTimeout(writeAddress, PAUSE_MS);
  updateIdle();
  markExample(fragment);
}

// The example whose fields are on show, marked in the gallery.
function markExample(fragment) {
  const current = document.querySelector("nav.examples a[aria-current]");
  const link = fragment && document.querySelector(`nav.examples a[href="#${CSS.escape(fragment)}"]`);
  if (current === link) return;
  current?.removeAttribute("aria-current");
  if (link) {
    link.setAttribute("aria-current", "page");
    // on a phone the gallery is one strip: show the current example, and a part of the one
    // before it, so that the path plainly goes on to the left too
    const strip = link.closest("ol");
    if (strip.scrollWidth > strip.clientWidth) strip.scrollLeft = link.offsetLeft - strip.offsetLeft - 64;
  }
}

// -- replacing the whole state: a link, the last visit, a reset ----------------------------
let linkProblems = []; // what the last link left out, shown until the fields change

function load(next, problems = []) {
  state = next;
  linkProblems = problems;
  revealed = false;
  delete $("predict").dataset.shown; // a new exercise starts with an empty answer
  changed();
  replacedAt = generation;
  for (const area of document.querySelectorAll("#editors textarea")) delete area.dataset.showAll;
  setFieldText($("field-inputs"), state.inputs);
  const fieldsets = [...document.querySelectorAll("#layers fieldset.layer-fields")];
  fieldsets.forEach((fieldset, i) => {
    const layer = state.layers[i];
    if (!layer) { fieldset.remove(); return; }
    for (const area of fieldset.querySelectorAll("textarea, select")) {
      if (area.tagName === "TEXTAREA") setFieldText(area, layer[area.dataset.prop]);
      else area.value = layer[area.dataset.prop];
    }
  });
  updateLayerButtons("");
  showLinkProblems(problems);
  applyFlags();
}

// The page-wide settings of the state, on the page: what a link hides, the one step it shows.
function applyFlags() {
  for (const name of [...body.classList]) if (name.startsWith("hide-")) body.classList.remove(name);
  for (const choice of state.hide ?? []) body.classList.add(`hide-${choice}`);
  for (const radio of document.querySelectorAll("#view-switch input")) radio.checked = radio.value === state.view;
  if (state.step) body.dataset.step = state.step;
  else body.removeAttribute("data-step");
}

function showLinkProblems(problems) {
  const box = $("link-problems");
  const said = JSON.stringify(problems);
  if (box.dataset.said === said) return;
  box.dataset.said = said;
  box.replaceChildren(...problems.map((problem) => {
    const line = document.createElement("p");
    line.textContent = problem;
    return line;
  }));
  box.hidden = problems.length === 0;
}

async function loadFrom(fragment) {
  clearTimeout(addressTimer); // the address is the link's now, not the fields' before it
  addressTimer = null;
  pendingFragment = null;
  otherWork();
  const { state: linked, flags, problems } = await call("open_link", fragment);
  if (!linked) { // no fields in the link: the learner's own stay; its settings apply to them
    linkProblems = problems;
    const settings = Object.keys(flags);
    if (settings.length) {
      Object.assign(state, flags);
      applyFlags();
      changed();
    } else showLinkProblems(problems);
    return settings.length > 0 || problems.length > 0;
  }
  const index = examples.findIndex((_, i) => exampleLinks()[i]?.getAttribute("href") === fragment);
  if (index >= 0) lastExample = index;
  await keepOwnWork(linked, index >= 0 ? "before an example was opened" : "before a link was opened");
  load(linked, problems);
  updateResetLabel();
  return true;
}

async function loadSaved(kept) {
  const { state: checked, problems } = await call("open_saved", JSON.stringify(kept));
  if (checked) load(checked, problems);
  else showLinkProblems(problems);
  return true;
}

// -- recent work ---------------------------------------------------------------------------
const asKept = (someState) => JSON.stringify(work.keepable(someState));

function isOwnWork() {
  const mine = asKept(state);
  return mine !== builtIn && !examples.some((example) => asKept(example) === mine);
}

// The fields are about to be replaced by ``next``: keep the learner's own work first.
async function keepOwnWork(next, why) {
  if (!engine || !isOwnWork() || asKept(next) === asKept(state)) return;
  const summary = `${new Date().toLocaleString()}, ${why}: inputs ${state.inputs.slice(0, 40).replace(/\s+/g, " ")}` +
    `${state.inputs.length > 40 ? "…" : ""}, ${state.layers.length} layer${state.layers.length > 1 ? "s" : ""}`;
  await work.remember(state, summary);
  showRecent();
}

function showRecent() {
  const items = work.recent();
  $("recent").hidden = items.length === 0;
  $("recent-count").textContent = String(items.length);
  $("recent-list").replaceChildren(...items.map((item, i) => {
    const line = document.createElement("li");
    const button = document.createElement("button");
    button.type = "button";
    button.textContent = "Open";
    button.dataset.recent = String(i);
    button.setAttribute("aria-label", `Open: ${item.summary}`);
    const words = document.createElement("span");
    words.textContent = item.summary; // the learner's own text: as text only
    line.append(button, " ", words);
    return line;
  }));
  const note = work.readProblems();
  if (note.length) { // said until the fields change, as a link's problems are
    linkProblems = [...linkProblems, ...note];
    showLinkProblems(linkProblems);
  }
}

const exampleLinks = () => [...document.querySelectorAll("nav.examples a")];
const defaultExample = () => Math.max(0, exampleLinks().findIndex((a) => a.getAttribute("href") === `#${body.dataset.example}`));

function updateResetLabel() {
  const index = lastExample ?? defaultExample();
  const title = exampleLinks()[index]?.querySelector(".title")?.textContent ?? "";
  $("reset-which").textContent = title ? `${index + 1}. ${title}` : "";
}

// -- the layers' buttons ----------------------------------------------------------------
function updateLayerButtons(problem) {
  const count = state.layers.length;
  $("remove-layer").disabled = count <= 1;
  $("add-layer").disabled = !engine || count >= maxLayers || Boolean(problem);
  const why = !engine ? "Adding a layer and Reset work once Python has loaded."
    : count >= maxLayers ? `Layer Lens shows at most ${maxLayers} layers.` : problem;
  $("layer-note").textContent = why;
  $("layer-note").hidden = !why;
  $("reset").disabled = !engine;
}

// -- events -----------------------------------------------------------------------------
function onInput(event) {
  const area = event.target.closest("textarea, select");
  if (!area || area.readOnly) return;
  // the textarea's own text is the field's, unless it stands empty for a huge text kept aside
  if (area.tagName === "TEXTAREA" && (area.value !== "" || !hugeTexts.has(area))) setFieldText(area, area.value);
  if (area.dataset.key === "inputs") state.inputs = fieldText(area);
  else {
    const layer = state.layers[Number(area.closest("fieldset").dataset.layer) - 1];
    if (!layer) return;
    layer[area.dataset.prop] = area.tagName === "TEXTAREA" ? fieldText(area) : area.value;
  }
  linkProblems = []; // they were about the link, which these fields no longer are
  showLinkProblems([]);
  restartExercise();
  if (!engine) markStale("Python is still loading: the results below are the example's, as computed when " +
    "this page was built. Your change is computed as soon as Python is ready.");
  changed();
}

// The player moves to another layer: that layer's position gets a term, the others none.
async function playLayer(number) {
  state.layers.forEach((fields, i) => {
    if (!fields) return;
    if (i + 1 === number) { fields.cell = fields.cell ?? [1, 1]; fields.term = fields.term ?? 0; }
    else fields.term = null;
  });
  changed();
  await settled();
  document.querySelector(".player button[data-go='next']")?.focus();
}

// The player moved: keep the position in the state and, soon, in the link (pycore writes it).
function moved(layer, cell, term) {
  const fields = state.layers[layer - 1];
  if (!fields) return;
  fields.cell = cell;
  fields.term = term;
  save();
  clearTimeout(linkTimer);
  linkTimer = setTimeout(async () => {
    try {
      if (!engine || pumping) return; // a full render is under way: it writes the link
      const fragment = await call("encode", JSON.stringify(state));
      if (!pumping && fragment !== null) remember(fragment);
    } finally {
      linkTimer = null;
      updateIdle();
    }
  }, PAUSE_MS + 50);
  updateIdle();
}

const player = createPlayer({
  root: $("steps-body"),
  frames: (layer, cells) => call("frames", JSON.stringify(state), layer, JSON.stringify(cells)),
  moved,
});

function lightNeuron(section, neuron) {
  for (const lit of section.querySelectorAll(".lit-hover")) lit.classList.remove("lit-hover");
  if (neuron === null) return;
  for (const part of section.querySelectorAll(`[data-neuron="${neuron}"]`)) part.classList.add("lit-hover");
}

async function selectCell(button) {
  const layer = button.dataset.layer;
  const row = Number(button.dataset.row);
  const col = Number(button.dataset.col);
  const fields = state.layers[layer - 1];
  if (!fields) return;
  player.stop();
  fields.cell = [row + 1, col + 1];
  fields.term = null; // a cell chosen by hand is shown finished
  changed();
  await settled();
  document.querySelector(
    `#steps-body button.cell[data-layer="${layer}"][data-row="${row}"][data-col="${col}"]`)?.focus();
}

// The product grid is one Tab stop; arrows move within it, skipping the '…' of a
// summarised array; Home/End go to the row's ends, Ctrl+Home/End to the grid's corners.
// In the loops view the cells are a list: arrows step through it, Home/End go to its ends.
function cellTarget(button, key, ctrl) {
  const list = button.closest("ol.loop-sums");
  if (list) {
    const items = [...list.querySelectorAll("button.cell")];
    const at = items.indexOf(button);
    const to = { ArrowUp: at - 1, ArrowLeft: at - 1, ArrowDown: at + 1, ArrowRight: at + 1,
      Home: 0, End: items.length - 1 }[key];
    return to === undefined ? null : items[to] ?? null;
  }
  const grid = button.closest("table");
  const cells = [...grid.querySelectorAll("button.cell")];
  const rows = [...new Set(cells.map((b) => Number(b.dataset.row)))];
  const cols = [...new Set(cells.map((b) => Number(b.dataset.col)))];
  let r = rows.indexOf(Number(button.dataset.row));
  let c = cols.indexOf(Number(button.dataset.col));
  if (key === "ArrowLeft") c -= 1;
  else if (key === "ArrowRight") c += 1;
  else if (key === "ArrowUp") r -= 1;
  else if (key === "ArrowDown") r += 1;
  else if (key === "Home") { c = 0; if (ctrl) r = 0; }
  else if (key === "End") { c = cols.length - 1; if (ctrl) r = rows.length - 1; }
  else return null;
  if (r < 0 || c < 0 || r >= rows.length || c >= cols.length) return null;
  return grid.querySelector(`button.cell[data-row="${rows[r]}"][data-col="${cols[c]}"]`);
}

function wire() {
  $("editors").addEventListener("input", onInput);
  $("editors").addEventListener("paste", onPaste);
  // The knobs write into the fields, which stay the source of truth (and the link carries them).
  $("steps-body").addEventListener("input", (event) => {
    const knob = event.target.closest("input[type=range][data-field]");
    if (!knob) return;
    const field = $(`field-${knob.dataset.field}`);
    if (!field || field.readOnly) return;
    field.value = knob.dataset.template.replace("{}", knob.value);
    knob.nextElementSibling.textContent = knob.value;
    onInput({ target: field });
  });
  $("steps-body").addEventListener("click", (event) => {
    const button = event.target.closest("button.cell, button.pick");
    if (button && !button.disabled) selectCell(button);
    const here = event.target.closest("button.play-here");
    if (here) playLayer(Number(here.dataset.layer));
  });
  // A neuron pointed at or focused (in the diagram or its button) lights its weights,
  // its column of weightsᵀ and its bias wherever they are shown.
  for (const [type, on] of [["mouseover", true], ["focusin", true], ["mouseout", false], ["focusout", false]]) {
    $("steps-body").addEventListener(type, (event) => {
      const source = event.target.closest?.("svg.diagram [data-neuron], button.pick[data-neuron]");
      if (source) lightNeuron(source.closest("section.layer"), on ? source.dataset.neuron : null);
    });
  }
  $("steps-body").addEventListener("keydown", (event) => {
    const button = event.target.closest("button.cell");
    if (!button) return;
    const next = cellTarget(button, event.key, event.ctrlKey || event.metaKey);
    if (next) {
      event.preventDefault();
      selectCell(next);
    }
  });
  $("add-layer").addEventListener("click", async () => {
    if (!engine || state.layers.length >= maxLayers) return;
    state.layers.push(null); // pycore fills in its fields
    updateLayerButtons("");
    changed();
    await settled();
    $("layers").lastElementChild?.querySelector("textarea")?.focus();
  });
  $("remove-layer").addEventListener("click", () => {
    if (state.layers.length <= 1) return;
    state.layers.pop();
    document.querySelector(`#layers fieldset.layer-fields[data-layer="${state.layers.length + 1}"]`)?.remove();
    updateLayerButtons("");
    changed();
    // the button may now be disabled: focus goes to the button beside it, never to the page
    if (document.activeElement === document.body || $("remove-layer").disabled) $("add-layer").focus();
  });
  $("reset").addEventListener("click", async () => {
    if (!engine) return;
    const index = lastExample ?? defaultExample();
    await keepOwnWork(examples[index], "before Reset");
    writeAddress(); // the work's own address first, so that Back returns to it
    history.pushState(null, "", exampleLinks()[index].getAttribute("href"));
    otherWork();
    load(structuredClone(examples[index]));
  });
  $("copy-link").addEventListener("click", copyLink);
  $("reload-update").addEventListener("click", () => {
    writeAddress();
    work.flush();
    location.reload();
  });
  $("predict-jump").addEventListener("click", () => {
    bringToView($("predict"), $("prediction"));
  });
  $("predict").addEventListener("submit", (event) => {
    event.preventDefault();
    if (engine) checkPrediction(event.target);
  });
  document.addEventListener("scroll", (event) => {
    if (event.target.classList?.contains("scroller")) markScrollers(event.target.parentElement);
  }, { capture: true, passive: true });
  addEventListener("resize", () => markScrollers(), { passive: true });
  // a step scrolled into view is laid out only then: mark its wide figures then
  $("steps-body").addEventListener("contentvisibilityautostatechange", (event) => {
    if (event.skipped) laidOut.delete(event.target);
    else {
      laidOut.add(event.target);
      markScrollers([event.target]);
    }
  });
  for (const button of document.querySelectorAll("button.copy-code")) {
    button.addEventListener("click", () => copyProgram(button));
  }
  $("view-switch").addEventListener("change", (event) => {
    state.view = event.target.value;
    changed();
  });
  addEventListener("hashchange", () => { if (engine) loadFrom(location.hash); });
  addEventListener("pagehide", () => { writeAddress(); work.flush(); }); // writeAddress saves what it writes
  $("recent-list").addEventListener("click", async (event) => {
    const button = event.target.closest("button[data-recent]");
    const item = button && work.recent()[Number(button.dataset.recent)];
    if (!item || !engine) return;
    await keepOwnWork(item.state, "before earlier work was opened");
    writeAddress();
    history.pushState(null, "", location.pathname); // Back returns to what was on show
    otherWork();
    await loadSaved(item.state);
  });
}

// -- copying ----------------------------------------------------------------------------
async function copyLink() {
  if (!engine || generation !== shownGeneration) $("copy-status").textContent = "Copying once the link is up to date…";
  await settled(); // the fields' own render first
  writeAddress(); // its address at once, not after the typing pause
  await whenIdle(); // and the player's moment, if its link is still being written
  if (linkNote) { $("copy-status").textContent = "No link to copy: see the note below."; return; }
  const link = location.href;
  try {
    await navigator.clipboard.writeText(link);
    $("copy-status").textContent = "Link copied.";
    $("copy-fallback").hidden = true;
  } catch {
    // No Clipboard API (an insecure origin, an old browser): show the link selected,
    // try the old copy command, and leave the field for copying by hand.
    const field = $("copy-fallback-field");
    field.value = link;
    $("copy-fallback").hidden = false;
    field.focus();
    field.select();
    let done = false;
    try { done = document.execCommand("copy"); } catch { done = false; }
    $("copy-status").textContent = done ? "Link copied." : "Select the link below and copy it.";
  }
}

async function copyProgram(button) {
  const status = button.nextElementSibling;
  const text = $(button.dataset.target).textContent;
  try {
    await navigator.clipboard.writeText(text);
    status.textContent = "Copied.";
  } catch {
    // no Clipboard API: select the program, so Ctrl+C copies it
    const range = document.createRange();
    range.selectNodeContents($(button.dataset.target));
    getSelection().removeAllRanges();
    getSelection().addRange(range);
    let done = false;
    try { done = document.execCommand("copy"); } catch { done = false; }
    status.textContent = done ? "Copied." : "Selected: press Ctrl+C (⌘C) to copy.";
  }
  setTimeout(() => { status.textContent = ""; }, 4000);
}

// -- start ------------------------------------------------------------------------------
wire(); // typing works at once; the engine renders what was typed when it is live
markScrollers();
updateLayerButtons("");
updateResetLabel();
if (!arriving) markExample(body.dataset.example); // the pre-rendered example, before Python too

// Keep a copy for studying offline (where the browser allows: https or localhost), and say
// when a newer build has been published, offering to reload (the fields are kept).
async function keepOffline() {
  if (!navigator.serviceWorker) return;
  navigator.serviceWorker.addEventListener("message", (event) => {
    if (!event.data?.version) return;
    if (event.data.version !== body.dataset.version) $("update").hidden = false;
    try { localStorage.setItem(KEPT, event.data.version); } catch { /* storage off: start plain next time */ }
  });
  let registration;
  try { registration = await navigator.serviceWorker.register("./sw.js"); } catch { return; }
  const check = () => registration.update().catch(() => {}); // offline: later
  document.addEventListener("visibilitychange", () => { if (document.visibilityState === "visible") check(); });
  setInterval(check, 30 * 60 * 1000);
}

let worker = null;

// Python starts from the build's memory snapshot (data-snapshot: its bytes) when that is
// the quicker way: whenever the service worker keeps this build (it said so when it
// became active, see keepOffline), and on a first visit when the files so far came fast
// enough that the snapshot's bytes cost less than about half of the 3 s or more of
// start-up they save. The estimate comes from small files, so it errs towards "slow": on a
// slow link a first visit starts as before. Decided at once: PyScript must make its worker
// before its plugins load (later, it would need eval, which the page's policy forbids).
const SAVED_MS = 1500;
const KEPT = "layer-lens:kept-build";

function snapshotPays() {
  const bytes = Number(body.dataset.snapshot);
  if (!bytes) return false; // this build has none
  if (window.__layerLensBoot) return window.__layerLensBoot === "snapshot"; // a test's choice, not a guess
  let kept = null;
  try { kept = localStorage.getItem(KEPT); } catch { /* storage off */ }
  if (navigator.serviceWorker?.controller && kept === body.dataset.version) return true; // no download at all
  const sent = performance.getEntriesByType("resource").filter((entry) => entry.name.startsWith(location.origin) &&
    entry.encodedBodySize > 20_000 && entry.transferSize >= entry.encodedBodySize);
  const ms = sent.reduce((sum, entry) => sum + (entry.responseEnd - entry.responseStart), 0);
  const rate = sent.reduce((sum, entry) => sum + entry.encodedBodySize, 0) / Math.max(ms, 1); // bytes/ms
  return sent.length > 0 && bytes / rate < SAVED_MS;
}

async function startEngine() {
  // this build's own files, next to this module (app/<version>/), and its runtime
  const here = (name) => new URL(name, import.meta.url).href;
  worker = await PyWorker(here("./engine.py"), {
    version: here(snapshotPays() ? "./boot-snapshot.mjs" : "./boot.mjs"), // the vendored Pyodide
    config: { files: { [here("./pycore.zip")]: "./*", [here("./site.json")]: "./site.json" } },
  });
  const calls = worker.sync;
  const started = JSON.parse(await calls.start(location.href));
  maxLayers = started.max_layers;
  body.dataset.boot = started.boot; // "snapshot" or "plain": how Python started
  examples = started.examples;
  engine = calls;
}

async function start() {
  updateIdle();
  await startEngine();
  const last = await work.lastWork();
  if (last && Number.isInteger(last.example) && examples[last.example]) lastExample = last.example;
  let opened = false;
  try {
    const reload = performance.getEntriesByType("navigation")[0]?.type === "reload";
    const own = last?.address === location.hash ||
      (reload && Array.isArray(last?.addresses) && last.addresses.includes(work.digest(location.hash)));
    if (location.hash.length > 1 && last?.mine && last.state && own) {
      // this tab, back at its own address (a reload: at one of its last few): what it saved
      // since is newer than the address
      const { state: saved, problems } = await call("open_saved", JSON.stringify(last.state));
      const { state: linked } = await call("open_link", location.hash);
      if (saved && asKept(saved) !== asKept(linked ?? {})) {
        load(saved, problems);
        opened = true;
      }
    }
    if (!opened && location.hash.length > 1) opened = await loadFrom(location.hash);
    if (!opened && arriving && last?.state) opened = await loadSaved(last.state);
  } catch (error) { // a bug in opening them, said on the page (engineFailed): compute the fields as they are
    console.error(error);
  }
  if (!opened) changed(); // the fields as they are, with anything typed while Python loaded
  work.forgetOldTabs();
  showRecent();
  reportRestart();
  updateResetLabel();
  await settled();
  hold(false);
  $("loading").hidden = true;
  body.dataset.ready = "true";
  keepOffline();
}

start().catch((error) => {
  hold(false); // the example, and the fields, are the learner's again
  const loading = $("loading");
  loading.replaceChildren();
  loading.textContent = "Python could not start in this browser, so the page cannot compute new " +
    `fields. The example shown was computed when the page was built. (${error})`;
  console.error(error);
});
