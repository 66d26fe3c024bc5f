// Names on the star map kept off one another and off the map's panels (the info panel, the
// crumbs, the level tag), in 3D (HTML labels) and in 2D (SVG texts) alike. Boxes are
// [left, top, width, height] in the map's pixels.

// The ship's name after its place's: a system's name stays beside its mark, the ship's above.
const KINDS = ["star", "planet", "system", "body", "ship", "station", "moon", "belt", "site", "nebula"];

/** 0 for the selected or pointed-at name (drawn whenever it is not under a panel), then by
 * kind; `prefix` is the kind's class prefix ("sm-", "sm2-"). */
export function nameRank(node, prefix, first) {
  if (first) return 0;
  const at = KINDS.findIndex((k) => node.classList.contains(prefix + k));
  return 1 + (at < 0 ? KINDS.length : at);
}

/** Offsets [dx, dy] for each name (null: left out, its mark stays and a tap still reads it).
 * A name is `{rank, box, gap, up}`: `gap` from its mark to the name's left (null: a star's or
 * planet's name centred below it), `up` for the ship's (a line or two higher first). The
 * first ranks go first; a name never covers one placed before it nor an obstacle. */
export function declutter(names, obstacles) {
  const placed = [...obstacles];
  const order = names.map((_, i) => i).sort((a, b) => names[a].rank - names[b].rank || names[a].box[1] - names[b].box[1]);
  const offsets = names.map(() => null);
  for (const i of order) {
    const { rank, box, gap, up } = names[i];
    const spot = freeSpot(placed, box, gap, up) || (rank === 0 && !obstacles.some((b) => overlaps(b, box)) ? [0, 0] : null);
    offsets[i] = spot;
    if (spot) placed.push([box[0] + spot[0], box[1] + spot[1], box[2], box[3]]);
  }
  return offsets;
}

/** The first offset of a name's box that covers no placed box: beside its mark, on the mark's
 * other side, then a line or two up or down on either side (a centred name: below its body, a
 * line or two lower; the ship's: a line or two higher first, over its place's name). */
function freeSpot(boxes, [left, top, width, height], gap, up) {
  const other = -(2 * gap + width);
  const spots = gap === null
    ? [[0, 0], [0, height], [0, 2 * height]]
    : [[0, 0], [other, 0], [0, -height], [0, height], [other, -height], [other, height], [0, -2 * height], [0, 2 * height]];
  if (up) spots.splice(1, 0, [0, -height], [0, -2 * height]);
  for (const [dx, dy] of spots) {
    const moved = [left + dx, top + dy, width, height];
    if (!boxes.some((b) => overlaps(b, moved))) return [dx, dy];
  }
  return null;
}

function overlaps([x, y, w, h], [left, top, width, height]) {
  return left < x + w && x < left + width && top < y + h && y < top + height;
}
