// Map elements in cell units: rooms, doors, deck links, terminals, points of interest.
// Each `create*` builds the keyed element once; each `update*` touches only what changed.
import { svg, setAttr, setText } from "./dom.js";

const num = (v, d = 0) => (Number.isFinite(Number(v)) ? Number(v) : d);
const lower = (v) => String(v || "").toLowerCase().replace(/[^a-z0-9_-]/g, "");

/* ---------- rooms ---------- */

export function createRoom() {
  const g = svg("g", { class: "room fresh" });
  g.appendChild(svg("rect", { class: "room-floor" }));
  g.appendChild(svg("rect", { class: "room-grid", fill: "url(#cell-grid)" }));
  g.appendChild(svg("rect", { class: "room-wall" }));
  g.appendChild(svg("text", { class: "room-name", "text-anchor": "middle" }));
  g.appendChild(svg("text", { class: "room-status", "text-anchor": "middle" }));
  g.addEventListener("animationend", () => g.classList.remove("fresh"), { once: true });
  return g;
}

export function updateRoom(g, room) {
  const key = [room.x, room.y, room.width, room.height, room.name, room.status].join("|");
  if (g.__key === key) return;
  g.__key = key;
  const x = num(room.x), y = num(room.y), w = Math.max(0.5, num(room.width, 1));
  const h = Math.max(0.5, num(room.height, 1));
  const status = lower(room.status) || "operational";
  setAttr(g, "class", "room st-" + status + (g.classList.contains("fresh") ? " fresh" : ""));
  for (const rect of g.querySelectorAll("rect")) {
    setAttr(rect, "x", x); setAttr(rect, "y", y);
    setAttr(rect, "width", w); setAttr(rect, "height", h);
  }
  const [name, badge] = g.querySelectorAll("text");
  const fit = fitLabel(String(room.name || ""), w, h);
  setAttr(name, "font-size", fit.size.toFixed(3));
  name.replaceChildren(...fit.lines.map((line, i) =>
    svg("tspan", { x: x + w / 2, y: y + 0.22 + fit.size * (0.95 + i * 1.05), text: line })));
  const showStatus = status !== "operational" && status !== "";
  setAttr(badge, "x", x + w / 2);
  setAttr(badge, "y", y + 0.6 + fit.size * (0.95 + (fit.lines.length - 1) * 1.05) + 0.12);
  setText(badge, showStatus ? "\u26a0 " + String(room.status).toUpperCase() : "");
}

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

function splitPoint(label) {
  const middle = label.length / 2;
  let best = -1;
  for (let i = 0; i < label.length; i += 1) {
    if (label[i] === " " && (best < 0 || Math.abs(i - middle) < Math.abs(best - middle))) best = i;
  }
  return best;
}

/* ---------- doors ---------- */

// Door glyphs are drawn along +x, centred on 0; a door on a vertical wall is rotated.
const DOOR_LEN = 1;

export function createDoor() {
  return svg("g", { class: "door" });
}

export function updateDoor(g, door, status) {
  const type = lower(door.type) || "standard";
  const st = lower(status || door.status) || "closed";
  const key = [door.x, door.y, door.orientation, door.length, type, st].join("|");
  if (g.__key === key) return;
  const changed = g.__key !== undefined;
  g.__key = key;
  setAttr(g, "class", `door ty-${type} ds-${st}` + (changed ? " changed" : ""));
  g.dataset.status = st.toUpperCase();
  g.dataset.type = type;
  setAttr(g, "transform", `translate(${num(door.x)} ${num(door.y)})`);
  const parts = doorParts(type, st, Math.min(DOOR_LEN, num(door.length, 1)));
  setAttr(parts.body, "transform", door.orientation === "v" ? "rotate(90)" : "rotate(0)");
  g.replaceChildren(parts.body, parts.badge);
  if (changed) setTimeout(() => g.classList.remove("changed"), 1200);
}

// A door's glyph depends only on (type, status, length): build each once, then clone it.
const GLYPHS = new Map();

function doorParts(type, st, len) {
  const key = `${type}|${st}|${len}`;
  let glyph = GLYPHS.get(key);
  if (!glyph) {
    glyph = {
      body: svg("g", { class: "door-body" }, ...doorBody(type, st, len)),
      badge: svg("g", { class: "door-badge" }, ...doorBadge(st)),
    };
    GLYPHS.set(key, glyph);
  }
  return { body: glyph.body.cloneNode(true), badge: glyph.badge.cloneNode(true) };
}

function rect(x, y, w, h, cls) {
  return svg("rect", { x, y, width: w, height: h, class: cls });
}

function line(x1, y1, x2, y2, cls) {
  return svg("line", { x1, y1, x2, y2, class: cls });
}

function doorBody(type, st, len) {
  const half = len / 2;
  const t = type === "blast_door" ? 0.44 : type === "airlock" ? 0.38 : 0.3;
  const parts = [rect(-half - 0.04, -t / 2 - 0.06, len + 0.08, t + 0.12, "door-gap")];
  if (type === "passage") {
    parts.push(line(-half, -0.28, -half, 0.28, "door-jamb"), line(half, -0.28, half, 0.28, "door-jamb"));
    return parts;
  }
  if (st === "open") {
    const leaf = type === "airlock" ? 0.22 : 0.18;
    parts.push(rect(-half, -t / 2, leaf, t, "door-leaf"), rect(half - leaf, -t / 2, leaf, t, "door-leaf"));
    return parts;
  }
  if (st === "damaged") {
    const zig = `M${-half},${-t / 2} L${-0.1},${-t / 2} L0.05,0 L${-0.08},${t / 2} L${-half},${t / 2} Z` +
      ` M${half},${-t / 2} L0.12,${-t / 2} L0.22,${-0.02} L0.1,${t / 2} L${half},${t / 2} Z`;
    parts.push(svg("path", { d: zig, class: "door-leaf" }));
    return parts;
  }
  parts.push(rect(-half, -t / 2, len, t, "door-leaf"));
  parts.push(...typeMarks(type, half, t));
  return parts;
}

function typeMarks(type, half, t) {
  const marks = [];
  if (type === "airlock") {
    marks.push(line(0, -t / 2, 0, t / 2, "door-mark"));
    marks.push(line(-half + 0.12, 0, -0.08, 0, "door-mark"), line(0.08, 0, half - 0.12, 0, "door-mark"));
  } else if (type === "blast_door") {
    marks.push(line(-half, -t / 2, half, t / 2, "door-mark"), line(-half, t / 2, half, -t / 2, "door-mark"));
  } else if (type === "emergency") {
    for (let i = -2; i <= 2; i += 1) {
      const x = i * (half / 2.5);
      marks.push(line(x - 0.08, t / 2, x + 0.08, -t / 2, "door-mark"));
    }
  } else {
    marks.push(line(0, -t / 2, 0, t / 2, "door-mark"));
  }
  return marks;
}

// Status symbols in an upright badge, so a status reads without relying on colour alone.
function doorBadge(st) {
  if (st === "locked") {
    return [
      svg("circle", { r: 0.27, class: "badge-bg" }),
      svg("path", { d: "M-0.08,-0.02 V-0.1 A0.08,0.08 0 0 1 0.08,-0.1 V-0.02", class: "badge-line" }),
      rect(-0.12, -0.03, 0.24, 0.17, "badge-fill"),
    ];
  }
  if (st === "sealed") {
    return [
      svg("circle", { r: 0.27, class: "badge-bg" }),
      line(-0.14, -0.07, 0.14, -0.07, "badge-line"),
      line(-0.14, 0.0, 0.14, 0.0, "badge-line"),
      line(-0.14, 0.07, 0.14, 0.07, "badge-line"),
    ];
  }
  if (st === "damaged") {
    return [
      svg("circle", { r: 0.27, class: "badge-bg" }),
      svg("path", { d: "M0.03,-0.17 L-0.08,0.02 L0.02,0.02 L-0.03,0.17 L0.09,-0.04 L-0.01,-0.04 Z", class: "badge-fill" }),
    ];
  }
  return [];
}

/* ---------- deck links, terminals, points of interest ---------- */

export function createMarker() {
  return svg("g", { class: "marker" });
}

export function updateLink(g, link) {
  const key = [link.x, link.y, link.type, link.direction, link.status].join("|");
  if (g.__key === key) return;
  g.__key = key;
  const type = lower(link.type) || "ladder";
  setAttr(g, "class", `marker link lk-${type} dir-${lower(link.direction)}`);
  setAttr(g, "transform", `translate(${num(link.x)} ${num(link.y)})`);
  const arrow = link.direction === "down" ? "M-0.14,0.02 L0.14,0.02 L0,0.2 Z" : "M-0.14,-0.02 L0.14,-0.02 L0,-0.2 Z";
  const icon = type === "ladder"
    ? [line(-0.14, -0.3, -0.14, 0.3, "mk-line"), line(0.14, -0.3, 0.14, 0.3, "mk-line"),
      line(-0.14, -0.15, 0.14, -0.15, "mk-line"), line(-0.14, 0, 0.14, 0, "mk-line"),
      line(-0.14, 0.15, 0.14, 0.15, "mk-line")]
    : [svg("path", { d: arrow, class: "mk-fill" })];
  g.replaceChildren(rect(-0.36, -0.36, 0.72, 0.72, "mk-box"), ...icon,
    svg("text", { class: "mk-label", x: 0, y: 0.66, "text-anchor": "middle", text: linkLabel(type, link.direction) }));
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
  setAttr(g, "transform", `translate(${num(term.x)} ${num(term.y)})`);
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
  setAttr(g, "transform", `translate(${num(poi.x)} ${num(poi.y)})`);
  const shape = POI_SHAPES[type]
    ? svg("path", { d: POI_SHAPES[type], class: "mk-fill" })
    : svg("circle", { r: 0.18, class: "mk-fill" });
  g.replaceChildren(shape,
    svg("text", { class: "mk-label", x: 0, y: 0.6, "text-anchor": "middle", text: poi.name || "" }));
}
