// Put new HTML (rendered and escaped by pycore) into an element by changing only what
// differs: texts, attributes, and the children that are not the same kind of node. What
// stays keeps its identity, so focus, a slider being dragged, scroll positions and the
// browser's layout of everything unchanged survive a re-render.

export function morph(element, html) {
  const parser = document.createElement("template");
  parser.innerHTML = html;
  patchChildren(element, parser.content);
}

function patchChildren(target, source) {
  let old = target.firstChild;
  let fresh = source.firstChild;
  while (fresh) {
    const nextFresh = fresh.nextSibling;
    if (!old) {
      target.appendChild(fresh);
    } else if (old.nodeType === fresh.nodeType && old.nodeName === fresh.nodeName) {
      patchNode(old, fresh);
      old = old.nextSibling;
    } else {
      const nextOld = old.nextSibling;
      target.replaceChild(fresh, old);
      old = nextOld;
    }
    fresh = nextFresh;
  }
  while (old) {
    const nextOld = old.nextSibling;
    target.removeChild(old);
    old = nextOld;
  }
}

function patchNode(old, fresh) {
  if (old.nodeType !== Node.ELEMENT_NODE) {
    if (old.nodeValue !== fresh.nodeValue) old.nodeValue = fresh.nodeValue;
    return;
  }
  if (old.isEqualNode(fresh) && old.nodeName !== "INPUT") return; // the browser compares whole subtrees fast
  for (const { name, value } of fresh.attributes) {
    if (old.getAttribute(name) !== value) old.setAttribute(name, value);
  }
  for (const { name } of [...old.attributes]) {
    if (!fresh.hasAttribute(name)) old.removeAttribute(name);
  }
  if (old.nodeName === "INPUT" && old.value !== fresh.getAttribute("value") && document.activeElement !== old) {
    old.value = fresh.getAttribute("value") ?? ""; // a control the learner is not holding follows the state
  }
  patchChildren(old, fresh);
}
