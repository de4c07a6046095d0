// build.py's helper: a memory snapshot of Pyodide with pycore imported, which the page's
// worker restores (web/boot.mjs) instead of starting Python and importing pycore.
//
//   node build_snapshot.mjs PYODIDE_DIR PYCORE_ZIP OUT.bin.gz
//
// Prints {"raw": bytes, "gzip": bytes}. Exits 3 (and writes nothing) when the snapshot
// would not restore in a browser.
import { readFileSync, writeFileSync } from "node:fs";
import { resolve } from "node:path";
import { pathToFileURL } from "node:url";
import { gzipSync } from "node:zlib";

const [pyodideDir, pycoreZip, out] = process.argv.slice(2);
const { loadPyodide } = await import(pathToFileURL(resolve(pyodideDir, "pyodide.mjs")).href);

const python = await loadPyodide({
  indexURL: `${resolve(pyodideDir)}/`,
  _makeSnapshot: true,
  // a browser's environment, not node's (the snapshot keeps it); a fixed hash seed keeps
  // the bytes the same for the same sources
  env: { _: "./this.program", LANG: "en_US.UTF-8", PYTHONHASHSEED: "0" },
});
const heap = python._module.HEAP8.length;
// pycore where PyScript's `files` config puts it in the browser: /home/pyodide/pycore/
python.unpackArchive(new Uint8Array(readFileSync(pycoreZip)), "zip", { extractDir: "/home/pyodide" });
python.runPython(`
import hashlib, importlib, json, pkgutil, random

import pycore
for module in pkgutil.iter_modules(pycore.__path__):
    if module.name not in ("__main__", "engine_numpy"):  # the command line; NumPy, loaded later if at all
        importlib.import_module("pycore." + module.name)
from pycore.state import State
from pycore.view import view

view(State(), use_numpy=False)  # the first render compiles patterns and fills caches
random.seed(0)  # the page reseeds after restoring; fixed here for reproducible bytes
import gc; gc.collect()
`);
// Pyodide 314 restores into its compiled-in initial memory: a snapshot of a heap that
// grew fails in the browser ("offset is out of bounds", pyodide/pyodide#6254).
if (python._module.HEAP8.length !== heap) {
  console.error(`build_snapshot.mjs: the heap grew from ${heap} to ${python._module.HEAP8.length} bytes; ` +
    "such a snapshot would not restore");
  process.exit(3);
}
const snapshot = python.makeMemorySnapshot();
const packed = gzipSync(snapshot, { level: 6 }); // level 9 takes 2 s more for 0.6 % fewer bytes
writeFileSync(out, packed);
console.log(JSON.stringify({ raw: snapshot.length, gzip: packed.length }));
