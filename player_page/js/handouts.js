// Handouts: the newest one the GM shows this display opens over the view; a TV closes it after
// the time the GM set (or on a tap), a tablet on a tap. The HANDOUTS button lists every
// handout this display was shown (the snapshot holds only its own), newest first, to reopen.
// The list closes on a tap outside it, on a change of view and when it has nothing to list.
// While a handout is open it has the front: `body.has-handout` (css: the ticker stays above
// it; js/broadcasts.js holds a transmission while it is open: "handout-opened", "handout-closed").
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
    this.view = "";
    this.timer = 0;
    box.addEventListener("click", () => this.close());
    button.addEventListener("click", () => this.toggleList());
    // Inside or outside is decided on the way down, from the event's path (PITFALLS: a
    // rebuilt list would read as "outside" by the time the click arrives).
    document.addEventListener("pointerdown", (event) => {
      const path = event.composedPath();
      if (!path.includes(this.list) && !path.includes(this.button)) this.list.hidden = true;
    }, true);
  }

  render(snap, fresh) {
    const items = Array.isArray(snap.handouts) ? snap.handouts : [];
    this.items = items;
    this.kind = (snap.display && snap.display.kind) || guessedKind;
    const ids = new Set(items.map((h) => String(h.id)));
    const first = this.seen === null || fresh;
    const arrived = first ? [] : items.filter((h) => !this.seen.has(String(h.id)));
    this.seen = ids;
    const view = String(snap.view_type || "");
    if (view !== this.view || !items.length) this.list.hidden = true;
    this.view = view;
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
    document.body.classList.add("has-handout");
    document.dispatchEvent(new Event("handout-opened"));
    const seconds = Number(h.clear_after) || 0;
    if (shownNow && this.kind === "tv" && seconds > 0) this.timer = setTimeout(() => this.close(), seconds * 1000);
  }

  close() {
    clearTimeout(this.timer);
    const wasOpen = !this.box.hidden;
    this.box.hidden = true;
    delete this.box.dataset.id;
    document.body.classList.remove("has-handout");
    if (wasOpen) document.dispatchEvent(new Event("handout-closed"));
  }

  toggleList() {
    this.list.hidden = !this.list.hidden || !this.items.length;
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
