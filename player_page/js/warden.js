// The Warden's layer on a display: countdowns counted on this display's own clock (put in step
// with the app's by clock.js) from the snapshot's absolute end times (no event per second), the
// ship's alert state (frame, banner, a klaxon when raised) and the roll the GM shows (a short
// tumble, then the result).
import { el, setText, syncKeyed, display } from "./dom.js";
import { appNow, syncClock } from "./clock.js";

const TICK_MS = 250;
const URGENT_MS = 60_000;

/** "09:58", "1:02:03" from milliseconds (rounded up: 00:00 only once time is out). */
export function clockText(ms) {
  const total = Math.max(0, Math.ceil(ms / 1000));
  const h = Math.floor(total / 3600), m = Math.floor((total % 3600) / 60), s = total % 60;
  const pad = (n) => String(n).padStart(2, "0");
  return h ? `${h}:${pad(m)}:${pad(s)}` : `${pad(m)}:${pad(s)}`;
}

/** A timer as it stands at `now`: a timer with phases steps on through the phases that ended. */
export function timerAt(t, now) {
  if (t.paused || t.ends_at === null || t.ends_at === undefined) {
    return { label: phaseLabel(t, t.phase), left: Number(t.remaining_ms) || 0, paused: true };
  }
  let endsAt = Number(t.ends_at), phase = Number(t.phase) || 0;
  const phases = Array.isArray(t.phases) ? t.phases.filter((p) => Number(p.ms) > 0) : [];
  if (phases.length && now >= endsAt) {
    const cycle = phases.reduce((sum, p) => sum + Number(p.ms), 0);
    endsAt += Math.floor((now - endsAt) / cycle) * cycle;
    while (endsAt <= now) {
      phase = (phase + 1) % phases.length;
      endsAt += Number(phases[phase].ms);
    }
  }
  return { label: phaseLabel(t, phase), left: Math.max(0, endsAt - now), paused: false, phased: phases.length > 0 };
}

function phaseLabel(t, phase) {
  const p = Array.isArray(t.phases) ? t.phases[Number(phase) || 0] : null;
  return p && p.label ? `${display(t.label)} \u00b7 ${display(p.label)}` : display(t.label);
}

export class Countdowns {
  constructor(root, sound) {
    this.root = root;
    this.sound = sound;
    this.nodes = new Map();
    this.timers = [];
    this.rang = new Set(); // timers whose alarm went off
    this.interval = null;
  }

  render(snap) {
    this.timers = Array.isArray(snap.timers) ? snap.timers.filter((t) => t && t.id) : [];
    syncKeyed(this.root, this.nodes, this.timers, () => el("div", { class: "countdown" },
      el("div", { class: "cd-label" }), el("div", { class: "cd-time" })), () => {});
    for (const id of [...this.rang]) if (!this.nodes.has(id)) this.rang.delete(id);
    this.root.hidden = this.timers.length === 0;
    document.body.classList.toggle("has-countdown", this.timers.length > 0);
    this.tick();
    const running = this.timers.some((t) => !t.paused);
    if (running) syncClock().then(() => this.tick());
    if (running && !this.interval) this.interval = setInterval(() => this.tick(), TICK_MS);
    if (!running && this.interval) { clearInterval(this.interval); this.interval = null; }
  }

  tick() {
    const now = appNow();
    let ringing = false;
    for (const t of this.timers) {
      const node = this.nodes.get(String(t.id));
      if (!node) continue;
      const at = timerAt(t, now);
      setText(node.children[0], at.paused ? `${at.label} \u00b7 PAUSED` : at.label);
      setText(node.children[1], clockText(at.left));
      const out = at.left <= 0 && !at.paused && !at.phased;
      node.dataset.state = at.paused ? "paused" : out ? "alarm" : at.left <= URGENT_MS ? "urgent" : "running";
      if (out && !this.rang.has(String(t.id))) {
        this.rang.add(String(t.id));
        this.sound.play("alarm");
      }
      ringing = ringing || out;
    }
    document.body.classList.toggle("countdown-alarm", ringing);
  }
}

export class Alerts {
  constructor(banner, sound) {
    this.banner = banner;
    this.sound = sound;
    this.key = "";
  }

  render(snap) {
    const alerts = Array.isArray(snap.alerts) ? snap.alerts.filter((a) => a && a.id) : [];
    const key = alerts.map((a) => a.id).join("|");
    if (key === this.key) return;
    const raised = alerts.some((a) => !this.key.split("|").includes(String(a.id)));
    this.key = key;
    const first = alerts[0];
    const builtIn = first && /^[a-z_]+$/.test(first.id) ? first.id : "custom";
    if (first) document.body.dataset.alert = builtIn;
    else delete document.body.dataset.alert;
    this.banner.hidden = !first;
    this.banner.replaceChildren(...alerts.map((a) => el("span", { class: "alert-name", text: display(a.name) })));
    if (raised) this.sound.play(builtIn === "low_power" ? "sting" : "klaxon"); // once, when raised
  }
}

const TUMBLE_MS = 1100;
const ROLL_LIFE_MS = 12_000; // a shown roll leaves on its own, and when the view changes

export class RollReveal {
  constructor(root, sound) {
    this.root = root;
    this.sound = sound;
    this.shown = "";
    this.view = "";
    this.timer = null;
    this.life = null;
  }

  hide() {
    clearInterval(this.timer);
    clearTimeout(this.life);
    this.root.hidden = true;
    this.root.replaceChildren();
  }

  render(snap, fresh) {
    const roll = snap.roll && typeof snap.roll === "object" ? snap.roll : null;
    const id = roll ? String(roll.id) : "";
    const view = document.body.dataset.view || "";
    if (view !== this.view) { this.view = view; this.hide(); } // the roll stays with the view it was shown on
    if (id === this.shown) return;
    this.shown = id;
    this.hide();
    if (!roll) return;
    this.root.hidden = false;
    const total = el("div", { class: "rr-total" });
    const panic = roll.panic && typeof roll.panic === "object" ? roll.panic : null;
    const verdict = el("div", { class: "rr-verdict" });
    const effect = el("div", { class: "rr-effect" });
    this.root.replaceChildren(el("div", { class: "rr-card" },
      el("div", { class: "rr-head", text: panic ? "PANIC CHECK" : "ROLL" }),
      el("div", { class: "rr-for", text: display(roll.for) }),
      el("div", { class: "rr-dice", text: display(roll.dice) }), total, verdict, effect));
    const finish = () => {
      clearInterval(this.timer);
      this.life = setTimeout(() => this.hide(), ROLL_LIFE_MS);
      this.root.dataset.phase = "done";
      setText(total, display(roll.total));
      if (!panic) return;
      this.root.dataset.verdict = panic.passed ? "pass" : "fail";
      setText(verdict, panic.passed ? `HOLDS \u00b7 STRESS ${display(panic.stress)}` : `PANIC \u00b7 STRESS ${display(panic.stress)}`);
      const e = panic.effect && typeof panic.effect === "object" ? panic.effect : null;
      if (e) effect.replaceChildren(el("div", { class: "rr-effect-name", text: display(e.name) }), el("div", { text: display(e.effect) }));
    };
    delete this.root.dataset.verdict;
    if (fresh) return finish();
    this.root.dataset.phase = "tumble";
    this.sound.play("roll");
    const high = Math.max(2, Number(String(roll.dice).match(/d(\d+)/)?.[1]) || 20);
    const start = Date.now();
    this.timer = setInterval(() => {
      if (Date.now() - start >= TUMBLE_MS) return finish();
      setText(total, String(1 + Math.floor(Math.random() * high)));
    }, 70);
  }
}
