// The GM's pings: a ring pulsing on a cell for a few seconds, on the displays it was aimed at
// (the server sends each display only its own). Pings already there when the display
// (re)connects are old news: only the ones new to it pulse.
import { svg } from "./dom.js";

const PULSE_MS = 4000;

export class Pings {
  constructor(layer) {
    this.layer = layer;
    this.seen = null; // ids of the pings known (null: none yet, the first snapshot is coming)
  }

  render(pings, fresh) {
    const list = Array.isArray(pings) ? pings : [];
    const first = this.seen === null || fresh;
    const seen = new Set(list.map((p) => String(p.id)));
    if (!first) for (const p of list) if (!this.seen.has(String(p.id))) this.pulse(p);
    this.seen = seen;
  }

  pulse(p) {
    const x = (Number(p.x) || 0) + 0.5, y = (Number(p.y) || 0) + 0.5;
    const ring = svg("g", { class: "ping", data: { x: p.x, y: p.y } },
      svg("circle", { class: "ping-ring", cx: x, cy: y, r: 0.5 }),
      svg("circle", { class: "ping-ring late", cx: x, cy: y, r: 0.5 }),
      svg("circle", { class: "ping-dot", cx: x, cy: y, r: 0.18 }));
    this.layer.appendChild(ring);
    setTimeout(() => ring.remove(), PULSE_MS);
  }
}
