// Legend rows for every marker the map shows besides doors: terminals, deck links, points of
// interest by type, and the status marks on tokens (the same drawings as on the map).
import { el, svg } from "./dom.js";
import { createMarker, updateLink, updateTerminal, updatePoi } from "./mapdraw.js";
import { MARKS, mark } from "./tokens.js";

const POI_NAMES = { objective: "Objective", item: "Item", hazard: "Danger", npc: "Person", player: "Crew", other: "Point of interest" };
const STATUS_NAMES = { wounded: "Wounded", panicked: "Panicked", stunned: "Stunned", dead: "Dead" };
const lower = (v) => String(v || "").toLowerCase().replace(/[^a-z0-9_-]/g, "");

/** What the rows depend on, to skip rebuilding them. */
export function markerKey(map, tokens) {
  return kinds(map, tokens).map((k) => k.join(":")).join(",");
}

function kinds(map, tokens) {
  const found = [];
  const add = (k) => { if (!found.some((f) => f.join() === k.join())) found.push(k); };
  if ((map.terminals || []).length) add(["terminal"]);
  for (const l of map.links || []) add(["link", lower(l.type) || "ladder", lower(l.direction)]);
  for (const p of map.pois || []) add(["poi", POI_NAMES[lower(p.type)] ? lower(p.type) : "other"]);
  const statuses = new Set();
  for (const t of Object.values(tokens || {})) for (const s of Array.isArray(t.status) ? t.status : []) statuses.add(String(s));
  for (const name of Object.keys(STATUS_NAMES)) if (statuses.has(name)) add(["status", name]);
  return found;
}

/** One legend row per marker kind on the map. */
export function markerRows(map, tokens) {
  return kinds(map, tokens).map(([kind, a, b]) => {
    if (kind === "terminal") return row(markerIcon(updateTerminal, { x: 0, y: 0, name: "" }), "Terminal");
    if (kind === "link") return row(markerIcon(updateLink, { x: 0, y: 0, type: a, direction: b }), `${a.replace(/_/g, " ")} ${b}`.trim());
    if (kind === "poi") return row(markerIcon(updatePoi, { x: 0, y: 0, type: a, name: "" }), POI_NAMES[a]);
    return row(statusIcon(a), STATUS_NAMES[a]);
  });
}

function markerIcon(update, item) {
  const g = createMarker();
  update(g, item);
  for (const label of g.querySelectorAll(".mk-label")) label.remove();
  return svg("svg", { class: "legend-icon", viewBox: "-0.75 -0.5 1.5 1" }, g);
}

function statusIcon(name) {
  const spec = MARKS.find(([n]) => n === name);
  const g = spec ? mark([name, spec[1], 0, 0]) : svg("path", { class: "token-dead", d: "M-0.2,-0.2 L0.2,0.2 M-0.2,0.2 L0.2,-0.2" });
  g.setAttribute("transform", "scale(2)");
  return svg("svg", { class: "legend-icon legend-mark", viewBox: "-0.75 -0.5 1.5 1" }, g);
}

function row(icon, label) {
  return el("div", { class: "legend-row" }, icon, el("span", { text: label }));
}
