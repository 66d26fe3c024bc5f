// The star map (docs/snapshot.md "star_map"): galaxy, system and orbit views drawn in 3D with
// three.js, or in 2D (SVG) where WebGL is missing or fails. Players may rotate, zoom and drill
// down locally; the GM's "show" flies every display to a view. The scene is built once per
// view and updated in place; labels are HTML, each system's carrying data-star-id.
import { el, setText, display } from "./dom.js";
import { guessedKind } from "./identity.js";
import { Map2D } from "./starmap2d.js";
import { SceneClock, listenTaps } from "./starpick.js";

const LEVEL_NAMES = { galaxy: "Galaxy", system: "System", orbit: "Orbit" };

/** What one view shows, from the star_map part: its level, key, title and things. */
export function viewData(part, view) {
  const galaxy = part.galaxy;
  if (view.level === "system" && part.systems[view.key]) {
    const system = part.systems[view.key];
    const owner = galaxy ? galaxy.systems.find((s) => s.system_map === view.key) : null;
    return { ...view, title: owner ? owner.name : system.star.name, system, owner, part };
  }
  if (view.level === "orbit" && part.orbits[view.key]) {
    const orbit = part.orbits[view.key];
    return { ...view, title: orbit.planet.name, orbit, part };
  }
  return { level: "galaxy", key: "", title: "Galaxy", galaxy, part };
}

/** The crumbs above a view: galaxy, its system, the planet. */
function trail(part, view) {
  const crumbs = [{ level: "galaxy", key: "", name: "Galaxy" }];
  let systemKey = view.level === "system" ? view.key : "";
  if (view.level === "orbit") systemKey = (part.orbits[view.key] || {}).system || "";
  if (systemKey && part.systems[systemKey]) crumbs.push({ level: "system", key: systemKey, name: viewData(part, { level: "system", key: systemKey }).title });
  if (view.level === "orbit" && part.orbits[view.key]) crumbs.push({ level: "orbit", key: view.key, name: part.orbits[view.key].planet.name });
  return crumbs;
}

function sameView(a, b) {
  return a && b && a.level === b.level && a.key === b.key;
}

/** Whether this browser gives WebGL at all, and whether it is drawn by the CPU (SwiftShader,
 * llvmpipe): then the scene starts at a lower resolution without multisampling. */
function webglInfo() {
  try {
    const canvas = document.createElement("canvas");
    const gl = canvas.getContext("webgl2") || canvas.getContext("webgl");
    if (!gl) return null;
    const ext = gl.getExtension("WEBGL_debug_renderer_info");
    const name = String(gl.getParameter(ext ? ext.UNMASKED_RENDERER_WEBGL : gl.RENDERER) || "");
    const lose = gl.getExtension("WEBGL_lose_context");
    if (lose) lose.loseContext();
    return { software: /swiftshader|llvmpipe|software|softpipe/i.test(name) };
  } catch (err) {
    return null;
  }
}

export class StarMapView {
  constructor(root, shipName = () => "") {
    this.root = root;
    this.shipName = shipName;
    this.tv = guessedKind === "tv";
    this.stage = el("div", { class: "sm-stage" });
    this.labels = el("div", { class: "sm-labels" });
    this.crumbs = el("nav", { class: "sm-crumbs panel" });
    this.info = el("aside", { class: "sm-info panel", hidden: "" },
      el("div", { class: "panel-head" }), el("div", { class: "sm-info-name" }), el("dl", { class: "sm-info-facts" }));
    this.levelTag = el("div", { class: "sm-level" });
    this.sweep = el("div", { class: "sm-sweep", "aria-hidden": "true" });
    root.classList.add("starmap");
    root.append(this.stage, this.sweep, this.labels, this.crumbs, this.levelTag, this.info);
    this.part = null;
    this.view = null; // what is drawn now
    this.local = null; // a view a player drilled to (until the GM shows one)
    this.shows = null;
    this.selected = "";
    this.active = true;
    this.drawer = null;
    this.loading = null;
    this.clock = new SceneClock();
    this.obstacles = [];
    const panels = new ResizeObserver(() => this.measurePanels());
    for (const panel of [root, this.info, this.crumbs, this.levelTag]) panels.observe(panel);
    listenTaps(root, {
      where: [this.stage, this.labels],
      nodes: () => [...root.querySelectorAll(".sm-label:not([hidden]), .sm2-thing")],
      clock: this.clock,
      tap: (thing) => this.tap(thing),
    });
    const params = new URLSearchParams(location.search);
    this.force2d = params.get("map2d") === "1";
  }

  /** Draw the star_map part (null: nothing to draw). */
  render(part) {
    this.root.hidden = !part;
    if (!part) return;
    this.part = part;
    let fly = false;
    if (part.shows !== this.shows) {
      fly = this.shows !== null || part.shows > 0;
      this.shows = part.shows;
      this.local = null;
    }
    this.draw(this.local || part.view, fly);
  }

  /** Start or stop the animation (a hidden tab draws nothing). */
  setActive(active) {
    this.active = active;
    if (this.drawer) this.drawer.setActive(active && !this.root.hidden);
  }

  draw(view, fly) {
    const data = viewData(this.part, view);
    const changed = !sameView(data, this.view);
    this.view = { level: data.level, key: data.key };
    this.root.dataset.level = data.level;
    this.root.dataset.key = data.key;
    this.renderCrumbs(data);
    const tag = data.level === "galaxy" ? "Galaxy view" : `${LEVEL_NAMES[data.level]} \u00b7 ${display(data.title)}`;
    setText(this.levelTag, tag.toUpperCase());
    if (changed) this.select("");
    this.withDrawer((drawer) => drawer.show(data, { fly: fly || changed, tv: this.tv, ship: this.shipInfo() }));
  }

  shipInfo() {
    const ship = this.part.ship || { at: "", course: [] };
    return { ...ship, name: this.shipName() || "Ship" };
  }

  withDrawer(use) {
    if (this.drawer) {
      use(this.drawer);
      return;
    }
    if (!this.loading) this.loading = this.makeDrawer();
    this.loading.then((drawer) => {
      if (this.part) use(drawer);
    });
  }

  async makeDrawer() {
    const hooks = {
      labels: this.labels, root: this.root, clock: this.clock,
      obstacles: () => this.obstacles, selected: () => this.selected,
    };
    const gl = this.force2d ? null : webglInfo();
    if (gl) this.drawer = await this.make3d(hooks, gl);
    if (!this.drawer) this.use2d(hooks);
    this.drawer.setActive(this.active);
    return this.drawer;
  }

  /** The 3D scene, or null: no WebGL after all, or its module did not arrive (the app went away
   * while three.js loaded): the same map in 2D then, whose module came with the page. */
  async make3d(hooks, gl) {
    try {
      const { Scene3D } = await import("./starmap3d.js");
      return new Scene3D(this.stage, { ...hooks, software: gl.software }, () => this.fallBack(hooks));
    } catch (err) {
      return null;
    }
  }

  use2d(hooks) {
    this.stage.replaceChildren();
    this.labels.replaceChildren();
    this.drawer = new Map2D(this.stage, hooks);
    this.root.dataset.mode = "2d";
  }

  /** WebGL failed after it started (a lost context): the same map in 2D from now on. */
  fallBack(hooks) {
    if (this.drawer) this.drawer.destroy();
    this.use2d(hooks);
    this.drawer.setActive(this.active);
    this.loading = Promise.resolve(this.drawer);
    if (this.part && this.view) this.drawer.show(viewData(this.part, this.view), { fly: false, tv: this.tv, ship: this.shipInfo() });
  }

  /** The boxes of the panels over the map (names keep out from under them), in the map's
   * pixels; measured when one changes size (shown, hidden, new text), not every frame. */
  measurePanels() {
    this.obstacles = [this.info, this.crumbs, this.levelTag]
      .filter((p) => !p.hidden && p.offsetWidth)
      .map((p) => [p.offsetLeft, p.offsetTop, p.offsetWidth, p.offsetHeight]);
    this.relabel();
  }

  /** The 2D map's names placed again (the 3D scene places them every frame). */
  relabel() {
    if (this.drawer && this.drawer.relabel) this.drawer.relabel();
  }

  /** A tap on a thing: into its map when it has one, and its info beside the map. */
  tap(thing) {
    const to = opensTo(this.part, thing);
    if (to) this.open(to);
    this.select(thing.key);
  }

  /** A player drilled down (or up): this display only. */
  open(view) {
    if (!this.part) return;
    this.local = view;
    this.draw(view, true);
  }

  renderCrumbs(data) {
    const crumbs = trail(this.part, data);
    const key = JSON.stringify(crumbs);
    if (this.crumbs.__key === key) return;
    this.crumbs.__key = key;
    this.crumbs.replaceChildren(...crumbs.map((c, i) => {
      const last = i === crumbs.length - 1;
      const b = el("button", { type: "button", class: "sm-crumb" + (last ? " here" : ""), text: display(c.name).toUpperCase(), data: { level: c.level } });
      if (!last) b.addEventListener("click", () => this.open({ level: c.level, key: c.key }));
      return b;
    }));
  }

  /** Show one thing's name and info beside the map ("" closes it). */
  select(key) {
    this.selected = key;
    const [thing, kind] = key ? locate(this.part, key) : [null, ""];
    this.info.hidden = !thing;
    for (const label of this.labels.children) label.classList.toggle("selected", label.dataset.key === key);
    this.relabel();
    if (!thing) return;
    const [head, name, facts] = this.info.children;
    setText(head, display(kind).replace(/_/g, " "));
    setText(name, thing.name);
    const info = thing.info || {};
    facts.replaceChildren(...Object.keys(info).flatMap((k) => [
      el("dt", { text: k.replace(/_/g, " ") }), el("dd", { text: display(info[k]) }),
    ]));
  }
}

/** A thing of the part by its key (a system, body, moon, station, site or route) and what it
 * is, in words: its own type, else its list's ("Moon", "Route"). */
function locate(part, key) {
  const galaxy = part.galaxy || { systems: [], routes: [] };
  const lists = [[galaxy.systems, "System"], [galaxy.routes, "Route"]];
  for (const system of Object.values(part.systems)) lists.push([system.bodies, "Body"]);
  for (const orbit of Object.values(part.orbits)) lists.push([orbit.moons, "Moon"], [orbit.stations, "Station"], [orbit.sites, "Site"]);
  for (const [list, kind] of lists) {
    const found = list.find((t) => t.key === key);
    if (found) return [found, found.type || found.icon_type || found.marker_type || found.route_type || kind];
  }
  return [null, ""];
}

/** The view a thing opens when tapped: a system's map, a body's orbit map (else none). */
export function opensTo(part, thing) {
  if (thing.system_map && part.systems[thing.system_map]) return { level: "system", key: thing.system_map };
  if (thing.orbit_map && part.orbits[thing.orbit_map]) return { level: "orbit", key: thing.orbit_map };
  return null;
}

/** The angle (degrees) of a thing on its orbit after `days`. */
export function orbitAngle(orbit, days) {
  const period = Number(orbit.period) || 0;
  const turns = period > 0 ? days / period : 0;
  return (Number(orbit.angle) || 0) + 360 * (turns % 1);
}

/** Days of the scene's clock: the map's day plus the time since it was drawn, sped up. */
export const DAYS_PER_SECOND = { system: 1.5, orbit: 0.02 };

/** Label element of a thing: its name (and kind), data-key, data-star-id for systems. */
export function makeLabel(thing, kind) {
  const label = el("div", { class: "sm-label sm-" + kind, data: { key: thing.key } },
    el("span", { class: "sm-mark", "aria-hidden": "true" }),
    el("span", { class: "sm-name", text: display(thing.name) }));
  if (kind === "system") label.dataset.starId = thing.star_id;
  label.__thing = thing; // a tap reads it (starpick.js)
  return label;
}
