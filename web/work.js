// The learner's work, kept in this browser: each tab's current fields (saved at every
// keystroke, so a reload right after typing keeps the last one), and the last 20 distinct
// states the learner left for a link, an example or a reset ("Your recent work").
//
// Each tab writes only its own key, so two tabs never overwrite each other's work; the
// shared recent list is changed under a lock where the browser has Web Locks. What is too
// large for localStorage goes to IndexedDB. What only links set (pycore's presentation
// flags: hide, step, predict) is never kept. Anything unreadable in storage is set aside
// with a message, never a broken page.

const PREFIX = "layer-lens:";
const RECENT = `${PREFIX}recent`;
const RECENT_KEPT = 20;
const TABS_KEPT = 8;
const LARGE = 200_000; // characters: larger work is kept in IndexedDB (and not in the recent list)

export function createWork({ store, data, say }) {
  const tab = tabId();
  const presentation = data.state.properties.filter((p) => p.role === "presentation").map((p) => p.name);
  const problems = []; // what could not be read, said once
  let idbTimer = null;
  let idbText = null; // the large work to put in IndexedDB a moment after its keystroke
  let database = null; // one connection for the page's life

  // The state to keep: the fields, never the flags a link set for a slide; in one order of
  // keys, so that the same work is the same text however its keys came in.
  const keepable = (keys) => Object.fromEntries(Object.entries(keys)
    .filter(([key]) => !presentation.includes(key)).sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0)));
  const same = (a, b) => JSON.stringify(keepable(a)) === JSON.stringify(keepable(b));

  function read(key) {
    let text;
    try { text = localStorage.getItem(key); } catch { return null; }
    if (text === null) return null;
    try {
      const value = JSON.parse(text);
      if (value && typeof value === "object") return value;
      throw new TypeError(); // JSON, but not what Layer Lens writes
    } catch {
      problems.push(say("page.work.unreadable"));
      try { localStorage.removeItem(key); } catch { /* read-only storage */ }
      return null;
    }
  }

  function write(key, value) {
    try {
      localStorage.setItem(key, JSON.stringify(value));
      return true;
    } catch { return false; } // full or switched off
  }

  // -- this tab's current work -------------------------------------------------------------
  // address: the page's address now; addresses: digests of the ones a reload may come back at
  function save() {
    const s = store.get();
    const kept = keepable(s.keys);
    const text = JSON.stringify(kept);
    const entry = { time: Date.now(), address: location.hash, addresses: s.own, example: s.lastExample };
    if (text.length <= LARGE && write(`${PREFIX}tab:${tab}`, { ...entry, state: kept })) return;
    // large: a marker now, the state itself in IndexedDB a moment later (off the keystroke's path)
    write(`${PREFIX}tab:${tab}`, { ...entry, large: true });
    clearTimeout(idbTimer);
    idbText = { time: entry.time, text }; // the marker's time: which save the stored state is
    idbTimer = setTimeout(flush, 300);
  }

  function flush() { // now, not later: the page is going away, or the moment came
    if (idbText === null) return;
    clearTimeout(idbTimer);
    idbPut(`tab:${tab}`, idbText);
    idbTimer = null;
    idbText = null;
  }

  async function stateOf(entry, key) {
    if (!entry) return null;
    if (!entry.large) return entry.state && typeof entry.state === "object" ? entry.state : null;
    const stored = await idbGet(key);
    if (stored?.time !== entry.time && stored) problems.push(say("page.work.late"));
    try { return stored ? JSON.parse(stored.text ?? stored) : null; } catch { return null; }
  }

  // This tab's work (a reload), or the newest of any tab's (a new visit).
  async function lastWork() {
    const mine = read(`${PREFIX}tab:${tab}`);
    if (mine) return { ...mine, state: await stateOf(mine, `tab:${tab}`), mine: true };
    let newest = null;
    let newestKey = null;
    for (const key of tabKeys()) {
      const entry = read(key);
      if (entry && (!newest || entry.time > newest.time)) { newest = entry; newestKey = key; }
    }
    return newest ? { ...newest, state: await stateOf(newest, newestKey.slice(PREFIX.length)), mine: false } : null;
  }

  // Is there saved work other than the page's own example? Read at once, before Python:
  // large work counts as other.
  function hasWork() {
    const builtIn = JSON.stringify(keepable(data.defaults));
    return tabKeys().some((key) => {
      const entry = read(key);
      return entry && (entry.large || JSON.stringify(entry.state) !== builtIn);
    });
  }

  function forgetOldTabs() {
    const entries = tabKeys().map((key) => [key, read(key)?.time ?? 0]).sort((a, b) => b[1] - a[1]);
    for (const [key] of entries.slice(TABS_KEPT)) {
      try { localStorage.removeItem(key); } catch { /* read-only */ }
    }
  }

  // -- recent work ---------------------------------------------------------------------------
  function recent() {
    const list = read(RECENT);
    return Array.isArray(list?.items) ? list.items.filter((item) => item && typeof item.state === "object") : [];
  }

  // Keep the learner's own work before something replaces it.
  async function remember(keys, summary) {
    const kept = keepable(keys);
    const text = JSON.stringify(kept);
    if (text.length > LARGE) return;
    const change = () => {
      const items = recent().filter((item) => JSON.stringify(item.state) !== text);
      items.unshift({ time: Date.now(), summary, state: kept });
      write(RECENT, { items: items.slice(0, RECENT_KEPT) });
    };
    if (navigator.locks) await navigator.locks.request(`${PREFIX}recent`, change);
    else change();
  }

  // -- IndexedDB, for what localStorage cannot hold --------------------------------------------
  function idb() {
    database ??= new Promise((resolve, reject) => {
      const opened = indexedDB.open("layer-lens", 1);
      opened.onupgradeneeded = () => opened.result.createObjectStore("work");
      opened.onsuccess = () => resolve(opened.result);
      opened.onerror = () => reject(opened.error);
    });
    database.catch(() => { database = null; }); // switched off now: maybe not at the next save
    return database;
  }

  async function idbPut(key, value) {
    try {
      const db = await idb();
      db.transaction("work", "readwrite").objectStore("work").put(value, key);
    } catch { /* no IndexedDB: the link still holds the work where it fits */ }
  }

  async function idbGet(key) {
    try {
      const db = await idb();
      return await new Promise((resolve) => {
        const got = db.transaction("work").objectStore("work").get(key);
        got.onsuccess = () => resolve(got.result ?? null);
        got.onerror = () => resolve(null);
      });
    } catch { return null; }
  }

  store.subscribe((s) => s.keys, () => { if (store.get().engine.status !== "failed") save(); });
  addEventListener("pagehide", flush);

  return { save, flush, lastWork, hasWork, forgetOldTabs, recent, remember, keepable, same,
           readProblems: () => problems.splice(0), digest };
}

function tabId() {
  try {
    let id = sessionStorage.getItem(`${PREFIX}tab`);
    if (!id) {
      id = Math.random().toString(36).slice(2, 10);
      sessionStorage.setItem(`${PREFIX}tab`, id);
    }
    return id;
  } catch { return "one"; }
}

function tabKeys() {
  const keys = [];
  try {
    for (let i = 0; i < localStorage.length; i += 1) {
      const key = localStorage.key(i);
      if (key?.startsWith(`${PREFIX}tab:`)) keys.push(key);
    }
  } catch { /* switched off */ }
  return keys;
}

// A short digest of a text (FNV-1a, 32 bits, over UTF-16 code units): an address can be a
// million characters long, and the work is saved with the last 4 at every keystroke.
export function digest(text) {
  let hash = 0x811c9dc5;
  for (let i = 0; i < text.length; i += 1) {
    hash ^= text.charCodeAt(i);
    hash = Math.imul(hash, 0x01000193) >>> 0;
  }
  return hash.toString(16);
}
