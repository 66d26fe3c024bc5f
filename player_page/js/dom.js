// Element builders. Data from the snapshot only ever reaches the DOM as textContent or as
// attribute values set one by one: never as HTML.

const SVG_NS = "http://www.w3.org/2000/svg";

/** Build an HTML element: el("div", {class: "x", text: "y", data: {id: 1}}, child...). */
export function el(tag, props, ...children) {
  const node = document.createElement(tag);
  applyProps(node, props);
  for (const child of children) if (child) node.appendChild(child);
  return node;
}

/** Build an SVG element the same way; attrs are SVG attributes. */
export function svg(tag, props, ...children) {
  const node = document.createElementNS(SVG_NS, tag);
  applyProps(node, props);
  for (const child of children) if (child) node.appendChild(child);
  return node;
}

function applyProps(node, props) {
  if (!props) return;
  for (const key of Object.keys(props)) {
    const value = props[key];
    if (value === undefined || value === null) continue;
    if (key === "text") node.textContent = String(value);
    else if (key === "class") node.setAttribute("class", value);
    else if (key === "data") for (const d of Object.keys(value)) node.dataset[d] = String(value[d]);
    else if (key === "on") for (const ev of Object.keys(value)) node.addEventListener(ev, value[ev]);
    else if (key === "style") node.setAttribute("style", value);
    else node.setAttribute(key, String(value));
  }
}

/** Set textContent only when it changed (cheap keyed updates). */
export function setText(node, text) {
  const value = text === undefined || text === null ? "" : String(text);
  if (node.textContent !== value) node.textContent = value;
}

/** Set an attribute only when it changed. */
export function setAttr(node, name, value) {
  const v = String(value);
  if (node.getAttribute(name) !== v) node.setAttribute(name, v);
}

/** Only our own media paths may become image sources. */
export function safeMediaUrl(url) {
  return typeof url === "string" && /^\/media\/[A-Za-z0-9_.-]+$/.test(url) ? url : "";
}

/**
 * Keep the children of `parent` in step with `items` by id: create what is new, update what
 * stays, remove what left. `nodes` is the id -> element map the caller keeps between calls.
 */
export function syncKeyed(parent, nodes, items, create, update, remove) {
  const seen = new Set();
  for (const item of items) {
    const id = String(item.id);
    seen.add(id);
    let node = nodes.get(id);
    if (!node) {
      node = create(item);
      node.dataset.id = id;
      nodes.set(id, node);
      parent.appendChild(node);
    }
    update(node, item);
  }
  for (const [id, node] of nodes) {
    if (seen.has(id)) continue;
    nodes.delete(id);
    if (remove) remove(node);
    else node.remove();
  }
}

/** Upper-case initials of a name, for placeholders. */
export function initials(name) {
  const words = String(name || "?").trim().split(/\s+/).filter(Boolean);
  const letters = words.slice(0, 2).map((w) => w[0]);
  return (letters.join("") || "?").toUpperCase();
}

/** "14:05" from seconds since the epoch. */
export function clock(seconds) {
  if (!seconds) return "";
  const d = new Date(seconds * 1000);
  const pad = (n) => String(n).padStart(2, "0");
  return `${pad(d.getHours())}:${pad(d.getMinutes())}`;
}
