// The comm terminal overlay: inbox and sent, a reader pane; a tap on the backdrop outside the
// window dismisses it for every display (players may hide it). Opening a message marks it read
// and makes it the open message on every display (the snapshot's overlay_open_message_id).
import { el, setText, display } from "./dom.js";
import { renderBlocks } from "./blocks.js";
import { hideTerminal, markRead } from "./api.js";

export class TerminalOverlay {
  constructor(root) {
    this.root = root;
    this.slug = "";
    this.box = "inbox";
    this.selected = "";
    this.dismissed = "";
    this.shared = ""; // the open message every display shows, as the last frame said
    this.opened = new Set(); // read here, before the server's frame says so
    this.pressedOutside = false;
    this.title = el("div", { class: "panel-head tm-title" });
    this.tabs = el("div", { class: "tm-tabs" });
    this.list = el("div", { class: "tm-list scroll" });
    this.reader = el("div", { class: "tm-reader scroll" });
    this.close = el("button", { type: "button", class: "tm-close", "aria-label": "Close", text: "\u00d7" });
    this.window = el("div", { class: "tm-window panel" }, this.title, this.close,
      el("div", { class: "tm-body" }, el("div", { class: "tm-side" }, this.tabs, this.list), this.reader));
    root.appendChild(this.window);
    // Inside or outside is decided from the event's path when it was dispatched: a row's own
    // click handler rebuilds the list, so by the time the click reaches the backdrop the
    // clicked element may have left the page. A press that began inside never dismisses.
    root.addEventListener("pointerdown", (e) => { this.pressedOutside = !this.inside(e); });
    root.addEventListener("click", (e) => {
      if (this.pressedOutside && !this.inside(e)) this.dismiss();
      this.pressedOutside = false;
    });
    this.close.addEventListener("click", () => this.dismiss());
  }

  inside(e) {
    return e.composedPath().includes(this.window);
  }

  dismiss() {
    this.dismissed = this.slug;
    this.root.hidden = true;
    hideTerminal();
  }

  render(snap) {
    const term = snap.terminal;
    const slug = term && snap.overlay_terminal_slug ? snap.overlay_location_slug + "/" + snap.overlay_terminal_slug : "";
    if (slug !== this.slug) {
      this.slug = slug;
      this.dismissed = "";
      this.box = "inbox";
      this.selected = "";
      this.shared = "";
      this.opened.clear();
    }
    this.root.hidden = !slug || this.dismissed === slug;
    if (!slug) return;
    this.term = term;
    setText(this.title, display(term.name) || "Terminal"); // a name, never the slug
    const shared = this.follow(snap.overlay_open_message_id);
    const key = JSON.stringify(term);
    if (key !== this.key || shared) {
      this.key = key;
      this.draw(); // only on new mail: a reader's scroll position survives other changes
    }
  }

  /** A newly opened message (on any display) becomes the one shown here; true when it did. */
  follow(id) {
    const wanted = typeof id === "string" ? id : "";
    if (wanted === this.shared) return false;
    this.shared = wanted;
    const box = ["inbox", "sent"].find((b) => (this.term[b] || []).some((m) => m.id === wanted));
    if (!box) return false;
    this.box = box;
    this.selected = wanted;
    return true;
  }

  mails() {
    const list = this.term[this.box];
    return Array.isArray(list) ? list : [];
  }

  draw() {
    const inbox = this.term.inbox || [], sent = this.term.sent || [];
    const unread = inbox.filter((m) => !this.isRead(m)).length;
    const inboxTab = this.tab("inbox", `Inbox (${inbox.length})`);
    if (unread) inboxTab.appendChild(el("span", { class: "tm-count", text: String(unread) }));
    this.tabs.replaceChildren(inboxTab, this.tab("sent", `Sent (${sent.length})`));
    const mails = this.mails();
    if (!mails.some((m) => m.id === this.selected)) this.selected = mails.length ? mails[0].id : "";
    this.list.replaceChildren(...mails.map((m) => this.row(m)));
    if (!mails.length) this.list.appendChild(el("div", { class: "tm-none", text: "NO MESSAGES" }));
    const mail = mails.find((m) => m.id === this.selected);
    this.reader.replaceChildren(...(mail ? readerPane(mail) : []));
  }

  tab(box, label) {
    const b = el("button", { type: "button", class: "tm-tab" + (this.box === box ? " active" : ""), text: label });
    b.addEventListener("click", () => { this.box = box; this.selected = ""; this.draw(); });
    return b;
  }

  isRead(m) {
    return Boolean(m.read) || this.opened.has(m.id);
  }

  open(m) {
    this.selected = m.id;
    if (m.id !== undefined && m.id !== null && m.id !== this.shared) {
      this.opened.add(m.id);
      markRead(m.id); // read, and open on every display
    }
    this.draw();
  }

  row(m) {
    const prio = display(m.priority).toUpperCase();
    const read = this.isRead(m);
    const flags = [];
    if (!read) flags.push(el("span", { class: "tm-unread", text: "NEW" }));
    if (prio && prio !== "NORMAL" && prio !== "LOW") flags.push(el("span", { class: "tm-prio p-" + prio.toLowerCase(), text: prio }));
    const who = this.box === "sent" ? m.to : m.from;
    const b = el("button", { type: "button", class: "tm-row" + (m.id === this.selected ? " active" : "") + (read ? "" : " unread"), data: { id: m.id } },
      el("div", { class: "tm-row-top" }, el("span", { class: "tm-from", text: display(who) }), ...flags),
      el("div", { class: "tm-subject", text: display(m.subject) || "(no subject)" }),
      el("div", { class: "tm-date", text: stamp(m.timestamp) }));
    b.addEventListener("click", () => this.open(m));
    return b;
  }
}

function readerPane(m) {
  const rows = [["From", m.from], ["To", m.to], ["Subject", m.subject], ["Date", stamp(m.timestamp)]];
  return [
    el("dl", { class: "tm-headers" }, ...rows.flatMap(([k, v]) => [el("dt", { text: k }), el("dd", { text: display(v) })])),
    renderBlocks(m.body, "blocks tm-text"),
  ];
}

function stamp(ts) {
  if (typeof ts === "number" && Number.isFinite(ts)) return new Date(ts * 1000).toISOString().slice(0, 16).replace("T", " ");
  return display(ts);
}
