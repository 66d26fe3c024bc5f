// What the GM set for this display (its snapshot's `display`): the rotation of the whole page
// (a TV lying flat for the far side of the table), and on a tablet bound to a character that
// character's sheet, behind a button with its name.
import { el, setText, display } from "./dom.js";
import { dossier, pulseOnce, vitalsOf } from "./bridge.js";

const ROTATIONS = new Set([0, 90, 180, 270]);

export class Stage {
  constructor(sheet, button) {
    this.sheet = sheet;
    this.button = button;
    this.key = "";
    button.addEventListener("click", () => { this.sheet.hidden = !this.sheet.hidden; });
    sheet.addEventListener("click", () => { this.sheet.hidden = true; });
  }

  render(snap) {
    const own = snap.display || null;
    const rotation = own && ROTATIONS.has(Number(own.rotation)) ? Number(own.rotation) : 0;
    document.documentElement.dataset.rotation = String(rotation);
    const who = own && own.character ? own.character : null;
    this.button.hidden = !who;
    if (!who) {
      this.sheet.hidden = true;
      this.key = "";
      return;
    }
    setText(this.button, display(who.name) || "Character");
    const key = JSON.stringify(who);
    if (key === this.key) return;
    this.key = key;
    const vitals = vitalsOf(who); // a change of the character's vitals pulses the button
    if (this.vitals !== undefined && this.vitals !== vitals) pulseOnce(this.button);
    this.vitals = vitals;
    const [head, ...rest] = dossier(who);
    head.classList.add("sheet-head"); // a tap anywhere closes it; the button says so
    head.appendChild(el("button", { class: "sheet-close", type: "button", "aria-label": "Close", text: "\u2715" }));
    this.sheet.replaceChildren(el("div", { class: "sheet-card panel" }, head, ...rest.filter(Boolean)));
  }
}
