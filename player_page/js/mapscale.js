// Readable at 3 m: the map's texts have sizes in screen pixels (on a 1080p TV: token and
// marker labels 18 px, room names 24 px), turned into map units for the fitted view. The map
// carries `--px` (map units per design pixel) for the CSS sizes; token labels are laid out here.
import { layoutLabels, pxScale } from "./labels.js";

const LABEL_PX = 18;
const ROOM_PX = 24;

export class MapScale {
  constructor(svgEl, onResize) {
    this.svg = svgEl;
    this.size = { w: 0, h: 0 };
    this.px = 0;
    this.key = "";
    new ResizeObserver(([entry]) => {
      const { width, height } = entry.contentRect;
      if (Math.abs(width - this.size.w) < 1 && Math.abs(height - this.size.h) < 1) return;
      this.size = { w: width, h: height };
      if (width > 0 && height > 0) onResize();
    }).observe(svgEl);
  }

  /** The fitted box (map units) changed or may have: the smallest room-name size, in map units. */
  fit(box) {
    this.box = box;
    const { w, h } = this.size;
    const px = box && w > 0 && h > 0 ? Math.max(box.w / w, box.h / h) * pxScale() : 0;
    if (px !== this.px) {
      this.px = px;
      if (px) this.svg.style.setProperty("--px", px.toFixed(5));
      else this.svg.style.removeProperty("--px");
    }
    return px * ROOM_PX;
  }

  /** Token and marker label size, in map units. */
  font() {
    return Math.max(0.28, this.px * LABEL_PX);
  }

  /** Lay out the token labels again when a token, a name, the scale or what they avoid changed;
   * inside `view` (the camera's box), else the fitted one. */
  labels(tokens, nodes, obstacles, view = null) {
    const font = this.font();
    const bounds = view || this.box;
    const b = bounds || { x: 0, y: 0, w: 0, h: 0 };
    const key = font.toFixed(4) + `|${b.x},${b.y},${b.w},${b.h}|${boxesHash(obstacles)}|` +
      tokens.map((t) => `${t.id}:${t.x},${t.y}:${t.name}`).join("|");
    if (key === this.key) return;
    this.key = key;
    const placed = tokens.map((t) => ({ id: t.id, name: t.name, x: Number(t.x) || 0, y: Number(t.y) || 0 }));
    layoutLabels(placed, nodes, font, obstacles, bounds);
  }
}

/** A cheap fingerprint of the boxes labels avoid (they change only with the rooms and markers). */
function boxesHash(boxes) {
  let h = boxes.length;
  for (const b of boxes) h = (h * 31 + b.x0 * 1009 + b.y0 * 917 + b.x1 * 73 + b.y1 * 7) % 1e9;
  return h.toFixed(3);
}
