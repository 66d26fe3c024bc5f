// Each display's camera (its snapshot's `display.camera`, set by the GM): the rectangle of the
// map, in cells, that the display shows. fit: the revealed rooms; frame: the GM's rectangle;
// follow: a token (or the party's tokens), moving only when they leave the middle of the view
// (a dead zone), the viewport easing it there; locked: a fixed view for miniatures, one cell
// 25.4 mm on this screen (its diagonal in inches, from the GM; else 96 CSS px to the inch),
// from the GM's top-left cell. The rectangle settled on is the map's `data-camera="x y w h"`.

const FOLLOW_MIN = 10; // cells across, at least, around what a follow camera follows
const FOLLOW_PAD = 4; // cells around the followed tokens
const DEAD_ZONE = 0.25; // of the view on each side: moves inside the rest do not pan
const CSS_PX_PER_INCH = 96; // a cell is 25.4 mm: one inch

export class Camera {
  constructor(svgEl) {
    this.svg = svgEl;
    this.followed = null; // the follow camera's rectangle, kept while its tokens stay inside
  }

  /** The rectangle to show, given the fit box of the revealed rooms and the snapshot. */
  box(fit, snap) {
    const cam = (snap.display && snap.display.camera) || { mode: "fit" };
    let box = fit;
    if (cam.mode === "frame" && cam.w > 0 && cam.h > 0) box = { x: cam.x, y: cam.y, w: cam.w, h: cam.h };
    else if (cam.mode === "follow") box = this.follow(cam, snap, fit);
    else if (cam.mode === "locked") box = this.locked(cam);
    if (cam.mode !== "follow") this.followed = null;
    this.svg.dataset.camera = [box.x, box.y, box.w, box.h].map((n) => +n.toFixed(3)).join(" ");
    this.svg.dataset.cameraMode = cam.mode;
    return box;
  }

  follow(cam, snap, fit) {
    const tokens = snap.encounter_tokens || {};
    const chosen = cam.target && tokens[cam.target]
      ? [tokens[cam.target]]
      : Object.values(tokens).filter((t) => t.type === "player");
    if (!chosen.length) return this.followed || fit;
    const xs = chosen.map((t) => Number(t.x) || 0), ys = chosen.map((t) => Number(t.y) || 0);
    const x0 = Math.min(...xs), y0 = Math.min(...ys), x1 = Math.max(...xs) + 1, y1 = Math.max(...ys) + 1;
    const kept = this.followed;
    if (kept && inside(kept, x0, y0, x1, y1)) return kept;
    const w = Math.max(FOLLOW_MIN, x1 - x0 + 2 * FOLLOW_PAD), h = Math.max(FOLLOW_MIN, y1 - y0 + 2 * FOLLOW_PAD);
    this.followed = { x: (x0 + x1) / 2 - w / 2, y: (y0 + y1) / 2 - h / 2, w, h };
    return this.followed;
  }

  locked(cam) {
    // The map's own size, before any rotation of the display (a transform leaves it as it is).
    const width = Math.max(this.svg.clientWidth, 1), height = Math.max(this.svg.clientHeight, 1);
    const diagonalPx = Math.hypot(screen.width, screen.height);
    const cell = cam.diagonal > 0 ? diagonalPx / cam.diagonal : CSS_PX_PER_INCH; // 25.4 mm
    return { x: Math.round(cam.x), y: Math.round(cam.y), w: width / cell, h: height / cell };
  }
}

function inside(box, x0, y0, x1, y1) {
  const mx = box.w * DEAD_ZONE, my = box.h * DEAD_ZONE;
  return x0 >= box.x + mx && y0 >= box.y + my && x1 <= box.x + box.w - mx && y1 <= box.y + box.h - my;
}
