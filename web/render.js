// The render loop: keeps the engine's session in step with the store, and takes in what
// it answers. Whenever the state's keys differ from what the session holds, the keys
// that changed go to it (one message, however many keystrokes it stands for); its reply
// is adopted only as far as it is still current: a render for an older state is not
// shown when a newer one is on its way, a link for an older state is not written, and a
// player moment the learner has moved on from is not taken back.

import { keysChange, propertyOf } from "./store.js";

export function createRenderLoop({ store, engine, data }) {
  const roles = Object.fromEntries(data.state.properties.map((p) => [p.name, p.role]));
  let pumping = null; // the loop under way (a promise), if any

  function changes(s) {
    const out = {};
    for (const [key, value] of Object.entries(s.keys)) {
      if (!sameValue(value, s.sent.keys[key])) out[key] = value;
    }
    return out;
  }

  function pending(s) {
    return engine.isLive() && (s.sent.version < s.keysVersion || s.sent.layers !== s.layers);
  }

  // Send what changed, until the session holds the store's state.
  function pump() {
    pumping ??= (async () => {
      store.busy(+1);
      try {
        await Promise.resolve(); // edits made in the same task join this message
        while (pending(store.get())) {
          const s = store.get();
          const changed = changes(s);
          const render = s.renderVersion > s.sent.version || s.sent.layers !== s.layers;
          const message = { version: s.version, since: s.sent.version, changes: changed, render, have: s.have };
          if (s.sent.layers !== s.layers) message.layers = s.layers;
          store.update({ sent: { keys: s.keys, layers: s.layers, version: s.version } });
          let reply = null;
          try {
            reply = await engine.call("update", message);
          } catch { /* said on the page (no answer: the page starts Python again) */ }
          if (!reply?.ok) { // a bug in Python: said on the page; the next change resyncs the session
            store.update((now) => ({ shown: Math.max(now.shown, message.version) }));
            if (!reply) return;
          }
          if (reply.resync) await resync();
          else adopt(reply);
        }
      } finally {
        pumping = null;
        store.busy(-1);
      }
    })();
    return pumping;
  }

  // A reply went missing (a bug in Python between two changes): send the whole state.
  async function resync() {
    const s = store.get();
    store.update({ sent: { keys: s.keys, layers: s.layers, version: s.version } });
    adopt(await engine.call("open", { source: "state", data: s.keys, version: s.version, have: s.have,
                                      revealed: s.exercise.revealed }));
  }

  // Take in a reply: its version is the state it answers.
  function adopt(reply, { opened = false } = {}) {
    store.update((s) => {
      const version = reply.version ?? s.sent.version;
      const patch = { sent: { ...s.sent, version: Math.max(s.sent.version, version) } };
      let keys = s.keys;
      let sentKeys = s.sent.keys;
      if (reply.state && opened) { // a link, saved work, an example: its state is the page's now
        keys = sentKeys = reply.state;
        const layers = countOf(keys);
        Object.assign(patch, { layers, keysVersion: version, renderVersion: version, fieldsVersion: version,
                               positionsVersion: version, exercise: { revealed: false, checking: false }, huge: {} });
        patch.sent = { keys, layers, version };
        if (reply.replaced) patch.replacedAt = version;
      }
      if (reply.added && Object.keys(reply.added).length) { // a layer's fields, as pycore started them
        keys = { ...keys, ...reply.added };
        sentKeys = { ...sentKeys, ...reply.added };
      }
      const keysVersion = patch.keysVersion ?? s.keysVersion;
      if ("fragment" in reply && version >= keysVersion) {
        patch.address = { fragment: reply.fragment ?? "", version, note: reply.link_note ?? null }; // "": too large
      }
      if ("errors" in reply && version >= (patch.renderVersion ?? s.renderVersion)) {
        patch.result = { errors: reply.errors, problems: reply.problems ?? [], flags: reply.flags ?? {},
                         addLayerProblem: reply.add_layer_problem ?? "", failure: null };
        patch.rendered = { ...reply, version };
        if ("revealed" in reply) patch.exercise = { ...(patch.exercise ?? s.exercise), revealed: reply.revealed };
        if (reply.moments) {
          // the player's moment as the session has it, unless the learner has moved it since
          const moved = version < (patch.positionsVersion ?? s.positionsVersion);
          patch.moments = moved ? { ...reply.moments, [s.played]: s.moments[s.played] } : reply.moments;
          if (!moved) {
            patch.played = reply.played;
            keys = { ...keys, ...reply.positions };
            sentKeys = { ...sentKeys, ...reply.positions };
          }
        }
      }
      patch.keys = keys;
      patch.sent = { ...patch.sent, keys: sentKeys };
      return patch;
    });
  }

  const countOf = (keys) => Object.keys(keys).filter((key) => roles[propertyOf(key)] === "computed" &&
    propertyOf(key) === firstLayerField).length;
  const firstLayerField = data.state.layer_field;

  // Open a link, saved work, an example or the page's own state: the session's state is
  // replaced (or, for a link with settings only, given them), and the page takes the state
  // it replies with. The editors wait meanwhile, so that nothing typed is overwritten.
  async function open(message) {
    store.update({ opening: true });
    try {
      await pumping; // what was typed before goes first
      const s = store.get();
      const reply = await engine.call("open", { version: s.version + 1, have: s.have, ...message });
      if (reply.ok) adopt(reply, { opened: true });
      return reply;
    } finally {
      store.update({ opening: false });
    }
  }

  store.subscribe((s) => [s.keysVersion, s.layers, s.engine.status], () => { if (pending(store.get())) pump(); });

  return { pump, open, adopt, idle: () => pumping ?? Promise.resolve() };
}

function sameValue(a, b) {
  if (a === b) return true;
  return Array.isArray(a) && Array.isArray(b) && a.length === b.length && a.every((v, i) => v === b[i]);
}
