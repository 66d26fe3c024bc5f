// Screen furniture: URL options (?margin=5, ?view=map), the fullscreen button, the idle cursor,
// the toast and the connection banner.

const IDLE_MS = 3000;

export function readOptions(search) {
  const params = new URLSearchParams(search);
  const margin = Math.max(0, Math.min(20, parseFloat(params.get("margin") || "0") || 0));
  return { mapOnly: params.get("view") === "map", margin };
}

export function setupChrome(options) {
  const root = document.documentElement;
  if (options.margin) {
    root.style.setProperty("--margin-x", options.margin + "vw");
    root.style.setProperty("--margin-y", options.margin + "vh");
    document.body.classList.add("margins");
  }
  if (options.mapOnly) document.body.classList.add("map-only");
  const button = document.getElementById("fullscreen-btn");
  const canFullscreen = Boolean(root.requestFullscreen || root.webkitRequestFullscreen);
  button.hidden = !canFullscreen;
  button.addEventListener("click", toggleFullscreen);
  let timer = 0;
  const wake = () => {
    document.body.classList.remove("idle");
    clearTimeout(timer);
    timer = setTimeout(() => document.body.classList.add("idle"), IDLE_MS);
  };
  for (const ev of ["pointermove", "pointerdown", "keydown", "wheel"]) window.addEventListener(ev, wake, { passive: true });
  wake();
}

function toggleFullscreen() {
  const doc = document;
  if (doc.fullscreenElement || doc.webkitFullscreenElement) {
    (doc.exitFullscreen || doc.webkitExitFullscreen).call(doc);
    return;
  }
  const root = doc.documentElement;
  const request = root.requestFullscreen || root.webkitRequestFullscreen;
  const result = request.call(root);
  if (result && result.catch) result.catch(() => {});
}

/** A toast: the reason something was refused, shown for a few seconds. */
export function makeToast(node) {
  let timer = 0;
  return (message, kind) => {
    node.textContent = String(message || "");
    node.className = kind === "info" ? "info" : "";
    node.hidden = false;
    clearTimeout(timer);
    timer = setTimeout(() => { node.hidden = true; }, 6000);
  };
}

export function setBanner(ok) {
  document.getElementById("conn-banner").hidden = ok;
  document.body.classList.toggle("offline", !ok);
}
