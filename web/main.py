"""Layer Lens's page glue: read the editors and the URL, ask pycore, put its
rendered fragments into the page, wire the events. No maths here.

User text only ever reaches the page as a textarea's value, through
``textContent``, or escaped by pycore's renderers.
"""

import json

from pyodide.ffi import create_proxy
from pyscript import document, window

from pycore import render_html
from pycore import state as fragment
from pycore.state import MAX_LAYERS, State
from pycore.view import view

STORAGE_KEY = "layer-lens:state"


def by_id(name):
    return document.getElementById(name)


async def load_numpy():
    """NumPy when the build vendored its wheel (never from another origin)."""
    with open("site.json") as file:
        wheel = json.load(file).get("numpy_wheel")
    if not wheel:
        return
    import pyodide_js  # noqa: PLC0415 (Pyodide's own module, only in the browser)

    url = window.URL.new(wheel, window.location.href).href
    try:
        await pyodide_js.loadPackage(url)
    except Exception as error:  # the page still works on the pure-Python engine
        window.console.warn(f"NumPy did not load ({error}); computing with the Python loops.")


class Page:
    def __init__(self):
        self.state = State()
        self.selected = {}  # layer number -> (row, column) of the selected product cell
        self.trace = None
        self.loaded = False  # True once a link, the last visit or a reset replaced the fields
        self.frame_pending = False
        self.proxies = []

    # -- events ------------------------------------------------------------------
    def listen(self, target, event, handler):
        proxy = create_proxy(handler)
        self.proxies.append(proxy)  # kept alive for the page's lifetime
        target.addEventListener(event, proxy)

    def wire(self):
        self.listen(by_id("editors"), "input", self.on_input)
        self.listen(by_id("steps-body"), "click", self.on_cell_click)
        self.listen(by_id("steps-body"), "keydown", self.on_cell_key)
        self.listen(by_id("add-layer"), "click", lambda event: self.add_layer())
        self.listen(by_id("remove-layer"), "click", lambda event: self.remove_layer())
        self.listen(by_id("reset"), "click", lambda event: self.load(State(), []))
        self.listen(by_id("copy-link"), "click", self.copy_link)
        self.listen(window, "hashchange", lambda event: self.load_from_link())

    def on_input(self, event):
        # Coalesce keystrokes into one render per animation frame: no debounce lag.
        if not self.frame_pending:
            self.frame_pending = True
            window.requestAnimationFrame(self.proxy_frame)

    def on_frame(self, timestamp):
        self.frame_pending = False
        self.state = self.read_fields()
        self.render()

    def on_cell_click(self, event):
        button = event.target.closest("button.cell")
        if button:
            self.select(button)

    def on_cell_key(self, event):
        button = event.target.closest("button.cell")
        moves = {"ArrowLeft": (0, -1), "ArrowRight": (0, 1), "ArrowUp": (-1, 0), "ArrowDown": (1, 0)}
        if not button or event.key not in moves:
            return
        neighbour = self.neighbour(button, *moves[event.key])
        if neighbour:
            event.preventDefault()
            self.select(neighbour)

    def neighbour(self, button, d_row, d_col):
        """The next selectable cell in a direction, skipping the '…' of a summary."""
        cell = button.parentElement
        row = cell.parentElement
        if d_col:
            cell = cell.nextElementSibling if d_col > 0 else cell.previousElementSibling
            while cell and not cell.querySelector("button.cell"):
                cell = cell.nextElementSibling if d_col > 0 else cell.previousElementSibling
            return cell.querySelector("button.cell") if cell else None
        index = list(row.children).index(cell)
        row = row.nextElementSibling if d_row > 0 else row.previousElementSibling
        while row and not (index < row.children.length and row.children[index].querySelector("button.cell")):
            row = row.nextElementSibling if d_row > 0 else row.previousElementSibling
        return row.children[index].querySelector("button.cell") if row else None

    def select(self, button):
        layer = int(button.dataset.layer)
        self.selected[layer] = (int(button.dataset.row), int(button.dataset.col))
        if self.trace is not None:
            by_id("steps-body").innerHTML = render_html.render(self.trace, self.selected)
        row, col = self.selected[layer]
        again = document.querySelector(
            f'#steps-body button.cell[data-layer="{layer}"][data-row="{row}"][data-col="{col}"]')
        if again:
            again.focus()

    # -- fields ------------------------------------------------------------------
    def read_fields(self):
        def text(name):
            element = by_id(f"field-{name}")
            return element.value if element else ""
        layers = []
        for number in range(1, len(self.state.layers) + 1):
            suffix = "" if number == 1 else str(number)
            layers.append((text("weights" + suffix), text("biases" + suffix)))
        return State(text("inputs"), layers, self.state.hide, self.state.step)

    def write_fields(self):
        """Rebuild the editors for ``self.state`` (a link was opened, or a reset)."""
        by_id("field-inputs").value = self.state.inputs
        by_id("layers").innerHTML = "".join(
            render_html.layer_fields(n, w, b) for n, (w, b) in enumerate(self.state.layers, start=1))
        self.update_layer_buttons()

    def add_layer(self):
        self.state = self.read_fields()
        if len(self.state.layers) >= MAX_LAYERS:
            return
        self.state = self.state.with_layer_added()
        number = len(self.state.layers)
        weights, biases = self.state.layers[-1]
        by_id("layers").insertAdjacentHTML("beforeend", render_html.layer_fields(number, weights, biases))
        self.update_layer_buttons()
        self.render()
        by_id(f"field-weights{number}").focus()

    def remove_layer(self):
        self.state = self.read_fields()
        if len(self.state.layers) <= 1:
            return
        by_id("layers").lastElementChild.remove()
        self.selected.pop(len(self.state.layers), None)
        self.state = State(self.state.inputs, self.state.layers[:-1], self.state.hide, self.state.step)
        self.update_layer_buttons()
        self.render()

    def update_layer_buttons(self):
        by_id("remove-layer").disabled = len(self.state.layers) <= 1
        by_id("add-layer").disabled = len(self.state.layers) >= MAX_LAYERS

    # -- state from a link or from the last visit ----------------------------------
    def load_from_link(self):
        state, problems = fragment.decode(str(window.location.hash))
        if state is None and not problems:
            return False
        self.load(state or State(), problems)
        return True

    def load_from_storage(self):
        try:
            saved = window.localStorage.getItem(STORAGE_KEY)
        except Exception:  # storage can be switched off
            saved = None
        if not saved:
            return False
        state, _ = fragment.decode(str(saved))
        if state is None:
            return False
        self.load(state, [])
        return True

    def load(self, state, problems):
        self.loaded = True
        self.state = state
        self.selected = {}
        self.trace = None  # what the page shows now belongs to other fields
        self.write_fields()
        self.show_link_problems(problems)
        body = document.body
        for choice in fragment.HIDE_CHOICES:
            body.classList.toggle(f"hide-{choice}", choice in state.hide)
        if state.step:
            body.dataset.step = state.step
        else:
            body.removeAttribute("data-step")
        self.render()

    def show_link_problems(self, problems):
        box = by_id("link-problems")
        box.replaceChildren()
        for problem in problems:
            line = document.createElement("p")
            line.textContent = problem
            box.appendChild(line)
        box.hidden = not problems

    # -- render --------------------------------------------------------------------
    def render(self):
        shown = view(self.state, self.selected)
        for element in document.querySelectorAll("#editors textarea"):
            name = element.dataset.key
            message = shown.errors.get(name, "")
            error = by_id(f"error-{name}")
            error.textContent = message
            error.hidden = not message
            if message:
                element.setAttribute("aria-invalid", "true")
            else:
                element.removeAttribute("aria-invalid")
        stale = by_id("stale-note")
        if shown.errors and self.trace is None and self.loaded:
            # freshly opened fields that do not compute: nothing earlier belongs to them
            stale.hidden = True
            document.body.classList.remove("stale")
            for region in ("outputs-body", "steps-body"):
                by_id(region).replaceChildren()
                note = document.createElement("p")
                note.className = "empty"
                note.textContent = "Nothing to show yet: fix the field marked in red."
                by_id(region).appendChild(note)
            for name in ("code-loops", "code-numpy", "engine"):
                by_id(name).textContent = ""
        elif shown.errors:
            # keep the last good result, marked as out of date
            (name, _), = shown.errors.items()
            label = document.querySelector(f'label[for="field-{name}"]')
            field = label.textContent if label else name
            stale.textContent = (f"Out of date: these results are for the last fields that "
                                 f"computed. Fix {field} to update them.")
            stale.hidden = False
            document.body.classList.add("stale")
        else:
            stale.hidden = True
            document.body.classList.remove("stale")
            self.trace = shown.trace
            by_id("outputs-body").innerHTML = shown.outputs
            by_id("steps-body").innerHTML = shown.steps
            by_id("code-loops").textContent = shown.code_loops
            by_id("code-numpy").textContent = shown.code_numpy
            by_id("engine").textContent = shown.engine
        self.remember()

    def remember(self):
        """The fragment is the source of truth; localStorage brings it back on a bare visit."""
        encoded = fragment.encode(self.state)
        if str(window.location.hash) != "#" + encoded:
            window.history.replaceState(None, "", "#" + encoded)
        for link in document.querySelectorAll("nav.examples a"):
            if link.getAttribute("href") == "#" + encoded:
                link.setAttribute("aria-current", "page")
            else:
                link.removeAttribute("aria-current")
        try:
            window.localStorage.setItem(STORAGE_KEY, encoded)
        except Exception:  # full or switched off: the link still holds everything
            pass

    # -- copy link -----------------------------------------------------------------
    def copy_link(self, event):
        link = str(window.location.href)
        status = by_id("copy-status")
        clipboard = getattr(window.navigator, "clipboard", None)

        def copied(*args):
            status.textContent = "Link copied."
            by_id("copy-fallback").hidden = True

        def failed(*args):
            self.copy_fallback(link)

        if clipboard is not None and getattr(clipboard, "writeText", None) is not None:
            clipboard.writeText(link).then(create_proxy(copied), create_proxy(failed))
        else:
            self.copy_fallback(link)

    def copy_fallback(self, link):
        """No Clipboard API (an insecure origin, an old browser): select the link in a
        field and try the old copy command; the field stays for copying by hand."""
        box, field = by_id("copy-fallback"), by_id("copy-fallback-field")
        field.value = link
        box.hidden = False
        field.focus()
        field.select()
        try:
            done = document.execCommand("copy")
        except Exception:
            done = False
        by_id("copy-status").textContent = ("Link copied." if done else
                                            "Select the link below and copy it.")

    def start(self):
        self.proxy_frame = create_proxy(self.on_frame)
        self.wire()
        if not self.load_from_link() and not self.load_from_storage():
            self.state = self.read_fields()  # keep anything typed while Python loaded
            self.update_layer_buttons()
            self.render()
        by_id("loading").hidden = True
        document.body.dataset.ready = "true"


await load_numpy()  # noqa: F704 (PyScript runs this module with top-level await)
page = Page()
page.start()
