// Layer Lens's page glue, on the main thread: wire the events, hand the fields
// to the Python engine (pycore in a Web Worker, web/engine.py), and put what it
// renders into the page. No maths here, and no parsing of links: pycore does both.
//
// User text reaches the page only as a textarea's value, through textContent,
// or inside HTML that pycore's renderers escaped.

import { PyWorker } from "./vendor/pyscript/core.js";

const $ = (id) => document.getElementById(id);
const body = document.body;
const STORAGE_KEY = "layer-lens:state";

function saved() {
  try { return localStorage.getItem(STORAGE_KEY); } catch { return null; }
}

// Before Python: when the address (or the last visit) asks for other fields than
// the pre-rendered example, dim the example and hold the editors until they arrive,
// so nothing typed meanwhile is overwritten.
const arriving = location.hash.length > 1 ||
  (saved() !== null && saved() !== body.dataset.example);
if (arriving) {
  body.classList.add("opening-link");
  for (const field of document.querySelectorAll("#editors textarea")) field.readOnly = true;
}

let engine = null; // the worker's exported calls
let maxLayers = 1; // as pycore's state allows, told by the engine at start
let flags = { hide: [], step: null }; // the link's embedding flags; the fields live in the editors
let selected = {}; // layer number -> [row, column] of the selected product cell
let fieldsReplaced = false; // a link or a reset replaced the fields: older results are not theirs
let working = 0; // engine calls under way
let framePending = false;
let renderAgain = false;
let rendering = false;

function updateIdle() {
  body.dataset.idle = String(working === 0 && !framePending && !rendering);
}

async function call(name, ...args) {
  working += 1;
  updateIdle();
  const slow = setTimeout(() => { $("computing").hidden = false; }, 150);
  try {
    return JSON.parse(await engine[name](...args));
  } finally {
    clearTimeout(slow);
    working -= 1;
    if (working === 0) $("computing").hidden = true;
    updateIdle();
  }
}

// -- fields -------------------------------------------------------------------------
function layerCount() {
  return $("layers").querySelectorAll("fieldset.layer-fields").length;
}

// The state as pycore reads it: each layer's editors in page order, as pycore rendered them.
function readFields() {
  const layers = [...$("layers").querySelectorAll("fieldset.layer-fields")]
    .map((fieldset) => [...fieldset.querySelectorAll("textarea")].map((field) => field.value));
  return { inputs: $("field-inputs").value, layers, ...flags };
}

async function writeFields(state) {
  const { layers } = await call("editors", JSON.stringify(state));
  $("field-inputs").value = state.inputs;
  $("layers").innerHTML = layers; // pycore escaped every text in it
  flags = { hide: state.hide, step: state.step };
  updateLayerButtons();
}

function updateLayerButtons() {
  $("remove-layer").disabled = layerCount() <= 1;
  $("add-layer").disabled = layerCount() >= maxLayers;
}

// -- render -------------------------------------------------------------------------
async function render() {
  if (rendering) { renderAgain = true; return; }
  rendering = true;
  try {
    do {
      renderAgain = false;
      const shown = await call("show", JSON.stringify(readFields()), JSON.stringify(selected));
      if (!renderAgain) apply(shown); // a newer edit is waiting: its result is the one to show
    } while (renderAgain);
  } finally {
    rendering = false;
    updateIdle();
  }
}

function apply(shown) {
  for (const field of document.querySelectorAll("#editors textarea")) {
    const key = field.dataset.key;
    const message = shown.errors[key] ?? "";
    const alert = $(`error-${key}`);
    alert.textContent = message;
    alert.hidden = !message;
    if (message) field.setAttribute("aria-invalid", "true");
    else field.removeAttribute("aria-invalid");
  }
  const failing = Object.keys(shown.errors);
  if (shown.failure) {
    markStale(`Layer Lens could not show these fields (${shown.failure}). ` +
      "The last result is still shown; please report this.");
  } else if (failing.length && fieldsReplaced) {
    // freshly opened fields that do not compute: nothing on show belongs to them
    markStale(null);
    for (const id of ["outputs-body", "steps-body"]) {
      const note = document.createElement("p");
      note.className = "empty";
      note.textContent = "Nothing to show yet: fix the field marked in red.";
      $(id).replaceChildren(note);
    }
    for (const id of ["code-loops", "code-numpy", "engine"]) $(id).textContent = "";
  } else if (failing.length) {
    const label = document.querySelector(`label[for="field-${failing[0]}"]`)?.textContent ?? failing[0];
    markStale("Out of date: these results are for the last fields that computed. " +
      (failing.length > 1 ? "Fix the fields marked in red to update them." : `Fix ${label} to update them.`));
  } else {
    fieldsReplaced = false;
    markStale(null);
    $("outputs-body").innerHTML = shown.outputs; // rendered and escaped by pycore
    $("steps-body").innerHTML = shown.steps;
    $("code-loops").textContent = shown.code_loops;
    $("code-numpy").textContent = shown.code_numpy;
    $("engine").textContent = shown.engine;
  }
  remember(shown.fragment);
}

// The results on show are kept, marked out of date with `message`; null clears the mark.
function markStale(message) {
  $("stale-note").textContent = message ?? "";
  $("stale-note").hidden = message === null;
  body.classList.toggle("stale", message !== null);
}

// The fragment is the source of truth; localStorage brings it back on a bare visit.
function remember(fragment) {
  if (location.hash !== `#${fragment}`) history.replaceState(null, "", `#${fragment}`);
  for (const link of document.querySelectorAll("nav.examples a")) {
    if (link.getAttribute("href") === `#${fragment}`) link.setAttribute("aria-current", "page");
    else link.removeAttribute("aria-current");
  }
  try { localStorage.setItem(STORAGE_KEY, fragment); } catch { /* full or switched off */ }
}

// -- states from links, the last visit, a reset -----------------------------------------
async function load(state, problems) {
  selected = {};
  fieldsReplaced = true;
  await writeFields(state);
  showLinkProblems(problems);
  for (const name of [...body.classList]) if (name.startsWith("hide-")) body.classList.remove(name);
  for (const choice of state.hide) body.classList.add(`hide-${choice}`);
  if (state.step) body.dataset.step = state.step;
  else body.removeAttribute("data-step");
  await render();
}

function showLinkProblems(problems) {
  const box = $("link-problems");
  box.replaceChildren(...problems.map((problem) => {
    const line = document.createElement("p");
    line.textContent = problem;
    return line;
  }));
  box.hidden = problems.length === 0;
}

async function loadFrom(text) {
  const { state: linked, problems } = await call("open_link", text);
  if (!linked && problems.length === 0) return false;
  await load(linked ?? (await call("example")).state, problems);
  return true;
}

// -- events -------------------------------------------------------------------------
// Listened to once the engine is up; what is typed before that is read at start.
function onInput() {
  if (framePending) return;
  framePending = true; // one render per animation frame, whatever the typing speed
  updateIdle();
  requestAnimationFrame(() => {
    framePending = false;
    render();
  });
}

async function selectCell(button) {
  const layer = button.dataset.layer;
  selected[layer] = [Number(button.dataset.row), Number(button.dataset.col)];
  const { steps } = await call("select", JSON.stringify(selected));
  if (steps === null) return;
  $("steps-body").innerHTML = steps;
  const [row, col] = selected[layer];
  document.querySelector(
    `#steps-body button.cell[data-layer="${layer}"][data-row="${row}"][data-col="${col}"]`)?.focus();
}

// The next selectable cell in a direction, skipping the '…' of a summarised array.
function neighbour(button, dRow, dCol) {
  let cell = button.parentElement;
  if (dCol) {
    do cell = dCol > 0 ? cell.nextElementSibling : cell.previousElementSibling;
    while (cell && !cell.querySelector("button.cell"));
    return cell?.querySelector("button.cell") ?? null;
  }
  const index = [...cell.parentElement.children].indexOf(cell);
  let row = cell.parentElement;
  do row = dRow > 0 ? row.nextElementSibling : row.previousElementSibling;
  while (row && !row.children[index]?.querySelector("button.cell"));
  return row?.children[index].querySelector("button.cell") ?? null;
}

const MOVES = { ArrowLeft: [0, -1], ArrowRight: [0, 1], ArrowUp: [-1, 0], ArrowDown: [1, 0] };

function wire() {
  $("editors").addEventListener("input", onInput);
  $("steps-body").addEventListener("click", (event) => {
    const button = event.target.closest("button.cell");
    if (button) selectCell(button);
  });
  $("steps-body").addEventListener("keydown", (event) => {
    const button = event.target.closest("button.cell");
    if (!button || !(event.key in MOVES)) return;
    const next = neighbour(button, ...MOVES[event.key]);
    if (next) {
      event.preventDefault();
      selectCell(next);
    }
  });
  $("add-layer").addEventListener("click", async () => {
    if (layerCount() >= maxLayers) return;
    const added = await call("add_layer", JSON.stringify(readFields()));
    $("layers").insertAdjacentHTML("beforeend", added.html); // escaped by pycore
    updateLayerButtons();
    await render();
    $("layers").lastElementChild.querySelector("textarea").focus();
  });
  $("remove-layer").addEventListener("click", async () => {
    if (layerCount() <= 1) return;
    delete selected[layerCount()];
    $("layers").lastElementChild.remove();
    updateLayerButtons();
    await render();
  });
  $("reset").addEventListener("click", async () => load((await call("example")).state, []));
  $("copy-link").addEventListener("click", copyLink);
  addEventListener("hashchange", () => loadFrom(location.hash));
}

// -- copy link ------------------------------------------------------------------------
async function copyLink() {
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

// -- start ------------------------------------------------------------------------------
async function start() {
  updateIdle();
  const interpreter = new URL("./vendor/pyodide/pyodide.mjs", location.href).href;
  const worker = await PyWorker("./engine.py", {
    version: interpreter, // the vendored Pyodide, never a CDN's
    config: { files: { "./pycore.zip": "./*", "./site.json": "./site.json" } },
  });
  engine = worker.sync;
  ({ max_layers: maxLayers } = await call("start", location.href));
  wire();
  const opened = (await loadFrom(location.hash)) || (arriving && (await loadFrom(saved())));
  if (!opened) {
    updateLayerButtons();
    await render(); // the fields as they are, with anything typed while Python loaded
  }
  for (const field of document.querySelectorAll("#editors textarea")) field.readOnly = false;
  $("loading").hidden = true;
  body.dataset.ready = "true";
  // Keep a copy for studying offline (where the browser allows: https or localhost).
  navigator.serviceWorker?.register("./sw.js").catch(() => {});
}

start().catch((error) => {
  const loading = $("loading");
  loading.replaceChildren();
  loading.textContent = "Python could not start in this browser, so the page cannot compute new " +
    `fields. The example shown was computed when the page was built. (${error})`;
  console.error(error);
});
