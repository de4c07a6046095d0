// The one renderer of a moment: puts one of pycore's moments (player.moment: what is
// marked, every value shown, the words) onto a layer's section as pycore rendered it.
// The live page and the pre-rendered one both show every moment through here, and a
// moment is applied whole, without consulting any other: the grid, the worked sum, the
// loops, the diagram and the player's status line always show the same moment.

export function applyMoment(section, { cell, frame }, say) {
  if (!section || !frame) return;
  const [row, col] = frame.cell;
  const k = frame.pair; // the term being multiplied, or null
  const toggle = (el, name, on) => el.classList.toggle(name, Boolean(on));
  const isCell = (el) => Number(el.dataset.row) === row && Number(el.dataset.col) === col;

  const grid = section.querySelector("table.product-grid");
  if (grid) {
    for (const button of grid.querySelectorAll("button.cell")) {
      const td = button.parentElement;
      const chosen = isCell(button);
      const pending = frame.playing && Number(button.dataset.order) > frame.order;
      const current = frame.playing && chosen;
      toggle(td, "selected", chosen);
      toggle(td, "hl-row", Number(button.dataset.row) === row);
      toggle(td, "hl-col", Number(button.dataset.col) === col);
      toggle(td, "pending", pending);
      toggle(td, "current", current);
      const value = current ? frame.value : button.dataset.value;
      if (button.textContent !== value) button.textContent = value;
      const label = pending ? "page.cell.pending" : current ? "page.cell.so_far" : "page.cell.value";
      button.setAttribute("aria-label", say(label, { label: button.dataset.label, value }));
      button.setAttribute("aria-pressed", String(chosen));
      button.tabIndex = chosen ? 0 : -1;
    }
    for (const td of grid.querySelectorAll("td.left, th[data-row]")) {
      const on = Number(td.dataset.row) === row;
      toggle(td, "hl", on);
      toggle(td, "pair", on && k !== null && td.dataset.term !== undefined && Number(td.dataset.term) === k);
    }
    for (const td of grid.querySelectorAll("td.right")) {
      const on = Number(td.dataset.col) === col && !td.classList.contains("ellipsis");
      toggle(td, "hl", on);
      toggle(td, "pair", on && k !== null && td.dataset.term !== undefined && Number(td.dataset.term) === k);
    }
    const selected = grid.querySelector("td.selected");
    const box = grid.closest(".scroller");
    if (frame.playing && selected && box) showSideways(box, selected);
  }

  const slot = section.querySelector(".detail-slot");
  if (slot && slot.dataset.token !== cell.token) { // another cell, or other numbers
    slot.innerHTML = cell.detail; // rendered and escaped by pycore
    slot.dataset.token = cell.token;
  }
  const detail = slot?.querySelector(".dot-detail");
  if (detail) {
    const marks = frame.detail;
    for (const term of detail.querySelectorAll(".term[data-term]")) {
      const i = Number(term.dataset.term);
      toggle(term, "added", marks.terms !== null && i < marks.terms - 1);
      toggle(term, "current", marks.terms !== null && i === marks.terms - 1);
      toggle(term, "todo", marks.terms !== null && i >= marks.terms);
    }
    const terms = detail.querySelector(".terms");
    if (terms) toggle(terms, "todo", marks.terms !== null && marks.terms < detail.querySelectorAll(".term[data-term]").length);
    for (const line of detail.querySelectorAll("[data-line]")) { // + bias, then the activation
      toggle(line, "todo", marks.lines[line.dataset.line] === "todo");
      toggle(line, "current", marks.lines[line.dataset.line] === "current");
    }
    const soFar = detail.querySelector(".so-far");
    if (soFar) {
      soFar.hidden = marks.running === null;
      soFar.querySelector(".running").textContent = marks.running ?? "";
    }
  }

  for (const line of section.querySelectorAll(".loop-code .line")) {
    toggle(line, "current-line", frame.playing && line.dataset.role === frame.line);
  }
  for (const dd of section.querySelectorAll(".vars dd[data-var]")) dd.textContent = frame.vars[dd.dataset.var] || "–";
  for (const button of section.querySelectorAll(".loop-sums button.cell")) {
    button.setAttribute("aria-pressed", String(isCell(button)));
    button.tabIndex = isCell(button) ? 0 : -1;
  }

  const picture = frame.diagram;
  const diagram = section.querySelector("svg.diagram");
  if (diagram && picture) {
    for (const part of diagram.querySelectorAll(".edge, .weight, .node.neuron")) {
      const lit = Number(part.dataset.neuron) === picture.neuron;
      toggle(part, "lit", lit);
      if (part.classList.contains("edge")) toggle(part, "current", lit && k !== null && Number(part.dataset.input) === k);
    }
    for (const text of diagram.querySelectorAll("text.value[data-input]")) {
      const value = picture.inputs[text.dataset.input];
      if (value !== undefined && text.textContent !== value) text.textContent = value;
    }
    for (const text of diagram.querySelectorAll("text.output[data-neuron]")) {
      const value = picture.outputs[text.dataset.neuron];
      if (value !== undefined && text.textContent !== value) text.textContent = value;
    }
    const title = diagram.querySelector("title");
    if (title && title.textContent !== picture.title) title.textContent = picture.title;
    const desc = diagram.querySelector("desc");
    if (desc && desc.textContent !== picture.desc) desc.textContent = picture.desc;
    const controls = section.querySelector(".diagram-controls");
    if (controls) {
      const which = controls.querySelector(".which-sample");
      if (which) which.textContent = picture.label;
      for (const button of controls.querySelectorAll("button.pick[data-sample]")) {
        const target = picture[button.dataset.sample]; // the previous or the next sample's cell
        button.disabled = target === null;
        if (target) { button.dataset.row = target[0]; button.dataset.col = target[1]; }
      }
      for (const pick of controls.querySelectorAll("button.pick[data-neuron]")) {
        const target = picture.neurons[pick.dataset.neuron];
        if (target) { pick.dataset.row = target[0]; pick.dataset.col = target[1]; }
        pick.setAttribute("aria-pressed", String(Number(pick.dataset.neuron) === picture.neuron));
      }
    }
  }

  const status = section.querySelector(".player-status");
  if (status && status.textContent !== frame.status) status.textContent = frame.status;
}

// A cell in view inside its box that scrolls sideways (a phone's narrow grid), moving the
// box only: the page itself stays where the learner is.
function showSideways(box, cell) {
  const outer = box.getBoundingClientRect();
  const inner = cell.getBoundingClientRect();
  if (inner.right > outer.right) box.scrollLeft += inner.right - outer.right + 8;
  else if (inner.left < outer.left) box.scrollLeft -= outer.left - inner.left + 8;
}
