// Element builders. Data from the snapshot only ever reaches the DOM as textContent or as
// attribute values set one by one: never as HTML.

import { withDisplay } from "./identity.js";

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
    if (key === "text") node.textContent = display(value);
    else if (key === "class") node.setAttribute("class", value);
    else if (key === "data") for (const d of Object.keys(value)) node.dataset[d] = String(value[d]);
    else if (key === "on") for (const ev of Object.keys(value)) node.addEventListener(ev, value[ev]);
    // Through the CSSOM: the page's Content-Security-Policy blocks style attributes.
    else if (key === "style") node.style.cssText = value;
    else node.setAttribute(key, String(value));
  }
}

/** Set textContent only when it changed (cheap keyed updates). */
export function setText(node, text) {
  const value = display(text);
  if (node.textContent !== value) node.textContent = value;
}

/** Set an attribute only when it changed. */
export function setAttr(node, name, value) {
  const v = String(value);
  if (node.getAttribute(name) !== v) node.setAttribute(name, v);
}

/** Only our own media paths may become image sources, asked for as this display. */
export function safeMediaUrl(url) {
  return typeof url === "string" && /^\/media\/[A-Za-z0-9_.-]+$/.test(url) ? withDisplay(url) : "";
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

/**
 * Any campaign value as the text a player reads, by its kind: text as is, a finite number,
 * `{current, max}` as "7 / 10", a list as "a, b", any other mapping as "key: value" pairs;
 * nothing (null, undefined, NaN, an empty list) as "". Never "[object Object]".
 */
export function display(value) {
  if (value === undefined || value === null) return "";
  if (typeof value === "string") return value;
  if (typeof value === "number") return Number.isFinite(value) ? String(value) : "";
  if (typeof value === "boolean") return value ? "YES" : "NO";
  if (Array.isArray(value)) return value.map(display).filter(Boolean).join(", ");
  if (typeof value === "object") {
    const pair = ratio(value);
    if (pair) return `${pair.current} / ${pair.max}`;
    return Object.keys(value)
      .map((k) => [k.replace(/_/g, " "), display(value[k])])
      .filter(([, v]) => v)
      .map(([k, v]) => `${k}: ${v}`)
      .join(" \u00b7 ");
  }
  return "";
}

/** `{current, max}` with two finite numbers (max > 0), else null. */
export function ratio(value) {
  if (!value || typeof value !== "object") return null;
  const current = Number(value.current), max = Number(value.max);
  if (value.current === null || value.max === null || value.current === "" || value.max === "") return null;
  return Number.isFinite(current) && Number.isFinite(max) && max > 0 ? { current, max } : null;
}

/** Upper-case initials of a name, for placeholders. */
export function initials(name) {
  const words = (display(name) || "?").trim().split(/\s+/).filter(Boolean);
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
