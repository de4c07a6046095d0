// Python from build.py's memory snapshot (see boot.mjs): the page names this module as
// PyScript's `version` when the snapshot is the quicker start.
import { fromSnapshot } from "./boot.mjs";

export { version } from "./boot.mjs";
export const loadPyodide = fromSnapshot();
