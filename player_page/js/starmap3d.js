// The star map in 3D: one renderer, one camera with orbit controls, a star field and a scanning
// grid kept for the page's life; one World per view (rebuilt only when what it shows changed).
// The TV turns slowly around the view; a tablet's player rotates and zooms it.
import * as THREE from "../vendor/three/three.module.js";
import { OrbitControls } from "../vendor/three/OrbitControls.js";
import { buildGalaxy, buildSystem, buildOrbit } from "./starbuild.js";
import { DAYS_PER_SECOND } from "./starmap.js";
import { seeded, dotCanvas } from "./startexture.js";
import { declutter, nameRank } from "./stardeclutter.js";
import { remember } from "./starpick.js";

const BUILD = { galaxy: buildGalaxy, system: buildSystem, orbit: buildOrbit };
const FLIGHT_MS = 1600;
const ease = (t) => (t < 0.5 ? 4 * t * t * t : 1 - Math.pow(-2 * t + 2, 3) / 2);

export class Scene3D {
  constructor(stage, hooks, onFail) {
    this.stage = stage;
    this.hooks = hooks;
    this.software = Boolean(hooks.software);
    this.renderer = new THREE.WebGLRenderer({ antialias: !this.software, powerPreference: "high-performance" });
    this.basePixels = Math.min(window.devicePixelRatio || 1, 1.5);
    this.quality = this.software ? 0.6 : 1; // lowered while frames come too slowly, raised again
    this.renderer.setPixelRatio(this.basePixels * this.quality);
    this.frameTimes = [];
    this.renderer.setClearColor(0x040807, 1);
    const canvas = this.renderer.domElement;
    canvas.className = "sm-canvas";
    canvas.addEventListener("webglcontextlost", (e) => {
      e.preventDefault();
      onFail();
    });
    stage.appendChild(canvas);
    hooks.root.dataset.mode = "3d";
    this.scene = new THREE.Scene();
    if (!this.software) this.scene.fog = new THREE.FogExp2(0x040807, 0.0012);
    this.camera = new THREE.PerspectiveCamera(55, 1, 0.1, 6000);
    this.controls = new OrbitControls(this.camera, canvas);
    this.controls.enableDamping = true;
    this.controls.dampingFactor = 0.08;
    this.controls.autoRotateSpeed = 0.35;
    this.controls.addEventListener("start", () => { this.flight = null; });
    this.backdrop();
    this.world = null;
    this.worldKey = "";
    this.flight = null;
    this.last = 0;
    this.frame = 0;
    this.active = false;
    this.stats = { mode: "3d", frames: 0, firstFrame: 0, software: this.software, quality: this.quality };
    window.__starmap = this.stats;
    this.stats.camera = () => this.camera.position.toArray().map((v) => Math.round(v * 100) / 100);
    this.stats.target = () => this.controls.target.toArray().map((v) => Math.round(v * 100) / 100);
    this.stats.pace = () => hooks.clock.rate(performance.now()); // 0 while a finger holds it
    this.stats.flying = () => Boolean(this.flight);
    this.tick = (now) => this.step(now);
    new ResizeObserver(() => this.resize()).observe(stage);
  }

  backdrop() {
    const random = seeded("stars");
    const positions = [];
    for (let i = 0; i < 1400; i++) {
      const r = 1500 + random() * 1500, a = random() * Math.PI * 2, b = Math.acos(2 * random() - 1);
      positions.push(Math.sin(b) * Math.cos(a) * r, Math.cos(b) * r, Math.sin(b) * Math.sin(a) * r);
    }
    const geometry = new THREE.BufferGeometry();
    geometry.setAttribute("position", new THREE.Float32BufferAttribute(positions, 3));
    const map = new THREE.CanvasTexture(dotCanvas());
    this.stars = new THREE.Points(geometry, new THREE.PointsMaterial({ map, color: 0xbfd8d2, size: 7, transparent: true, opacity: 0.8, depthWrite: false, fog: false }));
    this.grid = new THREE.PolarGridHelper(1, 12, 8, 96, 0x2e7d70, 0x1c4a43);
    for (const m of [this.grid.material].flat()) {
      m.transparent = true;
      m.opacity = 0.28;
      m.depthWrite = false;
    }
    this.sweep = new THREE.Mesh(new THREE.CircleGeometry(1, 48, 0, Math.PI / 5), new THREE.MeshBasicMaterial({
      color: 0x5fe3c9, transparent: true, opacity: 0.04, side: THREE.DoubleSide, depthWrite: false, blending: THREE.AdditiveBlending,
    }));
    this.sweep.rotation.x = -Math.PI / 2;
    this.scene.add(this.stars, this.grid, this.sweep);
  }

  /** Draw a view: its world is built once and kept while what it shows is the same. */
  show(data, { fly, tv, ship }) {
    const key = JSON.stringify([data.level, data.key, data.galaxy || data.system || data.orbit, ship]);
    if (key !== this.worldKey) {
      const sameView = this.world && this.world.view === data.level + ":" + data.key;
      if (this.world) {
        this.scene.remove(this.world.group);
        this.world.dispose();
      }
      this.world = BUILD[data.level](data, this.hooks, ship);
      this.world.view = data.level + ":" + data.key;
      this.world.day = Number((data.system || {}).day) || 0;
      this.world.speed = (Number((data.system || {}).speed) || 1) * DAYS_PER_SECOND[data.level] || 0;
      this.scene.add(this.world.group);
      for (const { node } of this.world.labels) this.hooks.labels.appendChild(node);
      this.worldKey = key;
      this.fitGrid(this.world.radius);
      if (!sameView) { // the same view rebuilt by an update keeps the player's zoom range
        this.zoomRange(this.world.radius);
        fly = true;
      }
    }
    this.controls.autoRotate = Boolean(tv);
    const camera = (data.galaxy || data.system || data.orbit || {}).camera;
    if (fly) this.flyTo(camera, this.world.radius);
    this.kick();
  }

  fitGrid(radius) {
    const r = radius * 1.25;
    this.grid.scale.setScalar(r);
    this.grid.position.y = -Math.max(2, radius * 0.04);
    this.sweep.scale.setScalar(r);
    this.sweep.position.y = this.grid.position.y + 0.05;
  }

  zoomRange(radius) {
    this.controls.minDistance = radius * 0.08;
    this.controls.maxDistance = radius * 6;
  }

  flyTo(camera, radius) {
    const to = camera && Array.isArray(camera.position) ? new THREE.Vector3(...camera.position) : new THREE.Vector3(0, radius * 0.7, radius * 1.6);
    const look = camera && Array.isArray(camera.look_at) ? new THREE.Vector3(...camera.look_at) : new THREE.Vector3();
    if (camera && camera.zoom_limits) {
      this.controls.minDistance = camera.zoom_limits[0];
      this.controls.maxDistance = camera.zoom_limits[1];
    }
    if (camera && camera.fov) {
      this.camera.fov = camera.fov;
      this.camera.updateProjectionMatrix();
    }
    if (!this.frame) {
      this.camera.position.copy(to);
      this.controls.target.copy(look);
      return;
    }
    this.flight = { from: this.camera.position.clone(), fromLook: this.controls.target.clone(), to, look, start: performance.now() };
    this.stats.flights = (this.stats.flights || 0) + 1;
  }

  resize() {
    const w = this.stage.clientWidth, h = this.stage.clientHeight;
    if (!w || !h) return;
    this.renderer.setSize(w, h, false);
    this.camera.aspect = w / h;
    this.camera.updateProjectionMatrix();
    this.size = [w, h];
    if (this.world) this.renderer.render(this.scene, this.camera); // a resized canvas is blank until drawn
    this.kick();
  }

  setActive(active) {
    this.active = active;
    this.kick();
  }

  kick() {
    if (this.active && !this.frame && this.world) this.frame = requestAnimationFrame(this.tick);
  }

  step(now) {
    this.frame = 0;
    if (!this.active || !this.world || document.hidden || this.stage.offsetParent === null) return;
    const raw = this.last ? (now - this.last) / 1000 : 0;
    const dt = Math.min(0.1, raw);
    this.last = now;
    if (this.flight) this.flying(now);
    const seconds = this.hooks.clock.seconds(now); // still while a finger is on the map
    this.world.animate(this.world.day + seconds * this.world.speed, seconds);
    this.sweep.rotation.z -= dt * 0.6;
    this.controls.update(dt);
    this.renderer.render(this.scene, this.camera);
    this.placeLabels(now);
    this.stats.frames += 1;
    if (!this.stats.firstFrame) this.stats.firstFrame = performance.now();
    this.adapt(raw);
    const work = performance.now() - now; // this frame's main-thread time, for the bench
    this.stats.work = this.stats.work ? this.stats.work * 0.9 + work * 0.1 : work;
    this.frame = requestAnimationFrame(this.tick);
  }

  /** Each second or so: a lower resolution (down to half) while frames take over 40 ms, higher
   * again under 20 ms. */
  adapt(dt) {
    if (!dt || this.flight) return;
    this.frameTimes.push(dt);
    const spent = this.frameTimes.reduce((a, b) => a + b, 0);
    if (spent < 1 || this.frameTimes.length < 3) return;
    const mean = spent / this.frameTimes.length;
    this.frameTimes = [];
    const before = this.quality;
    if (mean > 0.04) this.quality = Math.max(0.5, this.quality * (mean > 0.12 ? 0.7 : 0.85));
    else if (mean < 0.02) this.quality = Math.min(1, this.quality * 1.15);
    if (this.quality === before) return;
    this.stats.quality = this.quality;
    this.renderer.setPixelRatio(this.basePixels * this.quality);
    this.resize();
  }

  flying(now) {
    const f = this.flight;
    const t = Math.min(1, (now - f.start) / FLIGHT_MS);
    const k = ease(t);
    this.camera.position.lerpVectors(f.from, f.to, k);
    this.controls.target.lerpVectors(f.fromLook, f.look, k);
    if (t >= 1) this.flight = null;
    this.hooks.root.dataset.flying = this.flight ? "1" : "";
  }

  placeLabels(now) {
    const [w, h] = this.size || [0, 0];
    const p = new THREE.Vector3();
    const toCamera = new THREE.Vector3();
    for (const { node, anchor, facing, behind } of this.world.labels) {
      anchor.getWorldPosition(p);
      let hidden = false;
      if (facing) { // a surface site: hidden on the far side of its planet
        const centre = facing.getWorldPosition(new THREE.Vector3());
        toCamera.subVectors(this.camera.position, centre);
        hidden = p.clone().sub(centre).dot(toCamera) < 0;
      }
      if (behind && !node.classList.contains("selected")) hidden = this.eclipsed(p, behind);
      p.project(this.camera);
      hidden = hidden || p.z > 1 || Math.abs(p.x) > 1.1 || Math.abs(p.y) > 1.1;
      if (node.hidden !== hidden) node.hidden = hidden;
      if (hidden) continue;
      const x = Math.round((p.x * 0.5 + 0.5) * w), y = Math.round((-p.y * 0.5 + 0.5) * h);
      if (node.__x !== x || node.__y !== y) {
        node.__x = x;
        node.__y = y;
        node.style.transform = `translate(${x}px, ${y}px)`;
      }
      remember(node, now);
    }
    this.declutter();
  }

  /** Whether a point is behind a planet as the camera sees it (a moon's name is not drawn on
   * the planet that hides the moon). */
  eclipsed(point, { object, radius }) {
    const eye = this.camera.position;
    const centre = object.getWorldPosition(new THREE.Vector3()).sub(eye);
    const seen = point.clone().sub(eye);
    if (seen.length() <= centre.length()) return false;
    return seen.angleTo(centre) < Math.asin(Math.min(1, radius / centre.length()));
  }

  /** Names kept off one another and off the panels over the map (stardeclutter.js): the
   * selected (or pointed at) name first, then by kind; a lesser name with no free place is left
   * out (its mark stays, a tap still reads it). */
  declutter() {
    const shown = this.world.labels.map((l) => l.node).filter((n) => !n.hidden);
    const names = shown.map((node) => {
      const name = node.lastChild;
      if (!node.__w) [node.__w, node.__h, node.__left, node.__top] = [name.offsetWidth, name.offsetHeight, name.offsetLeft, name.offsetTop];
      const centred = node.classList.contains("sm-star") || node.classList.contains("sm-planet");
      const left = centred ? node.__x - node.__w / 2 : node.__x + node.__left;
      const first = node.classList.contains("selected") || node.matches(":hover");
      return {
        rank: nameRank(node, "sm-", first), box: [left, node.__y + node.__top, node.__w, node.__h],
        gap: centred ? null : node.__left, up: node.classList.contains("sm-ship"),
      };
    });
    const offsets = declutter(names, this.hooks.obstacles());
    shown.forEach((node, i) => placeName(node, node.lastChild, offsets[i], node.classList.contains("sm-star") || node.classList.contains("sm-planet")));
  }

  destroy() {
    this.active = false;
    cancelAnimationFrame(this.frame);
    if (this.world) this.world.dispose();
    this.renderer.dispose();
    this.renderer.domElement.remove();
  }
}

/** A name moved by its offset, or left out (null). */
function placeName(node, name, offset, centred) {
  if (node.__crowded !== !offset) {
    node.__crowded = !offset;
    node.classList.toggle("sm-crowded", !offset);
  }
  if (!offset) return;
  const [dx, dy] = offset;
  if (name.__dx !== dx || name.__dy !== dy) {
    name.__dx = dx;
    name.__dy = dy;
    const centring = centred ? "translateX(-50%) " : "";
    name.style.transform = dx || dy ? `${centring}translate(${dx}px, ${dy}px)` : "";
  }
}
