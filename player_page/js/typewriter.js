// Types text into an element a few characters per frame; long texts type faster so no entry
// takes more than a few seconds.
const CHARS_PER_SECOND = 45;
const MAX_SECONDS = 4;

export class Typewriter {
  type(node, text, done, progress) {
    const rate = Math.max(CHARS_PER_SECOND, text.length / MAX_SECONDS);
    const start = performance.now();
    node.textContent = "";
    const cursor = document.createElement("span");
    cursor.className = "tw-cursor";
    const typed = document.createTextNode("");
    node.append(typed, cursor);
    const step = (now) => {
      const n = Math.min(text.length, Math.floor(((now - start) / 1000) * rate));
      if (typed.data.length !== n) {
        typed.data = text.slice(0, n);
        if (progress) progress();
      }
      if (n < text.length) requestAnimationFrame(step);
      else {
        node.textContent = text;
        if (done) done();
      }
    };
    requestAnimationFrame(step);
  }
}
