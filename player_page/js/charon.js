// The ship computer (called by the campaign's own name, `charon_name`): its conversation (new
// entries type out; an answer sits under the question it answers, whatever was asked since), and
// in QUERY mode an input that asks it. A dialog over any view (players may close it), or the
// whole screen in the CHARON_TERMINAL view.
import { el, setText, syncKeyed, clock } from "./dom.js";
import { askCharon, closeCharon } from "./api.js";
import { Typewriter } from "./typewriter.js";

export class CharonPanel {
  constructor(root, toast) {
    this.root = root;
    this.toast = toast;
    this.seen = new Set();
    this.nodes = new Map();
    this.typer = new Typewriter();
    this.primed = false;
    this.channel = "";
    this.sending = false;
    this.name = "CHARON";
    this.log = el("div", { class: "ch-log scroll" });
    this.status = el("div", { class: "ch-status" });
    this.input = el("input", { class: "ch-input", type: "text", maxlength: "500", autocomplete: "off", "aria-label": "Ask the ship computer" });
    this.form = el("form", { class: "ch-form" }, el("span", { class: "ch-prompt", text: ">" }), this.input,
      el("button", { type: "submit", class: "ch-send", text: "SEND" }));
    this.close = el("button", { type: "button", class: "ch-close", "aria-label": "Close", text: "\u00d7" });
    this.title = el("span", { class: "ch-title" });
    this.where = el("span", { class: "ch-channel" });
    this.window = el("div", { class: "ch-window panel" },
      el("div", { class: "panel-head" }, this.title, this.where, this.close), this.log, this.status, this.form);
    root.appendChild(this.window);
    this.form.addEventListener("submit", (e) => { e.preventDefault(); this.ask(); });
    this.close.addEventListener("click", () => { this.root.hidden = true; closeCharon(); });
    this.input.addEventListener("keydown", (e) => e.stopPropagation());
  }

  render(snap, fresh) {
    const full = snap.view_type === "CHARON_TERMINAL";
    this.root.hidden = !(full || snap.charon_dialog_open);
    this.root.classList.toggle("full", full);
    this.channel = snap.charon_active_channel || "story";
    // The channel key (encounter-<slug>) is for writes only; the header shows where, by name.
    setText(this.where, snap.charon_channel_name || "");
    this.name = String(snap.charon_name || "CHARON");
    setText(this.title, this.name);
    this.input.placeholder = `ASK ${this.name}\u2026`;
    const query = snap.charon_mode === "QUERY";
    this.form.hidden = !query || !canType(); // a TV has no keyboard a player could reach
    this.close.hidden = full;
    const entries = Array.isArray(snap.charon_conversation) ? snap.charon_conversation : [];
    const instant = !this.primed; // what was there when the page opened is not "new"
    this.primed = true;
    syncKeyed(this.log, this.nodes, entries, (e) => this.createEntry(e, instant), (n, e) => this.updateEntry(n, e));
    threaded(entries).forEach((e, i) => {
      const node = this.nodes.get(String(e.id));
      if (node && this.log.children[i] !== node) this.log.insertBefore(node, this.log.children[i] || null);
    });
    // A question waits for the GM (who may answer, or throw a draft away and answer later).
    const waiting = snap.charon_pending || entries.some((e) => e.pending);
    this.status.hidden = !(waiting || this.sending);
    setText(this.status, this.sending ? "TRANSMITTING\u2026" : "AWAITING RESPONSE");
    this.input.disabled = this.sending;
    if (entries.length === 0) this.log.replaceChildren(el("div", { class: "ch-idle", text: `${this.name} ONLINE. AWAITING INPUT.` }));
    else this.log.querySelector(".ch-idle")?.remove();
    void fresh;
  }

  createEntry(entry, instant) {
    const node = el("div", { class: "ch-entry ch-" + (entry.role === "player" ? "player" : "charon") },
      el("div", { class: "ch-meta" }), el("div", { class: "ch-text" }));
    const text = node.lastChild;
    const isNew = !instant && !this.seen.has(entry.id);
    this.seen.add(entry.id);
    if (isNew && entry.role !== "player") {
      node.classList.add("typing");
      this.typer.type(text, String(entry.content || ""), () => {
        node.classList.remove("typing");
        this.scroll();
      }, () => this.scroll());
    } else {
      text.textContent = String(entry.content || "");
    }
    requestAnimationFrame(() => this.scroll());
    return node;
  }

  updateEntry(node, entry) {
    const who = entry.role === "player" ? "CREW" : this.name;
    setText(node.firstChild, `${who} ${clock(entry.timestamp)}`.trim());
    node.classList.toggle("pending", Boolean(entry.pending));
    if (!node.classList.contains("typing")) setText(node.lastChild, entry.content || "");
  }

  scroll() {
    this.log.scrollTop = this.log.scrollHeight;
  }

  async ask() {
    const query = this.input.value.trim();
    if (!query || this.sending) return;
    this.sending = true;
    this.status.hidden = false;
    setText(this.status, "TRANSMITTING\u2026");
    const answer = await askCharon(this.channel, query);
    this.sending = false;
    if (answer.ok) {
      this.input.value = "";
      setText(this.status, "AWAITING RESPONSE");
    } else {
      this.toast((answer.body && answer.body.error) || "The ship computer did not accept the question");
      this.status.hidden = true;
    }
    this.input.disabled = false;
  }
}

/** The entries in reading order: each answer right after the question it answers (and its
 * earlier answers), wherever it came in the conversation; the rest in the order they came. */
function threaded(entries) {
  const asked = new Set(entries.filter((e) => e.role === "player").map((e) => e.id));
  const answers = new Map();
  const isAnswer = (e) => e.role !== "player" && e.in_reply_to && asked.has(e.in_reply_to);
  for (const e of entries.filter(isAnswer)) answers.set(e.in_reply_to, [...(answers.get(e.in_reply_to) || []), e]);
  return entries.filter((e) => !isAnswer(e)).flatMap((e) => [e, ...(answers.get(e.id) || [])]);
}

/** A display players can type on: a touch screen (a TV, with neither, shows no input box). */
function canType() {
  return navigator.maxTouchPoints > 0 || matchMedia("(pointer: coarse)").matches || matchMedia("(any-pointer: coarse)").matches;
}
