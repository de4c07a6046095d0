// The address: the page's link (pycore writes it, the engine's replies carry it) goes into
// the address bar once the typing pauses, replacing the history entry; a link followed
// (the back button, the gallery, a pasted address) is opened; Reset opens the example last
// opened. Before the page's fields are replaced, the learner's own work is kept.

import { digest } from "./work.js";

export function createAddress({ store, render, work, say, data, options }) {
  const $ = (id) => document.getElementById(id);
  const pauseMs = options.pauseMs ?? 150; // writing the address costs a few ms: not at every keystroke
  let timer = null;

  // -- writing ----------------------------------------------------------------------------
  function schedule() {
    if (timer === null) store.busy(+1);
    clearTimeout(timer);
    timer = setTimeout(write, pauseMs);
  }

  function write() {
    if (timer !== null) { clearTimeout(timer); timer = null; store.busy(-1); }
    const { fragment } = store.get().address;
    if (fragment === null || fragment === undefined) return;
    const address = fragment ? `#${fragment}` : ""; // "": too large for a link
    // a link followed meanwhile (the back button, a gallery link) is not written over: it
    // is opened (hashchange), and the address is written once its fields are the page's
    if (location.hash !== store.get().known) return;
    if (location.hash !== address) {
      history.replaceState(null, "", address || location.pathname + location.search);
      own();
      work.save(); // the fields may be newer than this address (an edit still computing): see `own`
      store.update({ known: location.hash });
    }
  }

  // The address of every change made so far, at once (before the page leaves this work).
  async function writeNow() {
    await render.synced();
    write();
  }

  // Short digests of the last 4 addresses this page has had since it loaded or opened a link,
  // an example or earlier work, newest last. A reload comes back to one of them, and the work
  // saved since is newer: which one is a race, as the typing pause may write an edit's address
  // just before the reload or during its pagehide, while a reload under way keeps the address it had.
  function own() {
    const now = digest(location.hash);
    store.update((s) => ({ own: [...s.own.filter((known) => known !== now), now].slice(-4) }));
  }

  function otherWork() { // a link, an example or earlier work opened: its address is the page's now, alone
    store.update({ known: location.hash, own: [digest(location.hash)] });
  }

  // -- opening ----------------------------------------------------------------------------------
  const exampleAt = (fragment) => data.examples.findIndex((example) => example.fragment === fragment);
  // The fields are about to be replaced by `next`: keep the learner's own work first.
  async function keepOwnWork(next, why) {
    const { keys } = store.get();
    if (work.same(keys, next ?? {}) || data.examples.some((example) => work.same(example.keys, keys))) return;
    const inputs = String(keys.inputs ?? "");
    const summary = say("page.recent.summary", { time: new Date().toLocaleString(), why: say(why),
      inputs: inputs.slice(0, 40).replace(/\s+/g, " ") + (inputs.length > 40 ? "…" : ""),
      layers: say("page.recent.layers", { count: store.get().layers }) });
    await work.remember(keys, summary);
    store.update((s) => ({ recent: s.recent + 1 }));
  }

  // Each of these replaces the page's fields: the editors take no edit from the start (hold).
  function openLink(fragment) {
    clearTimeout(timer); // the address is the link's now, not the fields' before it
    if (timer !== null) { timer = null; store.busy(-1); }
    otherWork();
    const index = exampleAt(fragment.replace(/^#/, ""));
    if (index >= 0) store.update({ lastExample: index });
    return render.hold(async () => {
      await keepOwnWork(null, index >= 0 ? "page.recent.before_example" : "page.recent.before_link");
      return render.open({ source: "link", fragment });
    });
  }

  function reset() {
    const index = store.get().lastExample ?? data.default_example;
    const example = data.examples[index];
    return render.hold(async () => {
      await writeNow(); // the work's own address first, with its last keystroke, so that Back returns to it
      await keepOwnWork(example.keys, "page.recent.before_reset");
      history.pushState(null, "", `#${example.fragment}`);
      otherWork();
      return render.open({ source: "example", index });
    });
  }

  function openSaved(state, why = null) {
    return render.hold(async () => {
      if (why) {
        await writeNow();
        await keepOwnWork(state, why);
        history.pushState(null, "", location.pathname); // Back returns to what was on show
        otherWork();
      }
      return render.open({ source: "saved", data: state });
    });
  }

  // -- what the page shows of it -----------------------------------------------------------------
  function showNote(note) {
    if ($("link-note").textContent !== (note ?? "")) $("link-note").textContent = note ?? "";
    $("link-note").hidden = !note;
  }

  function markExample(fragment) { // the example whose fields are on show, marked in the gallery
    const current = document.querySelector("nav.examples a[aria-current]");
    const link = fragment && document.querySelector(`nav.examples a[href="#${CSS.escape(fragment)}"]`);
    if (current === link) return;
    current?.removeAttribute("aria-current");
    if (!link) return;
    link.setAttribute("aria-current", "page");
    // on a phone the gallery is one strip: show the current example, and a part of the one
    // before it, so that the path plainly goes on to the left too
    const strip = link.closest("ol");
    if (strip.scrollWidth > strip.clientWidth) strip.scrollLeft = link.offsetLeft - strip.offsetLeft - 64;
  }

  function showReset(index) {
    const title = document.querySelectorAll("nav.examples a .title")[index]?.textContent ?? "";
    $("reset-which").textContent = title ? say("page.reset_which", { number: index + 1, title }) : "";
  }

  store.subscribe((s) => s.address, (address) => { if (address.fragment !== null) schedule(); showNote(address.note); });
  store.subscribe((s) => s.address.fragment, markExample);
  store.subscribe((s) => s.lastExample ?? data.default_example, showReset, { now: true });
  addEventListener("hashchange", () => {
    if (store.get().engine.status === "live" && location.hash !== store.get().known) openLink(location.hash);
  });
  addEventListener("pagehide", write);
  $("reset").addEventListener("click", () => { if (store.get().engine.status === "live") reset(); });

  return { write, openLink, openSaved, otherWork, markExample };
}
