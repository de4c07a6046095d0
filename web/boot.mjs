// Starts Python for PyScript's worker: its `version` option names this module (a plain
// start) or boot-snapshot.mjs (a start from build.py's memory snapshot, with pycore
// already imported: under half a second of restoring instead of seconds of starting).
// Both export what Pyodide's own pyodide.mjs does. Anything wrong with the snapshot
// (missing, another build of the runtime, no room) falls back to a plain start, so the
// snapshot can make the page faster, never break it.
import { loadPyodide as startPlain, version } from "../../vendor/pyodide/pyodide.mjs";

export { version }; // PyScript reads it

const indexURL = new URL("../../vendor/pyodide/", import.meta.url).href; // the runtime, not this folder

export function loadPyodide(options = {}) {
  return startPlain({ ...options, indexURL });
}

// A loader that starts from the snapshot, whose download begins now (the worker imports
// the module while PyScript readies itself).
export function fromSnapshot() {
  const snapshot = fetchSnapshot();
  snapshot.catch(() => {});
  return async (options = {}) => {
    const bytes = await snapshot.catch((error) => {
      console.warn(`Python's start-up snapshot could not be fetched (${error}); starting from scratch.`);
      return null;
    });
    if (bytes) {
      try {
        const python = await startPlain({ ...options, indexURL, _loadSnapshot: bytes });
        python.runPython("import random; random.seed()"); // the snapshot froze random's state
        return python;
      } catch (error) { // another build of the runtime, or a heap that does not fit
        console.warn(`Python's start-up snapshot was not used (${error}); starting from scratch.`);
      }
    }
    return loadPyodide(options);
  };
}

async function fetchSnapshot() {
  const response = await fetch(new URL("./snapshot.bin.gz", import.meta.url));
  if (!response.ok) throw new Error(`snapshot.bin.gz: HTTP ${response.status}`);
  // gzip on the wire whatever the host does: 31 MB of memory travel as about 6.6 MB
  return new Response(response.body.pipeThrough(new DecompressionStream("gzip"))).arrayBuffer();
}
