// BRIDGE: ship status, crew dossiers and session logs, in tabs any player can tap (local).
import { el, setText, syncKeyed, initials, safeMediaUrl } from "./dom.js";
import { renderBlocks } from "./blocks.js";
import { SystemsPanel, GaugePanel, Scanner } from "./ship.js";

const TABS = [["status", "Status"], ["crew", "Crew"], ["logs", "Logs"]];

export class BridgeView {
  constructor(root) {
    this.root = root;
    this.tab = "status";
    this.buttons = new Map();
    const bar = el("nav", { class: "br-tabs panel" });
    for (const [id, label] of TABS) {
      const b = el("button", { type: "button", class: "br-tab", text: label, data: { tab: id } });
      b.addEventListener("click", () => this.select(id));
      this.buttons.set(id, b);
      bar.appendChild(b);
    }
    this.header = el("div", { class: "br-header panel" },
      el("span", { class: "br-ship" }), el("span", { class: "br-class" }), el("span", { class: "br-crew" }));
    this.hull = new GaugePanel("Hull");
    this.armor = new GaugePanel("Armor");
    this.systems = new SystemsPanel();
    this.scanner = new Scanner();
    this.pages = {
      status: el("div", { class: "br-page br-status" },
        el("div", { class: "br-gauges" }, this.hull.node, this.armor.node, this.scanner.node), this.systems.node),
      crew: el("div", { class: "br-page br-crewlist scroll" }),
      logs: el("div", { class: "br-page br-logs scroll" }),
    };
    this.crewNodes = new Map();
    this.logKey = "";
    root.append(this.header, this.pages.status, this.pages.crew, this.pages.logs, bar);
    this.select("status");
  }

  select(id) {
    this.tab = id;
    for (const [key, b] of this.buttons) b.classList.toggle("active", key === id);
    for (const [key, page] of Object.entries(this.pages)) page.hidden = key !== id;
  }

  render(snap) {
    const ship = snap.ship || {};
    const [name, cls, crew] = this.header.children;
    setText(name, ship.name || snap.ship_name || "");
    setText(cls, ship.class || "");
    setText(crew, ship.crew_capacity ? `CREW ${ship.crew_count ?? 0}/${ship.crew_capacity}` : "");
    this.hull.render(ship.hull);
    this.armor.render(ship.armor);
    this.systems.render(ship.systems || {});
    this.scanner.render(ship);
    this.renderCrew(Array.isArray(snap.crew) ? snap.crew : []);
    this.renderLogs(Array.isArray(snap.sessions) ? snap.sessions : []);
  }

  renderCrew(crew) {
    syncKeyed(this.pages.crew, this.crewNodes, crew, () => el("article", { class: "dossier panel" }), (node, c) => {
      const key = JSON.stringify(c);
      if (node.__key === key) return;
      node.__key = key;
      node.replaceChildren(...dossier(c));
    });
  }

  renderLogs(sessions) {
    const key = JSON.stringify(sessions);
    if (key === this.logKey) return;
    this.logKey = key;
    const sorted = [...sessions].sort((a, b) => (b.session_number || 0) - (a.session_number || 0));
    this.pages.logs.replaceChildren(...sorted.map((s) => el("article", { class: "log panel" },
      el("div", { class: "panel-head" },
        el("span", { text: `Session ${s.session_number ?? ""}` }), el("span", { class: "log-date", text: s.date || "" })),
      el("h2", { class: "log-title", text: s.title || "" }),
      renderBlocks(s.body, "blocks log-body"))));
    if (!sorted.length) this.pages.logs.appendChild(el("div", { class: "br-none", text: "NO LOG ENTRIES" }));
  }
}

function dossier(c) {
  const url = safeMediaUrl(c.portrait_url);
  const face = url
    ? el("img", { class: "ds-face", src: url, alt: "" })
    : el("div", { class: "ds-face ds-placeholder", text: initials(c.name) });
  const facts = [["Role", c.role], ["Class", c.class], ["Health", c.health], ["Stress", c.stress]]
    .filter(([, v]) => v !== undefined && v !== null && v !== "");
  return [
    el("div", { class: "panel-head", text: c.name || "" }),
    el("div", { class: "ds-body" }, face,
      el("dl", { class: "ds-facts" }, ...facts.flatMap(([k, v]) => [el("dt", { text: k }), el("dd", { text: v })]))),
    statGrid("Stats", c.stats), statGrid("Saves", c.saves),
  ];
}

function statGrid(title, values) {
  const entries = values && typeof values === "object" ? Object.entries(values) : [];
  if (!entries.length) return null;
  return el("div", { class: "ds-grid" }, el("div", { class: "ds-grid-title", text: title }),
    ...entries.map(([k, v]) => el("div", { class: "ds-stat" },
      el("span", { class: "ds-stat-k", text: k.replace(/_/g, " ") }), el("span", { class: "ds-stat-v", text: v }))));
}
