// Tokens: a keyed <g> per token, moved with a CSS transform so a move glides.
import { svg, setAttr, setText, initials, safeMediaUrl } from "./dom.js";

const R = 0.38;
const TYPES = new Set(["player", "npc", "creature", "object"]);
const MARKS = [
  ["wounded", "+", 0.3, -0.3],
  ["panicked", "!", -0.3, -0.3],
  ["stunned", "~", 0.3, 0.3],
];

export function createToken() {
  const g = svg("g", { class: "token fresh" });
  const body = svg("g", { class: "token-body" });
  body.appendChild(svg("circle", { r: R + 0.06, class: "token-halo" }));
  body.appendChild(svg("circle", { r: R, class: "token-disc" }));
  body.appendChild(svg("text", { class: "token-initial", "text-anchor": "middle", y: 0.1 }));
  body.appendChild(svg("image", {
    class: "token-image", x: -R + 0.03, y: -R + 0.03, width: 2 * R - 0.06, height: 2 * R - 0.06,
    "clip-path": "url(#clip-round)", preserveAspectRatio: "xMidYMid slice",
  }));
  body.appendChild(svg("g", { class: "token-dead" },
    svg("line", { x1: -0.3, y1: -0.3, x2: 0.3, y2: 0.3 }),
    svg("line", { x1: -0.3, y1: 0.3, x2: 0.3, y2: -0.3 })));
  body.appendChild(svg("g", { class: "token-marks" }));
  g.appendChild(body);
  g.appendChild(svg("text", { class: "token-name", "text-anchor": "middle", y: R + 0.34 }));
  g.addEventListener("animationend", () => g.classList.remove("fresh"), { once: true });
  return g;
}

/** Place a token's group at cell (x, y): the centre of the cell, in map units. */
export function placeToken(g, x, y) {
  g.style.transform = `translate(${x + 0.5}px, ${y + 0.5}px)`;
  setAttr(g, "data-x", x);
  setAttr(g, "data-y", y);
}

export function updateToken(g, token, movable) {
  const status = Array.isArray(token.status) ? token.status.map(String) : [];
  const type = TYPES.has(token.type) ? token.type : "object";
  const key = [token.x, token.y, type, token.name, status.join(","), token.image_url, movable].join("|");
  if (g.__key === key) return;
  g.__key = key;
  const classes = ["token", "tt-" + type];
  if (g.classList.contains("fresh")) classes.push("fresh");
  if (g.classList.contains("dragging")) classes.push("dragging");
  for (const s of status) if (/^[a-z]+$/.test(s)) classes.push("ts-" + s);
  if (movable) classes.push("movable");
  setAttr(g, "class", classes.join(" "));
  placeToken(g, Number(token.x) || 0, Number(token.y) || 0);
  const [, , initial, image, , marks] = g.firstChild.childNodes;
  const url = safeMediaUrl(token.image_url);
  if (url) setAttr(image, "href", url);
  else image.removeAttribute("href");
  image.style.display = url ? "" : "none";
  setText(initial, url ? "" : initials(token.name).slice(0, 2));
  setText(g.lastChild, token.name || "");
  marks.replaceChildren(...statusMarks(status));
}

function statusMarks(status) {
  const out = [];
  for (const [name, glyph, x, y] of MARKS) {
    if (!status.includes(name)) continue;
    out.push(svg("g", { class: "tmark tm-" + name, transform: `translate(${x} ${y})` },
      svg("circle", { r: 0.15 }),
      svg("text", { "text-anchor": "middle", y: 0.075, text: glyph })));
  }
  return out;
}
