// The fields: every control that holds a key of the state (data-key: the editors, the
// activation pickers, the view switch; the knobs write into the fields) writes it into
// the store, and shows what the store holds. Also: each field's alert, the layers'
// editors and buttons, and fields too long to lay out.

import { keyOf, keysChange, propertyOf } from "./store.js";

// A textarea holding a pasted million numbers (5 million characters) costs the browser about
// 1 s of layout whenever the page is drawn, hidden or not: a frozen page. So a text past
// HUGE characters stays in the store only, and the field shows a summary, with a way to see
// the text anyway (the learner's choice, and its cost) or to clear it.
const HUGE = 200_000;

export function createFields({ store, say, data, engineLive }) {
  const $ = (id) => document.getElementById(id);
  const roles = Object.fromEntries(data.state.properties.map((p) => [p.name, p]));
  const controls = () => document.querySelectorAll("textarea[data-key], select[data-key], input[data-key]");
  const hidden = (s, key) => typeof s.keys[key] === "string" && s.keys[key].length > HUGE && !s.huge[key];

  // A change of keys. A text short enough to lay out ends the learner's choice to see a
  // huge one anyway: the next huge text is summarised again.
  function set(changed) {
    store.update((s) => {
      const small = Object.keys(changed).filter((key) => s.huge[key] && String(changed[key]).length <= HUGE);
      const huge = small.length ? Object.fromEntries(Object.entries(s.huge).filter(([key]) => !small.includes(key))) : s.huge;
      return { ...keysChange(s, data, changed), huge };
    });
  }

  // -- the learner's edits ----------------------------------------------------------------
  function onInput(event) {
    const control = event.target.closest?.("[data-key]");
    const knob = event.target.closest?.("input[type=range][data-field]");
    if (knob) { // the knobs write into the fields, which stay the source of truth (and the link carries them)
      const field = $(`field-${knob.dataset.field}`);
      if (!field || field.readOnly) return;
      knob.nextElementSibling.textContent = knob.value;
      set({ [knob.dataset.field]: knob.dataset.template.replace("{}", knob.value) });
      return;
    }
    if (!control || !(control.dataset.key in store.get().keys)) return;
    if (control.readOnly || store.get().opening > 0) { show(store.get()); return; } // a link's fields are coming
    if (control.type === "radio" && !control.checked) return;
    if (control.tagName === "TEXTAREA" && control.hidden && control.value === "") return; // its text is kept aside
    set({ [control.dataset.key]: control.value });
  }

  // A paste that makes a field huge never reaches the textarea.
  function onPaste(event) {
    const area = event.target.closest?.("textarea[data-key]");
    if (!area || area.readOnly) return;
    const text = event.clipboardData?.getData("text/plain") ?? "";
    const { selectionStart: from, selectionEnd: to } = area;
    if (area.value.length - (to - from) + text.length <= HUGE) return;
    event.preventDefault();
    set({ [area.dataset.key]: area.value.slice(0, from) + text.replace(/\r\n?/g, "\n") + area.value.slice(to) });
    area.nextElementSibling?.querySelector("button")?.focus(); // the field is hidden: its summary has the focus
  }

  // -- what the store holds, in the controls ----------------------------------------------
  function show(s) {
    for (const control of controls()) {
      const key = control.dataset.key;
      if (!(key in s.keys)) continue;
      const value = s.keys[key] ?? "";
      if (control.type === "radio") control.checked = control.value === value;
      else if (control.tagName === "TEXTAREA") showText(control, s, key);
      else if (control.value !== value) control.value = value;
    }
  }

  function showText(area, s, key) {
    const huge = hidden(s, key);
    const text = huge ? "" : s.keys[key];
    if (area.value !== text) area.value = text;
    area.hidden = huge;
    const note = area.parentElement.querySelector(".huge-field");
    if (!note) return;
    note.hidden = !huge;
    if (huge) {
      note.querySelector(".huge-size").textContent = say("page.huge.size", {
        field: area.labels?.[0]?.textContent.trim() ?? key, count: s.keys[key].length });
    }
  }

  function onNote(event) {
    const button = event.target.closest(".huge-field button");
    if (!button) return;
    const area = button.closest(".field").querySelector("textarea");
    const key = area.dataset.key;
    if (button.dataset.act === "show") store.update((s) => ({ huge: { ...s.huge, [key]: true } }));
    else set({ [key]: "" });
    area.focus();
  }

  // -- alerts beside the fields --------------------------------------------------------------
  function showErrors(errors) {
    for (const area of document.querySelectorAll("#editors textarea[data-key]")) {
      const key = area.dataset.key;
      const message = errors[key] ?? "";
      const alert = $(`error-${key}`);
      if (alert.textContent !== message) alert.textContent = message;
      alert.hidden = !message;
      if (message) area.setAttribute("aria-invalid", "true");
      else area.removeAttribute("aria-invalid");
    }
  }

  // -- the layers ------------------------------------------------------------------------------
  const fieldsets = () => [...document.querySelectorAll("#layers fieldset.layer-fields")];

  // An editor of a layer, rendered by pycore (its fields empty: the store fills them in).
  function placeEditor(number, html) {
    if (number > store.get().layers || fieldsets().some((f) => Number(f.dataset.layer) === number)) return;
    $("layers").insertAdjacentHTML("beforeend", html); // escaped by pycore
    show(store.get());
  }

  function showLayers(s) {
    const gone = fieldsets().filter((fieldset) => Number(fieldset.dataset.layer) > s.layers);
    for (const fieldset of gone) fieldset.remove();
    if (gone.length) { // the engine sends a layer's editor again when it comes back
      store.update((now) => ({ have: Object.fromEntries(Object.entries(now.have)
        .filter(([id]) => !id.startsWith("editor:") || Number(id.slice(7)) <= now.layers)) }));
    }
    const live = engineLive();
    const problem = s.result.addLayerProblem;
    const max = data.state.max_layers;
    $("remove-layer").disabled = s.layers <= 1;
    $("add-layer").disabled = !live || s.layers >= max || Boolean(problem);
    $("reset").disabled = !live;
    const why = !live ? say("page.layers.loading") : s.layers >= max ? say("page.layers.most", { count: max }) : problem;
    if ($("layer-note").textContent !== why) $("layer-note").textContent = why;
    $("layer-note").hidden = !why;
  }

  function addLayer() {
    const s = store.get();
    if (!engineLive() || s.layers >= data.state.max_layers) return;
    store.update((now) => keysChange(now, data, {}, now.layers + 1)); // the engine starts its fields
    store.idle().then(() => $("layers").lastElementChild?.querySelector("textarea")?.focus());
  }

  function removeLayer() {
    const s = store.get();
    if (s.layers <= 1) return;
    const perLayer = data.state.properties.filter((p) => p.per_layer).map((p) => keyOf(p.name, s.layers));
    store.update((now) => {
      const keys = Object.fromEntries(Object.entries(now.keys).filter(([key]) => !perLayer.includes(key)));
      return { ...keysChange(now, data, {}, now.layers - 1), keys };
    });
    // the button may now be disabled: focus goes to the button beside it, never to the page
    if (document.activeElement === document.body || $("remove-layer").disabled) $("add-layer").focus();
  }

  // Before Python, and while a link or saved work opens: the editors wait for its fields,
  // so that nothing typed meanwhile is overwritten.
  function hold(on) {
    for (const area of document.querySelectorAll("#editors textarea[data-key]")) area.readOnly = on;
  }

  document.addEventListener("input", onInput);
  document.addEventListener("change", (event) => { if (event.target.matches("input[type=radio][data-key], select[data-key]")) onInput(event); });
  $("editors").addEventListener("paste", onPaste);
  $("editors").addEventListener("click", onNote);
  $("add-layer").addEventListener("click", addLayer);
  $("remove-layer").addEventListener("click", removeLayer);
  store.subscribe((s) => [s.keys, s.huge], (_, s) => show(s));
  store.subscribe((s) => s.result.errors, showErrors);
  store.subscribe((s) => [s.layers, s.result.addLayerProblem, s.engine.status], (_, s) => showLayers(s), { now: true });
  store.subscribe((s) => s.opening > 0 || s.arriving, hold, { now: true });

  return { placeEditor, roles, propertyOf };
}
