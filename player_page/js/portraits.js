// NPC portraits the GM shows: cards that reveal with a scan, and leave cleanly.
import { el, setText, syncKeyed, initials, safeMediaUrl } from "./dom.js";

export class PortraitsOverlay {
  constructor(root) {
    this.root = root;
    this.nodes = new Map();
  }

  render(snap) {
    const data = snap.encounter_npc_data || {};
    const ids = Array.isArray(snap.encounter_active_portraits) ? snap.encounter_active_portraits : [];
    const items = ids.filter((id) => data[id]).map((id) => ({ ...data[id], id }));
    syncKeyed(this.root, this.nodes, items, createCard, updateCard, leave);
    this.root.dataset.count = String(items.length);
    document.body.classList.toggle("has-portraits", items.length > 0);
  }
}

function createCard() {
  const card = el("figure", { class: "portrait panel entering" },
    el("div", { class: "pt-frame" }), el("figcaption", null, el("div", { class: "pt-name" }), el("div", { class: "pt-role" })));
  card.addEventListener("animationend", () => card.classList.remove("entering"), { once: true });
  return card;
}

function updateCard(card, npc) {
  const url = safeMediaUrl(npc.portrait_url);
  const key = [npc.name, npc.role, url].join("|");
  if (card.__key === key) return;
  card.__key = key;
  const frame = card.firstChild;
  frame.replaceChildren(url
    ? el("img", { class: "pt-img", src: url, alt: "" })
    : el("div", { class: "pt-placeholder" }, el("div", { class: "pt-initials", text: initials(npc.name) }),
      el("div", { class: "pt-nofile", text: "NO IMAGE ON FILE" })));
  const [name, role] = card.lastChild.children;
  setText(name, npc.name || "");
  setText(role, npc.role || "");
}

function leave(card) {
  card.classList.add("leaving");
  card.dataset.leaving = "1";
  delete card.dataset.id; // gone for good: a new card with this id is a new entrance
  setTimeout(() => card.remove(), 600);
}
