// Safe structured text (mail bodies, session logs) -> elements. Never HTML.
import { el, display } from "./dom.js";

const MARK_CLASSES = { strong: "b", em: "i", code: "c", strike: "s", s: "s", link: "u" };

function spanNode(span) {
  const marks = Array.isArray(span.marks) ? span.marks : [];
  const classes = marks.map((m) => MARK_CLASSES[m] || "").filter(Boolean);
  if (span.href) classes.push("u");
  if (!classes.length) return document.createTextNode(display(span.text));
  return el("span", { class: classes.map((c) => "mk-" + c).join(" "), text: span.text ?? "" });
}

function fillSpans(node, block) {
  for (const span of Array.isArray(block.spans) ? block.spans : []) node.appendChild(spanNode(span));
  return node;
}

const HEADINGS = new Set(["h1", "h2", "h3", "h4", "h5", "h6"]);

/** Render a list of Blocks into a fresh container element. */
export function renderBlocks(blocks, className) {
  const box = el("div", { class: className || "blocks" });
  const counters = [];
  for (const block of Array.isArray(blocks) ? blocks : []) {
    if (!block || typeof block !== "object") continue;
    const kind = String(block.kind || "p");
    if (kind !== "li") counters.length = 0;
    box.appendChild(blockNode(kind, block, counters));
  }
  return box;
}

function blockNode(kind, block, counters) {
  if (kind === "hr") return el("hr");
  if (HEADINGS.has(kind)) return fillSpans(el("div", { class: "blk-h blk-" + kind }), block);
  if (kind === "quote") return fillSpans(el("div", { class: "blk-quote" }), block);
  if (kind === "code") return fillSpans(el("pre", { class: "blk-code" }), block);
  if (kind === "li") return listItem(block, counters);
  return fillSpans(el("p", { class: "blk-p" }), block);
}

function listItem(block, counters) {
  const depth = Math.max(0, Math.min(6, Number(block.depth) || 0));
  counters.length = depth + 1;
  counters[depth] = (counters[depth] || 0) + 1;
  const bullet = block.ordered ? counters[depth] + "." : "\u2022";
  const node = el("div", { class: "blk-li", style: `--depth:${depth}` });
  node.appendChild(el("span", { class: "blk-bullet", text: bullet }));
  return fillSpans(node, block);
}

/** Plain text of a body, for one-line previews. */
export function blocksText(blocks) {
  return (blocks || [])
    .map((b) => (b.spans || []).map((s) => s.text ?? "").join(""))
    .join(" ")
    .trim();
}
