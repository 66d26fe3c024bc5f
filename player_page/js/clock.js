// The app's clock as this display reads it. Countdowns end at absolute times of the GM's
// machine, and a TV's own clock may be minutes off (no time server on a ship's LAN): one small
// request's HTTP Date header (whole seconds) tells the offset to within a second, and it is used
// only when the two clocks differ by more than that (a display in step keeps its own clock).
const TRUST_MS = 1500;
const RESYNC_MS = 10 * 60_000;

let offset = 0;
let syncedAt = -Infinity;
let measuring = null;

/** Milliseconds since the epoch on the GM machine's clock, as well as this display knows it. */
export const appNow = () => Date.now() + offset;

/** Measure the offset if it was not measured lately; resolves once known (never rejects). */
export function syncClock() {
  if (!measuring && Date.now() - syncedAt > RESYNC_MS) {
    measuring = measure().finally(() => { measuring = null; });
  }
  return measuring || Promise.resolve();
}

async function measure() {
  const before = Date.now();
  let response;
  try {
    response = await fetch("/api/active-view/", { method: "HEAD", cache: "no-store" });
  } catch (err) {
    return; // the app is away: try again with the next countdown
  }
  const after = Date.now();
  const date = Date.parse(response.headers.get("Date") || "");
  if (!Number.isFinite(date)) return;
  const skew = date + 500 - (before + after) / 2; // the Date's second is half over on average
  offset = Math.abs(skew) > TRUST_MS ? Math.round(skew) : 0;
  syncedAt = Date.now();
}
