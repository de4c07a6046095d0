// The page's one store: every piece of mutable page state lives here, and `update` is
// the only way to change it. Every update bumps `version`; views subscribe to the part
// of the state they show and are told when it changes (CNN Explainer's stores, TodoMVC's
// one place that changes state). `idle()` is the one promise that the page has nothing
// under way: every change sent to the engine and answered, shown, and written to the address.
//
// The state (see initialState):
//   keys            the page's state by link key, pycore's to_keys form ({inputs, weights, cell2, view, ...})
//   layers          how many layers the fields have
//   keysVersion     the version of the last change to `keys` or `layers`
//   renderVersion   ... of the last change that needs the page rendered again (not a player move)
//   fieldsVersion   ... of the last change to what is computed (the numbers, the activations, the layers)
//   positionsVersion ... of the last move of the player
//   sent            what the engine's session holds: {keys, layers, version} (engine-client/render)
//   shown           the version of the render on the page
//   have            part id -> token of what the page shows (the engine sends only new parts;
//                   the pre-rendered page's, from the start)
//   result          the last render's facts: errors, problems, flags, add-layer problem, link note
//   moments         layer -> {cell, frame}: the moment each layer shows (player.moment)
//   played          the layer the player is in; player: {granularity, speed, playing}
//   exercise        {revealed, verdict (markup), checking}
//   address         {fragment, version, note}: the link of the state, to write when the typing pauses
//   engine          {status: "loading" | "live" | "failed", boot, problem}
//   busy            engine calls and timers under way; slow: a call has taken a while
//   linkProblems    what the last link (or storage) could not use, said until the fields change
//   huge            field key -> true: the learner asked to see a huge text anyway
//   opening         links or saved work being opened (a count): the editors wait for their fields

export function createStore(initial) {
  let state = { ...initial, version: 0 };
  const listeners = [];
  let waiters = [];

  function isIdle(s) {
    const live = s.engine.status === "live";
    return s.busy === 0 && (!live || (s.sent.version >= s.keysVersion && s.shown >= s.renderVersion));
  }

  function update(change) {
    const patch = typeof change === "function" ? change(state) : change;
    if (!patch) return state.version;
    state = { ...state, ...patch, version: state.version + 1 };
    for (const listener of [...listeners]) listener(state);
    if (waiters.length && isIdle(state)) {
      const done = waiters;
      waiters = [];
      for (const resolve of done) resolve();
    }
    return state.version;
  }

  // Call `listener(selected, state, before)` whenever `select(state)` changes (by identity;
  // arrays and objects compare element by element, one level deep).
  function subscribe(select, listener, { now = false } = {}) {
    let last = select(state);
    listeners.push((next) => {
      const value = select(next);
      if (same(value, last)) return;
      const before = last;
      last = value;
      listener(value, next, before);
    });
    if (now) listener(last, state, undefined);
  }

  return {
    get: () => state,
    update,
    subscribe,
    idle: () => (isIdle(state) ? Promise.resolve() : new Promise((resolve) => waiters.push(resolve))),
    isIdle: () => isIdle(state),
    // work under way (an engine call, a timer): the page is not idle until it ends
    busy(delta) { update((s) => ({ busy: s.busy + delta })); },
  };
}

function same(a, b) {
  if (a === b) return true;
  if (!a || !b || typeof a !== "object" || typeof b !== "object") return false;
  const ka = Object.keys(a);
  if (ka.length !== Object.keys(b).length) return false;
  return ka.every((k) => a[k] === b[k]);
}

// The page's state before anything happened: the pre-rendered example (build.py wrote
// pycore's data into the page: the defaults, the moments shown).
export function initialState(data) {
  const keys = { ...data.defaults };
  return {
    keys, layers: countLayers(keys, data), keysVersion: 0, renderVersion: 0, fieldsVersion: 0, positionsVersion: 0,
    sent: { keys, layers: countLayers(keys, data), version: 0 }, shown: 0, have: data.have,
    result: { errors: {}, problems: [], flags: {}, addLayerProblem: "", linkNote: null, failure: null },
    moments: data.moments, played: data.played, player: { ...data.player, playing: false },
    exercise: { revealed: false, checking: false }, address: { fragment: null, version: 0, note: null },
    engine: { status: "loading", boot: null, problem: null }, busy: 0, slow: false,
    linkProblems: [], huge: {}, opening: 0, resultsFrom: 0, replacedAt: 0, lastExample: null,
  };
}

// Keys of the state, as pycore's property table names them: a layer's key is its
// property's name, then its number from layer 2 on (weights, weights2).
export function keyOf(name, layer) { return layer === 1 ? name : `${name}${layer}`; }

export function countLayers(keys, data) {
  const first = data.state.layer_field;
  let n = 1;
  while (keyOf(first, n + 1) in keys) n += 1;
  return n;
}

// A change of the state's keys: which versions it moves (see the state's description),
// by what pycore's property table says each property's change does (its role).
export function keysChange(state, data, changed, layers = state.layers) {
  const roles = rolesOf(data);
  const names = Object.keys(changed).map(propertyOf);
  const position = layers === state.layers && names.length > 0 && names.every((name) => roles[name] === "position");
  const computed = layers !== state.layers || names.some((name) => roles[name] === "computed");
  const version = state.version + 1;
  return {
    keys: { ...state.keys, ...changed }, layers, keysVersion: version,
    renderVersion: position ? state.renderVersion : version,
    fieldsVersion: computed ? version : state.fieldsVersion,
    positionsVersion: position ? version : state.positionsVersion,
  };
}

export const propertyOf = (key) => key.replace(/\d+$/, "");
export const rolesOf = (data) => Object.fromEntries(data.state.properties.map((p) => [p.name, p.role]));
