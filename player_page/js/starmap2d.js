// The star map in 2D (SVG, seen from above) where WebGL is missing or fails: the same things,
// the same data-star-id and data-key elements, the same taps; bodies move along their orbits.
import { svg, setAttr, display } from "./dom.js";
import { orbitAngle, DAYS_PER_SECOND } from "./starmap.js";
import { seeded } from "./startexture.js";
import { declutter, nameRank } from "./stardeclutter.js";
import { remember } from "./starpick.js";

const SHIP = "#ffb547";
const DEG = Math.PI / 180;

export class Map2D {
  constructor(stage, hooks) {
    this.stage = stage;
    this.hooks = hooks;
    this.svg = svg("svg", { class: "sm-svg", preserveAspectRatio: "xMidYMid meet" });
    this.grid = svg("g", { class: "sm2-grid" });
    this.layer = svg("g", { class: "sm2-things" });
    this.svg.append(this.grid, this.layer);
    stage.appendChild(this.svg);
    hooks.root.dataset.mode = "2d";
    this.stats = { mode: "2d", frames: 0, firstFrame: 0, pace: () => hooks.clock.rate(performance.now()) };
    window.__starmap = this.stats;
    this.key = "";
    this.movers = [];
    this.active = false;
    this.frame = 0;
    this.tick = (now) => this.step(now);
    new ResizeObserver(() => this.relabel()).observe(stage);
  }

  show(data, { ship }) {
    const key = JSON.stringify([data.level, data.key, data.galaxy || data.system || data.orbit, ship]);
    if (key === this.key) return;
    this.key = key;
    this.layer.replaceChildren();
    this.movers = [];
    const span = { galaxy: () => this.galaxy(data, ship), system: () => this.system(data, ship), orbit: () => this.orbit(data, ship) }[data.level]();
    this.frameView(span);
    this.day = Number((data.system || {}).day) || 0;
    this.speed = (Number((data.system || {}).speed) || 1) * (DAYS_PER_SECOND[data.level] || 0);
    this.place(performance.now());
    this.setActive(this.active);
  }

  /** Names placed again now (a new selection, a resize, a panel opened). */
  relabel() {
    if (this.key) this.declutter(performance.now());
  }

  frameView(radius) {
    const r = radius * 1.15;
    setAttr(this.svg, "viewBox", `${-r * 1.6} ${-r} ${r * 3.2} ${r * 2}`);
    this.fs = r / 22;
    this.svg.style.setProperty("--sm2-fs", String(this.fs));
    this.grid.replaceChildren();
    for (let i = 1; i <= 6; i++) this.grid.appendChild(svg("circle", { r: (r * i) / 6, class: "sm2-ring" }));
    for (let a = 0; a < 180; a += 30) {
      const x = Math.cos(a * DEG) * r, y = Math.sin(a * DEG) * r;
      this.grid.appendChild(svg("line", { x1: -x, y1: -y, x2: x, y2: y, class: "sm2-spoke" }));
    }
    for (const text of this.layer.querySelectorAll("text")) setAttr(text, "font-size", this.fs.toFixed(2));
  }

  thing(thing, kind, x, y, ...shapes) {
    const g = svg("g", { class: "sm2-thing sm2-" + kind, data: { key: thing.key } }, ...shapes);
    moveTo(g, x, y);
    g.__thing = thing; // a tap reads it (starpick.js)
    if (kind === "system") g.dataset.starId = thing.star_id;
    const ship = kind === "ship";
    const label = svg("text", { class: "sm2-label", x: 0, y: 0, dx: ship ? "-1.1em" : "1.1em", dy: "0.35em", "text-anchor": ship ? "end" : "start" });
    label.textContent = display(thing.name).toUpperCase();
    g.appendChild(label);
    g.__label = label;
    this.layer.appendChild(g);
    return g;
  }

  galaxy(data, ship) {
    const galaxy = data.galaxy || { systems: [], nebulae: [], routes: [] };
    const at = new Map(galaxy.systems.map((s) => [s.key, [Number(s.position[0]) || 0, Number(s.position[2]) || 0]]));
    let far = 40;
    for (const n of galaxy.nebulae) {
      const random = seeded(n.key), size = Number(n.size) || 30;
      const [cx, cy] = [Number(n.position[0]) || 0, Number(n.position[2]) || 0];
      const puffs = [];
      for (let i = 0; i < 40; i++) {
        const r = size * 0.5 * Math.sqrt(random()), a = random() * Math.PI * 2;
        puffs.push(svg("circle", { cx: Math.cos(a) * r, cy: Math.sin(a) * r, r: size * (0.06 + random() * 0.12), fill: n.color, opacity: (n.opacity * 0.35).toFixed(2) }));
      }
      this.thing(n, "nebula", cx, cy, ...puffs);
    }
    for (const r of galaxy.routes) {
      if (!at.has(r.from) || !at.has(r.to)) continue;
      const [a, b] = [at.get(r.from), at.get(r.to)];
      this.layer.appendChild(svg("line", { x1: a[0], y1: a[1], x2: b[0], y2: b[1], stroke: r.color, class: "sm2-route" }));
    }
    for (const s of galaxy.systems) {
      const [x, y] = at.get(s.key);
      far = Math.max(far, Math.hypot(x, y));
      const size = Math.max(0.6, Number(s.size) || 1);
      const core = s.type === "station"
        ? svg("rect", { x: -size * 0.7, y: -size * 0.7, width: size * 1.4, height: size * 1.4, fill: "none", stroke: s.color, transform: "rotate(45)" })
        : svg("circle", { r: size * 0.7, fill: s.color });
      this.thing(s, "system", x, y, svg("circle", { r: size * 3, fill: s.color, opacity: 0.16 }), core);
    }
    if (ship.at && at.has(ship.at)) {
      const course = ship.course.filter((k) => at.has(k)).map((k) => at.get(k).join(","));
      if (course.length > 1) this.layer.appendChild(svg("polyline", { points: course.join(" "), class: "sm2-course", stroke: SHIP }));
      const [x, y] = at.get(ship.at);
      this.thing({ key: "ship", name: ship.name }, "ship", x, y - 5, svg("path", { d: "M-2 -3 L2 -3 L0 2 Z", fill: SHIP }));
    }
    return far;
  }

  orbiting(item, kind, shapes, ship) {
    const r = Number(item.orbit.radius) || 0;
    this.layer.appendChild(svg("circle", { r, class: "sm2-orbit" }));
    const g = this.thing(item, kind, r, 0, ...shapes);
    if (ship.at === item.key) g.appendChild(svg("path", { d: "M-1.5 -5 L1.5 -5 L0 -2 Z", fill: SHIP, class: "sm2-shipmark" }));
    this.movers.push((days) => {
      const a = orbitAngle(item.orbit, days) * DEG;
      moveTo(g, Math.cos(a) * r, -Math.sin(a) * r);
    });
    return r;
  }

  system(data, ship) {
    const star = data.system.star, size = Math.max(1, Number(star.size) || 5);
    below(this.thing({ key: "star", name: star.name }, "star", 0, 0,
      svg("circle", { r: size * 2.2, fill: star.color, opacity: 0.18 }), svg("circle", { r: size, fill: star.color })), size * 2.2);
    let far = size * 3;
    for (const b of data.system.bodies) {
      if (b.belt) {
        const mid = (b.belt.inner + b.belt.outer) / 2;
        this.layer.appendChild(svg("circle", { r: mid, class: "sm2-belt", stroke: b.color, "stroke-width": b.belt.outer - b.belt.inner }));
        this.thing(b, "belt", b.belt.outer, 0);
        far = Math.max(far, b.belt.outer);
        continue;
      }
      const size2 = Math.max(0.8, Number(b.size) || 1);
      const shapes = [svg("circle", { r: size2, fill: b.color })];
      if (b.rings) shapes.push(svg("ellipse", { rx: b.rings.outer, ry: b.rings.outer * 0.35, fill: "none", stroke: b.rings.color, "stroke-width": (b.rings.outer - b.rings.inner) * 0.4, opacity: 0.6 }));
      far = Math.max(far, this.orbiting(b, b.orbit_map ? "body drill" : "body", shapes, ship));
    }
    return far;
  }

  orbit(data, ship) {
    const planet = data.orbit.planet, size = Math.max(1, Number(planet.size) || 5);
    const tex = planet.texture || {};
    below(this.thing({ key: "planet", name: planet.name }, "planet", 0, 0,
      svg("circle", { r: size * 1.25, fill: tex.cloud_color || tex.primary || "#889", opacity: 0.15 }),
      svg("circle", { r: size, fill: tex.primary || "#889", stroke: tex.secondary || "#556", "stroke-width": size * 0.08 })), size * 1.25);
    for (const site of data.orbit.sites) {
      const lon = (Number(site.longitude) || 0) * DEG, lat = (Number(site.latitude) || 0) * DEG;
      this.thing(site, "site", Math.sin(lon) * Math.cos(lat) * size, -Math.sin(lat) * size, svg("circle", { r: size * 0.06, fill: SHIP }));
    }
    let far = size * 1.6;
    for (const moon of data.orbit.moons) {
      far = Math.max(far, this.orbiting(moon, "moon", [svg("circle", { r: Math.max(0.4, moon.size), fill: moon.color })], ship));
    }
    for (const st of data.orbit.stations) {
      const s = Math.max(0.4, st.size);
      far = Math.max(far, this.orbiting(st, "station", [svg("rect", { x: -s, y: -s, width: s * 2, height: s * 2, fill: "none", stroke: "#5fe3c9", transform: "rotate(45)" })], ship));
    }
    return far;
  }

  setActive(active) {
    this.active = active;
    if (active && !this.frame) this.frame = requestAnimationFrame(this.tick);
  }

  place(now) {
    const days = this.day + this.hooks.clock.seconds(now) * this.speed; // still under a finger
    for (const move of this.movers) move(days);
    this.declutter(now);
  }

  /** The SVG's user units to the map's pixels: [scale, x offset, y offset] (xMidYMid meet). */
  screen() {
    const [vx, vy, vw, vh] = this.svg.getAttribute("viewBox").split(" ").map(Number);
    const w = this.stage.clientWidth, h = this.stage.clientHeight;
    const k = Math.min(w / vw, h / vh);
    return [k, (w - vw * k) / 2 - vx * k, (h - vh * k) / 2 - vy * k];
  }

  /** Names kept off one another and off the panels over the map, as in 3D (stardeclutter.js). */
  declutter(now) {
    const [k, ox, oy] = this.screen();
    if (!k) return;
    const selected = this.hooks.selected();
    const things = [...this.layer.querySelectorAll(".sm2-thing")].filter((g) => measured(g.__label));
    const names = things.map((g) => {
      [g.__x, g.__y] = [ox + g.__at[0] * k, oy + g.__at[1] * k];
      remember(g, now);
      const [x, y, w, h] = g.__label.__box.map((v) => v * k);
      const centred = g.classList.contains("sm2-star") || g.classList.contains("sm2-planet");
      const first = g.dataset.key === selected || g.matches(":hover");
      return { rank: nameRank(g, "sm2-", first), box: [g.__x + x, g.__y + y, w, h], gap: centred ? null : x, up: g.classList.contains("sm2-ship") };
    });
    const offsets = declutter(names, this.hooks.obstacles());
    things.forEach((g, i) => {
      const offset = offsets[i];
      g.classList.toggle("sm2-crowded", !offset);
      const shift = offset && (offset[0] || offset[1]) ? `translate(${(offset[0] / k).toFixed(2)} ${(offset[1] / k).toFixed(2)})` : "";
      if (offset && g.__label.getAttribute("transform") !== shift) setAttr(g.__label, "transform", shift);
    });
  }

  step(now) {
    this.frame = 0;
    this.place(now);
    this.stats.frames += 1;
    if (!this.stats.firstFrame) this.stats.firstFrame = performance.now();
    if (this.active && this.movers.length && !document.hidden && this.stage.offsetParent !== null) this.frame = requestAnimationFrame(this.tick);
  }

  destroy() {
    this.active = false;
    cancelAnimationFrame(this.frame);
    this.svg.remove();
  }
}

/** A thing's place (user units), kept for placing its name. */
function moveTo(g, x, y) {
  g.__at = [x, y];
  setAttr(g, "transform", `translate(${x.toFixed(2)} ${y.toFixed(2)})`);
}

/** Whether a name's box (user units, from its thing's place) is known; measured once drawn. */
function measured(text) {
  if (!text.__box) {
    const b = text.getBBox();
    if (!b.width) return false;
    text.__box = [b.x, b.y, b.width, b.height];
  }
  return true;
}

/** A star's or planet's name centred under it. */
function below(g, radius) {
  const label = g.__label;
  for (const [name, value] of [["x", 0], ["y", radius], ["dx", 0], ["dy", "1.2em"], ["text-anchor", "middle"]]) label.setAttribute(name, String(value));
}
