// The results: puts each part pycore rendered where it belongs (the Steps' shell and
// steps, the Layer outputs, the programs, the engine note, the exercise's question and
// verdict, a layer's editor), changing only what differs; says when the results are out
// of date or Python failed; mirrors the link's presentation flags onto <body> for the
// styles; marks wide figures that scroll; lights a neuron pointed at.

import { morph } from "./morph.js";

export function createResults({ store, say, placeEditor }) {
  const $ = (id) => document.getElementById(id);
  const body = document.body;
  const laidOut = new WeakSet(); // the steps on screen (the browser lays out only these)

  // Where each part goes, and how: markup is morphed in, a program or a note is text.
  function place(id, html) {
    if (id.startsWith("editor:")) { placeEditor(Number(id.slice(7)), html); return null; }
    const target = { outputs: $("outputs-body"), "code-loops": $("code-loops"), "code-numpy": $("code-numpy"),
                     engine: $("engine"), predict: $("predict-body"), verdict: $("verdict") }[id]
      ?? $("steps-body").querySelector(`[data-chunk="${CSS.escape(id)}"]`);
    if (!target) return null;
    if (id === "predict") $("predict").hidden = $("predict-jump").hidden = html === ""; // an exercise, or none
    if (["code-loops", "code-numpy", "engine"].includes(id)) target.textContent = html;
    else if (id === "predict") target.innerHTML = html; // a new question starts with an empty answer
    else morph(target, html); // rendered and escaped by pycore; only what differs changes
    return target;
  }

  function apply(rendered) {
    const s = store.get();
    const have = { ...s.have };
    body.dataset.rendered = String(rendered.version); // what a benchmark waits for: this state is on the page
    const failing = Object.keys(rendered.errors);
    if (failing.length) {
      if (s.resultsFrom < s.replacedAt) nothingToShow(rendered.empty, have); // freshly opened fields that do not compute
      for (const [id, token, html] of rendered.parts ?? []) {
        if (html !== null) { place(id, html); have[id] = token; } // a layer's editor
      }
      store.update({ shown: rendered.version, have });
      return;
    }
    const changed = [];
    const [shellToken, shell] = rendered.shell;
    if (shell !== null && shellToken !== have.shell) {
      $("steps-body").innerHTML = shell; // rendered and escaped by pycore
      for (const id of Object.keys(have)) if (id.includes(":") && !id.startsWith("editor:")) delete have[id];
      have.shell = shellToken;
    }
    for (const [id, token, html] of rendered.parts) {
      if (html === null || have[id] === token) continue;
      const target = place(id, html);
      have[id] = token;
      if (target) changed.push(target);
    }
    hideParts(); // the steps just put in place hold words a link may hide
    store.update({ shown: rendered.version, have, resultsFrom: rendered.version });
    performance.clearMarks("layer-lens:rendered");
    performance.mark("layer-lens:rendered");
    requestAnimationFrame(() => markScrollers(changed)); // after the browser's own layout
  }

  function nothingToShow(words, have) {
    const note = document.createElement("p");
    note.className = "empty";
    note.textContent = words; // pycore's words: why nothing is shown
    for (const id of ["outputs-body", "steps-body"]) $(id).replaceChildren(note.cloneNode(true));
    for (const id of ["code-loops", "code-numpy", "engine"]) $(id).textContent = "";
    for (const id of Object.keys(have)) if (!id.startsWith("editor:") && id !== "predict" && id !== "verdict") delete have[id];
  }

  // -- notes: out of date, Python's problems, computing -------------------------------------------
  function staleNote(s) {
    if (s.engine.status === "loading") return s.keysVersion > 0 ? say("page.stale.loading") : null;
    const failing = Object.keys(s.result.errors);
    if (!failing.length || s.resultsFrom < s.replacedAt) return null;
    const label = document.querySelector(`label[for="field-${failing[0]}"]`)?.textContent ?? failing[0];
    return say(failing.length > 1 ? "page.stale.many" : "page.stale.one", { field: label });
  }

  function showStale(message) {
    $("stale-note").textContent = message ?? "";
    $("stale-note").hidden = message === null;
    body.classList.toggle("stale", message !== null);
  }

  function showProblem(problem) {
    $("engine-problem").hidden = !problem;
    if (!problem) return;
    $("engine-problem-words").textContent = say(problem.words);
    $("engine-problem-report").value = problem.report;
  }

  function showLinkProblems(problems) {
    const box = $("link-problems");
    box.replaceChildren(...problems.map((problem) => {
      const line = document.createElement("p");
      line.textContent = problem; // words pycore wrote, quoting the link: text only
      return line;
    }));
    box.hidden = problems.length === 0;
  }

  // The link's presentation flags, as pycore read them, mirrored onto <body> for the styles
  // (<body data-step="product">); the parts a link hides (pycore marks each with what hides
  // it: data-hideable) get the hidden attribute.
  function showFlags(flags) {
    for (const [name, value] of Object.entries(flags)) {
      const text = Array.isArray(value) ? value.join(" ") : value;
      if (text === null || text === "") delete body.dataset[name];
      else body.dataset[name] = text;
    }
    hideParts();
  }

  function hideParts() {
    const hidden = store.get().result.flags.hide ?? [];
    for (const part of document.querySelectorAll("[data-hideable]")) {
      const hide = part.dataset.hideable.split(" ").some((name) => hidden.includes(name));
      if (part.hidden !== hide) part.hidden = hide;
    }
  }

  // Wide figures scroll in their own box: mark which edges have more to see, and let the
  // keyboard reach a box that scrolls but holds nothing focusable.
  function markScrollers(roots = [document]) {
    const boxes = (Array.isArray(roots) ? roots : [roots]).flatMap((root) => [...root.querySelectorAll(".scroller")])
      // a step off screen is not laid out (content-visibility): measuring it would lay it out
      .filter((box) => { const step = box.closest(".step"); return !step || laidOut.has(step); });
    // read every box first, then write: a write between two reads would lay the page out again
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
        box.setAttribute("aria-label", say("page.scrolls"));
      } else if (!scrolls && box.hasAttribute("tabindex")) {
        box.removeAttribute("tabindex");
        box.removeAttribute("role");
        box.removeAttribute("aria-label");
      }
    }
  }

  // A neuron pointed at or focused (in the diagram or its button) lights its weights, its
  // column of weightsᵀ and its bias wherever they are shown.
  function lightNeuron(section, neuron) {
    for (const lit of section.querySelectorAll(".lit-hover")) lit.classList.remove("lit-hover");
    if (neuron === null) return;
    for (const part of section.querySelectorAll(`[data-neuron="${neuron}"]`)) part.classList.add("lit-hover");
  }

  for (const [type, on] of [["mouseover", true], ["focusin", true], ["mouseout", false], ["focusout", false]]) {
    $("steps-body").addEventListener(type, (event) => {
      const source = event.target.closest?.("svg.diagram [data-neuron], button.pick[data-neuron]");
      if (source) lightNeuron(source.closest("section.layer"), on ? source.dataset.neuron : null);
    });
  }
  document.addEventListener("scroll", (event) => {
    if (event.target.classList?.contains("scroller")) markScrollers(event.target.parentElement);
  }, { capture: true, passive: true });
  addEventListener("resize", () => markScrollers(), { passive: true });
  $("steps-body").addEventListener("contentvisibilityautostatechange", (event) => { // laid out only once on screen
    if (event.skipped) laidOut.delete(event.target);
    else {
      laidOut.add(event.target);
      markScrollers([event.target]);
    }
  });

  store.subscribe((s) => s.rendered, (rendered) => { if (rendered) apply(rendered); });
  store.subscribe(staleNote, showStale, { now: true });
  store.subscribe((s) => s.engine.problem, showProblem);
  store.subscribe((s) => s.slow, (slow) => { $("computing").hidden = !slow; });
  store.subscribe((s) => [...s.linkProblems, ...s.result.problems], showLinkProblems);
  store.subscribe((s) => s.result.flags, showFlags);
  markScrollers();

  return { markScrollers };
}
