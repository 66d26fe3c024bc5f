// Sound on a display: alarms synthesised with the Web Audio API (no files), the campaign's
// sounds (one-shots and an ambient loop, under /media/ while the snapshot names them), a
// "tap to enable sound" prompt where the browser keeps audio locked until a gesture, and a
// volume kept per display (localStorage). Nothing plays before the first tap.

import { safeMediaUrl } from "./dom.js";

const VOLUME_KEY = "gm-terminal-volume";
const STEPS = [1, 0.6, 0.3, 0];

export class Sound {
  constructor(prompt, volumeButton) {
    this.prompt = prompt;
    this.button = volumeButton;
    this.ctx = null;
    this.master = null;
    this.loops = new Map(); // name -> stop function
    this.wanted = new Set(); // loops asked for before the first tap
    this.cue = ""; // the last one-shot cue played (snapshot sound.cue.id)
    this.ambientKey = "";
    this.ambient = new Audio(); // the campaign's ambient loop: an element, so it streams
    this.ambient.id = "ambient-audio";
    this.ambient.loop = true;
    this.ambient.preload = "none";
    document.body.appendChild(this.ambient);
    const raw = localStorage.getItem(VOLUME_KEY);
    const saved = raw === null ? 1 : Number(raw);
    this.volume = STEPS.includes(saved) ? saved : 1;
    const unlock = () => this.unlock();
    for (const ev of ["pointerdown", "keydown", "touchend"]) document.addEventListener(ev, unlock, { capture: true });
    this.prompt.addEventListener("click", unlock);
    this.button.addEventListener("click", (e) => { e.stopPropagation(); this.stepVolume(); });
    this.showVolume();
    this.update();
    window.__gmSound = this; // tests read the audio context's state
  }

  get running() {
    return Boolean(this.ctx && this.ctx.state === "running");
  }

  /** The first gesture creates (or resumes) the audio context. */
  unlock() {
    const Ctx = window.AudioContext || window.webkitAudioContext;
    if (!Ctx) return;
    if (!this.ctx) {
      this.ctx = new Ctx();
      this.master = this.ctx.createGain();
      this.master.gain.value = this.volume;
      this.master.connect(this.ctx.destination);
      this.ctx.addEventListener("statechange", () => this.update());
    }
    if (this.ctx.state !== "running") this.ctx.resume().then(() => this.update(), () => {});
    this.update();
  }

  update() {
    this.prompt.hidden = this.running || this.volume === 0;
    if (this.running) for (const name of this.wanted) this.loop(name, true);
    this.ambient.volume = this.volume;
    if (this.running && this.ambient.src && this.ambient.paused) this.ambient.play().catch(() => {});
  }

  /** The snapshot's `sound`: a new cue plays once (not on a first frame: it was before);
   * the ambient loop follows what the GM set. */
  render(snap, fresh) {
    const sound = snap.sound && typeof snap.sound === "object" ? snap.sound : {};
    const cue = sound.cue && typeof sound.cue === "object" ? sound.cue : null;
    if (cue && cue.id !== this.cue && !fresh) this.playCue(cue);
    this.cue = cue ? cue.id : "";
    this.setAmbient(sound.ambient && typeof sound.ambient === "object" ? sound.ambient : null);
  }

  playCue(cue) {
    if (cue.builtin) return this.play(cue.builtin);
    const url = safeMediaUrl(cue.url);
    if (!url || !this.running) return;
    const once = new Audio(url);
    once.volume = this.volume;
    once.play().catch(() => {});
    this.lastPlayed = cue.name;
  }

  setAmbient(ambient) {
    const key = ambient ? ambient.builtin || ambient.url : "";
    if (key === this.ambientKey) return;
    if (this.ambientKey.startsWith("builtin:")) this.loop(this.ambientKey.slice(8), false);
    this.ambientKey = ambient && ambient.builtin ? "builtin:" + ambient.builtin : key;
    const url = ambient && !ambient.builtin ? safeMediaUrl(ambient.url) : "";
    if (ambient && ambient.builtin) this.loop(ambient.builtin, true);
    if (!url) {
      this.ambient.pause();
      this.ambient.removeAttribute("src");
      return;
    }
    this.ambient.src = url;
    this.ambient.volume = this.volume;
    if (this.running) this.ambient.play().catch(() => {});
  }

  stepVolume() {
    this.volume = STEPS[(STEPS.indexOf(this.volume) + 1) % STEPS.length];
    localStorage.setItem(VOLUME_KEY, String(this.volume));
    if (this.master) this.master.gain.setTargetAtTime(this.volume, this.ctx.currentTime, 0.05);
    this.ambient.volume = this.volume;
    this.showVolume();
    this.update();
  }

  showVolume() {
    this.button.dataset.volume = String(Math.round(this.volume * 100));
    this.button.title = `Volume ${Math.round(this.volume * 100)} %`;
    this.button.setAttribute("aria-label", this.button.title);
  }

  /** A tone with an envelope: start and end frequency, length, wave. */
  tone(from, to, seconds, wave = "square", level = 0.18, at = 0) {
    if (!this.running) return;
    const t = this.ctx.currentTime + at;
    const osc = this.ctx.createOscillator();
    const gain = this.ctx.createGain();
    osc.type = wave;
    osc.frequency.setValueAtTime(from, t);
    osc.frequency.linearRampToValueAtTime(to, t + seconds);
    gain.gain.setValueAtTime(0.0001, t);
    gain.gain.exponentialRampToValueAtTime(level, t + 0.02);
    gain.gain.setValueAtTime(level, t + seconds - 0.05);
    gain.gain.exponentialRampToValueAtTime(0.0001, t + seconds);
    osc.connect(gain).connect(this.master);
    osc.start(t);
    osc.stop(t + seconds + 0.02);
  }

  /** The built-in one-shots. */
  play(name) {
    this.lastPlayed = name;
    if (name === "klaxon") for (let i = 0; i < 3; i++) this.tone(440, 660, 0.7, "sawtooth", 0.14, i * 0.9);
    else if (name === "alarm") for (let i = 0; i < 6; i++) this.tone(880, 880, 0.18, "square", 0.16, i * 0.3);
    else if (name === "chime") { this.tone(660, 660, 0.25, "sine", 0.2); this.tone(990, 990, 0.4, "sine", 0.16, 0.2); }
    else if (name === "tick") this.tone(1200, 1100, 0.05, "square", 0.08);
    else if (name === "roll") for (let i = 0; i < 5; i++) this.tone(300 + i * 90, 280 + i * 90, 0.06, "triangle", 0.12, i * 0.09);
    else if (name === "sting") { this.tone(220, 110, 1.2, "sawtooth", 0.16); this.tone(233, 116, 1.2, "sawtooth", 0.1); }
  }

  /** A built-in loop on or off (an alert's klaxon every few seconds). */
  loop(name, on) {
    if (!on) {
      this.wanted.delete(name);
      const stop = this.loops.get(name);
      if (stop) stop();
      this.loops.delete(name);
      return;
    }
    this.wanted.add(name);
    if (this.loops.has(name) || !this.running) return;
    this.play(name);
    const timer = setInterval(() => this.play(name), 6000);
    this.loops.set(name, () => clearInterval(timer));
  }
}
