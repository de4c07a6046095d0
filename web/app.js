// Layer Lens's page glue, on the main thread: the composition root. It makes the store,
// the engine client and the views, wires them together, and opens what the page was asked
// for. No maths here, no link parsing and no sentence: pycore does all three, in the
// engine (pycore in a Web Worker, web/engine.py) and in what build.py wrote into the page.
// User text reaches the page only as a control's value, through textContent, or inside
// markup that pycore escaped.

import { createAddress } from "./address.js";
import { createCopy } from "./copy.js";
import { createEngine } from "./engine-client.js";
import { createExercise } from "./exercise.js";
import { createFields } from "./fields.js";
import { createOffline } from "./offline.js";
import { createPlayer } from "./player.js";
import { createRecent } from "./recent.js";
import { createRenderLoop } from "./render.js";
import { createResults } from "./results.js";
import { createStore, initialState } from "./store.js";
import { createWords } from "./words.js";
import { createWork, digest } from "./work.js";

const $ = (id) => document.getElementById(id);
const body = document.body;
const data = JSON.parse($("layer-lens-data").textContent); // what pycore told the page (build.py)
const options = globalThis.layerLensOptions ?? {}; // the tests' knobs: pauseMs, watchdogMs, boot
const say = createWords(data.words, data.locale);
const store = createStore({ ...initialState(data), known: location.hash, own: [digest(location.hash)], recent: 0 });

const beforeReload = () => { address.write(); work.save(); work.flush(); };
const engine = createEngine({ store, say, options, beforeReload });
const render = createRenderLoop({ store, engine, data });
const work = createWork({ store, data, say });
const fields = createFields({ store, say, data, engineLive: () => engine.isLive() });
createResults({ store, say, placeEditor: fields.placeEditor });
createPlayer({ root: $("steps-body"), store, engine, say, data, synced: render.synced });
createExercise({ store, engine, adopt: render.adopt });
const address = createAddress({ store, render, work, say, data, options });
const recent = createRecent({ store, work, address, say });
createCopy({ store, address, say });
const offline = createOffline({ keptBuild: engine.keptBuild, beforeReload });

store.subscribe(() => store.isIdle(), (idle) => { body.dataset.idle = String(idle); }, { now: true });

// Before Python: when the address (or earlier work) asks for other fields than the
// pre-rendered example, the example is hidden and the editors wait for those fields.
const arriving = location.hash.length > 1 || work.hasWork();
store.update({ arriving });
body.classList.toggle("opening-link", arriving);

async function open() {
  const last = await work.lastWork();
  if (Number.isInteger(last?.example) && data.examples[last.example]) store.update({ lastExample: last.example });
  if (location.hash.length > 1) {
    const reply = await address.openLink(location.hash);
    // this tab, back at its own address (a reload: at one of its last few): what it saved
    // since is newer than the address
    const reload = performance.getEntriesByType("navigation")[0]?.type === "reload";
    const own = last?.address === location.hash || (reload && last?.addresses?.includes(digest(location.hash)));
    const newer = last?.mine && last.state && own && !work.same(last.state, store.get().keys);
    if (newer || (reply.replaced === false && last?.state)) {
      await address.openSaved(last.state);
      if (reply.replaced === false) await address.openLink(location.hash); // its settings, on the saved work
    }
  } else if (arriving && last?.state) {
    await address.openSaved(last.state);
  } else {
    await render.open({ source: "state", data: store.get().keys }); // with anything typed while Python loaded
  }
}

async function start() {
  await engine.start();
  try {
    await open();
  } catch (error) { // a bug in opening it, said on the page: the fields as they are, computed
    console.error(error);
    await render.open({ source: "state", data: store.get().keys });
  }
  work.forgetOldTabs();
  recent.show();
  await store.idle();
  store.update({ arriving: false });
  body.classList.remove("opening-link");
  $("loading").hidden = true;
  body.dataset.ready = "true";
  offline.keep();
}

start().catch((error) => {
  store.update({ arriving: false }); // the example, and the fields, are the learner's again
  body.classList.remove("opening-link");
  $("loading").replaceChildren();
  $("loading").textContent = say("page.start_failed", { error: String(error) });
  console.error(error);
});
