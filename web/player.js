// The player's glue: steps through the frames pycore computed (pycore/player.py),
// here on the main thread, so that playing never waits on the Python engine. Every
// number and word it shows comes from a frame; it only moves classes and texts
// between elements pycore rendered (the same classes pycore's static render of a
// position uses), and asks the engine for the next cells' frames ahead of time.

const REDUCED = matchMedia("(prefers-reduced-motion: reduce)");
const FRAME_MS = 700; // at speed 1

export function createPlayer({ root, frames, moved }) {
  // frames(layer, cells) -> Promise of cell data; moved(layer, cell1Based, term) records the position
  let model = null;
  let cache = new Map();
  let timer = null;
  const times = (window.__layerLensFrameTimes = window.__layerLensFrameTimes ?? []);

  // -- the model, read from what pycore rendered -------------------------------------
  function sync() {
    stop();
    const box = root.querySelector(".player");
    if (!box) { model = null; return; }
    const layer = Number(box.dataset.layer);
    const terms = Number(box.dataset.terms);
    const phases = [];
    for (let k = 0; k <= terms; k += 1) phases.push(["term", k]);
    if (box.dataset.biases === "1") phases.push(["bias", terms]);
    phases.push(["fill", terms]);
    const cells = JSON.parse(box.dataset.cells);
    const previousLayer = model?.layer;
    model = { box, layer, terms, phases, cells, granularity: model?.granularity ?? "term", speed: model?.speed ?? 1,
      wanted: null };
    if (previousLayer !== layer) cache = new Map();
    const at = cells.findIndex(([r, c]) => r === Number(box.dataset.row) && c === Number(box.dataset.col));
    const phase = phases.findIndex(([p, k]) => p === box.dataset.phase && k === Number(box.dataset.term));
    model.index = Math.max(at, 0) * phases.length + (phase >= 0 ? phase : phases.length - 1);
    box.querySelector(`input[value="${model.granularity}"]`).checked = true;
    box.querySelector("select[data-speed]").value = String(model.speed);
    updateButtons();
  }

  // after an edit the cells' numbers change: what was fetched is no longer theirs
  function forget() { cache = new Map(); }

  const total = () => model.cells.length * model.phases.length;
  const cellOf = (index) => Math.floor(index / model.phases.length);

  function step(index) {
    if (model.granularity === "cell") { // the last frame of a cell: it is filled in
      const per = model.phases.length;
      return Math.floor(index / per) * per + per - 1;
    }
    return index;
  }

  async function cellData(at) {
    const key = model.cells[at].join(",");
    if (!cache.has(key)) {
      const wanted = model.cells.slice(at, at + 3).filter((cell) => !cache.has(cell.join(",")));
      const layer = model.layer;
      const into = cache; // an edit while the frames travel makes a new cache: these are not its numbers
      const answer = await frames(layer, wanted);
      if (!model || model.layer !== layer || cache !== into) return null;
      for (const data of answer) cache.set(data.cell.join(","), data);
    }
    return cache.get(key) ?? null;
  }

  function prefetch(at) {
    if (model && at + 1 < model.cells.length && !cache.has(model.cells[at + 1].join(","))) cellData(at + 1);
  }

  // -- moving ----------------------------------------------------------------------------
  async function go(index) {
    if (!model) return;
    const target = Math.min(Math.max(index, 0), total() - 1);
    model.wanted = target; // keys pressed faster than the frames arrive step from here
    const at = cellOf(target);
    const data = await cellData(at);
    if (!data || !model || model.wanted !== target) return; // a later step was asked for meanwhile
    const started = performance.now();
    const frame = data.frames[target % model.phases.length];
    show(data, frame, at);
    model.index = target;
    updateButtons();
    times.push(performance.now() - started);
    if (times.length > 500) times.splice(0, times.length - 500);
    moved(model.layer, [data.cell[0] + 1, data.cell[1] + 1], frame.phase === "fill" ? null : frame.term);
    prefetch(at);
  }

  const here = () => model.wanted ?? model.index;

  function next() {
    if (!model) return;
    const per = model.phases.length;
    const index = model.granularity === "cell" ? (cellOf(here()) + 1) * per + per - 1 : here() + 1;
    if (index < total()) go(index);
    else stop();
  }

  function previous() {
    if (!model) return;
    const per = model.phases.length;
    const index = model.granularity === "cell" ? (cellOf(here()) - 1) * per + per - 1 : here() - 1;
    if (index >= 0) go(index);
  }

  const first = () => go(step(0));
  const last = () => go(total() - 1);

  function play() {
    if (!model || REDUCED.matches) return;
    if (timer) { stop(); return; }
    if (model.index >= total() - 1) first();
    const tick = () => {
      if (!model || model.index >= total() - 1) { stop(); return; }
      next();
      timer = setTimeout(tick, FRAME_MS / model.speed);
    };
    timer = setTimeout(tick, FRAME_MS / model.speed);
    updateButtons();
  }

  function stop() {
    if (timer) clearTimeout(timer);
    timer = null;
    if (model) updateButtons();
  }

  function updateButtons() {
    const { box } = model;
    const button = (name) => box.querySelector(`button[data-go="${name}"]`);
    const playing = timer !== null;
    button("play").textContent = playing ? "Pause" : "Play";
    button("play").disabled = REDUCED.matches;
    button("play").title = REDUCED.matches ? "Playing is off: your system asks for reduced motion. Step with Next step." : "";
    const focused = document.activeElement;
    button("first").disabled = button("previous").disabled = model.index <= step(0);
    button("next").disabled = button("last").disabled = model.index >= total() - 1;
    if (focused?.disabled && box.contains(focused)) box.focus(); // keep the keys working in the player
    box.querySelector(".player-status").setAttribute("aria-live", playing ? "off" : "polite");
    const note = box.querySelector(".motion-note");
    if (note) note.hidden = !REDUCED.matches;
  }

  // -- one frame, applied to what pycore rendered ------------------------------------------
  function show(data, frame, at) {
    const section = root.querySelector(`section.layer[data-layer="${model.layer}"]`);
    const [row, col] = data.cell;
    const playing = frame.phase !== "fill";
    const k = frame.phase === "term" ? frame.term : null;
    const toggle = (el, name, on) => el.classList.toggle(name, Boolean(on));

    const grid = section.querySelector("table.product-grid");
    if (grid) {
      for (const td of grid.querySelectorAll("td.result:not(.ellipsis)")) {
        const button = td.querySelector("button.cell");
        const r = Number(button.dataset.row);
        const c = Number(button.dataset.col);
        const order = model.cells.findIndex(([cr, cc]) => cr === r && cc === c);
        const chosen = r === row && c === col;
        const pending = playing && order > at;
        toggle(td, "selected", chosen);
        toggle(td, "hl-row", r === row);
        toggle(td, "hl-col", c === col);
        toggle(td, "pending", pending);
        toggle(td, "current", playing && chosen);
        button.textContent = playing && chosen ? frame.sum : button.dataset.value;
        button.setAttribute("aria-pressed", String(chosen));
        button.tabIndex = chosen ? 0 : -1;
      }
      for (const td of grid.querySelectorAll("td.left")) {
        const on = Number(td.dataset.row) === row;
        toggle(td, "hl", on);
        toggle(td, "pair", on && k !== null && k > 0 && Number(td.dataset.term) === k - 1 && td.dataset.term !== undefined);
      }
      for (const th of grid.querySelectorAll("th[data-row]")) toggle(th, "hl", Number(th.dataset.row) === row);
      for (const td of grid.querySelectorAll("td.right")) {
        const on = Number(td.dataset.col) === col;
        toggle(td, "hl", on && !td.classList.contains("ellipsis"));
        toggle(td, "pair", on && k !== null && k > 0 && td.dataset.term !== undefined && Number(td.dataset.term) === k - 1);
      }
      const current = grid.querySelector("td.selected");
      const box = grid.closest(".scroller");
      if (current && box) showSideways(box, current);
    }

    let detail = section.querySelector(".dot-detail");
    if (detail && (Number(detail.dataset.row) !== row || Number(detail.dataset.col) !== col)) {
      detail.outerHTML = data.detail; // rendered and escaped by pycore
      detail = section.querySelector(".dot-detail");
    }
    if (detail) {
      for (const term of detail.querySelectorAll(".term[data-term]")) {
        const i = Number(term.dataset.term);
        toggle(term, "done", k !== null && i < k - 1);
        toggle(term, "current", k !== null && i === k - 1);
        toggle(term, "todo", k !== null && i >= k);
      }
      toggle(detail.querySelector(".terms"), "todo", k !== null && k < model.terms);
      const bias = detail.querySelector(".with-bias");
      if (bias) {
        toggle(bias, "todo", k !== null);
        toggle(bias, "current", frame.phase === "bias");
      }
      const soFar = detail.querySelector(".so-far");
      soFar.hidden = k === null;
      soFar.querySelector(".running").textContent = k === null ? "" : frame.sum;
    }

    for (const line of section.querySelectorAll(".loop-code .line")) toggle(line, "current-line", line.dataset.role === frame.line);
    for (const dd of section.querySelectorAll(".vars dd[data-var]")) dd.textContent = frame.vars[dd.dataset.var] || "–";
    for (const button of section.querySelectorAll(".loop-sums button.cell")) {
      const chosen = Number(button.dataset.row) === row && Number(button.dataset.col) === col;
      button.setAttribute("aria-pressed", String(chosen));
      button.tabIndex = chosen ? 0 : -1;
    }

    const diagram = section.querySelector("svg.diagram");
    if (diagram) {
      for (const part of diagram.querySelectorAll(".edge, .weight, .node.neuron")) {
        const lit = Number(part.dataset.neuron) === data.neuron;
        toggle(part, "lit", lit);
        if (part.classList.contains("edge")) {
          toggle(part, "current", lit && k !== null && k > 0 && Number(part.dataset.input) === k - 1);
        }
      }
      for (const text of diagram.querySelectorAll("text.value[data-input]")) {
        const value = data.inputs[text.dataset.input];
        if (value !== undefined) text.textContent = value;
      }
      for (const text of diagram.querySelectorAll("text.output[data-neuron]")) {
        const value = data.outputs[text.dataset.neuron];
        if (value !== undefined) text.textContent = value;
      }
      const controls = section.querySelector(".diagram-controls");
      if (controls) {
        const which = controls.querySelector(".which-sample");
        if (which) which.textContent = data.samples.label;
        const [back, ahead] = controls.querySelectorAll("button.pick:not([data-neuron])");
        for (const [button, cell] of [[back, data.samples.previous], [ahead, data.samples.next]]) {
          if (!button) continue;
          button.disabled = cell === null;
          if (cell) { button.dataset.row = cell[0]; button.dataset.col = cell[1]; }
        }
        for (const pick of controls.querySelectorAll("button.pick[data-neuron]")) {
          const cell = data.neurons[pick.dataset.neuron];
          if (cell) { pick.dataset.row = cell[0]; pick.dataset.col = cell[1]; }
          pick.setAttribute("aria-pressed", String(Number(pick.dataset.neuron) === data.neuron));
        }
      }
    }

    model.box.dataset.row = row;
    model.box.dataset.col = col;
    model.box.dataset.phase = frame.phase;
    model.box.dataset.term = frame.term;
    model.box.querySelector(".player-status").textContent =
      `Step ${model.cells.length ? at * model.phases.length + model.phases.findIndex(([p, t]) => p === frame.phase && t === frame.term) + 1 : 0} of ${total()}: ${frame.say}`;
  }

  // -- events ---------------------------------------------------------------------------
  const actions = { first, previous, next, last, play };

  root.addEventListener("click", (event) => {
    const button = event.target.closest(".player button[data-go]");
    if (!button || !model) return;
    if (button.dataset.go !== "play") stop();
    actions[button.dataset.go]();
  });
  root.addEventListener("change", (event) => {
    if (!model) return;
    if (event.target.matches(".player select[data-speed]")) model.speed = Number(event.target.value);
    if (event.target.matches(".player .granularity input")) {
      model.granularity = event.target.value;
      if (model.granularity === "cell") go(step(model.index));
    }
  });
  root.addEventListener("keydown", (event) => {
    if (!model || !event.target.closest(".player") || event.target.matches("select, input")) return;
    const keys = { ArrowLeft: previous, ArrowRight: next, Home: first, End: last };
    if (keys[event.key]) { event.preventDefault(); stop(); keys[event.key](); }
    else if (event.key === " " && !event.target.matches("button")) { event.preventDefault(); play(); }
  });
  document.addEventListener("keydown", (event) => {
    if (!model || event.target.closest("textarea, input, select, .player") || event.ctrlKey || event.metaKey || event.altKey) return;
    if (event.key === "]") { stop(); next(); }
    else if (event.key === "[") { stop(); previous(); }
  });
  REDUCED.addEventListener?.("change", () => { stop(); if (model) updateButtons(); });

  return { sync, forget, stop, isPlaying: () => timer !== null };
}

// A cell in view inside its box that scrolls sideways (a phone's narrow grid), moving the
// box only: the page itself stays where the learner is.
function showSideways(box, cell) {
  const outer = box.getBoundingClientRect();
  const inner = cell.getBoundingClientRect();
  if (inner.right > outer.right) box.scrollLeft += inner.right - outer.right + 8;
  else if (inner.left < outer.left) box.scrollLeft -= outer.left - inner.left + 8;
}
