// Token name labels laid out so that no two labels and no label and token overlap: each label
// tries the full name, then the name cut short (kept from its start), then the initials, below,
// above, beside and then a little further off its token; the first free place wins. A token
// whose label finds no free place shows none (its disc still shows its initials; a tap on it
// tells the full name). Sizes are screen pixels turned into map units, so a label stays
// readable on a TV at any deck size.
import { initials, display, setAttr, setText } from "./dom.js";

const HALO = 0.44; // a token's drawn radius (disc plus halo), in cells
const CHAR = 0.62; // monospace advance, in ems (JetBrains Mono: 0.6)
const LINE = 1.4; // label box height, in ems (ascent + descent: 1.32)
const GAP = 0.06; // between a label and anything else, in cells
const ASCENT = 0.36; // baseline below the box's centre, in ems
const SPACE = 0.26; // kept free on each side of a label, in characters (half a character between two)

/** The label texts to try, longest first. */
export function labelTexts(name) {
  const full = display(name).trim();
  if (!full) return [];
  const texts = [full];
  const words = full.split(/\s+/);
  // The name a table calls someone by: the first word, unless it is a title ("Dr.", "Capt.").
  const first = words.find((w) => !/\.$/.test(w) && w.length > 1) || words[0];
  if (first !== full) texts.push(first);
  for (let n = Math.min(first.length - 1, 8); n >= 3; n -= 1) texts.push(first.slice(0, n) + "\u2026");
  const short = initials(full);
  if (!texts.includes(short)) texts.push(short);
  return texts;
}

/** Places around a token (centre offsets, map units) in ring 0 (beside), 1 (corners), 2 (further). */
function places(w, h, ring) {
  const below = HALO + GAP + h / 2, side = HALO + GAP + w / 2;
  if (ring === 0) return [[0, below], [0, -below], [side, 0], [-side, 0]];
  const corner = HALO * 0.75 + GAP;
  if (ring === 1) {
    return [[corner + w / 2, corner + h / 2], [-corner - w / 2, corner + h / 2],
      [corner + w / 2, -corner - h / 2], [-corner - w / 2, -corner - h / 2]];
  }
  return [[0, below + h + GAP], [0, -below - h - GAP], [side + 0.5, 0], [-side - 0.5, 0]];
}

/** Boxes bucketed by the map cells they cover (numeric keys: this runs on every token move). */
class BoxIndex {
  constructor() {
    this.cells = new Map();
    this.inside = null;
  }

  add(b) {
    for (let x = Math.floor(b.x0); x <= Math.floor(b.x1); x += 1) {
      for (let y = Math.floor(b.y0); y <= Math.floor(b.y1); y += 1) {
        const k = x * 65536 + y;
        const list = this.cells.get(k);
        if (list) list.push(b);
        else this.cells.set(k, [b]);
      }
    }
  }

  hits(b) {
    const v = this.inside;
    if (v && (b.x0 < v.x || b.y0 < v.y || b.x1 > v.x + v.w || b.y1 > v.y + v.h)) return true;
    for (let x = Math.floor(b.x0); x <= Math.floor(b.x1); x += 1) {
      for (let y = Math.floor(b.y0); y <= Math.floor(b.y1); y += 1) {
        const list = this.cells.get(x * 65536 + y);
        if (!list) continue;
        for (const o of list) if (b.x0 < o.x1 && o.x0 < b.x1 && b.y0 < o.y1 && o.y0 < b.y1) return true;
      }
    }
    return false;
  }
}

/**
 * Lay out the labels of `tokens` ({id, name, x, y}; `nodes`: id -> token group) at `font`
 * map units per em, clear of `obstacles` (boxes) where they can be and inside `bounds` (the
 * fitted view {x, y, w, h}). Returns how many were placed.
 */
export function layoutLabels(tokens, nodes, font, obstacles = [], bounds = null) {
  const index = new BoxIndex();
  if (bounds) index.inside = bounds; // the fitted view: a label never leaves it
  const avoid = new BoxIndex(); // room names and markers: kept clear where there is room
  for (const b of obstacles) avoid.add(b);
  for (const t of tokens) {
    const cx = t.x + 0.5, cy = t.y + 0.5;
    index.add({ x0: cx - HALO, x1: cx + HALO, y0: cy - HALO, y1: cy + HALO });
  }
  const h = LINE * font;
  const size = font.toFixed(4);
  let placed = 0;
  for (const t of crowdedFirst(tokens)) {
    const g = nodes.get(String(t.id));
    if (!g) continue;
    const texts = labelTexts(t.name);
    // No free place: no label (the disc shows the initials; a tap tells the whole name).
    const spot = findSpot(t, texts, font, h, [index, avoid]);
    const label = g.__parts.name;
    setAttr(label, "font-size", size);
    if (!spot) {
      setText(label, "");
      label.setAttribute("visibility", "hidden");
      continue;
    }
    placed += 1;
    index.add(spot.box);
    label.removeAttribute("visibility");
    setText(label, spot.text);
    setAttr(label, "x", spot.dx.toFixed(3));
    setAttr(label, "y", (spot.dy + ASCENT * font).toFixed(3));
  }
  return placed;
}

/** Tokens with the most neighbours first: they have the fewest free places. */
function crowdedFirst(tokens) {
  const cells = new Set(tokens.map((t) => t.x * 65536 + t.y));
  const crowd = (t) => {
    let n = 0;
    for (let dx = -1; dx <= 1; dx += 1) for (let dy = -1; dy <= 1; dy += 1) n += cells.has((t.x + dx) * 65536 + t.y + dy) ? 1 : 0;
    return n;
  };
  return tokens.map((t) => [crowd(t), t]).sort((a, b) => b[0] - a[0]).map(([, t]) => t);
}

/** Screen pixels a design pixel is worth here: 1 on a 1080p TV, less on a small tablet. */
export function pxScale() {
  return Math.min(2, Math.max(0.7, Math.min(window.innerWidth / 1920, window.innerHeight / 1080)));
}

function findSpot(t, texts, font, h, indexes) {
  // The whole name anywhere near its token first; only then a shorter form.
  return ringSpot(t, texts.slice(0, 1), font, h, indexes) || ringSpot(t, texts.slice(1), font, h, indexes);
}

function ringSpot(t, texts, font, h, indexes) {
  const cx = t.x + 0.5, cy = t.y + 0.5;
  const pad = SPACE * CHAR * font; // side by side, two labels keep a visible gap between them
  // Rings of places (near, corners, further): in each ring the longest text that fits wins.
  for (let ring = 0; ring < 3; ring += 1) {
    for (const text of texts) {
      const w = text.length * CHAR * font;
      for (const [dx, dy] of places(w, h, ring)) {
        const box = { x0: cx + dx - w / 2 - pad, x1: cx + dx + w / 2 + pad, y0: cy + dy - h / 2, y1: cy + dy + h / 2 };
        if (!indexes.some((index) => index.hits(box))) return { text, dx, dy, box };
      }
    }
  }
  return null;
}
