// Handouts: the newest one the GM shows this display opens over the view; a TV closes it after
// the time the GM set (or on a tap), a tablet on a tap. The HANDOUTS button lists every
// handout this display was shown (the snapshot holds only its own), newest first, to reopen.
import { el, setText, safeMediaUrl, display } from "./dom.js";
import { guessedKind } from "./identity.js";

export class Handouts {
  constructor(box, button, list) {
    this.box = box;
    this.button = button;
    this.list = list;
    this.items = [];
    this.seen = null; // ids known (null: the first snapshot is coming)
    this.kind = guessedKind;
    this.timer = 0;
    box.addEventListener("click", () => this.close());
    button.addEventListener("click", () => this.toggleList());
  }

  render(snap, fresh) {
    const items = Array.isArray(snap.handouts) ? snap.handouts : [];
    this.items = items;
    this.kind = (snap.display && snap.display.kind) || guessedKind;
    const ids = new Set(items.map((h) => String(h.id)));
    const first = this.seen === null || fresh;
    const arrived = first ? [] : items.filter((h) => !this.seen.has(String(h.id)));
    this.seen = ids;
    if (arrived.length) this.open(arrived[arrived.length - 1], true);
    else if (this.box.dataset.id && !ids.has(this.box.dataset.id)) this.close();
    this.button.hidden = items.length === 0;
    setText(this.button, `HANDOUTS \u00b7 ${items.length}`);
    if (!this.list.hidden) this.fillList();
  }

  open(h, shownNow) {
    clearTimeout(this.timer);
    const url = safeMediaUrl(h.image_url);
    this.box.replaceChildren(el("div", { class: "handout-card panel" },
      el("div", { class: "panel-head", text: display(h.title) || "Handout" }),
      url ? el("img", { class: "handout-image", src: url, alt: display(h.title) }) : null,
      h.text ? el("div", { class: "handout-text", text: display(h.text) }) : null,
      el("div", { class: "handout-hint", text: "TAP TO CLOSE" })));
    this.box.dataset.id = String(h.id);
    this.box.hidden = false;
    this.list.hidden = true;
    const seconds = Number(h.clear_after) || 0;
    if (shownNow && this.kind === "tv" && seconds > 0) this.timer = setTimeout(() => this.close(), seconds * 1000);
  }

  close() {
    clearTimeout(this.timer);
    this.box.hidden = true;
    delete this.box.dataset.id;
  }

  toggleList() {
    this.list.hidden = !this.list.hidden;
    if (!this.list.hidden) this.fillList();
  }

  fillList() {
    const rows = [...this.items].reverse().map((h) => {
      const row = el("button", { class: "handout-row", type: "button", text: display(h.title) || "Handout", data: { id: h.id } });
      row.addEventListener("click", () => this.open(h, false));
      return row;
    });
    this.list.replaceChildren(el("div", { class: "panel-head", text: "Handouts" }), ...rows);
  }
}
