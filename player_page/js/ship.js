// Ship status pieces: hull/armor gauges and the systems cards (a change flickers, CRITICAL
// pulses, OFFLINE dims).
import { el, setText, syncKeyed } from "./dom.js";

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
    const items = Object.keys(systems).map((id) => ({ id, ...systems[id] }));
    syncKeyed(this.node, this.nodes, items, createSystem, updateSystem);
    this.node.dataset.count = String(items.length);
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
  const cond = Number(s.condition);
  bar.firstChild.style.width = (Number.isFinite(cond) ? Math.max(0, Math.min(100, cond)) : 0) + "%";
  bar.hidden = !Number.isFinite(cond);
  setText(info, s.info || "");
  node.dataset.level = LEVELS[String(s.status || "").toLowerCase()] || "ok";
  node.dataset.status = String(s.status || "");
  if (changed) flicker(node);
}

function flicker(node) {
  node.classList.remove("flicker");
  void node.offsetWidth; // restart the animation
  node.classList.add("flicker");
}
