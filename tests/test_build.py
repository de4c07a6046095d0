"""build.py: the vendored runtime, the NumPy wheel check, pre-rendering, serving."""

import hashlib
import html
import json
import re
import signal
import socket
import subprocess
import sys
import urllib.error
import urllib.request

import pytest
from helpers import ROOT

import build
from pycore.examples import EXAMPLES
from pycore.state import MAX_LAYERS


@pytest.fixture(scope="module")
def dist(tmp_path_factory):
    """A build of its own (the end-to-end tests, perhaps running at once, serve dist/)."""
    with pytest.MonkeyPatch.context() as patch:
        patch.setattr(build, "DIST", tmp_path_factory.mktemp("build") / "dist")
        yield build.build()


def app(dist):
    """The build's own folder, app/<version>/ (one per build)."""
    (folder,) = (dist / "app").iterdir()
    return folder


def test_dist_has_what_the_page_needs_and_nothing_from_node_modules(dist):
    vendor = build.vendor_dirs()
    for name in ["index.html", "sw.js", *(f"{app(dist).relative_to(dist)}/{n}" for n in build.APP_FILES),
                 f"{app(dist).relative_to(dist)}/pycore.zip", f"{app(dist).relative_to(dist)}/site.json",
                 f"{vendor['pyscript']}/core.js", f"{vendor['pyodide']}/pyodide.mjs",
                 f"{vendor['pyodide']}/pyodide.asm.wasm", f"{vendor['pyodide']}/python_stdlib.zip",
                 f"{vendor['pyodide']}/pyodide-lock.json"]:
        assert (dist / name).is_file(), name
    assert not list(dist.rglob("node_modules")) and not list(dist.rglob("*.map"))
    assert not list(dist.glob("vendor/*/codemirror*")) and not list(dist.glob("vendor/*/xterm*"))


def test_every_file_but_the_page_is_named_by_its_version(dist):
    page = (dist / "index.html").read_text()
    version = app(dist).name
    assert f'src="./app/{version}/app.js"' in page and f'href="./app/{version}/style.css"' in page
    assert f'data-version="{version}"' in page
    client = (app(dist) / "engine-client.js").read_text()
    assert f"../../{build.vendor_dirs()['pyscript']}/core.js" in client  # the runtime, by its own version
    for script in app(dist).glob("*.js"):
        assert "/vendor/pyscript/" not in script.read_text() and "/vendor/pyodide/" not in script.read_text()


def test_a_changed_file_makes_a_new_version(dist, tmp_path, monkeypatch):
    before = app(dist).name
    monkeypatch.setattr(build, "WEB", tmp_path / "web")
    import shutil
    shutil.copytree(ROOT / "web", tmp_path / "web")
    (tmp_path / "web" / "style.css").write_text((ROOT / "web" / "style.css").read_text() + "\n/* changed */\n")
    fresh = tmp_path / "dist"
    fresh.mkdir()
    assert build.build_page(fresh, None) != before


def test_the_vendored_runtime_is_byte_for_byte_the_locked_package(dist):
    shipped = (dist / build.vendor_dirs()["pyodide"] / "pyodide.asm.wasm").read_bytes()
    assert shipped == (ROOT / "node_modules/pyodide/pyodide.asm.wasm").read_bytes()


def test_pycore_reaches_the_browser_from_the_same_source_tree(dist):
    import zipfile
    with zipfile.ZipFile(app(dist) / "pycore.zip") as archive:
        names = sorted(archive.namelist())
        assert names == sorted(p.relative_to(ROOT).as_posix() for p in (ROOT / "pycore").rglob("*.py"))
        assert "pycore/catalog/en.py" in names  # the catalog too
        assert archive.read("pycore/dense.py") == (ROOT / "pycore/dense.py").read_bytes()


def test_the_page_is_prerendered_with_the_textbooks_batch(dist):
    page = (dist / "index.html").read_text()
    assert "<!--@" not in page
    assert "2.385" in page and "0.026" in page and "weightsᵀ" in page
    assert 'aria-label="Examples"' in page and page.count('href="#inputs=') == len(EXAMPLES)
    assert not re.findall(r'(?:src|href|action)="(?:https?:)?//', page)  # nothing from other origins


def test_a_build_replaces_dist_whole(tmp_path, monkeypatch):
    # a file no build writes is gone after the next build: nothing of an old build lingers
    monkeypatch.setattr(build, "DIST", tmp_path / "dist")
    build.build()
    (build.DIST / "left-over.txt").write_text("from an earlier build")
    build.build()
    assert not (build.DIST / "left-over.txt").exists()
    assert not list(tmp_path.glob(".dist-*"))


def test_a_wrong_numpy_wheel_is_refused(tmp_path):
    wrong = tmp_path / build.numpy_lock_entry()["file_name"]
    wrong.write_bytes(b"not numpy")
    with pytest.raises(SystemExit) as refused:
        build.vendor_numpy(tmp_path / "dist", str(wrong), drop=False)
    message = str(refused.value)
    assert "refusing" in message and "sha256" in message and build.numpy_lock_entry()["sha256"] in message


def test_a_wheel_that_matches_the_lock_is_vendored(tmp_path, monkeypatch):
    data = b"a stand-in wheel"
    entry = {"file_name": "numpy-test.whl", "sha256": hashlib.sha256(data).hexdigest()}
    monkeypatch.setattr(build, "numpy_lock_entry", lambda: entry)
    monkeypatch.setattr(build, "CACHE", tmp_path / "cache")
    dist = tmp_path / "dist"
    source = tmp_path / "wheel.whl"
    source.write_bytes(data)
    assert build.vendor_numpy(dist, str(source), drop=False) == "numpy-test.whl"
    assert (dist / build.vendor_dirs()["pyodide"] / "numpy-test.whl").read_bytes() == data
    fresh = tmp_path / "fresh"
    assert build.vendor_numpy(fresh, None, drop=False) == "numpy-test.whl"  # kept for later builds
    assert build.vendor_numpy(tmp_path / "third", None, drop=True) is None
    assert not (tmp_path / "third" / build.vendor_dirs()["pyodide"] / "numpy-test.whl").exists()


def free_port() -> int:
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return s.getsockname()[1]


def test_serve_mime_types_and_ctrl_c(dist):
    port = free_port()
    server = subprocess.Popen([sys.executable, "build.py", "serve", "--port", str(port)], cwd=ROOT,
                              stdout=subprocess.PIPE, stderr=subprocess.PIPE, text=True,
                              env={**__import__("os").environ, "LAYER_LENS_QUIET": "1",
                                   "LAYER_LENS_DIST": str(dist)})  # not dist/: pages may be using it
    try:
        line = ""
        while "Serving" not in line:
            line = server.stdout.readline()
            assert line, server.stderr.read()
        assert f"http://127.0.0.1:{port}/" in line
        vendor = build.vendor_dirs()["pyodide"]
        for path, mime in [(f"{vendor}/pyodide.asm.wasm", "application/wasm"),
                           (f"{vendor}/pyodide.mjs", "text/javascript"),
                           ("index.html", "text/html")]:
            with urllib.request.urlopen(f"http://127.0.0.1:{port}/{path}") as response:
                assert response.headers["Content-Type"].startswith(mime), path
    finally:
        server.send_signal(signal.SIGINT)
        out, err = server.communicate(timeout=10)
    assert server.returncode == 0 and "Stopped." in out and "Traceback" not in err


def test_serve_sends_the_gzip_copy_to_browsers_that_accept_it(dist):
    import gzip
    wasm = f"{build.vendor_dirs()['pyodide']}/pyodide.asm.wasm"
    with build.serving(dist) as base:
        for path in (wasm, "", f"{app(dist).relative_to(dist).as_posix()}/app.js"):
            original = (dist / (path or "index.html")).read_bytes()
            asked = urllib.request.Request(base + path, headers={"Accept-Encoding": "gzip, br"})
            with urllib.request.urlopen(asked) as response:
                assert response.headers["Content-Encoding"] == "gzip", path
                assert response.headers["Vary"] == "Accept-Encoding"
                packed = response.read()
            assert gzip.decompress(packed) == original and len(packed) < 0.7 * len(original), path
            with urllib.request.urlopen(base + path) as response:  # no gzip asked for: the file itself
                assert response.headers["Content-Encoding"] is None and response.read() == original
        with urllib.request.urlopen(base) as response:
            tag = response.headers["ETag"]
        again = urllib.request.Request(base, headers={"If-None-Match": tag})
        with pytest.raises(urllib.error.HTTPError) as unchanged:
            urllib.request.urlopen(again)
        assert unchanged.value.code == 304


def test_serve_sees_a_redeploy_even_when_it_keeps_the_files_times(tmp_path):
    """A browser revalidating its copy gets the new page after a redeploy in the same
    second, or one that copies the old times onto new files."""
    import os
    page = tmp_path / "index.html"
    page.write_text("<p>build A</p>")
    with build.serving(tmp_path) as base:
        with urllib.request.urlopen(base) as response:
            tag = response.headers["ETag"]
        times = page.stat()
        page.write_text("<p>build B</p>")  # the same size
        os.utime(page, ns=(times.st_atime_ns, times.st_mtime_ns))
        with urllib.request.urlopen(urllib.request.Request(base, headers={"If-None-Match": tag})) as response:
            assert response.status == 200 and response.read() == b"<p>build B</p>"
            assert response.headers["ETag"] != tag


def test_python_starts_from_a_snapshot_of_this_builds_pycore(dist):
    """build_snapshot.mjs ran (npm brings node); the page is told the snapshot's size."""
    snapshot = app(dist) / "snapshot.bin.gz"
    assert snapshot.is_file() and 3_000_000 < snapshot.stat().st_size < 12_000_000
    assert f'data-snapshot="{snapshot.stat().st_size}"' in (dist / "index.html").read_text()
    import gzip
    memory = gzip.decompress(snapshot.read_bytes())
    assert b"pycore/view.py" in memory  # pycore was imported when the memory was taken
    assert build.memory_snapshot(build.pack_pycore()) == snapshot.read_bytes()  # from .cache


def test_a_change_to_pycore_makes_a_new_snapshot_and_a_failure_builds_without_one(dist, monkeypatch, tmp_path):
    made = []

    def node(command, **_):  # build_snapshot.mjs, failing as it does when the heap grew
        made.append(command)
        return subprocess.CompletedProcess(command, 3, "", "build_snapshot.mjs: the heap grew")
    monkeypatch.setattr(build.subprocess, "run", node)
    monkeypatch.setattr(build, "CACHE", tmp_path)
    assert build.memory_snapshot(build.pack_pycore() + b"changed") is None
    assert len(made) == 1 and not list(tmp_path.glob("*.part"))


def test_serve_on_a_port_in_use_says_so(dist):
    with socket.socket() as taken:
        taken.bind(("127.0.0.1", 0))
        taken.listen()
        port = taken.getsockname()[1]
        done = subprocess.run([sys.executable, "build.py", "serve", "--port", str(port)], cwd=ROOT,
                              capture_output=True, text=True, timeout=60,
                              env={**__import__("os").environ, "LAYER_LENS_DIST": str(dist)})
    assert done.returncode != 0
    assert f"cannot serve on 127.0.0.1:{port}" in done.stderr and f"--port {port + 1}" in done.stderr


def test_the_offline_copy_lists_every_file_of_one_build(dist):
    script = (dist / "sw.js").read_text()
    files = json.loads(re.search(r"const FILES = (\[.*?\]);", script).group(1))
    expected = {"./"} | {f"./{p.relative_to(dist).as_posix()}" for p in dist.rglob("*")
                         if p.is_file() and p.name not in ("sw.js", "index.html")
                         and not (p.suffix == ".gz" and p.with_suffix("").exists())}  # gzip copies
    assert set(files) == expected and f"./{build.vendor_dirs()['pyodide']}/pyodide.asm.wasm" in files
    assert re.search(r'const VERSION = "(\w+)"', script).group(1) == app(dist).name


def test_the_site_ships_a_content_security_policy_and_no_inline_code(dist):
    page = (dist / "index.html").read_text()
    policy = html.unescape(re.search(r'<meta http-equiv="Content-Security-Policy" content="([^"]+)">', page).group(1))
    directives = dict(part.strip().split(" ", 1) for part in policy.split(";"))
    assert directives["default-src"] == "'self'"
    assert directives["script-src"] == "'self' 'wasm-unsafe-eval'"  # Pyodide compiles WebAssembly
    assert directives["worker-src"] == "'self' blob:"  # PyScript starts its worker from a blob
    assert "unsafe-inline" not in policy and "unsafe-eval'" not in policy.replace("wasm-unsafe-eval'", "")
    # every script is a file; the one inline block is data (pycore's words and table), never run
    assert re.findall(r"<script(?![^>]*\bsrc=)[^>]*>", page) == ['<script type="application/json" id="layer-lens-data">']
    data = re.search(r'<script type="application/json" id="layer-lens-data">(.*?)</script>', page, re.S).group(1)
    assert "<" not in data and json.loads(data)["state"]["max_layers"] == MAX_LAYERS
    assert not re.search(r"\son[a-z]+=", page) and " style=" not in page  # no handlers, no inline styles
