// The map's always-running effects (hazard pulse, damaged-door sparks, hazard markers, panicked
// tokens) on one slow clock: a few discrete beats a second set data attributes on the map, which
// CSS turns into colours. SVG parts cannot get their own compositor layer, so a CSS animation on
// any of them keeps the whole page rendering a frame every vsync; this repaints only on a beat.

const BEAT_MS = 250;
const HAZARD = [0, 1, 2, 1]; // pulse level, each held for two beats (a 2 s cycle)
const SPARK_EVERY = 10; // beats between two sparks of a damaged door
// Which parts each beat drives: a beat nothing shows is not set (no style pass, no frame).
const DRIVES = { hazard: ".st-hazard, .poi-hazard", spark: ".ds-damaged", panic: ".ts-panicked",
  flicker: '[data-atmo~="flickering"]', smoke: '[data-atmo~="smoke"]' };
// A failing light: mostly on, with short irregular drop-outs (one value per beat).
const FLICKER = [0, 0, 1, 0, 0, 0, 1, 1, 0, 0, 0, 0, 1, 0, 1, 0, 0, 0, 0, 0, 0, 1, 0, 0];

/** Drives the map's `data-hazard`, `data-spark` and `data-panic` beats while the map shows. */
export class MapPulse {
  constructor(svgEl) {
    this.svg = svgEl;
    this.beat = 0;
    this.timer = setInterval(() => this.tick(), BEAT_MS);
  }

  tick() {
    if (document.hidden || document.body.dataset.view !== "ENCOUNTER") return;
    this.beat += 1;
    const b = this.beat;
    this.set("hazard", HAZARD[Math.floor(b / 2) % HAZARD.length]);
    this.set("spark", b % SPARK_EVERY === 0 ? 1 : 0);
    this.set("panic", b % 2);
    this.set("flicker", FLICKER[b % FLICKER.length]);
    this.set("smoke", Math.floor(b / 4) % 3);
  }

  set(name, value) {
    const v = String(value);
    if (this.svg.dataset[name] === v) return;
    if (this.svg.querySelector(DRIVES[name])) this.svg.dataset[name] = v;
    else delete this.svg.dataset[name];
  }
}
