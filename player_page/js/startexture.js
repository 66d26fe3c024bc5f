// Pictures the star map paints itself on canvases: a soft glow, a particle, a planet's surface
// from its texture_config (value noise in the given colours), cloud cover and ring bands.

function canvas(w, h) {
  const c = document.createElement("canvas");
  c.width = w;
  c.height = h;
  return c;
}

const cache = new Map();

/** A white radial glow (tinted by the material's colour), made once. */
export function glowCanvas() {
  if (!cache.has("glow")) {
    const c = canvas(128, 128);
    const g = c.getContext("2d");
    const grad = g.createRadialGradient(64, 64, 0, 64, 64, 64);
    grad.addColorStop(0, "rgba(255,255,255,1)");
    grad.addColorStop(0.12, "rgba(255,255,255,0.85)");
    grad.addColorStop(0.3, "rgba(255,255,255,0.32)");
    grad.addColorStop(0.6, "rgba(255,255,255,0.08)");
    grad.addColorStop(1, "rgba(255,255,255,0)");
    g.fillStyle = grad;
    g.fillRect(0, 0, 128, 128);
    cache.set("glow", c);
  }
  return cache.get("glow");
}

/** A small soft dot for particles (nebulae, belts, the star field). */
export function dotCanvas() {
  if (!cache.has("dot")) {
    const c = canvas(32, 32);
    const g = c.getContext("2d");
    const grad = g.createRadialGradient(16, 16, 0, 16, 16, 16);
    grad.addColorStop(0, "rgba(255,255,255,1)");
    grad.addColorStop(0.4, "rgba(255,255,255,0.5)");
    grad.addColorStop(1, "rgba(255,255,255,0)");
    g.fillStyle = grad;
    g.fillRect(0, 0, 32, 32);
    cache.set("dot", c);
  }
  return cache.get("dot");
}

/** A repeatable pseudo-random number source (the same planet looks the same everywhere). */
export function seeded(text) {
  let h = 2166136261;
  for (const ch of String(text)) h = Math.imul(h ^ ch.charCodeAt(0), 16777619);
  return () => {
    h = Math.imul(h ^ (h >>> 15), 2246822507);
    h = Math.imul(h ^ (h >>> 13), 3266489909);
    h ^= h >>> 16;
    return (h >>> 0) / 4294967296;
  };
}

/** Smooth value noise on a wrapping grid, summed over octaves: 0..1. */
function noiseField(random, cells) {
  const grid = new Float32Array(cells * cells).map(() => random());
  const at = (x, y) => grid[((y % cells) + cells) % cells * cells + (((x % cells) + cells) % cells)];
  const smooth = (t) => t * t * (3 - 2 * t);
  return (u, v) => {
    let sum = 0, amp = 0.55, freq = 1, norm = 0;
    for (let o = 0; o < 4; o++) {
      const x = u * cells * freq, y = v * cells * freq;
      const x0 = Math.floor(x), y0 = Math.floor(y);
      const fx = smooth(x - x0), fy = smooth(y - y0);
      const top = at(x0, y0) * (1 - fx) + at(x0 + 1, y0) * fx;
      const bottom = at(x0, y0 + 1) * (1 - fx) + at(x0 + 1, y0 + 1) * fx;
      sum += amp * (top * (1 - fy) + bottom * fy);
      norm += amp;
      amp *= 0.5;
      freq *= 2;
    }
    return sum / norm;
  };
}

function rgb(hex) {
  const n = parseInt(String(hex || "#808080").slice(1), 16) || 0;
  return [(n >> 16) & 255, (n >> 8) & 255, n & 255];
}

function mix(a, b, t) {
  return [a[0] + (b[0] - a[0]) * t, a[1] + (b[1] - a[1]) * t, a[2] + (b[2] - a[2]) * t];
}

const BANDED = /gas|giant|band|jov/i;
const ICY = /ice|frozen|snow/i;

/** A planet's surface (equirectangular) from its texture_config. */
export function planetCanvas(tex, name) {
  const w = 256, h = 128;
  const c = canvas(w, h);
  const g = c.getContext("2d");
  const image = g.createImageData(w, h);
  const random = seeded(name + JSON.stringify(tex));
  const scale = Math.max(1, Math.min(16, Number(tex.noise_scale) || 4));
  const noise = noiseField(random, Math.round(scale));
  const a = rgb(tex.primary), b = rgb(tex.secondary), t = tex.tertiary ? rgb(tex.tertiary) : null;
  const banded = BANDED.test(tex.type || ""), icy = ICY.test(tex.type || "");
  for (let y = 0; y < h; y++) {
    for (let x = 0; x < w; x++) {
      let n = noise(x / w, y / h);
      if (banded) n = 0.5 + 0.5 * Math.sin((y / h) * Math.PI * scale * 2.2 + n * 4);
      let color = mix(a, b, Math.min(1, Math.max(0, (n - 0.38) * 2.6)));
      if (t && n > (icy ? 0.72 : 0.66)) color = mix(color, t, Math.min(1, (n - 0.66) * 4));
      const polar = Math.abs(y / h - 0.5) * 2;
      if (icy && polar > 0.8) color = mix(color, [240, 248, 255], (polar - 0.8) * 4);
      const i = (y * w + x) * 4;
      image.data[i] = color[0];
      image.data[i + 1] = color[1];
      image.data[i + 2] = color[2];
      image.data[i + 3] = 255;
    }
  }
  g.putImageData(image, 0, 0);
  return c;
}

/** Cloud cover: white where the noise is high, see-through elsewhere. */
export function cloudCanvas(tex, name) {
  const w = 256, h = 128;
  const c = canvas(w, h);
  const g = c.getContext("2d");
  const image = g.createImageData(w, h);
  const noise = noiseField(seeded("clouds" + name), 6);
  const [r, gr, b] = rgb(tex.cloud_color || "#ffffff");
  for (let y = 0; y < h; y++) {
    for (let x = 0; x < w; x++) {
      const n = noise(x / w, y / h);
      const i = (y * w + x) * 4;
      image.data[i] = r;
      image.data[i + 1] = gr;
      image.data[i + 2] = b;
      image.data[i + 3] = Math.max(0, Math.min(255, (n - 0.45) * 700));
    }
  }
  g.putImageData(image, 0, 0);
  return c;
}

/** Concentric bands for a ring (planar UVs: the centre of the square is the planet). */
export function ringCanvas(inner, outer, name) {
  const size = 256;
  const c = canvas(size, size);
  const g = c.getContext("2d");
  const random = seeded("ring" + name);
  const from = (inner / outer) * (size / 2), to = size / 2;
  for (let r = from; r < to; r += 1) {
    const alpha = 0.25 + 0.6 * random();
    g.strokeStyle = `rgba(255,255,255,${alpha.toFixed(2)})`;
    g.beginPath();
    g.arc(size / 2, size / 2, r, 0, Math.PI * 2);
    g.stroke();
  }
  return c;
}
