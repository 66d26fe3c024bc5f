// Pages for a box that cannot scroll (a TV has no scroll wheel): its items are cut into pages
// that fit, one page shows at a time, the pages cycle by themselves, and a tablet can step
// through them with the arrows. Nothing of the box ever lies below the screen's edge.
import { el, setText } from "./dom.js";

const CYCLE_MS = 12000;

/** True when the box's content spills out of it (either way). */
export function overflows(box) {
  return box.scrollHeight > box.clientHeight + 1 || box.scrollWidth > box.clientWidth + 1;
}

export class Pager {
  /** `box`: the element whose children are paged; `fill(box)` returns the pages (arrays of nodes). */
  constructor(box, fill) {
    this.box = box;
    this.fill = fill;
    this.pages = [];
    this.index = 0;
    this.timer = 0;
    this.prev = el("button", { type: "button", class: "pg-btn pg-prev", "aria-label": "Previous page", text: "\u25c0" });
    this.next = el("button", { type: "button", class: "pg-btn pg-next", "aria-label": "Next page", text: "\u25b6" });
    this.label = el("span", { class: "pg-label" });
    this.nav = el("div", { class: "pager", hidden: "" }, this.prev, this.label, this.next);
    this.prev.addEventListener("click", () => this.step(-1, true));
    this.next.addEventListener("click", () => this.step(1, true));
  }

  /** Cut the pages again (content or size changed); only while the box is on screen. */
  layout() {
    if (!this.box.offsetParent) {
      this.dirty = true;
      return;
    }
    this.dirty = false;
    const keep = this.index;
    this.pages = this.fill(this.box).filter((p) => p.length);
    this.show(Math.min(keep, Math.max(0, this.pages.length - 1)));
    this.restart();
  }

  /** The box came on screen: cut pages if something changed while it was away. */
  shown() {
    if (this.dirty || !this.pages.length) this.layout();
    else this.restart();
  }

  show(index) {
    this.index = index;
    this.pages.forEach((page, i) => { for (const node of page) node.hidden = i !== index; });
    this.nav.hidden = this.pages.length < 2;
    setText(this.label, `${index + 1} / ${this.pages.length}`);
  }

  step(delta, byHand) {
    if (this.pages.length < 2) return;
    this.show((this.index + delta + this.pages.length) % this.pages.length);
    if (byHand) this.restart();
  }

  restart() {
    clearInterval(this.timer);
    this.timer = 0;
    if (this.pages.length < 2) return;
    this.timer = setInterval(() => {
      if (this.box.offsetParent && !document.hidden) this.step(1, false);
    }, CYCLE_MS);
  }
}

/**
 * Greedy pages of whole items: each item joins the current page while the box still fits it.
 * An item too large for a page of its own gets a page of its own.
 */
export function pageItems(box, items) {
  for (const item of items) item.hidden = true;
  const pages = [];
  let page = [];
  for (const item of items) {
    item.hidden = false;
    if (page.length && overflows(box)) {
      for (const node of page) node.hidden = true;
      pages.push(page);
      page = [];
    }
    page.push(item);
  }
  if (page.length) pages.push(page);
  for (const item of items) item.hidden = true;
  return pages;
}

/**
 * The same number of pages with the items shared out evenly (5 cards: 3 and 2, not 4 and 1),
 * so no page is mostly empty; the greedy pages when an even share would not fit.
 */
export function balanced(box, pages) {
  if (pages.length < 2) return pages;
  const items = pages.flat();
  const out = [];
  let at = 0;
  for (let i = 0; i < pages.length; i++) {
    const n = Math.ceil((items.length - at) / (pages.length - i));
    out.push(items.slice(at, at + n));
    at += n;
  }
  const fits = out.every((page) => {
    for (const item of items) item.hidden = !page.includes(item);
    return !overflows(box);
  });
  for (const item of items) item.hidden = true;
  return fits ? out : pages;
}
