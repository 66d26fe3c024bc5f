// ENCOUNTER: the deck map of revealed rooms (or a location card), keyed by data-id and updated in
// place; the deck badge; pan/zoom; tablet token moves with optimistic display.
import { StarMapView } from "./starmap.js";
import { el, svg, setAttr, setText, syncKeyed } from "./dom.js";
import { createRoom, updateRoom, roomSurroundings, createMarker, updateLink, updateTerminal, updatePoi, markerBoxes } from "./mapdraw.js";
import { separateLabels } from "./marklabels.js";
import { createDoor, updateDoor, badgeDefs, doorBoxes } from "./doors.js";
import { createToken, updateToken } from "./tokens.js";
import { Viewport } from "./viewport.js";
import { TokenDrag } from "./drag.js";
import { moveToken } from "./api.js";
import { Legend, RoomInfo, LocationCard } from "./mapside.js";
import { MapPulse } from "./pulse.js";
import { MapScale } from "./mapscale.js";
import { Camera } from "./camera.js";
import { Pings } from "./pings.js";

const PAD = 1.2;
const BULK_CHANGES = 24;
// A whole deck appearing flickers in as one composited layer: dozens of separate SVG animations
// would repaint the whole map every frame for a second.
const MAP_IN = [
  { opacity: 0, offset: 0 }, { opacity: 0.7, offset: 0.2 }, { opacity: 0.2, offset: 0.3 },
  { opacity: 1, offset: 0.55 }, { opacity: 0.6, offset: 0.65 }, { opacity: 1, offset: 1 },
];

export class EncounterView {
  constructor(root, toast) {
    this.root = root;
    this.toast = toast;
    this.snap = null;
    this.location = null;
    this.pending = new Map(); // token id -> {x, y, revision|null}: optimistic moves
    this.nodes = { rooms: new Map(), doors: new Map(), links: new Map(), terminals: new Map(), pois: new Map(), tokens: new Map() };
    this.build();
  }

  build() {
    this.svg = svg("svg", { class: "map", preserveAspectRatio: "xMidYMid meet", viewBox: "0 0 10 10" });
    const defs = svg("defs", null,
      svg("clipPath", { id: "clip-round", clipPathUnits: "objectBoundingBox" }, svg("circle", { cx: 0.5, cy: 0.5, r: 0.5 })),
      svg("pattern", { id: "cell-grid", width: 1, height: 1, patternUnits: "userSpaceOnUse" },
        svg("path", { d: "M1,0 L0,0 L0,1", class: "grid-line" })),
      ...badgeDefs());
    this.layers = {};
    this.svg.appendChild(defs);
    // One blueprint grid under the whole deck (a pattern per room costs a paint per room).
    this.grid = svg("rect", { class: "deck-grid", fill: "url(#cell-grid)", x: 0, y: 0, width: 0, height: 0 });
    this.svg.appendChild(this.grid);
    for (const name of ["rooms", "doors", "links", "terminals", "pois", "drag", "tokens", "pings"]) {
      this.layers[name] = svg("g", { class: "layer layer-" + name });
      this.svg.appendChild(this.layers[name]);
    }
    this.empty = el("div", { class: "map-empty", text: "NO SURVEY DATA \u2014 AWAITING SCAN" });
    this.badge = el("div", { class: "deck-badge panel" },
      el("div", { class: "panel-head", text: "Deck" }),
      el("div", { class: "deck-num" }), el("div", { class: "deck-name" }));
    this.resetBtn = el("button", { class: "map-reset", type: "button", text: "RESET VIEW", hidden: "" });
    this.legend = new Legend();
    this.info = new RoomInfo();
    this.card = new LocationCard();
    // The layer a camera move transforms (js/viewport.js): the map, drawn once for the move.
    this.mapLayer = el("div", { class: "map-layer" }, this.svg);
    this.mapBox = el("div", { class: "map-box" }, this.mapLayer, this.empty);
    this.side = el("div", { class: "map-side" }, this.badge, this.legend.node);
    this.root.append(this.mapBox, this.side, this.info.node, this.resetBtn, this.card.node);
    this.pulse = new MapPulse(this.svg);
    this.camera = new Camera(this.svg);
    this.pings = new Pings(this.layers.pings);
    this.viewport = new Viewport(this.svg, (target) => this.tap(target), this.mapLayer);
    this.drag = new TokenDrag(this.svg, this.layers.drag, this.viewport, (...a) => this.drop(...a), (x, y, id) => this.isFree(x, y, id));
    this.resetBtn.addEventListener("click", () => this.viewport.reset());
    this.svg.addEventListener("viewchange", () => { this.resetBtn.hidden = !this.viewport.userMoved; });
    this.svg.addEventListener("tokentap", (e) => this.tap(e.target));
    this.scale = new MapScale(this.svg, () => { if (this.snap) this.render(this.snap, false); });
  }

  render(snap, fresh) {
    if (fresh) this.pending.clear();
    this.fresh = fresh;
    this.snap = snap;
    const placeKey = snap.location_slug + "|" + snap.encounter_deck_id;
    const newPlace = placeKey !== this.location;
    if (newPlace) this.clear(placeKey);
    const hasMap = snap.encounter_has_map !== false && snap.encounter_map;
    this.root.classList.toggle("no-map", !hasMap);
    const stars = hasMap ? null : snap.star_map || null;
    if (stars && !this.starmap) {
      this.starmap = new StarMapView(el("div"), () => snap.ship_name || "");
      this.root.appendChild(this.starmap.root);
    }
    if (this.starmap) {
      this.starmap.render(stars);
      this.starmap.setActive(Boolean(stars));
    }
    this.card.render(hasMap || stars ? null : snap.location_card || { name: snap.location_name, type: snap.location_type });
    this.renderBadge(snap);
    if (!hasMap) return;
    this.renderMap(snap.encounter_map, snap, !newPlace);
  }

  clear(placeKey) {
    this.location = placeKey;
    for (const map of Object.values(this.nodes)) {
      for (const node of map.values()) node.remove();
      map.clear();
    }
    this.viewport.forget();
    this.scale.key = "";
    this.markerKey = "";
    this.info.hide();
  }

  renderBadge(snap) {
    const total = Number(snap.encounter_total_decks) || 0;
    this.badge.hidden = !snap.encounter_has_map || total < 1;
    setText(this.badge.children[1], `${snap.encounter_level || 1} / ${total || 1}`);
    setText(this.badge.children[2], snap.encounter_deck_name || "");
  }

  renderMap(map, snap, animate) {
    const air = snap.encounter_room_atmosphere || {};
    const rooms = (Array.isArray(map.rooms) ? map.rooms : []).map((r) => (air[r.id] ? { ...r, atmosphere: air[r.id] } : r));

    const statuses = snap.encounter_door_status || {};
    const doors = (map.doors || []).map((d) => ({ ...d, status: statuses[d.id] || d.status }));
    const quiet = this.bulkChange(doors, snap.encounter_tokens || {});
    const arriving = countNew(this.nodes.rooms, rooms) + countNew(this.nodes.tokens, Object.keys(snap.encounter_tokens || {}));
    const each = animate && arriving <= BULK_CHANGES;
    if (!each && arriving > 0 && this.mapBox.animate) this.mapBox.animate(MAP_IN, { duration: 1100, easing: "ease-out" });
    const box = rooms.length ? fitBox(map, rooms, doors, this.scale.font()) : null;
    const nameMin = this.scale.fit(box);
    // What the GM's camera shows of it (the fitted box, a frame, a locked or a following view):
    // a room's name placed outside its room and the token labels keep inside it.
    this.view = box ? this.camera.box(box, snap) : null;
    syncKeyed(this.layers.links, this.nodes.links, map.links || [], createMarker, updateLink);
    syncKeyed(this.layers.terminals, this.nodes.terminals, map.terminals || [], createMarker, updateTerminal);
    syncKeyed(this.layers.pois, this.nodes.pois, map.pois || [], createMarker, updatePoi);
    // CSS sizes follow --px; a label keeps to its revealed room and off the doors
    const markerKey = JSON.stringify([map.links, map.terminals, map.pois, this.scale.px, rooms.map((r) => r.id), doors.length]);
    if (markerKey !== this.markerKey) {
      this.markerKey = markerKey;
      this.markBoxes = separateLabels([this.layers.links, this.layers.terminals, this.layers.pois], rooms, doorBoxes(doors));
    }
    const tokens = this.tokenList(snap);
    const cells = tokens.map((t) => [Number(t.x) || 0, Number(t.y) || 0]);
    // A still camera (a frame, a locked TV) pins a cut room's name in its part on screen; a
    // following one moves too often for names to chase it.
    const still = this.svg.dataset.cameraMode !== "follow";
    const around = roomSurroundings(rooms, cells, this.markBoxes || [], passageBoxes(doors), this.view, still);
    syncKeyed(this.layers.rooms, this.nodes.rooms, rooms, () => createRoom(each), (g, r) => updateRoom(g, r, nameMin, around.get(String(r.id))));
    syncKeyed(this.layers.doors, this.nodes.doors, doors, createDoor, (g, d) => updateDoor(g, d, d.status, quiet));
    this.obstacles = [...this.nodes.rooms.values()].map((g) => g.__nameBox).filter(Boolean)
      .concat(this.markBoxes || [], doorBoxes(doors));
    this.renderTokens(snap, quiet, each);
    this.legend.render(doors, map, snap.encounter_tokens || {});
    this.empty.hidden = rooms.length > 0;
    this.pings.render(snap.pings, !animate || this.fresh);
    if (!box) return;
    // The GM changing this display's camera takes back the player's own pan and zoom.
    const cameraKey = JSON.stringify((snap.display && snap.display.camera) || null);
    if (this.cameraKey !== undefined && cameraKey !== this.cameraKey) this.viewport.reset();
    this.cameraKey = cameraKey;
    this.viewport.setFit(this.view, animate);
    // The blueprint grid covers what has been surveyed (plus a margin), never the whole deck.
    setAttr(this.grid, "x", Math.floor(box.x));
    setAttr(this.grid, "y", Math.floor(box.y));
    setAttr(this.grid, "width", Math.ceil(box.w) + 1);
    setAttr(this.grid, "height", Math.ceil(box.h) + 1);
  }

  /**
   * Many doors and tokens changing at once (a reset, a new scene) are shown at once: dozens of
   * simultaneous glides and flashes read as noise and cost frames.
   */
  bulkChange(doors, tokens) {
    let changes = 0;
    for (const d of doors) {
      const node = this.nodes.doors.get(String(d.id));
      if (node && node.dataset.status !== String(d.status).toUpperCase()) changes += 1;
    }
    for (const id of Object.keys(tokens)) {
      const node = this.nodes.tokens.get(id);
      if (node && (node.dataset.x !== String(tokens[id].x) || node.dataset.y !== String(tokens[id].y))) changes += 1;
    }
    return changes > BULK_CHANGES;
  }

  renderTokens(snap, quiet, fresh = true) {
    const types = new Set(Array.isArray(snap.movable_types) ? snap.movable_types : []);
    // A tablet bound to a character drags only that member's token (the server checks it too).
    const own = snap.display && snap.display.character ? snap.display.character.id : null;
    const movable = (t) => types.has(t.type) && (!own || t.crew_id === own);
    const tokens = this.tokenList(snap);
    if (quiet) this.jump();
    const dragging = this.drag.active ? this.drag.state.id : null;
    syncKeyed(this.layers.tokens, this.nodes.tokens, tokens, () => createToken(fresh), (g, t) => {
      if (t.id !== dragging) updateToken(g, t, movable(t));
    });
    this.scale.labels(tokens, this.nodes.tokens, this.obstacles || [], this.view);
  }

  /** The snapshot's tokens, where a move of this display's is still on its way at its target. */
  tokenList(snap) {
    const source = snap.encounter_tokens || {};
    const tokens = [];
    for (const id of Object.keys(source)) {
      const t = { ...source[id], id };
      const p = this.pending.get(id);
      if (p && p.revision !== null && snap.revision >= p.revision) this.pending.delete(id);
      else if (p) Object.assign(t, { x: p.x, y: p.y });
      tokens.push(t);
    }
    return tokens;
  }

  /**
   * Tokens jump instead of gliding until the next frame's style pass has seen the jump (one class
   * on the layer and one frame callback, not one per token).
   */
  jump() {
    const layer = this.layers.tokens;
    layer.classList.add("jump");
    cancelAnimationFrame(this.jumpFrame);
    this.jumpFrame = requestAnimationFrame(() => {
      this.jumpFrame = requestAnimationFrame(() => layer.classList.remove("jump"));
    });
  }

  /** A free cell of a revealed room (the server decides; this only colours the drop target). */
  isFree(x, y, movingId) {
    const rooms = (this.snap && this.snap.encounter_map && this.snap.encounter_map.rooms) || [];
    const inside = rooms.some((r) => x >= r.x && x < r.x + r.width && y >= r.y && y < r.y + r.height);
    if (!inside) return false;
    for (const [id, g] of this.nodes.tokens) {
      if (id !== movingId && Number(g.dataset.x) === x && Number(g.dataset.y) === y) return false;
    }
    return true;
  }

  async drop(id, x, y) {
    this.pending.set(id, { x, y, revision: null });
    const answer = await moveToken(id, x, y);
    const p = this.pending.get(id);
    if (answer.ok) {
      if (p && p.x === x && p.y === y) p.revision = Number(answer.body.revision) || 0;
      if (this.snap && p && this.snap.revision >= p.revision) {
        // The frame with this move (or a later one, say the GM moving the token again)
        // arrived before this answer and was drawn with the optimistic cell: draw it as is.
        this.pending.delete(id);
        this.renderTokens(this.snap);
      }
      return;
    }
    if (p && p.x === x && p.y === y) this.pending.delete(id);
    const reason = (answer.body && answer.body.error) || `Move refused (${answer.status})`;
    this.toast(reason);
    if (this.snap) this.renderTokens(this.snap);
  }

  tap(target) {
    const token = target && target.closest ? target.closest(".token") : null;
    if (token && token.__name) {
      this.toast(token.__name, "info"); // the full name of a token whose label is cut short
      return;
    }
    const room = target && target.closest ? target.closest(".room") : null;
    const rooms = (this.snap && this.snap.encounter_map && this.snap.encounter_map.rooms) || [];
    const data = room ? rooms.find((r) => String(r.id) === room.dataset.id) : null;
    if (!data) {
      this.info.hide();
      return;
    }
    const pois = (this.snap.encounter_map.pois || []).filter((p) => p.room_id === data.id);
    const terms = (this.snap.encounter_map.terminals || []).filter((t) => t.room_id === data.id);
    this.info.show(data, pois, terms);
  }
}

/** The boxes (map units) of the doors and their corridors' cells: no room name goes there. */
function passageBoxes(doors) {
  const cells = doors.flatMap((d) => (Array.isArray(d.corridor) ? d.corridor : []));
  return doorBoxes(doors).concat(cells.map(([x, y]) => ({ x0: x - 0.45, x1: x + 0.45, y0: y - 0.45, y1: y + 0.45 })));
}

/** How many of `items` (objects with an id, or ids) have no node yet. */
function countNew(nodes, items) {
  let count = 0;
  for (const item of items) if (!nodes.has(String(typeof item === "object" ? item.id : item))) count += 1;
  return count;
}

/**
 * What the map must show, in map units: every room, corridor, door and marker with its label
 * (so a label wider than its room or a door on the map's edge still fits), plus a margin.
 */
function fitBox(map, rooms, doors, font) {
  let x0 = Infinity, y0 = Infinity, x1 = -Infinity, y1 = -Infinity;
  const add = (ax, ay, bx, by) => {
    x0 = Math.min(x0, ax); y0 = Math.min(y0, ay); x1 = Math.max(x1, bx); y1 = Math.max(y1, by);
  };
  for (const r of rooms) add(r.x, r.y, r.x + r.width, r.y + r.height);
  for (const d of doors) {
    const ends = Array.isArray(d.ends) && d.ends.length ? d.ends : [d];
    for (const e of ends) add(Number(e.x) - 0.5, Number(e.y) - 0.5, Number(e.x) + 0.5, Number(e.y) + 0.5);
    for (const [x, y] of Array.isArray(d.corridor) ? d.corridor : []) add(x - 0.45, y - 0.45, x + 0.45, y + 0.45);
  }
  const markers = [...(map.links || []), ...(map.terminals || []), ...(map.pois || [])];
  for (const b of markerBoxes(markers, font)) add(b.x0, b.y0, b.x1, b.y1 + font);
  const w = Math.max(x1 - x0, 6), h = Math.max(y1 - y0, 4);
  const cx = (x0 + x1) / 2, cy = (y0 + y1) / 2;
  return { x: cx - w / 2 - PAD, y: cy - h / 2 - PAD, w: w + 2 * PAD, h: h + 2 * PAD };
}
