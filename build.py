#!/usr/bin/env python3
"""Build, serve and test Layer Lens.

    python3 build.py                          write the static site to dist/
    python3 build.py --numpy-wheel PATH|URL   ... with Pyodide's NumPy wheel vendored
    python3 build.py serve [--port N]         build, then serve dist/ on 127.0.0.1
    python3 build.py test [PYTEST ARGS]       build, then run every test
    python3 build.py bench [--quick]          build, then print the page's speed and memory
    python3 build.py screenshot               build, then write docs/screenshot.png

The browser runtime (Pyodide and PyScript) is pinned in package.json and
package-lock.json and installed by `npm ci`, which checks the integrity hashes.
Only the files the page needs are copied into dist/. pycore reaches the browser
as dist/pycore.zip, packed from the same source tree the tests import.
"""

from __future__ import annotations

import argparse
import contextlib
import functools
import gzip
import hashlib
import http.server
import io
import json
import os
import re
import shutil
import subprocess
import sys
import tempfile
import threading
import time
import urllib.request
import zipfile
from pathlib import Path

ROOT = Path(__file__).resolve().parent
DIST = Path(os.environ.get("LAYER_LENS_DIST") or ROOT / "dist")  # another folder keeps parallel runs apart
WEB = ROOT / "web"
MODULES = ROOT / "node_modules"
CACHE = ROOT / ".cache"
VENV = ROOT / ".venv"

PYODIDE_FILES = ("pyodide.mjs", "pyodide.asm.mjs", "pyodide.asm.wasm", "python_stdlib.zip",
                 "pyodide-lock.json")
# PyScript features the page never uses; their modules (loaded on demand) are left out.
# The end-to-end tests fail if the page asks for a file the build left out.
# By module name without its content hash: "py" and "mpy" are the terminal's interpreters.
PYSCRIPT_UNUSED = ("codemirror", "xterm", "toml", "zip", "pyodide_graph", "mpy", "py")
MIME = {".mjs": "text/javascript", ".js": "text/javascript", ".wasm": "application/wasm",
        ".json": "application/json", ".zip": "application/zip", ".whl": "application/zip",
        ".css": "text/css", ".py": "text/x-python", ".png": "image/png", ".gz": "application/gzip"}


def log(message: str) -> None:
    print(message, flush=True)


# -- vendored runtime -------------------------------------------------------------

def ensure_node_modules() -> None:
    """`npm ci` when node_modules is missing or older than the lock file."""
    marker = MODULES / ".package-lock.json"
    lock = ROOT / "package-lock.json"
    if marker.exists() and marker.stat().st_mtime >= lock.stat().st_mtime \
            and (MODULES / "pyodide" / "pyodide.mjs").exists():
        return
    npm = shutil.which("npm")
    if npm is None:
        sys.exit("build.py: npm is needed to fetch the pinned Pyodide and PyScript "
                 "(Debian: apt-get install -y npm).")
    log("Installing the pinned Pyodide and PyScript with npm ci ...")
    subprocess.run([npm, "ci", "--ignore-scripts", "--no-audit", "--no-fund", "--loglevel=error"],
                   cwd=ROOT, check=True)
    marker.touch()


def pyscript_modules(folder: Path) -> list[str]:
    """The modules PyScript's core.js loads: its static imports, and the modules those
    import on demand, less the features the page never uses."""
    wanted, todo = set(), ["core.js"]
    while todo:
        name = todo.pop()
        if name in wanted:
            continue
        wanted.add(name)
        source = (folder / name).read_text(encoding="utf-8")
        for target in re.findall(r"""(?:from|import)\s*\(?\s*["']\./([\w.-]+\.js)["']""", source):
            stem = re.sub(r"-[\w-]{8}\.js$", "", target)
            if not any(stem == unused or stem.startswith(unused + "_") for unused in PYSCRIPT_UNUSED):
                todo.append(target)
    return sorted(wanted)


def vendor_dirs() -> dict[str, str]:
    """Where the runtime goes in dist/, named by version: a new version is a new folder,
    so a page never gets files of two versions under one name."""
    pyscript = json.loads((MODULES / "@pyscript" / "core" / "package.json").read_text())["version"]
    return {"pyodide": f"vendor/pyodide-{_pyodide_version()}", "pyscript": f"vendor/pyscript-{pyscript}"}


def vendor_runtime(dist: Path) -> None:
    folders = vendor_dirs()
    pyodide = MODULES / "pyodide"
    for name in PYODIDE_FILES:
        _copy(pyodide / name, dist / folders["pyodide"] / name)
    pyscript = MODULES / "@pyscript" / "core" / "dist"
    for name in pyscript_modules(pyscript):
        _copy(pyscript / name, dist / folders["pyscript"] / name)


def _copy(source: Path, target: Path) -> None:
    target.parent.mkdir(parents=True, exist_ok=True)
    shutil.copyfile(source, target)


# -- NumPy for the browser ----------------------------------------------------------

def numpy_lock_entry() -> dict:
    lock = json.loads((MODULES / "pyodide" / "pyodide-lock.json").read_text())
    return lock["packages"]["numpy"]


def vendor_numpy(dist: Path, source: str | None, drop: bool) -> str | None:
    """The NumPy wheel's file name in dist's Pyodide folder, or None when the site
    runs on the pure-Python engine. A wheel is only ever used after its sha256
    matches pyodide-lock.json; a verified one is kept in .cache for later builds."""
    entry = numpy_lock_entry()
    name, expected = entry["file_name"], entry["sha256"]
    cached = CACHE / name
    if drop:
        cached.unlink(missing_ok=True)
    if source:
        data = _fetch(source)
        digest = hashlib.sha256(data).hexdigest()
        if digest != expected:
            sys.exit(f"build.py: refusing {source}: its sha256 is {digest}, but pyodide-lock.json "
                     f"pins {name} at {expected}. Use the wheel named {name} from Pyodide "
                     f"{_pyodide_version()}.")
        CACHE.mkdir(exist_ok=True)
        cached.write_bytes(data)
    if cached.exists() and not drop:
        if hashlib.sha256(cached.read_bytes()).hexdigest() != expected:
            cached.unlink()
            sys.exit(f"build.py: the cached {cached} no longer matches pyodide-lock.json; removed it.")
        _copy(cached, dist / vendor_dirs()["pyodide"] / name)
        return name
    return None


def _fetch(source: str) -> bytes:
    if source.startswith(("https://", "http://")):
        log(f"Downloading {source} ...")
        try:
            with urllib.request.urlopen(source, timeout=30) as response:
                return response.read()
        except OSError as error:
            sys.exit(f"build.py: could not download the NumPy wheel ({error}). The site still "
                     "builds without it: leave out --numpy-wheel.")
    path = Path(source)
    if not path.is_file():
        sys.exit(f"build.py: no wheel at {path}")
    return path.read_bytes()


def _pyodide_version() -> str:
    return json.loads((MODULES / "pyodide" / "package.json").read_text())["version"]


# -- pycore and the page ------------------------------------------------------------

def pack_pycore() -> bytes:
    """pycore's *.py (its catalog's too) as a zip, byte-for-byte the same for the same sources."""
    buffer = io.BytesIO()
    with zipfile.ZipFile(buffer, "w", zipfile.ZIP_DEFLATED) as archive:
        for path in sorted((ROOT / "pycore").rglob("*.py")):
            info = zipfile.ZipInfo(path.relative_to(ROOT).as_posix(), date_time=(2020, 1, 1, 0, 0, 0))
            info.compress_type = zipfile.ZIP_DEFLATED
            archive.writestr(info, path.read_bytes())
    return buffer.getvalue()


def page(version: str, snapshot: int | None) -> str:
    """index.html, written by pycore (pycore/page.py) with the textbook's batch example
    already computed, by the same code and renderers the browser runs, so it shows
    before Python loads."""
    sys.path.insert(0, str(ROOT))
    from pycore import page as pages
    from pycore.examples import DEFAULT_EXAMPLE, EXAMPLES
    from pycore.state import State
    from pycore.view import view

    state = State()
    shown = view(state, use_numpy=False, where="build")
    assert not shown.errors, shown.errors
    return pages.document(shown, state, EXAMPLES, app=f"app/{version}", version=version, snapshot=snapshot,
                          default_example=DEFAULT_EXAMPLE)


# every module of the glue, and the rest; not sw.js: the one file of web/ that is not versioned (the site's root)
APP_FILES = (*sorted(path.name for path in WEB.glob("*.js") if path.name != "sw.js"), "boot.mjs",
             "boot-snapshot.mjs", "engine.py", "style.css")


def app_files(numpy_wheel: str | None) -> dict[str, bytes]:
    """The app's own files, as they go into its versioned folder."""
    folders = vendor_dirs()
    files = {}
    for name in APP_FILES:
        data = (WEB / name).read_text(encoding="utf-8")
        for kind, folder in folders.items():  # the runtime, by its versioned folder
            data = data.replace(f"/vendor/{kind}/", f"/{folder}/")
        files[name] = data.encode("utf-8")
    files["pycore.zip"] = pack_pycore()
    site = {"numpy_wheel": f"./{folders['pyodide']}/{numpy_wheel}" if numpy_wheel else None,
            "pyodide": _pyodide_version()}
    files["site.json"] = (json.dumps(site, indent=2) + "\n").encode("utf-8")
    return files


def memory_snapshot(pycore_zip: bytes) -> bytes | None:
    """Pyodide's memory with pycore imported, gzipped (build_snapshot.mjs makes it with
    node, which npm brings): the worker restores it in a fraction of a plain start. Kept
    in .cache under the hash of everything it is made from; None when it cannot be made
    (the page then starts Python as usual)."""
    script = ROOT / "build_snapshot.mjs"
    pyodide = MODULES / "pyodide"
    digest = hashlib.sha256(script.read_bytes() + pycore_zip)
    for name in PYODIDE_FILES:
        digest.update((pyodide / name).read_bytes())
    cached = CACHE / f"snapshot-{digest.hexdigest()[:16]}.bin.gz"
    if cached.exists():
        return cached.read_bytes()
    node = shutil.which("node") or shutil.which("nodejs")
    if node is None:
        log("No node: the site is built without a start-up snapshot (Python starts as usual).")
        return None
    CACHE.mkdir(exist_ok=True)
    part = cached.with_name(f"{cached.name}.{os.getpid()}.part")  # builds running at once never share one
    try:
        with tempfile.TemporaryDirectory() as folder:
            zip_path = Path(folder) / "pycore.zip"
            zip_path.write_bytes(pycore_zip)
            made = subprocess.run([node, str(script), str(pyodide), str(zip_path), str(part)],
                                  capture_output=True, text=True, timeout=300)
        why = None if made.returncode == 0 else made.stderr.strip().splitlines()[-1:] or made.returncode
    except (OSError, subprocess.TimeoutExpired) as error:
        why = error
    if why is not None:
        part.unlink(missing_ok=True)
        log(f"No start-up snapshot ({why}); Python starts as usual.")
        return None
    part.rename(cached)
    for old in CACHE.glob("snapshot-*.bin.gz*"):  # the others are older sources' (6 MB each)
        if old != cached and time.time() - old.stat().st_mtime > 3600:
            old.unlink(missing_ok=True)
    return cached.read_bytes()


def build_page(dist: Path, numpy_wheel: str | None, snapshot: bool = True) -> str:
    """The app's files in app/<version>/, named by their content: a new build is a new
    folder, and index.html (the one file that is not versioned) names its own.
    Returns the version."""
    files = app_files(numpy_wheel)
    snapshot = memory_snapshot(files["pycore.zip"]) if snapshot else None
    if snapshot:
        files["snapshot.bin.gz"] = snapshot
    digest = hashlib.sha256(json.dumps(vendor_dirs()).encode())
    for name in sorted(files):
        digest.update(name.encode() + b"\0" + files[name])
    version = digest.hexdigest()[:12]
    for name, data in files.items():
        target = dist / "app" / version / name
        target.parent.mkdir(parents=True, exist_ok=True)
        target.write_bytes(data)
    (dist / "index.html").write_text(page(version, len(snapshot) if snapshot else None), encoding="utf-8")
    (dist / "sw.js").write_text(service_worker(dist, version), encoding="utf-8")
    return version


def service_worker(dist: Path, version: str) -> str:
    """web/sw.js with the list of the site's files to keep for offline use, and the
    build's version (a new one makes browsers fetch a new whole copy)."""
    files = sorted(p.relative_to(dist).as_posix() for p in dist.rglob("*")
                   if p.is_file() and p.name != "sw.js" and not (p.suffix == ".gz" and p.with_suffix("").exists()))
    listed = json.dumps(["./", *(f"./{name}" for name in files if name != "index.html")])
    script = (WEB / "sw.js").read_text(encoding="utf-8")
    return script.replace('"@version@"', json.dumps(version)).replace('"@files@"', listed)


COMPRESSIBLE = (".html", ".js", ".mjs", ".wasm", ".json", ".css", ".py")


def gzip_copy(path: Path) -> Path:
    """Where precompress puts a file's gzip copy, and where hosts look for it."""
    return path.with_name(path.name + ".gz")


def precompress(dist: Path) -> None:
    """A gzip copy beside each text or wasm file, as hosts that serve precompressed files
    (nginx's gzip_static, `build.py serve`) want: the browser downloads 3.5 MB of Pyodide's
    wasm instead of 9.6 MB. The runtime's large files are compressed once, kept in .cache."""
    for path in sorted(dist.rglob("*")):
        if not path.is_file() or path.suffix not in COMPRESSIBLE or path.stat().st_size < 1024:
            continue
        data = path.read_bytes()
        cached = CACHE / "gzip" / f"{hashlib.sha256(data).hexdigest()[:24]}.gz"
        if cached.exists():
            packed = cached.read_bytes()
        else:
            packed = gzip.compress(data, 9, mtime=0)
            if len(data) > 500_000:
                cached.parent.mkdir(parents=True, exist_ok=True)
                part = cached.with_name(f"{cached.name}.{os.getpid()}.part")  # builds at once never read half
                try:
                    part.write_bytes(packed)
                    part.replace(cached)
                finally:
                    part.unlink(missing_ok=True)
        if len(packed) < 0.9 * len(data):
            gzip_copy(path).write_bytes(packed)


def build(numpy_wheel: str | None = None, no_numpy: bool = False, snapshot: bool = True) -> Path:
    """Write the site into a fresh folder, then swap it in for dist/ at once: a
    server never sees half of one build and half of another."""
    start = time.perf_counter()
    ensure_node_modules()
    fresh = Path(tempfile.mkdtemp(prefix=".dist-", dir=DIST.parent))
    try:
        vendor_runtime(fresh)
        wheel = vendor_numpy(fresh, numpy_wheel, no_numpy)
        build_page(fresh, wheel, snapshot)
        precompress(fresh)
        fresh.chmod(0o755)
        old = DIST.parent / f".dist-old-{os.getpid()}"
        shutil.rmtree(old, ignore_errors=True)
        if DIST.exists():
            DIST.rename(old)
        fresh.rename(DIST)
        shutil.rmtree(old, ignore_errors=True)
    finally:
        shutil.rmtree(fresh, ignore_errors=True)
    engine = f"NumPy ({wheel})" if wheel else "the pure-Python engine (no NumPy wheel vendored)"
    log(f"Built {DIST}/ in {time.perf_counter() - start:.1f} s; the browser "
        f"computes with {engine}.")
    return DIST


# -- serve --------------------------------------------------------------------------

@functools.lru_cache(maxsize=512)
def content_hash(path: str, *version: int) -> str:
    """A file's validator, hashed once per version of the file (its inode, size and
    times: ctime changes with any write, even one that puts the old mtime back)."""
    return hashlib.sha256(Path(path).read_bytes()).hexdigest()[:20]


class Handler(http.server.SimpleHTTPRequestHandler):
    extensions_map = {**http.server.SimpleHTTPRequestHandler.extensions_map, **MIME}
    cache_control = "no-cache"
    # as real hosts speak: Chromium keeps and revalidates (ETag) only HTTP/1.1 responses, so
    # under HTTP/1.0 a repeat visit, or the service worker's install, downloads everything again
    protocol_version = "HTTP/1.1"
    disable_nagle_algorithm = True  # a kept-alive connection: a reply's last bytes go at once, not 40 ms later

    def end_headers(self) -> None:
        self.send_header("Cache-Control", self.cache_control)
        self.send_header("Vary", "Accept-Encoding")
        super().end_headers()

    def send_head(self):
        """The file, or the gzip copy beside it (precompress) to a browser that accepts
        gzip, validated by a hash of its bytes: a redeploy within the same second, or one
        that keeps the files' times, is still seen as new."""
        path = Path(self.translate_path(self.path))
        if path.is_dir():
            if not self.path.split("?")[0].endswith("/"):
                return super().send_head()  # the standard redirect to the folder's "/"
            path = path / "index.html"
        packed = gzip_copy(path)
        encoded = path.suffix in COMPRESSIBLE and packed.is_file() and path.is_file() \
            and packed.stat().st_mtime_ns >= path.stat().st_mtime_ns \
            and "gzip" in self.headers.get("Accept-Encoding", "")  # never a copy older than the file
        served = packed if encoded else path
        if not served.is_file():
            return super().send_head()  # the standard 404
        stat = served.stat()
        tag = f'"{content_hash(str(served), stat.st_ino, stat.st_size, stat.st_mtime_ns, stat.st_ctime_ns)}"'
        if tag in self.headers.get("If-None-Match", ""):  # unchanged: a few bytes, not megabytes
            self.send_response(304)
            self.send_header("ETag", tag)
            self.send_header("Content-Length", "0")
            self.end_headers()
            return None
        file = served.open("rb")
        self.send_response(200)
        self.send_header("Content-Type", self.guess_type(str(path)))
        if encoded:
            self.send_header("Content-Encoding", "gzip")
        self.send_header("Content-Length", str(stat.st_size))
        self.send_header("ETag", tag)
        self.end_headers()
        return file

    def log_message(self, format: str, *args) -> None:
        if os.environ.get("LAYER_LENS_QUIET") is None:
            super().log_message(format, *args)


class Server(http.server.ThreadingHTTPServer):
    daemon_threads = True

    def handle_error(self, request, client_address) -> None:
        # A browser that cancels a download (a reload, a closed tab) is not an error.
        if isinstance(sys.exc_info()[1], (ConnectionResetError, BrokenPipeError)):
            return
        super().handle_error(request, client_address)


def make_server(port: int, directory: Path = DIST, cache_control: str = "no-cache") -> Server:
    """``cache_control``: what every response says (the tests also play a host that lets
    browsers keep files for 10 minutes, as many static hosts do)."""
    handler_class = type("Handler", (Handler,), {"cache_control": cache_control})
    handler = functools.partial(handler_class, directory=str(directory))
    return Server(("127.0.0.1", port), handler)


@contextlib.contextmanager
def serving(directory: Path = DIST, cache_control: str = "no-cache"):
    """``directory`` served on a free port in a background thread, for as long as the
    ``with`` lasts (the tests, the screenshot): yields its address."""
    server = make_server(0, directory, cache_control)
    threading.Thread(target=server.serve_forever, daemon=True).start()
    try:
        yield f"http://127.0.0.1:{server.server_address[1]}/"
    finally:
        server.shutdown()
        server.server_close()


def listen(port: int) -> Server:
    """The server, bound before anything is built: a port in use is said at once."""
    try:
        return make_server(port)
    except OSError as error:
        sys.exit(f"build.py: cannot serve on 127.0.0.1:{port} ({error.strerror}). Is another "
                 f"server using it? Try: python3 build.py serve --port {port + 1}")


def serve(server: Server) -> None:
    log(f"Serving Layer Lens at http://127.0.0.1:{server.server_address[1]}/  (Ctrl-C stops)")
    try:
        server.serve_forever()
    except KeyboardInterrupt:
        log("\nStopped.")
    finally:
        server.server_close()


# -- test ---------------------------------------------------------------------------

TEST_LOCK = ROOT / "requirements-test.txt"


def test_python() -> str:
    """.venv's Python, with exactly the pinned test dependencies (requirements-test.txt,
    checked by hash): installed when .venv is new or the lock file has changed since."""
    python = VENV / "bin" / "python"
    if not python.exists():
        log("Creating .venv for the test dependencies ...")
        subprocess.run([sys.executable, "-m", "venv", str(VENV)], check=True)
    marker = VENV / ".requirements-test.sha256"
    wanted = hashlib.sha256(TEST_LOCK.read_bytes()).hexdigest()
    if not marker.exists() or marker.read_text().strip() != wanted:
        log("Installing the pinned test dependencies into .venv ...")
        subprocess.run([str(python), "-m", "pip", "install", "--quiet", "--disable-pip-version-check",
                        "--require-hashes", "-r", str(TEST_LOCK)], check=True)
        marker.write_text(wanted + "\n")
    return str(python)


def ensure_chromium() -> None:
    """The end-to-end tests need a Chromium; Debian's works where Playwright's own
    download does not. Installed when missing and allowed (as root, with apt-get)."""
    if any(shutil.which(name) for name in ("chromium", "chromium-browser", "google-chrome")):
        return
    if os.environ.get("PLAYWRIGHT_BROWSERS_PATH") or (Path.home() / ".cache" / "ms-playwright").exists():
        return
    if hasattr(os, "geteuid") and os.geteuid() == 0 and shutil.which("apt-get"):
        log("Installing Debian's Chromium for the end-to-end tests ...")
        subprocess.run(["apt-get", "update", "-qq"], check=True)
        subprocess.run(["apt-get", "install", "-y", "-qq", "chromium"], check=True,
                       env={**os.environ, "DEBIAN_FRONTEND": "noninteractive"})
        return
    log("No Chromium found: the end-to-end tests will fail. Install one, e.g. "
        "`sudo apt-get install chromium`.")


SERIAL_ONLY = ("--pdb", "--trace", "-s", "--capture=no")  # a debugger or the tests' own output: one process


def parallel(pytest_args: list[str]) -> list[str]:
    """pytest-xdist's options: one worker more than the cores this process may use, up to 4,
    each test file on one worker (a file's tests share fixtures). The end-to-end tests spend
    part of their time waiting (a typing pause, a watchdog, a service worker's install), so
    on this 2-core machine 3 workers took 185 s where 2 took 211 s and one about 230 s.
    Nothing when there is one core, when xdist is turned off (-p no:xdist) or the run needs
    one process (--pdb, -s); a -n or --dist given by the caller comes later and wins."""
    cores = len(os.sched_getaffinity(0)) if hasattr(os, "sched_getaffinity") else os.cpu_count() or 1
    args = " ".join(pytest_args).replace("-p ", "-p")
    if cores < 2 or "-pno:xdist" in args or any(arg in SERIAL_ONLY for arg in pytest_args):
        return []
    return ["-n", str(min(cores + 1, 4)), "--dist", "loadfile"]


def test(pytest_args: list[str]) -> int:
    python = test_python()
    ensure_chromium()
    build()
    done = subprocess.run([python, "-m", "pytest", *parallel(pytest_args), *pytest_args], cwd=ROOT,
                          env={**os.environ, "LAYER_LENS_BUILT": str(DIST)})  # the e2e tests need not build again
    if done.returncode == 5:
        log("build.py: pytest collected no tests: that is a failure, not a pass.")
        return 1
    return done.returncode


def bench(bench_args: list[str]) -> int:
    """benchmarks/bench_page.py (it builds the site first) under .venv's Python, which has Playwright."""
    python = test_python()
    ensure_chromium()
    return subprocess.run([python, str(ROOT / "benchmarks" / "bench_page.py"), *bench_args], cwd=ROOT).returncode


def screenshot() -> int:
    """docs/screenshot.png, the README's picture, from the built page (docs/make_screenshot.py)."""
    python = test_python()
    ensure_chromium()
    build()
    return subprocess.run([python, str(ROOT / "docs" / "make_screenshot.py")], cwd=ROOT).returncode


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0],
                                     formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("command", nargs="?", choices=["build", "serve", "test", "bench", "screenshot"], default="build")
    parser.add_argument("--port", type=int, default=8000, help="port for serve (default 8000)")
    parser.add_argument("--numpy-wheel", metavar="PATH|URL",
                        help="Pyodide's NumPy wheel, checked against pyodide-lock.json")
    parser.add_argument("--no-numpy", action="store_true", help="drop a previously vendored wheel")
    parser.add_argument("--no-snapshot", action="store_true",
                        help="no start-up snapshot: the page starts Python the plain way (6.6 MB less to host)")
    args, rest = parser.parse_known_args(argv)
    if args.command == "test":
        return test(rest)
    if args.command == "bench":
        return bench(rest)
    if args.command == "screenshot":
        return screenshot()
    if rest:
        parser.error(f"unrecognised arguments: {' '.join(rest)}")
    server = listen(args.port) if args.command == "serve" else None
    build(args.numpy_wheel, args.no_numpy, snapshot=not args.no_snapshot)
    if server:
        serve(server)
    return 0


if __name__ == "__main__":
    sys.exit(main())
