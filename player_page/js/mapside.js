// Around the map: the legend (only the door kinds present), the room info card a tap opens,
// and the location card shown for a location without a map.
import { el, svg, setText } from "./dom.js";
import { createDoor, updateDoor } from "./doors.js";
import { markerKey, markerRows } from "./legendmarks.js";

const STATUS_ORDER = ["OPEN", "CLOSED", "LOCKED", "SEALED", "DAMAGED"];
const TYPE_NAMES = { airlock: "Airlock", blast_door: "Blast door", emergency: "Emergency", passage: "Passage" };

export class Legend {
  constructor() {
    this.node = el("div", { class: "legend panel" }, el("div", { class: "panel-head", text: "Legend" }));
    this.body = el("div", { class: "legend-body" });
    this.node.appendChild(this.body);
    this.key = "";
  }

  render(doors, map, tokens) {
    const statuses = STATUS_ORDER.filter((s) => doors.some((d) => String(d.status).toUpperCase() === s && d.type !== "passage"));
    const types = Object.keys(TYPE_NAMES).filter((t) => doors.some((d) => d.type === t));
    const hazard = (map.rooms || []).some((r) => r.status === "HAZARD");
    const key = statuses.join(",") + "|" + types.join(",") + "|" + hazard + "|" + markerKey(map, tokens);
    if (key === this.key) return;
    this.key = key;
    const rows = statuses.map((s) => row({ type: "standard", status: s }, s.toLowerCase()));
    for (const t of types) rows.push(row({ type: t, status: t === "passage" ? "OPEN" : "CLOSED" }, TYPE_NAMES[t]));
    if (hazard) rows.push(el("div", { class: "legend-row" }, el("span", { class: "legend-hazard" }), el("span", { text: "Hazard" })));
    rows.push(...markerRows(map, tokens));
    this.body.replaceChildren(...rows);
    this.node.hidden = rows.length === 0;
  }
}

function row(door, label) {
  const g = createDoor();
  updateDoor(g, { ...door, x: 0.75, y: 0.5, orientation: "h", length: 1 }, door.status);
  g.classList.remove("changed");
  const icon = svg("svg", { class: "legend-icon", viewBox: "0 0 1.5 1" }, g);
  return el("div", { class: "legend-row" }, icon, el("span", { text: label }));
}

export class RoomInfo {
  constructor() {
    this.node = el("div", { class: "room-info panel", hidden: "" });
    this.timer = 0;
  }

  show(room, pois, terminals) {
    const items = [el("div", { class: "panel-head", text: room.name || "" })];
    if (room.status && room.status !== "OPERATIONAL") items.push(el("div", { class: "ri-status st-" + String(room.status).toLowerCase(), text: room.status }));
    if (room.description) items.push(el("p", { class: "ri-desc", text: room.description }));
    for (const t of terminals) items.push(el("div", { class: "ri-item ri-term", text: "\u25a3 " + (t.name || "Terminal") }));
    for (const p of pois) {
      items.push(el("div", { class: "ri-item ri-poi", text: "\u25c6 " + (p.name || p.type || "") }));
      if (p.description) items.push(el("p", { class: "ri-sub", text: p.description }));
    }
    this.node.replaceChildren(...items);
    this.node.hidden = false;
    clearTimeout(this.timer);
    this.timer = setTimeout(() => this.hide(), 12000);
  }

  hide() {
    this.node.hidden = true;
  }
}

export class LocationCard {
  constructor() {
    this.node = el("div", { class: "location-card panel", hidden: "" });
    this.head = el("div", { class: "panel-head", text: "Location" });
    this.name = el("div", { class: "lc-name" });
    this.meta = el("div", { class: "lc-meta" });
    this.desc = el("p", { class: "lc-desc" });
    this.note = el("div", { class: "lc-note", text: "No deck plan on file" });
    this.node.append(this.head, this.name, this.meta, this.desc, this.note);
  }

  render(card) {
    this.node.hidden = !card;
    if (!card) return;
    setText(this.name, card.name || "");
    setText(this.meta, [card.type, card.status].filter(Boolean).join(" \u00b7 "));
    setText(this.desc, card.description || "");
  }
}
