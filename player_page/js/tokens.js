// Tokens: a keyed <g> per token, moved with a CSS transform so a move glides. Only what a token
// shows is built (an image, the dead cross, status marks), to keep a crowded deck cheap.
import { svg, setAttr, setText, initials, safeMediaUrl, display } from "./dom.js";

const R = 0.38;
const TYPES = new Set(["player", "npc", "creature", "object"]);
// Status marks, each its own shape and colour so they tell apart at 3 m: a blood drop in a disc
// for wounded (never a plus or a cross: those read as "heal"), a warning triangle for panicked,
// a diamond for stunned. CSS sizes them in screen pixels (about 32 px on a 1080p TV).
export const MARKS = [
  ["wounded", "", 0.3, -0.3],
  ["panicked", "!", -0.3, -0.3],
  ["stunned", "~", 0.3, 0.3],
];
const DROP = "M0,-0.13 C0.045,-0.06 0.095,-0.01 0.095,0.045 A0.095,0.095 0 0 1 -0.095,0.045 C-0.095,-0.01 -0.045,-0.06 0,-0.13 Z";
const SHAPES = {
  panicked: "M0,-0.19 L0.18,0.13 L-0.18,0.13 Z",
  stunned: "M0,-0.18 L0.18,0 L0,0.18 L-0.18,0 Z",
};

/** A token group; `fresh` plays its own arrival (a whole new deck flickers in as one instead). */
export function createToken(fresh = true) {
  const g = svg("g", { class: fresh ? "token fresh" : "token" });
  const body = svg("g", { class: "token-body" },
    svg("circle", { r: R + 0.06, class: "token-halo" }),
    svg("circle", { r: R, class: "token-disc" }),
    svg("text", { class: "token-initial", "text-anchor": "middle", y: 0.1 }));
  const name = svg("text", { class: "token-name", "text-anchor": "middle", y: R + 0.34 }); // js/labels.js places it
  g.append(body, name);
  g.__parts = { body, initial: body.lastChild, name, image: null, dead: null, marks: null };
  if (fresh) g.addEventListener("animationend", () => g.classList.remove("fresh"), { once: true });
  return g;
}

/** Place a token's group at cell (x, y): the centre of the cell, in map units. */
export function placeToken(g, x, y) {
  const pos = `translate(${x + 0.5}px, ${y + 0.5}px)`;
  if (g.__pos === pos) return;
  g.__pos = pos;
  g.style.transform = pos;
  setAttr(g, "data-x", x);
  setAttr(g, "data-y", y);
}

/** Show a token; a bulk change's jump (no glide) is the caller's, for the whole layer at once. */
export function updateToken(g, token, movable) {
  const status = Array.isArray(token.status) ? token.status.map(String) : [];
  const type = TYPES.has(token.type) ? token.type : "object";
  const url = safeMediaUrl(token.image_url);
  const look = [type, token.name, status.join(","), url, movable].join("|");
  const x = Number(token.x) || 0, y = Number(token.y) || 0;
  placeToken(g, x, y);
  if (g.__look === look) return;
  g.__look = look;
  const classes = ["token", "tt-" + type];
  if (g.classList.contains("fresh")) classes.push("fresh");
  if (g.classList.contains("dragging")) classes.push("dragging");
  for (const s of status) if (/^[a-z]+$/.test(s)) classes.push("ts-" + s);
  if (movable) classes.push("movable");
  setAttr(g, "class", classes.join(" "));
  const parts = g.__parts;
  setText(parts.initial, url ? "" : initials(token.name).slice(0, 2));
  g.__name = display(token.name);
  parts.image = toggle(parts, parts.image, Boolean(url), () => svg("image", {
    class: "token-image", x: -R + 0.03, y: -R + 0.03, width: 2 * R - 0.06, height: 2 * R - 0.06,
    "clip-path": "url(#clip-round)", preserveAspectRatio: "xMidYMid slice" }));
  if (parts.image) setAttr(parts.image, "href", url);
  parts.dead = toggle(parts, parts.dead, status.includes("dead"), () => svg("path", {
    class: "token-dead", d: "M-0.3,-0.3 L0.3,0.3 M-0.3,0.3 L0.3,-0.3" }));
  const marks = MARKS.filter(([name]) => status.includes(name));
  parts.marks = toggle(parts, parts.marks, marks.length > 0, () => svg("g", { class: "token-marks" }));
  if (parts.marks) parts.marks.replaceChildren(...marks.map(mark));
}

function toggle(parts, node, wanted, make) {
  if (wanted && !node) {
    node = make();
    parts.body.appendChild(node);
  } else if (!wanted && node) {
    node.remove();
    node = null;
  }
  return node;
}

/** A status mark at its corner of a token (the legend draws the same at 0, 0). */
export function mark([name, glyph, x, y]) {
  const shape = svg("g", { class: "tmark-shape" });
  if (!glyph) shape.append(svg("circle", { r: 0.17, class: "tmark-bg" }), svg("path", { d: DROP, class: "tmark-drop" }));
  else shape.append(svg("path", { d: SHAPES[name], class: "tmark-bg" }), svg("text", { "text-anchor": "middle", y: 0.085, text: glyph }));
  return svg("g", { class: "tmark tm-" + name, transform: `translate(${x} ${y})` }, shape);
}
