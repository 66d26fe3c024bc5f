// Keep the display awake through a session. Where the page is allowed the Screen Wake Lock
// (a secure context) it holds one, taken again whenever the page comes back into view.
// Elsewhere (plain HTTP on the LAN) it does what NoSleep.js does: a tiny muted video that
// loops, started by the first tap (browsers start media only from a gesture), with a hint
// asking for that one tap. `document.body.dataset.awake` says which holds: "lock" or "video".

const VIDEOS = [["awake/keep-awake.webm", "video/webm"], ["awake/keep-awake.mp4", "video/mp4"]];

export class KeepAwake {
  constructor(hint) {
    this.hint = hint;
    this.video = null;
    this.lock = null;
  }

  start() {
    if ("wakeLock" in navigator && window.isSecureContext) {
      this.takeLock();
      document.addEventListener("visibilitychange", () => {
        if (document.visibilityState === "visible") this.takeLock();
      });
      return;
    }
    this.waitForTap();
  }

  async takeLock() {
    try {
      this.lock = await navigator.wakeLock.request("screen");
      document.body.dataset.awake = "lock";
      this.lock.addEventListener("release", () => {
        if (document.body.dataset.awake === "lock") delete document.body.dataset.awake;
      });
    } catch (err) {
      if (!this.video) this.waitForTap(); // refused (a policy, a low battery): the video
    }
  }

  waitForTap() {
    this.hint.hidden = false;
    document.addEventListener("pointerdown", () => this.playVideo(), { once: true, capture: true });
  }

  playVideo() {
    if (!this.video) {
      const video = document.createElement("video");
      video.className = "keep-awake";
      video.muted = true;
      video.loop = true;
      video.setAttribute("muted", "");
      video.setAttribute("playsinline", "");
      video.setAttribute("aria-hidden", "true");
      for (const [src, type] of VIDEOS) {
        const source = document.createElement("source");
        source.src = src;
        source.type = type;
        video.appendChild(source);
      }
      video.addEventListener("playing", () => { document.body.dataset.awake = "video"; });
      document.body.appendChild(video);
      this.video = video;
    }
    this.hint.hidden = true;
    const played = this.video.play();
    if (played && played.catch) played.catch(() => { this.hint.hidden = false; this.waitForTap(); });
  }
}
