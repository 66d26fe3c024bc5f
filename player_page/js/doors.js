// Doors: a gap cut in the wall, the leaf drawn by type and status, type marks, and an upright
// status badge, on each wall the door's connection leaves (plus the corridor between rooms that
// do not touch). Path data is swapped on change (no new nodes), so a deck of many doors stays
// cheap to update.
import { svg, setAttr } from "./dom.js";

const DOOR_LEN = 1;
const BADGES = ["locked", "sealed", "damaged"];
const num = (v, d = 0) => (Number.isFinite(Number(v)) ? Number(v) : d);
const lower = (v) => String(v || "").toLowerCase().replace(/[^a-z0-9_-]/g, "");

export function createDoor() {
  return svg("g", { class: "door" },
    svg("path", { class: "corridor-wall" }), svg("path", { class: "corridor-floor" }));
}

function createEnd() {
  return svg("g", { class: "door-end" },
    svg("path", { class: "door-gap" }), svg("path", { class: "door-leaf" }),
    svg("path", { class: "door-mark" }), svg("use", { class: "door-badge" }));
}

/**
 * A door: one symbol on a shared wall, or (rooms that do not touch) a symbol on each room's
 * wall joined by a corridor from wall to wall; toward a room players cannot see, one symbol
 * and a short stub. The server computes where (desktop/model/geometry.py).
 */
export function updateDoor(g, door, status, quiet) {
  const type = lower(door.type) || "standard";
  const st = lower(status || door.status) || "closed";
  const ends = Array.isArray(door.ends) && door.ends.length ? door.ends
    : [{ x: door.x, y: door.y, orientation: door.orientation }];
  const corridor = Array.isArray(door.corridor) ? door.corridor : [];
  const len = Math.min(DOOR_LEN, num(door.length, 1));
  const key = [JSON.stringify(ends), JSON.stringify(corridor), len, type, st].join("|");
  if (g.__key === key) return;
  const changed = g.__key !== undefined && !quiet;
  g.__key = key;
  const stub = ends.length === 1 && corridor.length > 1;
  setAttr(g, "class", `door ty-${type} ds-${st}` + (stub ? " stub" : ""));
  g.dataset.status = st.toUpperCase();
  g.dataset.type = type;
  const d = corridor.length > 1
    ? corridor.map((p, i) => (i ? "L" : "M") + num(p[0]) + "," + num(p[1])).join(" ") : "";
  setAttr(g.childNodes[0], "d", d);
  setAttr(g.childNodes[1], "d", d);
  while (g.childNodes.length - 2 < ends.length) g.appendChild(createEnd());
  while (g.childNodes.length - 2 > ends.length) g.lastChild.remove();
  ends.forEach((end, i) => drawEnd(g.childNodes[i + 2], end, type, st, len));
  if (changed) flash(g);
  else clearTimeout(g.__flash);
}

/** The boxes (map units) the door symbols cover, for token labels to keep clear of. */
export function doorBoxes(doors) {
  const boxes = [];
  for (const door of doors) {
    const ends = Array.isArray(door.ends) && door.ends.length ? door.ends : [door];
    const half = Math.min(DOOR_LEN, num(door.length, 1)) / 2 + 0.06;
    for (const end of ends) {
      const [hx, hy] = end.orientation === "v" ? [0.3, half] : [half, 0.3];
      boxes.push({ x0: num(end.x) - hx, x1: num(end.x) + hx, y0: num(end.y) - hy, y1: num(end.y) + hy });
    }
  }
  return boxes;
}

function drawEnd(node, end, type, st, len) {
  setAttr(node, "transform", `translate(${num(end.x)} ${num(end.y)})`);
  const shape = doorShape(type, st, len, end.orientation === "v");
  const [gap, leaf, mark, badge] = node.childNodes;
  setAttr(gap, "d", shape.gap);
  setAttr(leaf, "d", shape.leaf);
  setAttr(mark, "d", shape.mark);
  if (BADGES.includes(st)) setAttr(badge, "href", "#door-badge-" + st);
  else badge.removeAttribute("href");
}

// A changed door blinks twice: a few class flips, not an animation that renders every frame.
const FLASH_MS = [200, 420, 640, 900];

function flash(g) {
  clearTimeout(g.__flash);
  let step = 0;
  const next = () => {
    g.classList.toggle("changed", step % 2 === 0);
    step += 1;
    g.__flash = step < FLASH_MS.length ? setTimeout(next, FLASH_MS[step] - FLASH_MS[step - 1]) : 0;
  };
  g.classList.remove("changed");
  g.__flash = setTimeout(next, FLASH_MS[0]);
}

// Path data by (type, status, length, orientation), computed once each.
const SHAPES = new Map();

function doorShape(type, st, len, vertical) {
  const key = `${type}|${st}|${len}|${vertical}`;
  let shape = SHAPES.get(key);
  if (!shape) {
    shape = drawDoor(type, st, len, vertical ? (x, y) => [-y, x] : (x, y) => [x, y]);
    SHAPES.set(key, shape);
  }
  return shape;
}

function poly(at, points) {
  return points.map(([x, y], i) => (i ? "L" : "M") + at(x, y).map((v) => +v.toFixed(3)).join(",")).join(" ") + " Z";
}

function box(at, x, y, w, h) {
  return poly(at, [[x, y], [x + w, y], [x + w, y + h], [x, y + h]]);
}

function seg(at, x1, y1, x2, y2) {
  const [a, b] = [at(x1, y1), at(x2, y2)];
  return `M${+a[0].toFixed(3)},${+a[1].toFixed(3)} L${+b[0].toFixed(3)},${+b[1].toFixed(3)}`;
}

function drawDoor(type, st, len, at) {
  const half = len / 2;
  const t = type === "blast_door" ? 0.44 : type === "airlock" ? 0.38 : 0.3;
  const gap = box(at, -half - 0.04, -t / 2 - 0.06, len + 0.08, t + 0.12);
  if (type === "passage") {
    return { gap, leaf: box(at, -half - 0.045, -0.28, 0.09, 0.56) + box(at, half - 0.045, -0.28, 0.09, 0.56), mark: "" };
  }
  if (st === "open") {
    const leaf = type === "airlock" ? 0.22 : 0.18;
    return { gap, leaf: box(at, -half, -t / 2, leaf, t) + box(at, half - leaf, -t / 2, leaf, t), mark: "" };
  }
  if (st === "damaged") {
    const left = poly(at, [[-half, -t / 2], [-0.1, -t / 2], [0.05, 0], [-0.08, t / 2], [-half, t / 2]]);
    const right = poly(at, [[half, -t / 2], [0.12, -t / 2], [0.22, -0.02], [0.1, t / 2], [half, t / 2]]);
    return { gap, leaf: left + right, mark: "" };
  }
  return { gap, leaf: box(at, -half, -t / 2, len, t), mark: typeMarks(type, half, t, at) };
}

function typeMarks(type, half, t, at) {
  if (type === "airlock") {
    return [seg(at, 0, -t / 2, 0, t / 2), seg(at, -half + 0.12, 0, -0.08, 0), seg(at, 0.08, 0, half - 0.12, 0)].join(" ");
  }
  if (type === "blast_door") return seg(at, -half, -t / 2, half, t / 2) + " " + seg(at, -half, t / 2, half, -t / 2);
  if (type === "emergency") {
    const marks = [];
    for (let i = -2; i <= 2; i += 1) {
      const x = i * (half / 2.5);
      marks.push(seg(at, x - 0.08, t / 2, x + 0.08, -t / 2));
    }
    return marks.join(" ");
  }
  return seg(at, 0, -t / 2, 0, t / 2);
}

/** The status badges, defined once in the map's <defs> and shown with <use>. */
export function badgeDefs() {
  const bg = () => svg("circle", { r: 0.27, class: "badge-bg" });
  return [
    svg("g", { id: "door-badge-locked", class: "bdg bdg-locked" }, bg(),
      svg("path", { d: "M-0.08,-0.02 V-0.1 A0.08,0.08 0 0 1 0.08,-0.1 V-0.02", class: "badge-line" }),
      svg("rect", { x: -0.12, y: -0.03, width: 0.24, height: 0.17, class: "badge-fill" })),
    svg("g", { id: "door-badge-sealed", class: "bdg bdg-sealed" }, bg(),
      svg("path", { d: "M-0.14,-0.07 H0.14 M-0.14,0 H0.14 M-0.14,0.07 H0.14", class: "badge-line" })),
    svg("g", { id: "door-badge-damaged", class: "bdg bdg-damaged" }, bg(),
      svg("path", { d: "M0.03,-0.17 L-0.08,0.02 L0.02,0.02 L-0.03,0.17 L0.09,-0.04 L-0.01,-0.04 Z", class: "badge-fill" })),
  ];
}
