// Broadcast messages: each new one arrives as a transmission styled by its priority, then joins
// a short log in the corner. Those already there when the page opens go straight to the log.
// A handout open on this display has the front (js/handouts.js: body.has-handout): the
// transmission waits until it closes, its message read meanwhile in the log's ticker.
import { el, clock } from "./dom.js";
import { appNow } from "./clock.js";

const LOG_SIZE = 3;
const SHOW_MS = { LOW: 5000, NORMAL: 7000, HIGH: 9000, CRITICAL: 12000 };
// How long a message stays in the log, from its timestamp (a CRITICAL one until the GM clears).
const LIFE_S = { LOW: 3 * 60, NORMAL: 5 * 60, HIGH: 15 * 60, CRITICAL: Infinity };
const AGE_CHECK_MS = 10_000;

export class Broadcasts {
  constructor(logRoot, stage) {
    this.logRoot = logRoot;
    this.stage = stage;
    this.seen = new Set();
    this.primed = false;
    this.queue = [];
    this.showing = null;
    this.logKey = "";
    stage.addEventListener("click", () => this.next());
    document.addEventListener("handout-opened", () => this.holdForHandout());
    document.addEventListener("handout-closed", () => { if (!this.showing) this.next(); });
    this.resized = new ResizeObserver(() => this.fitTicker());
    setInterval(() => this.drawLog(), AGE_CHECK_MS); // old messages leave on this display's clock
  }

  render(snap) {
    const list = Array.isArray(snap.broadcasts) ? snap.broadcasts : [];
    for (const b of list) {
      if (this.seen.has(b.id)) continue;
      this.seen.add(b.id);
      if (this.primed) this.queue.push(b);
    }
    this.primed = true;
    this.current = list;
    this.drawLog();
    if (!this.showing) this.next();
  }

  /** On the bridge and the map the log is a one-line ticker in the top bar: a message longer
   * than its line scrolls through it and back (css: .bl-text[data-scroll]), read whole without
   * a second line under the Warden's strip. Its layout width: a transform does not change it. */
  fitTicker() {
    const last = this.logRoot.lastElementChild;
    const box = last && last.querySelector(".bl-text");
    if (!box || !box.firstElementChild) return;
    const over = box.firstElementChild.offsetWidth - box.clientWidth;
    if (over > 1) {
      box.style.setProperty("--shift", `${-over}px`);
      box.dataset.scroll = "";
    } else if (box.dataset.scroll !== undefined) delete box.dataset.scroll;
  }

  /** A handout came to the front: the transmission showing goes back to wait for it. */
  holdForHandout() {
    if (!this.showing) return;
    this.queue.unshift(this.showing);
    this.next();
  }

  next() {
    clearTimeout(this.timer);
    this.showing = handoutOpen() ? null : this.queue.shift() || null;
    this.stage.hidden = !this.showing;
    this.drawLog();
    if (!this.showing) return;
    const b = this.showing;
    const prio = priority(b);
    this.stage.className = "transmission p-" + prio.toLowerCase();
    this.stage.replaceChildren(el("div", { class: "tx-box" },
      el("div", { class: "tx-head" }, el("span", { class: "tx-label", text: prio === "CRITICAL" ? "PRIORITY ALERT" : "INCOMING TRANSMISSION" }),
        el("span", { class: "tx-prio", text: prio })),
      el("div", { class: "tx-sender", text: b.sender ? "FROM: " + b.sender : "" }),
      el("div", { class: "tx-content", text: b.content || "" })));
    this.stage.dataset.id = b.id;
    const ms = (SHOW_MS[prio] || 7000) + Math.min(8000, String(b.content || "").length * 40);
    this.timer = setTimeout(() => this.next(), ms);
  }

  drawLog() {
    const shown = this.showing ? this.showing.id : "";
    const waiting = new Set(handoutOpen() ? [] : this.queue.map((b) => b.id));
    const now = appNow() / 1000;
    const list = (this.current || []).filter((b) => b.id !== shown && !waiting.has(b.id) && fresh(b, now)).slice(-LOG_SIZE);
    const key = list.map((b) => b.id).join(",");
    if (key === this.logKey) return;
    this.logKey = key;
    this.logRoot.replaceChildren(...list.map((b) => el("div", { class: "bl-item p-" + priority(b).toLowerCase(), data: { id: b.id } },
      el("span", { class: "bl-time", text: clock(b.timestamp) }),
      el("span", { class: "bl-sender", text: b.sender || "" }),
      el("span", { class: "bl-text" }, el("span", { text: b.content || "" })))));
    // Measured once laid out, and again when the view, the font or the screen changes it.
    this.resized.disconnect();
    for (const box of this.logRoot.querySelectorAll(".bl-text")) {
      this.resized.observe(box);
      this.resized.observe(box.firstElementChild);
    }
  }
}

function handoutOpen() {
  return document.body.classList.contains("has-handout");
}

function priority(b) {
  const p = String(b.priority || "NORMAL").toUpperCase();
  return SHOW_MS[p] ? p : "NORMAL";
}

/** Still young enough for the log (a message without a time stays). */
function fresh(b, now) {
  const at = Number(b.timestamp);
  return !Number.isFinite(at) || now - at < LIFE_S[priority(b)];
}
