// The learner's work, kept in this browser: each tab's current fields (saved at every
// keystroke, so a reload right after typing keeps the last one), and the last 20 distinct
// states the learner left for a link, an example or a reset ("Your recent work").
//
// Each tab writes only its own key, so two tabs never overwrite each other's work; the
// shared recent list is changed under a lock where the browser has Web Locks. What is too
// large for localStorage goes to IndexedDB. Presentation flags (hide, step, predict) come
// from links alone and are never kept. Anything unreadable in storage is set aside with a
// message, never a broken page.

const PREFIX = "layer-lens:";
const RECENT = `${PREFIX}recent`;
const RECENT_KEPT = 20;
const TABS_KEPT = 8;
const LARGE = 200_000; // characters: larger work is kept in IndexedDB (and not in the recent list)
const tab = tabId();

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

const problems = []; // what could not be read, said once

// The state to keep: the fields, never the flags a link set for a slide.
export function keepable(state) {
  return { ...state, hide: [], step: null, predict: null };
}

function read(key) {
  let text;
  try { text = localStorage.getItem(key); } catch { return null; }
  if (text === null) return null;
  try {
    const data = JSON.parse(text);
    if (data && typeof data === "object") return data;
    throw new Error("not an object");
  } catch {
    problems.push("Some of your saved work could not be read (the browser's storage holds something " +
      "Layer Lens did not write); it was left aside.");
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

// -- this tab's current work ----------------------------------------------------------
let idbTimer = null;
let idbText = null;

// address: the page's address now; addresses: digests of the ones a reload may come back at
export function saveCurrent(state, address, example = null, addresses = []) {
  const kept = keepable(state);
  const text = JSON.stringify(kept);
  const entry = { time: Date.now(), address, addresses, example };
  if (text.length <= LARGE && write(`${PREFIX}tab:${tab}`, { ...entry, state: kept })) return;
  // large: a marker now, the state itself in IndexedDB a moment later (off the keystroke's path)
  write(`${PREFIX}tab:${tab}`, { ...entry, large: true });
  clearTimeout(idbTimer);
  idbText = { time: entry.time, text }; // the marker's time: which save the stored state is
  idbTimer = setTimeout(flush, 300);
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

export function flush() { // now, not later: the page is going away, or the moment came
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
  if (stored?.time !== entry.time && stored) {
    problems.push("Your last change to large work was not saved in time (the page closed within a moment " +
      "of it): the work as it was just before is shown.");
  }
  try { return stored ? JSON.parse(stored.text ?? stored) : null; } catch { return null; }
}

// This tab's work (a reload), or the newest of any tab's (a new visit).
export async function lastWork() {
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

// Is there saved work other than ``builtIn`` (the page's own example, as JSON)? Read at
// once, before Python: large work counts as other.
export function hasWork(builtIn) {
  for (const key of tabKeys()) {
    const entry = read(key);
    if (entry && (entry.large || JSON.stringify(entry.state) !== builtIn)) return true;
  }
  return false;
}

export function forgetOldTabs() {
  const entries = tabKeys().map((key) => [key, read(key)?.time ?? 0]).sort((a, b) => b[1] - a[1]);
  for (const [key] of entries.slice(TABS_KEPT)) {
    try { localStorage.removeItem(key); } catch { /* read-only */ }
  }
}

// -- recent work -------------------------------------------------------------------------
export function recent() {
  const list = read(RECENT);
  return Array.isArray(list?.items) ? list.items.filter((item) => item && typeof item.state === "object") : [];
}

// Keep the learner's own work before something replaces it.
export async function remember(state, summary) {
  const kept = keepable(state);
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

export function readProblems() { return problems.splice(0); }

// -- IndexedDB, for what localStorage cannot hold ----------------------------------------
let database = null; // one connection for the page's life

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

async function idbPut(key, text) {
  try {
    const db = await idb();
    db.transaction("work", "readwrite").objectStore("work").put(text, key);
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
