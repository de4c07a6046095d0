// The player: steps through a layer's moments (pycore's player.moment), here on the main
// thread, so that playing never waits on Python; asks the engine for a cell's moments
// ahead of time. Where the player is lives in the store (the layer played, each layer's
// moment, its position keys); every moment is shown by moment.js.

import { applyMoment } from "./moment.js";
import { keysChange } from "./store.js";

const REDUCED = matchMedia("(prefers-reduced-motion: reduce)");
const FRAME_MS = 700; // at speed 1

export function createPlayer({ root, store, engine, synced, say, data }) {
  const cache = new Map(); // "facts|layer|row,col" -> a cell's data and moments
  let timer = null; // playing: the next tick
  let run = 0; // which playing this is: a pause or a move by hand ends it, and the moves it queued
  let moves = Promise.resolve(); // moves wait for the one before: keys pressed faster than moments arrive all step

  // What a moment is made of: the numbers (the fields' version), and whether an exercise's
  // answer may be shown. A moment kept for other facts is shown again with these.
  const factsOf = (s) => `${s.fieldsVersion}:${s.exercise.revealed}`;
  const key = (facts, layer, [r, c]) => `${facts}|${layer}|${r},${c}`;

  // A cell's data and every moment of it, for the facts now: from the cache, or the engine
  // (with the cells after it). Null when the facts changed meanwhile: ask again.
  async function cellOf(layer, cell, ahead = []) {
    await synced(); // the engine holds the fields the page shows
    const facts = factsOf(store.get());
    if (cache.has(key(facts, layer, cell))) return cache.get(key(facts, layer, cell));
    const wanted = [cell, ...ahead.filter((c) => c && !cache.has(key(facts, layer, c)))];
    const reply = await engine.call("frames", { layer, cells: wanted });
    if (!reply.ok || factsOf(store.get()) !== facts) return null;
    if (cache.size > 64) cache.clear();
    for (const found of reply.cells) cache.set(key(facts, layer, found.cell), { ...found, facts });
    return cache.get(key(facts, layer, cell)) ?? null;
  }

  // Queue a move: `where()` says, once the moves before it are done, where it goes.
  function move(where) {
    store.busy(+1); // the page is not idle until the move is shown
    moves = moves.then(() => { const to = where(); return to && go(...to); }).catch(() => {})
      .finally(() => store.busy(-1));
    return moves;
  }

  // Show moment `at` (an index into the cell's moments, or "start"/"last") of a layer's cell.
  async function go(layer, cell, at) {
    let found = null;
    for (let tries = 0; !found && tries < 3; tries += 1) { // the numbers changed meanwhile: their moments
      found = await cellOf(layer, cell, [store.get().moments[layer]?.cell?.next]);
    }
    if (!found) return;
    const index = at === "start" ? found.start : at === "last" ? found.count - 1 : at;
    const frame = found.frames[Math.max(0, Math.min(index, found.count - 1))];
    const { frames: _, ...shown } = found;
    store.update((s) => ({ ...keysChange(s, data, frame.link), played: layer,
                           moments: { ...s.moments, [layer]: { cell: shown, frame, facts: shown.facts } } }));
    if (shown.next) cellOf(layer, shown.next).catch(() => {}); // the next cell's moments, before they are wanted
  }

  const here = () => store.get().moments[store.get().played];
  const byCell = () => store.get().player.granularity === data.player.cells;

  // Where the player goes next, previous, first and last, from the moment it shows.
  function after() {
    const { cell, frame } = here() ?? {};
    if (!frame) return null;
    if (byCell()) return cell.next ? [cell.layer, cell.next, "last"] : null;
    if (frame.step + 1 < cell.count) return [cell.layer, cell.cell, frame.step + 1];
    return cell.next ? [cell.layer, cell.next, 0] : null;
  }

  function before() {
    const { cell, frame } = here() ?? {};
    if (!frame) return null;
    if (byCell()) return cell.previous ? [cell.layer, cell.previous, "last"] : null;
    if (frame.step > 0) return [cell.layer, cell.cell, frame.step - 1];
    return cell.previous ? [cell.layer, cell.previous, "last"] : null;
  }

  const next = () => move(after);
  const previous = () => move(before);
  const first = () => move(() => { const { cell } = here(); return [cell.layer, cell.first, byCell() ? "last" : 0]; });
  const last = () => move(() => { const { cell } = here(); return [cell.layer, cell.last, "last"]; });

  // Playing: a step, then the next one a moment after it is shown. A pause ends the run,
  // and the steps it had queued go nowhere.
  function play() {
    if (REDUCED.matches || !here()) return;
    if (store.get().player.playing) { stop(); return; }
    const mine = ++run;
    store.update((s) => ({ player: { ...s.player, playing: true } }));
    if (here().frame.index >= here().frame.total) first();
    const tick = async () => {
      await move(() => (run === mine ? after() : null));
      if (run !== mine) return;
      if (here().frame.index >= here().frame.total) { stop(); return; }
      timer = setTimeout(tick, FRAME_MS / store.get().player.speed);
    };
    timer = setTimeout(tick, FRAME_MS / store.get().player.speed);
  }

  function stop() {
    run += 1;
    clearTimeout(timer);
    timer = null;
    if (store.get().player.playing) store.update((s) => ({ player: { ...s.player, playing: false } }));
  }

  // A moment kept for other facts (the numbers changed while the player moved, an answer was
  // revealed): the same moment, made of the facts now.
  function refresh(s) {
    const kept = s.moments[s.played];
    // once the numbers' own render is on the page (not after a render that failed: the next edit tries again)
    const rendered = (s.rendered?.version ?? 0) >= s.fieldsVersion && s.shown >= s.renderVersion;
    if (!kept?.facts || kept.facts === factsOf(s) || !rendered || s.engine.status !== "live") return;
    move(() => {
      const now = here();
      return now && now.facts !== factsOf(store.get()) ? [now.cell.layer, now.cell.cell, now.frame.step] : null;
    });
  }

  // A cell chosen by hand (a click, a tap, the arrows in the grid, the diagram's buttons)
  // starts at its first multiply-add; the keyboard stays on the grid it moved in.
  function select(button) {
    stop();
    const layer = Number(button.dataset.layer);
    const within = button.closest("ol.loop-sums") ? "ol.loop-sums" : button.closest("table") ? "table.product-grid" : null;
    move(() => [layer, [Number(button.dataset.row), Number(button.dataset.col)], "start"]).then(() => {
      if (within) root.querySelector(`section.layer[data-layer="${layer}"] ${within} button.cell[tabindex="0"]`)?.focus();
    });
  }

  // -- what the page shows of the player ------------------------------------------------
  function show() {
    const s = store.get();
    for (const [layer, moment] of Object.entries(s.moments)) {
      applyMoment(root.querySelector(`section.layer[data-layer="${layer}"]`), moment, say);
    }
    for (const box of root.querySelectorAll(".player")) box.hidden = Number(box.dataset.layer) !== s.played;
    for (const button of root.querySelectorAll("button.play-here")) button.hidden = Number(button.dataset.layer) === s.played;
    const box = root.querySelector(`.player[data-layer="${s.played}"]`);
    const frame = s.moments[s.played]?.frame;
    if (!box || !frame) return;
    const button = (name) => box.querySelector(`button[data-go="${name}"]`);
    const focused = document.activeElement;
    button("play").textContent = say(s.player.playing ? "page.player.pause" : "page.player.play");
    button("play").disabled = REDUCED.matches;
    button("play").title = REDUCED.matches ? say("page.player.reduced") : "";
    const firstIndex = byCell() ? s.moments[s.played].cell.count : 1;
    button("first").disabled = button("previous").disabled = frame.index <= firstIndex;
    button("next").disabled = button("last").disabled = frame.index >= frame.total;
    if (focused?.disabled && box.contains(focused)) box.focus(); // keep the keys working in the player
    box.querySelector(".player-status").setAttribute("aria-live", s.player.playing ? "off" : "polite");
    box.querySelector(".motion-note").hidden = !REDUCED.matches;
    box.querySelector(`input[value="${s.player.granularity}"]`).checked = true;
    box.querySelector("select[data-speed]").value = String(s.player.speed);
  }

  store.subscribe((s) => [s.moments, s.played, s.shown, s.player], show, { now: true });
  store.subscribe((s) => [s.fieldsVersion, s.exercise.revealed, s.shown], (_, s) => refresh(s));

  // -- events ---------------------------------------------------------------------------
  const actions = { first, previous, next, last, play };
  root.addEventListener("click", (event) => {
    const control = event.target.closest(".player button[data-go]");
    if (control) { if (control.dataset.go !== "play") stop(); actions[control.dataset.go](); return; }
    const chosen = event.target.closest("button.cell, button.pick[data-row]");
    if (chosen && !chosen.disabled && store.get().engine.status === "live") select(chosen);
    const playHere = event.target.closest("button.play-here");
    if (playHere) {
      const layer = Number(playHere.dataset.layer);
      const cell = store.get().moments[layer]?.cell;
      if (cell) move(() => [layer, cell.cell, 0]).then(() => root.querySelector(".player:not([hidden]) button[data-go='next']")?.focus());
    }
  });
  root.addEventListener("change", (event) => {
    const speed = event.target.closest(".player select[data-speed]");
    const granularity = event.target.closest(".player .granularity input");
    if (speed) store.update((s) => ({ player: { ...s.player, speed: Number(speed.value) } }));
    if (granularity) {
      store.update((s) => ({ player: { ...s.player, granularity: granularity.value } }));
      const { cell, frame } = here() ?? {};
      if (granularity.value === "cells" && frame && frame.step !== cell.count - 1) move(() => [cell.layer, cell.cell, "last"]);
    }
  });
  root.addEventListener("keydown", (event) => {
    if (event.target.closest(".player") && !event.target.matches("select, input")) {
      const keys = { ArrowLeft: previous, ArrowRight: next, Home: first, End: last };
      if (keys[event.key]) { event.preventDefault(); stop(); keys[event.key](); }
      else if (event.key === " " && !event.target.matches("button")) { event.preventDefault(); play(); }
      return;
    }
    const button = event.target.closest("button.cell");
    const target = button && cellTarget(button, event.key, event.ctrlKey || event.metaKey);
    if (target) { event.preventDefault(); select(target); }
  });
  document.addEventListener("keydown", (event) => {
    if (!here() || event.target.closest("textarea, input, select, .player") || event.ctrlKey || event.metaKey ||
        event.altKey) return;
    if (event.key === "]") { stop(); next(); }
    else if (event.key === "[") { stop(); previous(); }
  });
  REDUCED.addEventListener?.("change", () => { stop(); show(); });

  return { stop, forget: () => cache.clear() };
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
