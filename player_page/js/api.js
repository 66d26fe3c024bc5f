// The few writes a player display may make, all same-origin JSON POSTs without the GM token,
// each naming this display (`?display=<id>`).
import { withDisplay } from "./identity.js";

/** POST a JSON body; resolves to {ok, status, body} and never throws. */
export async function post(path, body) {
  try {
    const response = await fetch(withDisplay(path), {
      method: "POST",
      headers: { "Content-Type": "application/json" },
      body: JSON.stringify(body || {}),
      cache: "no-store",
    });
    let data = {};
    try {
      data = await response.json();
    } catch (err) {
      data = {};
    }
    return { ok: response.ok, status: response.status, body: data };
  } catch (err) {
    return { ok: false, status: 0, body: { error: "No connection to the game master's machine" } };
  }
}

/** A GET of JSON from our own server; null when it fails. */
export async function getJson(path) {
  try {
    const response = await fetch(path, { cache: "no-store" });
    return response.ok ? await response.json() : null;
  } catch (err) {
    return null;
  }
}

export const moveToken = (tokenId, x, y) =>
  post("/api/gm/encounter/move-token/", { token_id: tokenId, x, y });
export const hideTerminal = () => post("/api/terminal/hide/", {});
export const markRead = (messageId) => post("/api/terminal/read/", { message_id: messageId });
export const closeCharon = () => post("/api/gm/charon/toggle-dialog/", { open: false });
export const askCharon = (channel, query) =>
  post(`/api/charon/${encodeURIComponent(channel)}/submit/`, { query });
