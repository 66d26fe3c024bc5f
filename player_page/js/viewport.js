// The map's viewBox: fitted to the revealed rooms or the display's camera (re-fitting smoothly),
// plus the player's own pan and zoom (mouse drag, wheel, one-finger pan, two-finger pinch).
// Local to this display. While the view moves (a fit easing, a finger panning or pinching) the
// map is not drawn again each frame: the map's `layer` (its parent element, a compositor layer
// of its own: css/map.css) is moved and scaled as one CSS transform from the viewBox last set to
// the box shown, and the viewBox is set once the move ends. A new viewBox lays out and paints every
// room, door, token and text of the deck again (tens of ms a frame on a slow TV); a transform
// of the drawn layer costs the compositor alone. The box shown (map units) is the map's
// `data-box`, whichever way it is shown.

const FIT_MS = 800;
const MIN_ZOOM = 0.5;
const MAX_ZOOM = 8;
const TAP_SLOP_PX = 8;

const ease = (t) => (t < 0.5 ? 2 * t * t : 1 - Math.pow(-2 * t + 2, 2) / 2);

export class Viewport {
  constructor(svgEl, onTap, layer = svgEl) {
    this.svg = svgEl;
    this.layer = layer; // moved while the view moves: the svg, or an element holding only it
    this.onTap = onTap;
    this.size = { w: 0, h: 0 }; // the map's own box in CSS pixels (no transform)
    this.drawn = null; // the box of the viewBox set last {x, y, w, h}
    this.fit = null; // displayed fit box {x, y, w, h}
    this.from = null;
    this.target = null;
    this.started = 0;
    this.zoom = 1;
    this.pan = { x: 0, y: 0 };
    this.pointers = new Map();
    this.gesture = null;
    this.frame = 0;
    svgEl.addEventListener("pointerdown", (e) => this.down(e));
    svgEl.addEventListener("pointermove", (e) => this.move(e));
    svgEl.addEventListener("pointerup", (e) => this.up(e));
    svgEl.addEventListener("pointercancel", (e) => this.up(e));
    svgEl.addEventListener("wheel", (e) => this.wheel(e), { passive: false });
    new ResizeObserver(([entry]) => {
      this.size = { w: entry.contentRect.width, h: entry.contentRect.height };
    }).observe(svgEl);
  }

  /** Fit to a box (map units); animated unless it is the first fit. */
  setFit(box, animate) {
    if (this.target && sameBox(box, this.target)) return;
    this.target = box;
    if (!this.fit || !animate) {
      this.fit = box;
      this.apply();
      return;
    }
    this.from = { ...this.fit };
    this.started = performance.now();
    this.svg.dataset.fitting = "1";
    if (!this.frame) this.frame = requestAnimationFrame((t) => this.step(t));
  }

  step(now) {
    // A frame's timestamp is when the frame began, which can be before `started` when a busy
    // main thread (a burst of snapshots) set the fit late in that frame: clamp, or the easing
    // of a negative t extrapolates past both boxes (a negative viewBox height).
    const t = Math.max(0, Math.min(1, (now - this.started) / FIT_MS));
    const k = ease(t);
    const a = this.from, b = this.target;
    this.fit = { x: a.x + (b.x - a.x) * k, y: a.y + (b.y - a.y) * k, w: a.w + (b.w - a.w) * k, h: a.h + (b.h - a.h) * k };
    this.frame = t < 1 ? requestAnimationFrame((n) => this.step(n)) : 0;
    this.apply(); // the last frame (t = 1) sets the viewBox
    if (t >= 1) delete this.svg.dataset.fitting;
  }

  /** Another place: no fit, no animation still running, the player's pan and zoom undone. */
  forget() {
    cancelAnimationFrame(this.frame);
    this.frame = 0;
    this.fit = this.from = this.target = null;
    delete this.svg.dataset.fitting;
    this.layer.style.removeProperty("transform");
    this.reset();
  }

  reset() {
    this.zoom = 1;
    this.pan = { x: 0, y: 0 };
    this.apply();
  }

  get userMoved() {
    return this.zoom !== 1 || this.pan.x !== 0 || this.pan.y !== 0;
  }

  box() {
    const f = this.fit;
    const w = f.w / this.zoom, h = f.h / this.zoom;
    const cx = f.x + f.w / 2 + this.pan.x, cy = f.y + f.h / 2 + this.pan.y;
    return { x: cx - w / 2, y: cy - h / 2, w, h };
  }

  /** A fit easing or a pointer on the map: the view is moving. */
  get moving() {
    return this.frame !== 0 || this.pointers.size > 0;
  }

  /** Show box(): moved as a transform of the drawn map while moving, else as the viewBox. */
  apply() {
    if (!this.fit) return;
    const b = this.box();
    const shown = `${b.x.toFixed(3)} ${b.y.toFixed(3)} ${b.w.toFixed(3)} ${b.h.toFixed(3)}`;
    const { w, h } = this.size;
    if (this.moving && this.drawn && w > 0 && h > 0) {
      this.layer.style.transform = between(this.drawn, b, w, h);
    } else {
      if (!this.drawn || !sameBox(this.drawn, b)) this.svg.setAttribute("viewBox", shown);
      this.drawn = b;
      this.layer.style.removeProperty("transform");
    }
    this.svg.dataset.box = shown; // what the map shows, either way (map units)
    this.svg.dispatchEvent(new CustomEvent("viewchange"));
  }

  /** Map units per screen pixel (preserveAspectRatio meet). */
  unitsPerPixel() {
    const b = this.box();
    const { w, h } = this.size;
    return Math.max(b.w / Math.max(w, 1), b.h / Math.max(h, 1));
  }

  /** A client point in map units. */
  toMap(clientX, clientY) {
    const m = this.svg.getScreenCTM();
    if (!m) return { x: 0, y: 0 };
    const p = new DOMPoint(clientX, clientY).matrixTransform(m.inverse());
    return { x: p.x, y: p.y };
  }

  down(e) {
    if (e.button !== undefined && e.button > 0) return;
    this.svg.setPointerCapture(e.pointerId);
    this.pointers.set(e.pointerId, { x: e.clientX, y: e.clientY });
    this.gesture = this.pointers.size === 1
      ? { kind: "pan", x: e.clientX, y: e.clientY, moved: 0, target: e.target }
      : { kind: "pinch", dist: this.spread(), zoom: this.zoom };
  }

  move(e) {
    if (!this.pointers.has(e.pointerId) || !this.gesture) return;
    const last = this.pointers.get(e.pointerId);
    this.pointers.set(e.pointerId, { x: e.clientX, y: e.clientY });
    if (this.gesture.kind === "pan") {
      const upp = this.unitsPerPixel();
      this.gesture.moved += Math.abs(e.clientX - last.x) + Math.abs(e.clientY - last.y);
      this.pan.x -= (e.clientX - last.x) * upp;
      this.pan.y -= (e.clientY - last.y) * upp;
      this.apply();
    } else {
      const pts = [...this.pointers.values()];
      const mid = { x: (pts[0].x + pts[1].x) / 2, y: (pts[0].y + pts[1].y) / 2 };
      this.zoomAt(mid.x, mid.y, (this.gesture.zoom * this.spread()) / Math.max(this.gesture.dist, 1));
    }
  }

  up(e) {
    if (!this.pointers.has(e.pointerId)) return;
    this.pointers.delete(e.pointerId);
    const g = this.gesture;
    if (g && g.kind === "pan" && g.moved < TAP_SLOP_PX && e.type === "pointerup") this.onTap(g.target, e);
    this.gesture = this.pointers.size === 1
      ? { kind: "pan", ...[...this.pointers.values()][0], moved: TAP_SLOP_PX, target: null }
      : null;
    if (!this.moving) this.apply(); // the gesture ended: its view becomes the viewBox
  }

  wheel(e) {
    e.preventDefault();
    this.zoomAt(e.clientX, e.clientY, this.zoom * Math.exp(-e.deltaY * 0.0015));
  }

  /** Zoom to `zoom`, keeping the map point under (clientX, clientY) in place. */
  zoomAt(clientX, clientY, zoom) {
    const before = this.toMap(clientX, clientY);
    this.zoom = Math.min(MAX_ZOOM, Math.max(MIN_ZOOM, zoom));
    this.apply();
    const after = this.toMap(clientX, clientY);
    this.pan.x += before.x - after.x;
    this.pan.y += before.y - after.y;
    this.apply();
  }

  spread() {
    const pts = [...this.pointers.values()];
    return pts.length < 2 ? 1 : Math.hypot(pts[0].x - pts[1].x, pts[0].y - pts[1].y);
  }
}

function sameBox(a, b) {
  return a.x === b.x && a.y === b.y && a.w === b.w && a.h === b.h;
}

/**
 * The CSS transform (about the map's centre) that turns the map drawn for box `a` into the
 * map as box `b` would draw it, both fitted into a w x h map ("xMidYMid meet").
 */
function between(a, b, w, h) {
  const ka = Math.min(w / a.w, h / a.h), kb = Math.min(w / b.w, h / b.h);
  const tx = kb * (a.x + a.w / 2 - b.x - b.w / 2), ty = kb * (a.y + a.h / 2 - b.y - b.h / 2);
  return `translate(${tx.toFixed(2)}px, ${ty.toFixed(2)}px) scale(${(kb / ka).toFixed(5)})`;
}
