// STANDBY: the idle screen between scenes: the ship's name, drifting status lines, and how to
// join (the player URL and its QR code).
import { el, setText } from "./dom.js";
import { getJson } from "./api.js";

const LINES = [
  "LIFE SUPPORT: NOMINAL", "ALL CREW ACCOUNTED FOR", "COMMS ARRAY: ONLINE", "NO CONTACTS DETECTED",
  "COURSE LOCKED", "REACTOR OUTPUT: 98%", "HULL INTEGRITY: STABLE", "CRYO BAY: 0 OCCUPIED",
  "LONG-RANGE SCAN: NO RETURN", "HEAT SIGNATURE: ANOMALOUS", "NAV BUOY HANDSHAKE OK",
  "AIR SCRUBBERS CYCLING", "DRIVE COOLANT 71\u00b0K", "UNKNOWN SIGNAL DETECTED", "MAP UPDATE: 99%",
];
const SLOTS = [[8, 18], [66, 14], [12, 70], [70, 74], [40, 84], [78, 40], [6, 44]];

export class StandbyView {
  constructor(root) {
    this.root = root;
    this.title = el("h1", { class: "sb-title", "data-text": "" });
    this.sub = el("div", { class: "sb-sub" });
    this.drift = el("div", { class: "sb-drift", "aria-hidden": "true" });
    this.url = el("div", { class: "sb-url" });
    this.mdns = el("div", { class: "sb-mdns" });
    this.qr = el("img", { class: "sb-qr", alt: "", src: "/join-qr.svg" });
    this.qr.addEventListener("error", () => { this.qr.style.visibility = "hidden"; });
    this.qr.addEventListener("load", () => { this.qr.style.visibility = ""; });
    this.join = el("div", { class: "sb-join panel" },
      el("div", { class: "panel-head", text: "Join this display" }),
      el("div", { class: "sb-join-body" }, el("div", { class: "sb-qr-box" }, this.qr),
        el("div", { class: "sb-join-text" }, el("div", { class: "sb-hint", text: "Scan or open" }), this.url, this.mdns)));
    root.append(this.drift,
      el("div", { class: "sb-center" }, this.title, this.sub), this.join);
    this.slot = 0;
    this.joinLoaded = false;
    setInterval(() => this.spawnLine(), 2600);
  }

  render(snap, fresh) {
    const title = snap.ship_name || snap.campaign_name || "GM TERMINAL";
    setText(this.title, title);
    this.title.dataset.text = title;
    setText(this.sub, snap.ship_name && snap.campaign_name ? snap.campaign_name : "");
    if (!this.joinLoaded) this.loadJoin();
    void fresh;
  }

  async loadJoin() {
    this.joinLoaded = true;
    const info = await getJson("/api/join/");
    if (!info) {
      this.joinLoaded = false; // try again with the next snapshot
      return;
    }
    setText(this.url, info.url || location.origin + "/");
    setText(this.mdns, info.mdns_url || "");
    this.qr.src = "/join-qr.svg?t=" + Date.now();
  }

  spawnLine() {
    if (document.body.dataset.view !== "STANDBY" || document.hidden) return;
    const [left, top] = SLOTS[this.slot % SLOTS.length];
    this.slot += 1;
    const count = 1 + (this.slot % 3);
    const block = el("div", { class: "sb-line", style: `left:${left}%;top:${top}%` });
    for (const text of this.freshLines(count)) {
      block.appendChild(el("div", { text: "> " + text, style: `animation-delay:${block.childElementCount * 0.5}s` }));
    }
    if (!block.childElementCount) return;
    this.drift.appendChild(block);
    // Ambient lines never drift behind the join panel or the title (they would show through).
    const box = block.getBoundingClientRect();
    const clear = [this.join, this.title].every((n) => !meets(box, n.getBoundingClientRect(), 24));
    if (!clear) {
      block.remove();
      return;
    }
    setTimeout(() => block.remove(), 11000);
  }

  /** Up to `count` status lines, none of them already on screen (a line never shows twice). */
  freshLines(count) {
    const shown = new Set([...this.drift.querySelectorAll(".sb-line > div")].map((d) => d.textContent.slice(2)));
    const free = LINES.filter((t) => !shown.has(t));
    const picked = [];
    while (picked.length < count && free.length) picked.push(free.splice(Math.floor(Math.random() * free.length), 1)[0]);
    return picked;
  }
}

/** Two rectangles come within `margin` pixels of each other (drift moves a line ~2 em up). */
function meets(a, b, margin) {
  return a.left < b.right + margin && b.left < a.right + margin && a.top < b.bottom + margin + 40 && b.top < a.bottom + margin;
}
