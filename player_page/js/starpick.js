// A finger meets the star map: the scene's clock (orbits, a planet's turn) stands still while
// a finger or the mouse is down on the map and for a few seconds after, and a tap reads the
// name the player aimed at: the one under the finger, else the nearest within a finger's reach
// of where it is or was a moment ago (names move, and a finger lands a little after the eye).

const STILL_MS = 3000; // after the finger leaves, the scene stays still this long...
const EASE_MS = 1500; // ...then speeds up to its pace again
const REACH = 24; // px around a name or mark a fingertip still hits
const TRAIL_MS = 800; // how far back "where it was" goes
const TRAIL_STEP = 80; // one remembered place per this many ms
const SLOP = 12; // px a finger may slide and still tap

/** The star map's own seconds: they run with the page's time except while it is held. */
export class SceneClock {
  constructor(now = performance.now()) {
    this.at = now;
    this.elapsed = 0;
    this.down = false;
    this.released = -Infinity;
  }

  rate(now) {
    if (this.down) return 0;
    const since = now - this.released - STILL_MS;
    return since <= 0 ? 0 : Math.min(1, since / EASE_MS);
  }

  /** Seconds of scene time at `now` (a page's frame time). */
  seconds(now) {
    if (now > this.at) this.elapsed += ((now - this.at) / 1000) * this.rate(now);
    this.at = Math.max(this.at, now);
    return this.elapsed;
  }

  hold(now) {
    this.seconds(now);
    this.down = true;
  }

  release(now) {
    if (!this.down) return;
    this.seconds(now);
    this.down = false;
    this.released = now;
  }
}

/** Note where a name's anchor is now (node.__x, node.__y, the map's pixels) for picking. */
export function remember(node, now) {
  const trail = node.__trail || (node.__trail = []);
  const last = trail[trail.length - 1];
  if (last && last[1] === node.__x && last[2] === node.__y) {
    last[0] = now;
    return;
  }
  if (last && now - last[0] < TRAIL_STEP) trail.pop();
  trail.push([now, node.__x, node.__y]);
  while (trail.length && now - trail[0][0] > TRAIL_MS) trail.shift();
}

function distance([x, y], r) {
  const dx = Math.max(r.left - x, 0, x - r.right), dy = Math.max(r.top - y, 0, y - r.bottom);
  return Math.hypot(dx, dy);
}

/** How far a point is from a node's drawn parts (its mark, its name if drawn), now or, shifted
 * along its trail, a moment ago. */
function reach(node, point, now) {
  const parts = [...node.children].filter((c) => getComputedStyle(c).visibility !== "hidden");
  const rects = parts.map((c) => c.getBoundingClientRect()).filter((r) => r.width || r.height);
  const shifts = [[0, 0]];
  for (const [t, x, y] of node.__trail || []) {
    if (now - t <= TRAIL_MS) shifts.push([x - node.__x, y - node.__y]);
  }
  let best = Infinity;
  for (const r of rects) {
    for (const [dx, dy] of shifts) best = Math.min(best, distance([point[0] - dx, point[1] - dy], r));
  }
  return best;
}

/** The node a finger at `point` (client pixels) meant, or null. */
export function pick(nodes, point, now) {
  let found = null, best = REACH;
  for (const node of nodes) {
    const d = reach(node, point, now);
    if (d < best || (d === best && found === null)) [found, best] = [node, d];
  }
  return found;
}

/** Wire a map's root: presses hold the clock, a tap (no slide) reads the picked thing. */
export function listenTaps(root, { where, nodes, clock, tap }) {
  let press = null;
  root.addEventListener("pointerdown", (e) => {
    press = null;
    if (!where.some((part) => part.contains(e.target))) return;
    clock.hold(performance.now());
    const node = pick(nodes(), [e.clientX, e.clientY], performance.now());
    press = { node, x: e.clientX, y: e.clientY, moved: false, id: e.pointerId, t: e.timeStamp };
  }, true);
  root.addEventListener("pointermove", (e) => {
    if (press && e.pointerId === press.id && Math.hypot(e.clientX - press.x, e.clientY - press.y) > SLOP) press.moved = true;
  }, true);
  const up = () => clock.release(performance.now());
  // A finger lifted where the page cannot see it (another window took the focus) lets go too.
  for (const type of ["pointerup", "pointercancel", "blur"]) window.addEventListener(type, up, true);
  root.addEventListener("click", (e) => {
    const pressed = press && e.timeStamp - press.t < 2000 ? press : null; // not a long press
    press = null;
    if (pressed && pressed.moved) return; // a drag turned the scene
    const node = pressed ? pressed.node : e.target.closest && e.target.closest("[data-key]");
    if (!node || !node.__thing || !root.contains(node)) return;
    e.stopPropagation();
    tap(node.__thing);
  });
}
