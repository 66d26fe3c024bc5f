// Map elements in cell units: rooms, doors, deck links, terminals, points of interest.
// Each `create*` builds the keyed element once; each `update*` touches only what changed.
import { svg, setAttr, setText, safeMediaUrl } from "./dom.js";

const num = (v, d = 0) => (Number.isFinite(Number(v)) ? Number(v) : d);
const lower = (v) => String(v || "").toLowerCase().replace(/[^a-z0-9_-]/g, "");

/* ---------- rooms ---------- */

/** A room group; `fresh` plays its own flicker-in (a whole new deck flickers in as one instead). */
export function createRoom(fresh = true) {
  const g = svg("g", { class: fresh ? "room fresh" : "room" });
  // The room's own piece of the deck's picture (cut on the server: no other room's pixels).
  g.appendChild(svg("image", { class: "room-picture", preserveAspectRatio: "none" }));
  g.appendChild(svg("rect", { class: "room-floor" }));
  g.appendChild(svg("rect", { class: "room-wall" }));
  g.appendChild(svg("rect", { class: "room-atmo" })); // dark, flickering, smoke, vacuum
  g.appendChild(svg("text", { class: "room-name", "text-anchor": "middle" }));
  g.appendChild(svg("text", { class: "room-status", "text-anchor": "middle" }));
  if (fresh) g.addEventListener("animationend", () => g.classList.remove("fresh"), { once: true });
  return g;
}

/**
 * `minName`: the smallest room-name size (map units) that stays readable on this screen;
 * `around`: what else lies in the room ({key, tokens: [[x, y]], marks: [boxes]}): the name and
 * its status line go to the top of the room, else its bottom, else the first free place between.
 */
export function updateRoom(g, room, minName = 0, around = NOTHING) {
  const cells = Array.isArray(room.cells) ? room.cells : null;
  const atmo = Array.isArray(room.atmosphere) ? room.atmosphere.map(lower).filter(Boolean) : [];
  const key = [room.x, room.y, room.width, room.height, room.name, room.status, minName, around.key,
    room.picture || "", cells ? cells.length : 0, atmo.join(" ")].join("|");
  if (g.__key === key) return;
  g.__key = key;
  const x = num(room.x), y = num(room.y), w = Math.max(0.5, num(room.width, 1));
  const h = Math.max(0.5, num(room.height, 1));
  const status = lower(room.status) || "operational";
  const classes = "room st-" + status + (safeMediaUrl(room.picture) ? " has-picture" : "") + (cells ? " has-cells" : "");
  setAttr(g, "class", classes + (g.classList.contains("fresh") ? " fresh" : ""));
  if (atmo.length) setAttr(g, "data-atmo", atmo.join(" "));
  else if (g.hasAttribute("data-atmo")) g.removeAttribute("data-atmo");
  for (const rect of [...g.querySelectorAll("rect"), g.querySelector("image")]) {
    setAttr(rect, "x", x); setAttr(rect, "y", y);
    setAttr(rect, "width", w); setAttr(rect, "height", h);
  }
  const picture = g.querySelector("image"), href = safeMediaUrl(room.picture);
  if (href) setAttr(picture, "href", href);
  else if (picture.hasAttribute("href")) picture.removeAttribute("href");
  drawCells(g, cells);
  const [name, badge] = g.querySelectorAll("text");
  const showStatus = status !== "operational" && status !== "";
  const words = [showStatus ? String(room.status).toUpperCase() : "", ...atmo.map((a) => a.toUpperCase())];
  const statusText = words.some(Boolean) ? "\u26a0 " + words.filter(Boolean).join(" \u00b7 ") : "";
  // A room of cells names itself inside its largest rectangle of cells, never over its box's
  // other cells (which may be another room's, hidden or not).
  // A room cut by the camera's edge (a locked TV) names itself in the part of it on screen.
  const box = visiblePart(cells ? largestRect(cells) : { x, y, w, h }, around.pin);
  const { fit, badgeSize, block, top, cx } = placeName(String(room.name || ""), statusText, minName, box, around);
  setAttr(name, "font-size", fit.size.toFixed(3));
  const lines = [fit.size, cx, top, ...fit.lines].join("|");
  if (name.__lines !== lines) { // a token moving elsewhere in the room leaves the name alone
    name.__lines = lines;
    name.replaceChildren(...fit.lines.map((line, i) =>
      svg("tspan", { x: cx, y: top + fit.size * (0.95 + i * 1.05), text: line })));
  }
  setAttr(badge, "font-size", badgeSize.toFixed(3));
  setAttr(badge, "x", cx);
  setAttr(badge, "y", top + block.badge);
  setText(badge, statusText);
  // What token labels must keep clear of (js/labels.js): the name and the status line.
  g.__nameBox = { x0: cx - block.w / 2, x1: cx + block.w / 2, y0: top + block.y0, y1: top + block.y1 };
}

/** The part of a room's box inside the camera's view; the whole box when too little of it shows
 * for its name (a sliver would squeeze the name unreadably small). */
function visiblePart(r, view) {
  if (!view) return r;
  const x0 = Math.max(r.x, view.x), y0 = Math.max(r.y, view.y);
  const x1 = Math.min(r.x + r.w, view.x + view.w), y1 = Math.min(r.y + r.h, view.y + view.h);
  const enough = x1 - x0 >= Math.min(3, r.w) && y1 - y0 >= Math.min(1.5, r.h);
  return enough ? { x: x0, y: y0, w: x1 - x0, h: y1 - y0 } : r;
}

/** The largest rectangle of whole cells ({x, y, w, h}) inside a room of cells. */
export function largestRect(cells) {
  const has = new Set(cells.map(([cx, cy]) => num(cx) + "," + num(cy)));
  const xs = cells.map(([cx]) => num(cx)), ys = cells.map(([, cy]) => num(cy));
  const x0 = Math.min(...xs), x1 = Math.max(...xs), y0 = Math.min(...ys), y1 = Math.max(...ys);
  const heights = new Array(x1 - x0 + 1).fill(0);
  let best = { x: x0, y: y0, w: 1, h: 1 }, area = 0;
  for (let y = y0; y <= y1; y++) {
    for (let i = 0; i < heights.length; i++) heights[i] = has.has(x0 + i + "," + y) ? heights[i] + 1 : 0;
    for (let i = 0; i < heights.length; i++) { // widest run at least as tall as column i
      if (!heights[i]) continue;
      let a = i, b = i;
      while (a > 0 && heights[a - 1] >= heights[i]) a--;
      while (b < heights.length - 1 && heights[b + 1] >= heights[i]) b++;
      const size = (b - a + 1) * heights[i];
      if (size > area) [area, best] = [size, { x: x0 + a, y: y - heights[i] + 1, w: b - a + 1, h: heights[i] }];
    }
  }
  return best;
}

/** A room of cells draws its floor and outline as paths (after its box, which it hides). */
function drawCells(g, cells) {
  let shapes = [...g.querySelectorAll("path.room-shape")];
  if (!cells) {
    for (const shape of shapes) shape.remove();
    return;
  }
  if (!shapes.length) {
    shapes = [svg("path", { class: "room-floor room-shape" }), svg("path", { class: "room-wall room-shape" })];
    g.querySelector("rect.room-wall").after(...shapes);
  }
  setAttr(shapes[0], "d", cellsFloor(cells));
  setAttr(shapes[1], "d", cellsOutline(cells));
}

/** A room of `cells` ([[x, y], ...]): one square per cell, and the edges it shares with no cell. */
function cellsFloor(cells) {
  return cells.map(([cx, cy]) => `M${num(cx)},${num(cy)}h1v1h-1z`).join("");
}

function cellsOutline(cells) {
  const has = new Set(cells.map(([cx, cy]) => num(cx) + "," + num(cy)));
  const d = [];
  for (const [cx, cy] of cells) {
    const x = num(cx), y = num(cy);
    if (!has.has(x + "," + (y - 1))) d.push(`M${x},${y}h1`);
    if (!has.has(x + "," + (y + 1))) d.push(`M${x},${y + 1}h1`);
    if (!has.has(x - 1 + "," + y)) d.push(`M${x},${y}v1`);
    if (!has.has(x + 1 + "," + y)) d.push(`M${x + 1},${y}v1`);
  }
  return d.join("");
}

const NOTHING = { key: "", tokens: [], marks: [] };
const DISC = 0.44; // a token's drawn radius (disc plus halo), in cells
const CAPTION_GAP = 0.12; // between a room's wall and a name outside it, in cells
const NEAR = 3; // how far around a room its name may look for a place outside, in cells

/**
 * The name at the readable size where a free place of the room holds it; where none does (a
 * small room full of tokens and markers), the size that fits the room if that covers less.
 */
function placeName(label, statusText, minName, r, around) {
  const plain = fitLabel(label, r.w, r.h);
  // A status line never wider than its room (a narrow room's "⚠ OFFLINE" ran over its wall).
  const badgeMax = statusText ? (r.w - 0.3) / (statusText.length * 0.72) : Infinity;
  const layout = (fit, size) => {
    const badgeSize = Math.min(size, badgeMax);
    const block = nameBlock(fit, statusText, badgeSize, r.w);
    return { fit, badgeSize, block, ...namePlace(r.x, r.y, r.w, r.h, block, around) };
  };
  const first = layout(readable(plain, minName, r.w, r.h), Math.max(0.3, minName * 0.75));
  let best = first;
  for (const k of [1, 0.85, 0.7]) {
    if (!best.hits) break;
    const fit = { size: plain.size * k, lines: plain.lines };
    const small = layout(fit, Math.min(best.badgeSize, Math.max(0.2, fit.size * 0.8)));
    if (small.hits < best.hits) best = small;
  }
  const outside = best.hits ? captionPlace(r.x, r.y, r.w, r.h, first.block, around) : null;
  return outside ? { ...first, ...outside } : best;
}

/** The name and status lines' box relative to the name's top (ascent 1.02, descent 0.3 em). */
function nameBlock(fit, statusText, badgeSize, roomW) {
  const last = fit.size * (0.95 + (fit.lines.length - 1) * 1.05);
  const badge = last + 0.12 + badgeSize * 1.05;
  const longest = Math.max(...fit.lines.map((l) => l.length), 0);
  const w = Math.min(roomW, Math.max(longest * CHAR_EM * fit.size, statusText.length * 0.72 * badgeSize));
  const y1 = statusText ? badge + 0.32 * badgeSize : last + 0.32 * fit.size;
  return { w, y0: -0.1 * fit.size, y1, badge };
}

/** Where the name block goes ({top, cx}): the first free place, else the least covered one. */
function namePlace(x, y, w, h, block, around) {
  const first = y + NAME_TOP, last = y + h - NAME_TOP - block.y1;
  const tops = [first];
  if (last > first) tops.push(last);
  for (let t = first + 0.25; t < last; t += 0.25) tops.push(t);
  const centre = x + w / 2, room = (w - 0.4 - block.w) / 2;
  const xs = [centre];
  for (let d = 0.5; d <= room; d += 0.5) xs.push(centre - d, centre + d);
  let best = { top: first, cx: centre, hits: 0 }, least = Infinity;
  for (const top of tops) {
    for (const cx of xs) {
      const b = { x0: cx - block.w / 2, x1: cx + block.w / 2, y0: top + block.y0, y1: top + block.y1 };
      let n = 0;
      for (const [tx, ty] of around.tokens) n += meets(b, { x0: tx + 0.5 - DISC, x1: tx + 0.5 + DISC, y0: ty + 0.5 - DISC, y1: ty + 0.5 + DISC });
      for (const m of around.marks) n += meets(b, m);
      if (n === 0) return { top, cx, hits: 0 };
      if (n < least) [least, best] = [n, { top, cx, hits: n }];
    }
  }
  return best;
}

/**
 * A room too crowded to hold its name (tokens on its band, a marker on the other) is named
 * just above its top wall, else just below its bottom one, where that is free of other rooms,
 * corridors, doors, tokens and markers and inside the fitted view: covering its crew or a
 * marker would hide both.
 */
function captionPlace(x, y, w, h, block, around) {
  const cx = x + w / 2;
  for (const top of [y - CAPTION_GAP - block.y1, y + h + CAPTION_GAP - block.y0]) {
    const b = { x0: cx - block.w / 2, x1: cx + block.w / 2, y0: top + block.y0, y1: top + block.y1 };
    const v = around.bounds;
    if (v && (b.x0 < v.x || b.y0 < v.y || b.x1 > v.x + v.w || b.y1 > v.y + v.h)) continue;
    if (!around.outside.some((o) => meets(b, o))) return { top, cx, hits: 0 };
  }
  return null;
}

function meets(a, b) {
  return a.x0 < b.x1 && b.x0 < a.x1 && a.y0 < b.y1 && b.y0 < a.y1 ? 1 : 0;
}

/**
 * What lies in and around each room, keyed for updateRoom's cache: token cells and marker boxes
 * in it; and, for a name that has to go outside (captionPlace), what lies near it (other rooms,
 * corridors and doors, every token and marker) and the fitted view (`bounds`); `pin`: a still
 * camera's view, in which a room cut by its edge names itself (updateRoom).
 */
export function roomSurroundings(rooms, tokens, marks, doors = [], bounds = null, pin = false) {
  const out = new Map();
  const discs = tokens.map(([x, y]) => ({ x0: x + 0.5 - DISC, x1: x + 0.5 + DISC, y0: y + 0.5 - DISC, y1: y + 0.5 + DISC }));
  const walls = rooms.map((r) => ({ x0: num(r.x), y0: num(r.y), x1: num(r.x) + num(r.width, 1), y1: num(r.y) + num(r.height, 1) }));
  const all = walls.concat(discs, marks, doors);
  for (const [i, r] of rooms.entries()) {
    const { x0, y0, x1, y1 } = walls[i];
    const inRoom = tokens.filter(([x, y]) => x >= x0 && x < x1 && y >= y0 && y < y1);
    const near = marks.filter((m) => m.x0 < x1 && x0 < m.x1 && m.y0 < y1 && y0 < m.y1);
    const zone = { x0: x0 - NEAR, y0: y0 - NEAR, x1: x1 + NEAR, y1: y1 + NEAR };
    const outside = all.filter((b) => b !== walls[i] && meets(b, zone));
    const boxes = (list) => list.map((m) => [m.x0, m.y0, m.x1, m.y1].map((v) => v.toFixed(2))).join(";");
    const view = bounds ? [bounds.x, bounds.y, bounds.w, bounds.h].map((v) => v.toFixed(2)).join(",") : "";
    const key = inRoom.join(";") + "/" + boxes(near) + "/" + boxes(outside) + "/" + view + (pin ? "/pin" : "");
    out.set(String(r.id), { key, tokens: inRoom, marks: near, outside, bounds, pin: pin ? bounds : null });
  }
  return out;
}

// Below a door on the room's top wall (its leaf and status badge reach 0.27 cells in).
const NAME_TOP = 0.42;
// Monospace, upper-case, letter-spaced: one character is about 0.7 em wide.
const CHAR_EM = 0.7;
const MAX_NAME = 0.5;

/** The room name on one line, or on two when that reads larger; never wider than the room. */
function fitLabel(label, w, h) {
  const room = Math.max(0.4, w - 0.5);
  const one = Math.min(MAX_NAME, room / (Math.max(label.length, 1) * CHAR_EM));
  const cut = splitPoint(label);
  if (cut < 0 || one >= 0.36) return { size: Math.max(0.16, one), lines: [label] };
  const lines = [label.slice(0, cut).trim(), label.slice(cut).trim()];
  const longest = Math.max(lines[0].length, lines[1].length);
  const two = Math.min(MAX_NAME, room / (longest * CHAR_EM), (h - 0.5) / 3.2);
  return two > one ? { size: two, lines } : { size: Math.max(0.16, one), lines: [label] };
}

/**
 * Never smaller than `min` (readable at 3 m): the words wrap onto as many lines as the room's
 * width needs, as long as they stay inside the room (a tiny room keeps its fit).
 */
function readable(fit, min, w, h) {
  if (!min || fit.size >= min) return fit;
  const room = Math.max(0.4, w - 0.3);
  const lines = [];
  for (const word of fit.lines.join(" ").split(/\s+/)) {
    const last = lines.length ? lines[lines.length - 1] + " " + word : "";
    if (last && last.length * CHAR_EM * min <= room) lines[lines.length - 1] = last;
    else lines.push(word);
  }
  const tallest = (h - 0.4) / (lines.length * 1.05 + 0.2);
  const widest = Math.max(...lines.map((l) => l.length)) * CHAR_EM * min;
  return tallest >= min && widest <= room ? { size: min, lines } : fit;
}

function splitPoint(label) {
  const middle = label.length / 2;
  let best = -1;
  for (let i = 0; i < label.length; i += 1) {
    if (label[i] === " " && (best < 0 || Math.abs(i - middle) < Math.abs(best - middle))) best = i;
  }
  return best;
}

/* ---------- deck links, terminals, points of interest ---------- */

function rect(x, y, w, h, cls) {
  return svg("rect", { x, y, width: w, height: h, class: cls });
}

function line(x1, y1, x2, y2, cls) {
  return svg("line", { x1, y1, x2, y2, class: cls });
}

/** The boxes (map units) a marker's icon and label cover, for js/labels.js to keep clear of. */
export function markerBoxes(items, font) {
  const boxes = [];
  for (const m of items) {
    const x = num(m.x), y = num(m.y);
    boxes.push({ x0: x - 0.36, x1: x + 0.36, y0: y - 0.36, y1: y + 0.36 });
    const text = m.name || m.type || "";
    const w = String(text).length * 0.64 * font;
    if (w) boxes.push({ x0: x - w / 2, x1: x + w / 2, y0: y + 0.3, y1: y + 0.45 + 1.3 * font });
  }
  return boxes;
}

export function createMarker() {
  return svg("g", { class: "marker" });
}

function place(g, item) {
  g.__at = { x: num(item.x), y: num(item.y) };
  setAttr(g, "transform", `translate(${g.__at.x} ${g.__at.y})`);
}

export function updateLink(g, link) {
  const key = [link.x, link.y, link.type, link.direction, link.status].join("|");
  if (g.__key === key) return;
  g.__key = key;
  const type = lower(link.type) || "ladder";
  setAttr(g, "class", `marker link lk-${type} dir-${lower(link.direction)}`);
  place(g, link);
  const arrow = link.direction === "down" ? "M-0.14,0.02 L0.14,0.02 L0,0.2 Z" : "M-0.14,-0.02 L0.14,-0.02 L0,-0.2 Z";
  const icon = type === "ladder"
    ? [line(-0.14, -0.3, -0.14, 0.3, "mk-line"), line(0.14, -0.3, 0.14, 0.3, "mk-line"),
      line(-0.14, -0.15, 0.14, -0.15, "mk-line"), line(-0.14, 0, 0.14, 0, "mk-line"),
      line(-0.14, 0.15, 0.14, 0.15, "mk-line")]
    : [svg("path", { d: arrow, class: "mk-fill" })];
  g.replaceChildren(rect(-0.36, -0.36, 0.72, 0.72, "mk-box"), ...icon,
    svg("text", { class: "mk-label", x: 0, y: 0.42, "text-anchor": "middle", text: linkLabel(type, link.direction) }));
}

function linkLabel(type, direction) {
  const arrow = direction === "down" ? "\u25bc" : direction === "up" ? "\u25b2" : "";
  return `${type.toUpperCase()} ${arrow}`.trim();
}

export function updateTerminal(g, term) {
  const key = [term.x, term.y, term.name].join("|");
  if (g.__key === key) return;
  g.__key = key;
  setAttr(g, "class", "marker terminal");
  place(g, term);
  g.replaceChildren(
    rect(-0.24, -0.2, 0.48, 0.32, "mk-screen"),
    line(-0.12, 0.2, 0.12, 0.2, "mk-line"),
    svg("title", { text: term.name || "Terminal" }),
  );
}

const POI_SHAPES = {
  objective: "M0,-0.26 L0.26,0 L0,0.26 L-0.26,0 Z",
  hazard: "M0,-0.26 L0.26,0.2 L-0.26,0.2 Z",
  item: "M-0.17,-0.17 H0.17 V0.17 H-0.17 Z",
};

export function updatePoi(g, poi) {
  const key = [poi.x, poi.y, poi.type, poi.name, poi.status].join("|");
  if (g.__key === key) return;
  g.__key = key;
  const type = lower(poi.type) || "other";
  setAttr(g, "class", `marker poi poi-${type}`);
  place(g, poi);
  const shape = POI_SHAPES[type]
    ? svg("path", { d: POI_SHAPES[type], class: "mk-fill" })
    : svg("circle", { r: 0.18, class: "mk-fill" });
  g.replaceChildren(shape,
    svg("text", { class: "mk-label", x: 0, y: 0.3, "text-anchor": "middle", text: poi.name || "" }));
}
