// BRIDGE: ship status, crew dossiers and session logs, in tabs any player can tap (local).
// Crew and logs come in pages that fit the screen (a TV cannot scroll) and cycle by themselves.
import { el, setText, syncKeyed, initials, safeMediaUrl, display, ratio } from "./dom.js";
import { renderBlocks } from "./blocks.js";
import { SystemsPanel, GaugePanel, Scanner } from "./ship.js";
import { Pager, pageItems, balanced, overflows } from "./pager.js";
import { StarMapView } from "./starmap.js";

const TABS = [["map", "Map"], ["status", "Status"], ["crew", "Crew"], ["logs", "Logs"]];

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
      crew: el("div", { class: "br-page br-crewlist" }),
      logs: el("div", { class: "br-page br-logs" }),
      map: el("div", { class: "br-page br-map" }, el("div")),
    };
    this.starmap = new StarMapView(this.pages.map.firstChild, () => this.shipName);
    this.shows = null;
    this.pagers = {
      crew: new Pager(this.pages.crew, (box) => balanced(box, pageItems(box, [...box.children]))),
      logs: new Pager(this.pages.logs, (box) => pageLogs(box, this.sessions || [])),
    };
    // The pagers hang beside the bar, outside its width: the tabs never move under a finger.
    const dock = el("div", { class: "br-dock" }, bar, this.pagers.crew.nav, this.pagers.logs.nav);
    this.crewNodes = new Map();
    this.logKey = "";
    this.crewKey = "";
    root.append(this.header, this.pages.status, this.pages.map, this.pages.crew, this.pages.logs, dock);
    this.select("status");
    let resizing = 0;
    const relayout = () => {
      cancelAnimationFrame(resizing);
      resizing = requestAnimationFrame(() => { for (const pager of Object.values(this.pagers)) pager.layout(); });
    };
    window.addEventListener("resize", relayout);
    if (document.fonts) document.fonts.addEventListener("loadingdone", relayout); // sizes change with the font
  }

  select(id) {
    this.tab = id;
    for (const [key, b] of this.buttons) b.classList.toggle("active", key === id);
    for (const [key, page] of Object.entries(this.pages)) page.hidden = key !== id;
    for (const [key, pager] of Object.entries(this.pagers)) {
      if (key === id) pager.shown();
      pager.nav.classList.toggle("off", key !== id);
    }
    this.starmap.setActive(id === "map");
  }

  render(snap) {
    const ship = snap.ship || {};
    const [name, cls, crew] = this.header.children;
    setText(name, display(ship.name) || display(snap.ship_name));
    setText(cls, display(ship.class));
    const capacity = Number(ship.crew_capacity);
    const aboard = Number(ship.crew_count);
    setText(crew, capacity > 0 ? `CREW ${Number.isFinite(aboard) ? aboard : 0}/${capacity}` : "");
    this.hull.render(ship.hull);
    this.armor.render(ship.armor);
    this.systems.render(ship.systems || {});
    this.scanner.render(ship);
    this.renderCrew(Array.isArray(snap.crew) ? snap.crew : []);
    this.renderLogs(Array.isArray(snap.sessions) ? snap.sessions : []);
    this.renderMap(snap.star_map || null);
  }

  /** The MAP tab: hidden without a star map; a view the GM shows opens it on every display. */
  renderMap(part) {
    this.shipName = display(this.header.children[0].textContent);
    this.buttons.get("map").hidden = !part;
    if (!part && this.tab === "map") this.select("status");
    if (part && part.shows !== this.shows && (this.shows !== null || part.shows > 0)) this.select("map");
    this.shows = part ? part.shows : null;
    this.starmap.render(part);
    this.starmap.setActive(this.tab === "map");
  }

  renderCrew(crew) {
    const key = JSON.stringify(crew);
    if (key === this.crewKey) return;
    this.crewKey = key;
    const items = crew.filter((c) => c && typeof c === "object").map((c, i) => ({ ...c, id: c.id ?? "crew-" + i }));
    syncKeyed(this.pages.crew, this.crewNodes, items, () => el("article", { class: "dossier panel" }), (node, c) => {
      const look = JSON.stringify(c);
      if (node.__key === look) return;
      node.__key = look;
      node.replaceChildren(...dossier(c).filter(Boolean));
      const vitals = vitalsOf(c);
      if (node.__vitals !== undefined && node.__vitals !== vitals) pulseOnce(node);
      node.__vitals = vitals;
    });
    this.pagers.crew.layout();
  }

  renderLogs(sessions) {
    const key = JSON.stringify(sessions);
    if (key === this.logKey) return;
    this.logKey = key;
    const number = (s) => (Number.isFinite(Number(s.session_number)) ? Number(s.session_number) : 0);
    this.sessions = sessions.filter((s) => s && typeof s === "object").sort((a, b) => number(b) - number(a));
    this.pagers.logs.layout();
  }
}

/** Session logs cut into pages at block level: a long log goes on over the next pages. */
function pageLogs(box, sessions) {
  box.replaceChildren();
  if (!sessions.length) {
    const none = el("div", { class: "br-none", text: "NO LOG ENTRIES" });
    box.appendChild(none);
    return [[none]];
  }
  const pages = [];
  let page = [];
  const turn = () => {
    for (const node of page) node.hidden = true;
    pages.push(page);
    page = [];
  };
  const start = (s, more) => {
    const article = logArticle(s, more);
    box.appendChild(article);
    page.push(article);
    return article;
  };
  for (const s of sessions) {
    let article = start(s, false);
    if (page.length > 1 && overflows(box)) {
      article.remove();
      page.pop();
      turn();
      article = start(s, false);
    }
    for (const block of logBlocks(s)) {
      const body = article.lastChild;
      body.appendChild(block);
      if (!overflows(box) || (body.children.length < 2 && page.length < 2)) continue;
      // A log that would leave only its head (and one block) here starts on the next page.
      const carried = body.children.length <= 2 && page.length > 1 ? [...body.children] : [block];
      const more = carried.length === 1;
      for (const node of carried) node.remove();
      if (!more) {
        article.remove();
        page.pop();
      }
      turn();
      article = start(s, more);
      article.lastChild.append(...carried);
    }
  }
  if (page.length) pages.push(page);
  for (const p of pages) for (const node of p) node.hidden = true;
  return pages;
}

/** A log's blocks, without a first heading that only repeats its title. */
function logBlocks(s) {
  const blocks = [...renderBlocks(s.body).children];
  const first = blocks[0];
  const title = display(s.title).trim().toLowerCase();
  if (first && first.classList.contains("blk-h") && first.textContent.trim().toLowerCase() === title) blocks.shift();
  return blocks;
}

function logArticle(s, more) {
  const number = display(s.session_number);
  return el("article", { class: "log panel" + (more ? " log-more" : "") },
    el("div", { class: "panel-head" },
      el("span", { text: (number ? `Session ${number}` : "Session") + (more ? " \u00b7 continued" : "") }),
      el("span", { class: "log-date", text: display(s.date) })),
    more ? null : el("h2", { class: "log-title", text: display(s.title) }),
    el("div", { class: "blocks log-body" }));
}

export function dossier(c) {
  const face = portrait(c);
  const facts = [["Role", c.role], ["Class", c.class], ["Stress", stressText(c)], ["Wounds", c.wounds]]
    .map(([k, v]) => [k, display(v)]).filter(([, v]) => v);
  const conditions = Array.isArray(c.conditions) ? c.conditions.map(display).filter(Boolean) : [];
  return [
    el("div", { class: "panel-head", text: display(c.name) || "Crew member" }),
    el("div", { class: "ds-body" }, face,
      el("div", { class: "ds-main" },
        el("dl", { class: "ds-facts" }, ...facts.flatMap(([k, v]) => [el("dt", { text: k }), el("dd", { text: v })])),
        healthBar(c.health),
        conditions.length ? el("ul", { class: "ds-conditions" }, ...conditions.map((t) => el("li", { text: t }))) : null)),
    statGrid("Stats", c.stats), statGrid("Saves", c.saves),
  ];
}

/** The crew member's portrait; their initials when there is none or it does not load (a file
 * that is no picture): never a broken image. */
function portrait(c) {
  const initialsBox = () => el("div", { class: "ds-face ds-placeholder", text: initials(c.name) });
  const url = safeMediaUrl(c.portrait_url);
  if (!url) return initialsBox();
  const img = el("img", { class: "ds-face", src: url, alt: "" });
  img.addEventListener("error", () => img.replaceWith(initialsBox()), { once: true });
  return img;
}

/** Stress with its floor: "5 (min 2)". */
function stressText(c) {
  const stress = display(c.stress), floor = display(c.min_stress);
  return stress && floor && floor !== "0" ? `${stress} (min ${floor})` : stress;
}

/** What of a crew member counts as vitals (a change of them pulses the card). */
export function vitalsOf(c) {
  return JSON.stringify([c.health, c.stress, c.wounds, c.min_stress, c.conditions]);
}

/** A short glow on a crew card whose vitals changed (removed when it ends). */
export function pulseOnce(node) {
  node.classList.remove("vitals-changed");
  void node.offsetWidth; // restart the animation
  node.classList.add("vitals-changed");
  node.addEventListener("animationend", () => node.classList.remove("vitals-changed"), { once: true });
}

/** Health as a bar with "7 / 10" when it is {current, max}; as text when it is anything else. */
function healthBar(health) {
  const pair = ratio(health);
  if (!pair) {
    const text = display(health);
    return text ? el("div", { class: "ds-health" }, el("span", { class: "ds-health-k", text: "Health" }), el("span", { text })) : null;
  }
  const p = Math.max(0, Math.min(100, (pair.current / pair.max) * 100));
  const level = p > 66 ? "ok" : p > 33 ? "warn" : "bad";
  return el("div", { class: "ds-health", data: { level } },
    el("div", { class: "ds-health-top" }, el("span", { class: "ds-health-k", text: "Health" }),
      el("span", { class: "ds-health-v", text: `${pair.current} / ${pair.max}` })),
    el("div", { class: "bar" }, el("div", { class: "bar-fill", style: `width:${p}%` })));
}

function statGrid(title, values) {
  const entries = values && typeof values === "object" && !Array.isArray(values)
    ? Object.entries(values).map(([k, v]) => [k, display(v)]).filter(([, v]) => v) : [];
  if (!entries.length) return null;
  return el("div", { class: "ds-grid" }, el("div", { class: "ds-grid-title", text: title }),
    ...entries.map(([k, v]) => el("div", { class: "ds-stat" },
      el("span", { class: "ds-stat-k", text: k.replace(/_/g, " ") }), el("span", { class: "ds-stat-v", text: v }))));
}
