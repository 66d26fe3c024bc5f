// This display's identity (API.md "Displays"): a random id kept in localStorage and sent as
// `?display=<id>` on the stream, the snapshot, the pictures and every write, so the server
// knows which display asks and sends it only what its audience may see. A page opened with
// `?display=<id>` takes that id (and keeps it). Without localStorage the id lasts the page.

const KEY = "gm-terminal-display";
const ID = /^[A-Za-z0-9_-]{6,64}$/;

function randomId() {
  const bytes = new Uint8Array(12);
  crypto.getRandomValues(bytes);
  return btoa(String.fromCharCode(...bytes)).replace(/\+/g, "-").replace(/\//g, "_").replace(/=+$/, "");
}

function findId() {
  const asked = new URLSearchParams(location.search).get("display") || "";
  let id = ID.test(asked) ? asked : "";
  try {
    const kept = localStorage.getItem(KEY) || "";
    if (!id) id = ID.test(kept) ? kept : randomId();
    if (id !== kept) localStorage.setItem(KEY, id);
  } catch (err) {
    if (!id) id = randomId(); // storage refused (a private window): an id for this page
  }
  return id;
}

export const displayId = findId();

/** What this screen looks like it is: a touch screen is a tablet, the rest a TV. */
export const guessedKind =
  navigator.maxTouchPoints > 0 || "ontouchstart" in window ? "tablet" : "tv";

/** path with this display's id in its query. */
export function withDisplay(path) {
  return `${path}${path.includes("?") ? "&" : "?"}display=${encodeURIComponent(displayId)}`;
}
