"""Keyboard safety and visible state for every kit widget (contract 5: the DOM class ``medialit-kit``).

JupyterLab's keyboard shortcuts (``r`` makes a Raw cell, ``m`` Markdown, arrows move
between cells, ...) are Lumino key bindings. Lumino's ``CommandRegistry`` skips every
binding for a key press whose target element, or an element between it and the
binding's selector, carries the attribute ``data-lm-suppress-shortcuts``. Because the
notebook's command-mode bindings match the focused element itself
(``.jp-Notebook.jp-mod-commandMode :focus:not(:read-write)``), the attribute has to be
on the focused control, not only on an outer box.

So the kit ships one small anywidget, ``KeyboardGuard``. Its JavaScript, loaded once
per page, listens in the capture phase of ``window`` (before Lumino sees the key):
any key pressed, or focus given, inside an element with the class ``medialit-kit``
puts ``data-lm-suppress-shortcuts`` on that control. The control then gets every key
itself (letters pick an option, arrows choose, Space/Enter press; only Ctrl+S / Cmd+S,
saving the notebook, still reaches JupyterLab), in JupyterLab and
in Voila alike (Voila has no notebook shortcuts; the attribute is harmless there).
In a row of toggle buttons the arrow keys move to the next button and choose it (a
radio group), so "the arrow keys change a choice" is true for every kit control.
The same script adds a focus outline of at least 3:1 contrast, marks the selected
toggle button with ✔, bold, underline and ``aria-pressed``, and watches the kernel:
it pings it every few seconds and, when no answer comes, marks the kit box
``medialit-disconnected`` (a banner says answers are not being saved, and every
"saved" mark is hidden), so a view whose kernel is gone never looks saved.

``protect(box)`` gives a box the class and a guard; every kit widget calls it. A box
that only has the class is covered as soon as any guard is on the page, but a widget
that may be shown alone should call ``protect``. Importing this module has no side
effects; ``anywidget`` is imported when the first guard is made.
"""

from __future__ import annotations

from collections.abc import Callable
from string import Template
from typing import TYPE_CHECKING

from medialit.vocabulary import COLOURS, MARK_OPEN, MARK_RIGHT

if TYPE_CHECKING:
    import ipywidgets

KIT_CLASS = "medialit-kit"
ITEM_CLASS = "medialit-item"
SAVED_CLASS = "medialit-saved"
PING_SECONDS = 3
SILENT_SECONDS = 10  # no answer from the kernel for this long: the view says it is disconnected

HELP_JUPYTERLAB_AND_VOILA = (
    "Keyboard: <strong>Tab</strong> and <strong>Shift+Tab</strong> move between controls. In a drop-down list or a "
    "row of buttons such as <em>Show</em>, "
    "<strong>↑</strong>/<strong>↓</strong> or the first letter of an answer choose it. In a list where you may choose "
    "several, <strong>↑</strong>/<strong>↓</strong> choose one, <strong>Shift+↑</strong>/<strong>Shift+↓</strong> add "
    "the next one, <strong>Ctrl+↑</strong>/<strong>Ctrl+↓</strong> move without choosing and "
    "<strong>Ctrl+Space</strong> adds or removes the one you are on. <strong>Space</strong> or <strong>Enter</strong> "
    "presses a button. This works the same in JupyterLab and in the Voila app; inside the exercise JupyterLab's "
    "notebook shortcuts are switched off, so no key changes your notebook."
)

_ESM = Template(r"""
const KIT = ".medialit-kit";
const STATE = "__medialitKit";

function kitOf(node) {
  return node instanceof Element ? node.closest(KIT) : null;
}

function markToggles(root) {
  for (const button of root.querySelectorAll(".widget-toggle-button")) {
    const pressed = button.classList.contains("mod-active") ? "true" : "false";
    if (button.getAttribute("aria-pressed") !== pressed) button.setAttribute("aria-pressed", pressed);
  }
}

function suppress(target, event) {
  if (!(target instanceof Element) || !kitOf(target)) return;
  // Only Ctrl+S / Cmd+S (save the notebook) still reaches JupyterLab; every other key stays in the control.
  const save = event && (event.ctrlKey || event.metaKey) && !event.altKey && (event.key === "s" || event.key === "S");
  if (save) target.removeAttribute("data-lm-suppress-shortcuts");
  else if (!target.hasAttribute("data-lm-suppress-shortcuts")) target.setAttribute("data-lm-suppress-shortcuts", "true");
}

// Toggle buttons act as one radio group: an arrow key moves to the next (or previous) button and chooses it.
const STEPS = { ArrowRight: 1, ArrowDown: 1, ArrowLeft: -1, ArrowUp: -1 };
function moveInToggles(event) {
  const target = event.target;
  const step = STEPS[event.key];
  if (!step || event.ctrlKey || event.metaKey || event.altKey || event.shiftKey) return;
  if (!(target instanceof Element) || !target.classList.contains("widget-toggle-button") || !kitOf(target)) return;
  const buttons = [...target.parentElement.querySelectorAll(".widget-toggle-button")].filter((b) => !b.disabled);
  const here = buttons.indexOf(target);
  if (here < 0 || buttons.length < 2) return;
  const next = buttons[(here + step + buttons.length) % buttons.length];
  event.preventDefault();
  next.setAttribute("data-lm-suppress-shortcuts", "true");
  next.focus();
  next.click();
}

function markUnsaved(target) {
  const item = target instanceof Element ? target.closest(".medialit-item") : null;
  if (!item) return;
  for (const mark of item.querySelectorAll(".medialit-saved")) {
    mark.classList.add("medialit-pending");
    mark.textContent = "$mark_open not saved yet";
  }
}

function install() {
  if (window[STATE]) return window[STATE];
  const state = { guards: new Set() };
  window[STATE] = state;
  // Capture phase on window: runs before Lumino's key handler on document, whichever phase it uses.
  window.addEventListener("keydown", (event) => {
    suppress(event.target, event);
    moveInToggles(event);
  }, true);
  window.addEventListener("focusin", (event) => {
    suppress(event.target, null);
    const root = kitOf(event.target);
    if (root) markToggles(root);
  }, true);
  for (const name of ["change", "input"]) {
    window.addEventListener(name, (event) => {
      if (!kitOf(event.target)) return;
      markUnsaved(event.target);
      for (const guard of state.guards) guard.poke();
    }, true);
  }
  window.addEventListener("click", (event) => {
    const root = kitOf(event.target);
    if (root) requestAnimationFrame(() => markToggles(root));
  }, true);
  return state;
}

function render({ model, el }) {
  const state = install();
  el.classList.add("medialit-guard");
  el.setAttribute("role", "alert");
  let root = null;
  let observer = null;
  let lastAnswer = Date.now();
  let connected = true;
  const silentMs = model.get("silent_seconds") * 1000;

  const show = (isConnected) => {
    if (root) root.classList.toggle("medialit-disconnected", !isConnected);
    if (isConnected === connected) return;
    connected = isConnected;
    el.textContent = isConnected ? "" :
      "⚠ Disconnected from the kernel: answers you give now are NOT saved. " +
      "Re-run this notebook (Run ▸ Run All Cells, or reload the app) to continue; your saved answers come back.";
  };
  const attach = () => {
    if (root || !el.isConnected) return;
    root = kitOf(el);
    if (!root) return;
    markToggles(root);
    observer = new MutationObserver(() => markToggles(root));
    observer.observe(root, { subtree: true, attributes: true, attributeFilter: ["class"] });
  };
  const ping = () => {
    try {
      model.send({ type: "ping" });
    } catch (error) {
      show(false);
    }
  };
  const guard = {
    poke() {
      ping();
    },
  };
  state.guards.add(guard);
  model.on("msg:custom", (message) => {
    if (message && message.type === "pong") {
      lastAnswer = Date.now();
      show(true);
    }
  });
  const timer = setInterval(() => {
    attach();
    ping();
    if (Date.now() - lastAnswer > silentMs) show(false);
  }, model.get("ping_seconds") * 1000);
  requestAnimationFrame(attach);
  setTimeout(attach, 300);
  return () => {
    clearInterval(timer);
    state.guards.delete(guard);
    if (observer) observer.disconnect();
  };
}

export default { render };
""").substitute(mark_open=MARK_OPEN)

_CSS = Template(r"""
.medialit-kit select:focus, .medialit-kit input:focus, .medialit-kit textarea:focus, .medialit-kit button:focus,
.medialit-kit a:focus {
  outline: 3px solid var(--jp-ui-font-color0, $ink) !important;
  outline-offset: 2px !important;
  box-shadow: 0 0 0 2px var(--jp-layout-color0, $paper) !important;
}
.medialit-kit .widget-toggle-button.mod-active {
  font-weight: 700;
  text-decoration: underline;
  text-underline-offset: 3px;
  box-shadow: inset 0 -3px 0 var(--jp-ui-font-color0, $ink);
}
.medialit-kit .widget-toggle-button.mod-active::before { content: "$mark_right "; }
.medialit-kit select[multiple] option:checked { font-weight: 700; text-decoration: underline; }
.medialit-kit select[multiple] option:checked::before { content: "$mark_right "; }
.medialit-kit .widget-button, .medialit-kit .widget-toggle-button { width: auto; min-width: max-content; }
.medialit-kit .medialit-guard:empty { display: none; }
.medialit-kit .medialit-guard {
  position: sticky; top: 0; z-index: 2; padding: 0.4em 0.6em; margin: 0.2em 0;
  border: 3px solid $alert; background: var(--jp-layout-color0, $paper); font-weight: 700;
}
.medialit-disconnected .medialit-saved { visibility: hidden; }
.medialit-kit .medialit-saved.medialit-pending { visibility: visible; }
""").substitute(
    ink=COLOURS["ink"], paper=COLOURS["paper"], alert=COLOURS["alert"], mark_right=MARK_RIGHT
)


def _guard_class() -> type:
    """Return the ``KeyboardGuard`` anywidget class (made on first use, so importing this module stays cheap)."""
    global _GUARD_CLASS
    if _GUARD_CLASS is None:
        import anywidget
        import traitlets

        class KeyboardGuard(anywidget.AnyWidget):
            """The invisible guard (a banner only when the kernel stops answering); see the module docstring."""

            _esm = _ESM
            _css = _CSS
            ping_seconds = traitlets.Int(PING_SECONDS).tag(sync=True)
            silent_seconds = traitlets.Int(SILENT_SECONDS).tag(sync=True)

            def __init__(self) -> None:
                super().__init__()
                self.listeners: list[Callable[[], None]] = []
                self.on_msg(self._on_message)

            def _on_message(self, _widget: object, content: object, _buffers: object) -> None:
                """Answer a ping (the view is connected) after running the listeners (e.g. a sync with the file)."""
                if isinstance(content, dict) and content.get("type") == "ping":
                    for listener in list(self.listeners):
                        listener()
                    self.send({"type": "pong"})

            def __repr__(self) -> str:
                return "KeyboardGuard()"

        _GUARD_CLASS = KeyboardGuard
    return _GUARD_CLASS


_GUARD_CLASS: type | None = None


def guard(on_ping: Callable[[], None] | None = None) -> ipywidgets.DOMWidget:
    """Return a new keyboard guard widget; ``on_ping`` (if given) runs each time the page pings the kernel."""
    made = _guard_class()()
    if on_ping is not None:
        made.listeners.append(on_ping)
    return made


def protect(box: ipywidgets.Box, on_ping: Callable[[], None] | None = None) -> ipywidgets.Box:
    """Make ``box`` keyboard-safe and return it: adds the class ``medialit-kit`` and a guard as its first child.

    Changes ``box`` (its DOM classes and children). Calling it twice adds nothing more.
    ``on_ping`` runs in the kernel each time the page checks the connection (every
    few seconds, and right after each answer), e.g. to pick up answers saved elsewhere.
    """
    box.add_class(KIT_CLASS)
    existing = [child for child in box.children if type(child).__name__ == "KeyboardGuard"]
    if existing:
        if on_ping is not None:
            existing[0].listeners.append(on_ping)
        return box
    box.children = (guard(on_ping), *box.children)
    return box


def saved_mark(time: str | None) -> str:
    """Return the HTML of an item's "saved" mark: ``✔ saved`` with the save's time, or nothing before any save.

    Only the kernel sets it, after the write succeeded; the time makes each value new,
    so the page's "not saved yet" (set when the learner changes the answer) is always replaced.
    """
    if not time:
        return f"<span class='{SAVED_CLASS}'></span>"
    return f"<span class='{SAVED_CLASS}' data-saved='{time}'>{MARK_RIGHT} saved</span>"
