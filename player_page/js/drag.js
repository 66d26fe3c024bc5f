// Tablet token moves: a player drags a token of a movable type; on release the page asks the
// server (as a player, without the GM token). The caller shows the move at once (optimistic)
// and puts the token back if the server refuses.
import { svg, setAttr } from "./dom.js";
import { placeToken } from "./tokens.js";

export class TokenDrag {
  constructor(svgEl, layer, viewport, onDrop, isFree) {
    this.svg = svgEl;
    this.viewport = viewport;
    this.onDrop = onDrop;
    this.isFree = isFree;
    this.state = null;
    this.target = svg("rect", { class: "drop-cell", width: 1, height: 1, rx: 0.08 });
    this.target.style.display = "none";
    layer.appendChild(this.target);
    // Capture phase: a press on a movable token is a drag, never a pan of the map.
    svgEl.addEventListener("pointerdown", (e) => this.down(e), true);
    svgEl.addEventListener("pointermove", (e) => this.move(e));
    svgEl.addEventListener("pointerup", (e) => this.up(e, false));
    svgEl.addEventListener("pointercancel", (e) => this.up(e, true));
  }

  down(e) {
    if (this.state || (e.button !== undefined && e.button > 0)) return;
    const g = e.target.closest ? e.target.closest(".token.movable") : null;
    if (!g) return;
    e.stopPropagation();
    e.preventDefault();
    this.svg.setPointerCapture(e.pointerId);
    const x = Number(g.dataset.x), y = Number(g.dataset.y);
    this.state = { id: g.dataset.id, g, pointerId: e.pointerId, x, y, cell: { x, y } };
    g.classList.add("dragging");
    g.parentNode.appendChild(g); // on top of the others while it moves
  }

  move(e) {
    const s = this.state;
    if (!s || e.pointerId !== s.pointerId) return;
    e.preventDefault();
    const p = this.viewport.toMap(e.clientX, e.clientY);
    s.g.style.transform = `translate(${p.x}px, ${p.y}px)`;
    s.g.__pos = ""; // moved by hand: the next placement must write its position
    s.cell = { x: Math.floor(p.x), y: Math.floor(p.y) };
    setAttr(this.target, "x", s.cell.x);
    setAttr(this.target, "y", s.cell.y);
    const ok = this.isFree(s.cell.x, s.cell.y, s.id);
    setAttr(this.target, "class", "drop-cell " + (ok ? "ok" : "bad"));
    this.target.style.display = "";
  }

  up(e, cancelled) {
    const s = this.state;
    if (!s || e.pointerId !== s.pointerId) return;
    this.state = null;
    this.target.style.display = "none";
    s.g.classList.remove("dragging");
    const same = s.cell.x === s.x && s.cell.y === s.y;
    if (cancelled || same) {
      placeToken(s.g, s.x, s.y);
      // A press that went nowhere is a tap: the map tells the token's full name.
      if (!cancelled) s.g.dispatchEvent(new CustomEvent("tokentap", { bubbles: true }));
      return;
    }
    placeToken(s.g, s.cell.x, s.cell.y);
    this.onDrop(s.id, s.cell.x, s.cell.y, { x: s.x, y: s.y });
  }

  get active() {
    return this.state !== null;
  }
}
