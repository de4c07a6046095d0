// The render loop: keeps the engine's session in step with the store, and takes in what
// it answers. Whenever the state's keys differ from what the session holds, the keys
// that changed go to it (one message, however many keystrokes it stands for); its reply
// is adopted only as far as it is still current: a render for an older state is not
// shown when a newer one is on its way, a link for an older state is not written, and a
// player moment the learner has moved on from is not taken back.

import { countLayers, keysChange } from "./store.js";

export function createRenderLoop({ store, engine, data }) {
  let pumping = null; // the changes under way (a promise), if any
  let opening = Promise.resolve(); // the opens under way, one after another

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

  // A call that failed: said on the page (a bug in Python, or no answer: then Python is
  // started again). What it was to show counts as shown; the next change resyncs the session.
  const failed = (version) => store.update((now) => ({ shown: Math.max(now.shown, version) }));

  async function send(name, message) {
    try {
      const reply = await engine.call(name, message);
      if (!reply.ok) failed(message.version);
      return reply;
    } catch {
      failed(message.version);
      return null;
    }
  }

  // Send what changed, until the session holds the store's state.
  function pump() {
    pumping ??= (async () => {
      store.busy(+1);
      try {
        await Promise.resolve(); // edits made in the same task join this message
        while (pending(store.get())) {
          const s = store.get();
          const render = s.renderVersion > s.sent.version || s.sent.layers !== s.layers;
          const message = { version: s.version, since: s.sent.version, changes: changes(s), render, have: s.have };
          if (s.sent.layers !== s.layers) message.layers = s.layers;
          store.update({ sent: { keys: s.keys, layers: s.layers, version: s.version } });
          const reply = await send("update", message);
          if (!reply) return;
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
    const reply = await send("open", { source: "state", data: s.keys, version: s.version, have: s.have,
                                       revealed: s.exercise.revealed });
    if (reply) adopt(reply);
  }

  // Take in a reply: its version is the state it answers.
  function adopt(reply, { opened = false } = {}) {
    store.update((s) => {
      const version = reply.version ?? s.sent.version;
      const patch = { sent: { ...s.sent, version: Math.max(s.sent.version, version) } };
      let keys = s.keys;
      let sentKeys = s.sent.keys;
      let layers = s.layers;
      if (reply.state && opened) { // a link, saved work, an example: its state is the page's now
        keys = sentKeys = reply.state;
        layers = countLayers(keys, data);
        Object.assign(patch, { layers, keysVersion: version, renderVersion: version, fieldsVersion: version,
                               positionsVersion: version, exercise: { revealed: false, checking: false }, huge: {} });
        patch.sent = { keys, layers, version };
        if (reply.replaced) patch.replacedAt = version;
      }
      if (reply.added && version >= (patch.fieldsVersion ?? s.fieldsVersion)) {
        // a layer's fields, as pycore started them: of the layers the page still has
        const kept = Object.entries(reply.added).filter(([key]) => Number(key.match(/\d+$/)?.[0] ?? 1) <= layers);
        keys = { ...keys, ...Object.fromEntries(kept) };
        sentKeys = { ...sentKeys, ...Object.fromEntries(kept) };
      }
      const keysVersion = patch.keysVersion ?? s.keysVersion;
      if ("fragment" in reply && version >= keysVersion) {
        patch.address = { fragment: reply.fragment ?? "", version, note: reply.link_note ?? null }; // "": too large
      }
      if ("errors" in reply && version >= (patch.renderVersion ?? s.renderVersion)) {
        patch.result = { errors: reply.errors, problems: reply.problems ?? [], flags: reply.flags ?? {},
                         addLayerProblem: reply.add_layer_problem ?? "" };
        patch.rendered = { ...reply, version };
        if ("revealed" in reply) patch.exercise = { ...(patch.exercise ?? s.exercise), revealed: reply.revealed };
        if (reply.moments) { // made of the facts now (see player.js)
          const facts = `${patch.fieldsVersion ?? s.fieldsVersion}:${reply.revealed ?? s.exercise.revealed}`;
          const moments = Object.fromEntries(Object.entries(reply.moments).map(([n, m]) => [n, { ...m, facts }]));
          // the player's moment as the session has it, unless the learner has moved it since
          const moved = version < (patch.positionsVersion ?? s.positionsVersion);
          patch.moments = moved ? { ...moments, [s.played]: s.moments[s.played] } : moments;
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

  // Open a link, saved work, an example or the page's own state: the session's state is
  // replaced (or, for a link with settings only, given them), and the page takes the state
  // it replies with. The editors wait meanwhile (see hold), so that nothing typed is
  // overwritten; opens go one after another.
  function open(message) {
    const previous = opening;
    const done = hold(async () => {
      await previous.catch(() => {});
      await pumping; // what was typed before goes first
      const s = store.get();
      const reply = await send("open", { version: s.version + 1, have: s.have, ...message });
      if (reply?.ok) adopt(reply, { opened: true });
      return reply;
    });
    opening = done;
    return done;
  }

  // While `work` runs, the editors take no edit (store.opening counts the holds).
  async function hold(work) {
    store.update((s) => ({ opening: s.opening + 1 }));
    try {
      return await work();
    } finally {
      store.update((s) => ({ opening: s.opening - 1 }));
    }
  }

  store.subscribe((s) => [s.keysVersion, s.layers, s.engine.status], () => { if (pending(store.get())) pump(); });

  // everything sent has been answered (the player's moments are asked for after it)
  const synced = async () => { await opening.catch(() => {}); await pumping; };
  return { pump, open, hold, adopt, synced };
}

function sameValue(a, b) {
  if (a === b) return true;
  return Array.isArray(a) && Array.isArray(b) && a.length === b.length && a.every((v, i) => v === b[i]);
}
