// The one live connection of the page: an EventSource on the snapshot stream, plus a watchdog.
// Chromium's EventSource retries by itself after a dropped stream (the server's `retry:`), but
// after a non-200 answer (a 503 during a restart) it is CLOSED for good, and keepalive comments
// never reach script: so the watchdog recreates it when it is closed, with backoff. When the
// stream has been silent for IDLE_LIMIT_MS, the watchdog asks the snapshot URL whether anything
// changed (If-None-Match with the revision shown): a 304 means the table is only quiet and the
// stream stays; a newer snapshot, or no answer, means the stream is dead and it is recreated.
// Exactly one EventSource exists at any time.

const IDLE_LIMIT_MS = 30000;
const WATCH_EVERY_MS = 1000;
const FAILURES_BEFORE_BANNER = 3;
const MAX_BACKOFF_MS = 15000;
const PROBE_TIMEOUT_MS = 5000;

export class SnapshotStream {
  constructor(url, onSnapshot, onHealth) {
    this.url = url;
    this.snapshotUrl = url.replace(/stream\/?(?=\?|$)/, "").replace(/([?&])kind=[^&]*&?/, "$1");
    this.revision = -1; // of the last snapshot received
    this.probing = false;
    this.onSnapshot = onSnapshot;
    this.onHealth = onHealth;
    this.source = null;
    this.fresh = true;
    this.failures = 0;
    this.backoff = 1000;
    this.reopenAt = 0;
    this.lastActivity = Date.now();
    this.healthy = true;
  }

  start() {
    this.open();
    setInterval(() => this.watch(), WATCH_EVERY_MS);
  }

  open() {
    if (this.source) this.source.close();
    const source = new EventSource(this.url);
    this.source = source;
    this.fresh = true;
    this.lastActivity = Date.now();
    source.addEventListener("open", () => {
      if (source !== this.source) return;
      this.fresh = true; // the server sends the whole current snapshot first
      this.lastActivity = Date.now();
    });
    source.addEventListener("activeview", (ev) => this.message(source, ev));
    source.addEventListener("error", () => this.error(source));
  }

  message(source, ev) {
    if (source !== this.source) return;
    this.lastActivity = Date.now();
    let snapshot;
    try {
      snapshot = JSON.parse(ev.data);
    } catch (err) {
      console.warn("bad snapshot", err);
      return;
    }
    this.failures = 0;
    this.backoff = 1000;
    this.setHealth(true);
    if (Number.isFinite(Number(snapshot.revision))) this.revision = Number(snapshot.revision);
    const fresh = this.fresh;
    this.fresh = false;
    this.onSnapshot(snapshot, fresh);
  }

  error(source) {
    if (source !== this.source) return;
    this.failures += 1;
    if (this.failures >= FAILURES_BEFORE_BANNER) this.setHealth(false);
    if (source.readyState === EventSource.CLOSED) this.scheduleReopen();
  }

  scheduleReopen() {
    if (this.reopenAt) return;
    this.reopenAt = Date.now() + this.backoff;
    this.backoff = Math.min(this.backoff * 2, MAX_BACKOFF_MS);
  }

  watch() {
    const now = Date.now();
    const source = this.source;
    if (source && source.readyState === EventSource.CLOSED) this.scheduleReopen();
    if (source && source.readyState === EventSource.OPEN && now - this.lastActivity > IDLE_LIMIT_MS) {
      this.probe(source); // silent for long: a quiet table, or a half-open connection?
      return;
    }
    if (source && source.readyState === EventSource.CONNECTING && now - this.lastActivity > IDLE_LIMIT_MS) {
      this.failures += 1;
      this.setHealth(this.failures < FAILURES_BEFORE_BANNER);
      this.scheduleReopen();
    }
    if (this.reopenAt && now >= this.reopenAt) {
      this.reopenAt = 0;
      this.failures += 1;
      if (this.failures >= FAILURES_BEFORE_BANNER) this.setHealth(false);
      this.open();
    }
  }

  async probe(source) {
    if (this.probing) return;
    this.probing = true;
    this.lastActivity = Date.now(); // the next probe after another quiet spell
    const abort = new AbortController();
    const timer = setTimeout(() => abort.abort(), PROBE_TIMEOUT_MS);
    let stale = true;
    try {
      const reply = await fetch(this.snapshotUrl, {
        headers: { "If-None-Match": `"${this.revision}"` },
        cache: "no-store",
        signal: abort.signal,
      });
      if (reply.status === 304) stale = false;
      else if (reply.ok) stale = Number((await reply.json()).revision) > this.revision;
    } catch (err) {
      stale = true; // no answer in time: the connection is gone
    } finally {
      clearTimeout(timer);
      this.probing = false;
    }
    if (stale && source === this.source) this.open();
  }

  setHealth(ok) {
    if (ok === this.healthy) return;
    this.healthy = ok;
    this.onHealth(ok);
  }
}
