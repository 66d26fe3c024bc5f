// Ship status pieces: hull/armor gauges and the systems cards (a change flickers, CRITICAL
// pulses, OFFLINE dims).
import { el, svg, setText, syncKeyed } from "./dom.js";

const LEVELS = {
  online: "ok", nominal: "ok", operational: "ok", active: "ok",
  stressed: "warn", warning: "warn", degraded: "warn", strained: "warn",
  damaged: "bad", failing: "bad", critical: "crit", destroyed: "crit", breached: "crit",
  offline: "off", disabled: "off", standby: "off",
};

const pct = (cur, max) => (max > 0 ? Math.max(0, Math.min(100, (cur / max) * 100)) : 0);

export class GaugePanel {
  constructor(label) {
    this.value = el("div", { class: "gauge-value" });
    this.fill = el("div", { class: "bar-fill" });
    this.node = el("div", { class: "gauge panel" }, el("div", { class: "panel-head", text: label }),
      el("div", { class: "gauge-body" }, this.value, el("div", { class: "bar" }, this.fill)));
    this.key = "";
  }

  render(g) {
    const cur = Number(g && g.current) || 0, max = Number(g && g.max) || 0;
    const key = cur + "/" + max;
    if (key === this.key) return;
    const changed = this.key !== "";
    this.key = key;
    const p = pct(cur, max);
    setText(this.value, max ? `${cur} / ${max}` : "\u2014");
    this.fill.style.width = p + "%";
    this.node.dataset.level = p > 66 ? "ok" : p > 33 ? "warn" : "bad";
    if (changed) flicker(this.node);
  }
}

export class SystemsPanel {
  constructor() {
    this.node = el("div", { class: "systems" });
    this.nodes = new Map();
  }

  render(systems) {
    const bySystem = systems && typeof systems === "object" && !Array.isArray(systems) ? systems : {};
    const items = Object.keys(bySystem).map((id) => {
      const s = bySystem[id];
      return s && typeof s === "object" ? { ...s, id } : { status: s, id };
    });
    syncKeyed(this.node, this.nodes, items, createSystem, updateSystem);
    this.node.dataset.count = String(items.length);
    this.node.classList.toggle("many", items.length > 6); // smaller cards, still on one screen
  }
}

function createSystem() {
  return el("div", { class: "system panel" },
    el("div", { class: "panel-head" }), el("div", { class: "sys-status" }),
    el("div", { class: "bar" }, el("div", { class: "bar-fill" })), el("div", { class: "sys-info" }));
}

function updateSystem(node, s) {
  const key = [s.status, s.condition, s.info].join("|");
  if (node.__key === key) return;
  const changed = node.__key !== undefined;
  node.__key = key;
  const [head, status, bar, info] = node.children;
  setText(head, String(s.id).replace(/_/g, " "));
  setText(status, s.status || "");
  const cond = s.condition == null ? NaN : Number(s.condition); // null: no bar (a GM status without a condition)
  bar.firstChild.style.width = (Number.isFinite(cond) ? Math.max(0, Math.min(100, cond)) : 0) + "%";
  bar.hidden = !Number.isFinite(cond);
  setText(info, s.info);
  node.dataset.level = LEVELS[String(s.status || "").toLowerCase()] || "ok";
  node.dataset.status = String(s.status || "");
  if (changed) flicker(node);
}

function flicker(node) {
  node.classList.remove("flicker");
  void node.offsetWidth; // restart the animation
  node.classList.add("flicker");
}

/** A long-range scanner sweep that tells the sensors' own state (a system named like sensors,
 * scanners or radar); a ship without one just sweeps: other systems' failures are no scan failure. */
export class Scanner {
  constructor() {
    const rings = [0.95, 0.66, 0.36].map((r) => svg("circle", { r, class: "sc-ring" }));
    const cross = [svg("line", { x1: -1, y1: 0, x2: 1, y2: 0, class: "sc-ring" }),
      svg("line", { x1: 0, y1: -1, x2: 0, y2: 1, class: "sc-ring" })];
    const sweep = svg("g", { class: "sc-sweep" },
      svg("path", { d: "M0,0 L0.95,0 A0.95,0.95 0 0 0 0.67,-0.67 Z", class: "sc-beam" }));
    const blips = [[0.5, -0.3], [-0.42, 0.55], [0.15, 0.78]].map(([x, y], i) =>
      svg("circle", { cx: x, cy: y, r: 0.035, class: "sc-blip", style: `animation-delay:${i * 1.3}s` }));
    this.state = el("div", { class: "sc-state" });
    this.node = el("div", { class: "scanner panel" }, el("div", { class: "panel-head", text: "Long-range scan" }),
      el("div", { class: "sc-body" },
        svg("svg", { viewBox: "-1 -1 2 2", class: "sc-scope" }, ...rings, ...cross, sweep, ...blips), this.state));
  }

  render(ship) {
    const systems = ship.systems && typeof ship.systems === "object" ? ship.systems : {};
    const key = Object.keys(systems).find((k) => SENSORS.test(k) && systems[k] && typeof systems[k] === "object");
    const status = key ? String(systems[key].status || "").toUpperCase() : "";
    const level = status ? LEVELS[status.toLowerCase()] || "ok" : "ok";
    setText(this.state, status ? `SENSORS: ${status}` : "SCANNING…");
    this.node.dataset.level = level;
  }
}

const SENSORS = /sensor|scan|radar/i;
