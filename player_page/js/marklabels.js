// Marker labels (terminals, deck links, points of interest) placed under their icon, above it
// or a line further down, and slid sideways: inside the marker's own room, off door symbols,
// other labels and other icons. A name too long for its room is cut short (kept from its start).
import { setAttr, setText } from "./dom.js";

const ICON_HALF = 0.36; // the largest marker icon (a deck link's box) is 0.72 cells wide
const WALL = 0.08; // kept clear inside a room's wall, in cells
const MIN_CHARS = 4;
const TITLE_LINES = 2.4; // a room's name and status line, in marker label lines

/**
 * Place every marker label of `layers`; `rooms`: the revealed rooms (a label stays in the room
 * of its icon); `doors`: door boxes ({x0, y0, x1, y1}, map units). Run when markers changed;
 * returns the boxes the icons and labels cover.
 */
export function separateLabels(layers, rooms = [], doors = []) {
  const markers = layers.flatMap((layer) => [...layer.children]).filter((g) => g.__at);
  const icons = markers.map((g) => ({ g, x: g.__at.x - ICON_HALF, y: g.__at.y - ICON_HALF, width: 2 * ICON_HALF, height: 2 * ICON_HALF }));
  const walls = doors.map((d) => ({ x: d.x0, y: d.y0, width: d.x1 - d.x0, height: d.y1 - d.y0 }));
  const labels = [];
  for (const g of markers) {
    const text = g.querySelector(".mk-label");
    if (!text) continue;
    if (text.dataset.full === undefined) text.dataset.full = text.textContent || "";
    if (text.dataset.base === undefined) text.dataset.base = text.getAttribute("y") || "0";
    const full = text.dataset.full;
    if (!full) continue;
    setText(text, full);
    setAttr(text, "y", text.dataset.base);
    setAttr(text, "x", "0");
    const b = text.getBBox();
    if (!(b.width > 0)) continue;
    labels.push({ g, text, full, b, room: roomAt(rooms, g.__at) });
  }
  labels.sort((a, b) => a.g.__at.y + a.b.y - b.g.__at.y - b.b.y || a.g.__at.x - b.g.__at.x);
  const placed = [];
  for (const label of labels) {
    const clear = (box) => !placed.some((o) => overlaps(box, o)) && !icons.some((i) => i.g !== label.g && overlaps(box, i));
    const spot = bestSpot(label, (box) => clear(box) && !walls.some((w) => overlaps(box, w)), clear);
    setText(label.text, spot.text);
    setAttr(label.text, "x", +spot.dx.toFixed(3));
    setAttr(label.text, "y", +(Number(label.text.dataset.base) + spot.dy).toFixed(3));
    placed.push(spot.box);
  }
  // Where the icons and labels ended up (map units), for room names to keep clear of.
  return icons.concat(placed).map((b) => ({ x0: b.x, y0: b.y, x1: b.x + b.width, y1: b.y + b.height }));
}

/**
 * The first free place in its room of the longest text that has one; a room too small for
 * any (a ladder well) lets the whole name out to the first free place near its icon.
 */
function bestSpot(label, free, clear) {
  const { g, full, b, room } = label;
  const charW = b.width / full.length;
  const line = b.height * 1.05;
  const above = -ICON_HALF - 0.06 - b.height - b.y; // from under the icon to above it
  const shifts = [0, above, line, 2 * line, 3 * line, 4 * line];
  const spot = (text, dy, within, test = free) => {
    const width = text.length * charW;
    const box = { x: g.__at.x - width / 2, y: g.__at.y + b.y + dy, width, height: b.height };
    const dx = within ? slideInto(box, within) : 0;
    if (dx === null) return null;
    const at = { ...box, x: box.x + dx };
    if (within && !(inside(at, within) && leavesTitle(at, g.__at, within, b.height))) return null;
    return test(at) ? { text, dx, dy, box: at } : null;
  };
  // In its room when the room has space for its name, the icon and the label; a shaft or a
  // well too small for that lets the label out, as before.
  const roomy = room && room.height >= 2 * TITLE_LINES * b.height + 2 * ICON_HALF + b.height;
  if (roomy) {
    for (const text of shortened(full)) {
      for (const dy of shifts) {
        const found = spot(text, dy, room);
        if (found) return found;
      }
    }
  }
  for (const dy of shifts) {
    const found = spot(full, dy, null, clear);
    if (found) return found;
  }
  const dy = shifts[shifts.length - 1];
  return { text: full, dx: 0, dy, box: { x: g.__at.x - b.width / 2, y: g.__at.y + b.y + dy, width: b.width, height: b.height } };
}

/** The name, then cut shorter a character at a time ("SEDATIVE RESI…"), down to a few letters. */
function shortened(full) {
  const texts = [full];
  for (let n = full.length - 1; n >= MIN_CHARS; n -= 1) texts.push(full.slice(0, n).trimEnd() + "\u2026");
  return texts;
}

/** The sideways move that keeps `box` within the room's walls (null: wider than the room). */
function slideInto(box, room) {
  const left = room.x + WALL, right = room.x + room.width - WALL;
  if (box.width > right - left) return null;
  if (box.x < left) return left - box.x;
  if (box.x + box.width > right) return right - box.x - box.width;
  return 0;
}

/** The room keeps a band at its top or its bottom free of this icon and label, for its name. */
function leavesTitle(box, at, room, lineH) {
  const band = TITLE_LINES * lineH;
  const icon = { x: at.x - ICON_HALF, y: at.y - ICON_HALF, width: 2 * ICON_HALF, height: 2 * ICON_HALF };
  const top = { x: room.x, y: room.y, width: room.width, height: band };
  const bottom = { x: room.x, y: room.y + room.height - band, width: room.width, height: band };
  return [top, bottom].some((b) => !overlaps(box, b) && !overlaps(icon, b));
}

function inside(box, room) {
  if (box.y < room.y + WALL || box.y + box.height > room.y + room.height - WALL) return false;
  if (!room.cells) return true;
  for (let x = Math.floor(box.x); x < box.x + box.width; x += 1) {
    for (let y = Math.floor(box.y); y < box.y + box.height; y += 1) if (!room.cells.has(`${x},${y}`)) return false;
  }
  return true;
}

/** The revealed room whose floor holds the point (its cells when it has them). */
function roomAt(rooms, at) {
  const cx = Math.floor(at.x), cy = Math.floor(at.y);
  for (const r of rooms) {
    const x = Number(r.x), y = Number(r.y), w = Number(r.width), h = Number(r.height);
    if (!(cx >= x && cx < x + w && cy >= y && cy < y + h)) continue;
    const cells = Array.isArray(r.cells) && r.cells.length ? new Set(r.cells.map((c) => `${c[0]},${c[1]}`)) : null;
    if (cells && !cells.has(`${cx},${cy}`)) continue;
    return { x, y, width: w, height: h, cells };
  }
  return null;
}

function overlaps(a, b) {
  return a.x < b.x + b.width && b.x < a.x + a.width && a.y < b.y + b.height && b.y < a.y + a.height;
}
