// The three.js objects of one star-map view (galaxy, system or orbit), built once; `animate`
// moves them along their orbits and turns the planet, frame by frame.
import * as THREE from "../vendor/three/three.module.js";
import { makeLabel, orbitAngle } from "./starmap.js";
import { glowCanvas, dotCanvas, planetCanvas, cloudCanvas, ringCanvas, seeded } from "./startexture.js";

const DEG = Math.PI / 180;
const SHIP = "#ffb547";
const TEAL = "#5fe3c9";
const textures = new Map();

function texture(name, make) {
  if (!textures.has(name)) {
    const t = new THREE.CanvasTexture(make());
    t.colorSpace = THREE.SRGBColorSpace;
    textures.set(name, t);
  }
  return textures.get(name);
}

const glow = () => texture("glow", glowCanvas);
const dot = () => texture("dot", dotCanvas);

function glowSprite(color, scale, opacity = 1) {
  const sprite = new THREE.Sprite(new THREE.SpriteMaterial({
    map: glow(), color, transparent: true, opacity, blending: THREE.AdditiveBlending, depthWrite: false,
  }));
  sprite.scale.setScalar(scale);
  return sprite;
}

function particles(positions, color, size, opacity) {
  const geometry = new THREE.BufferGeometry();
  geometry.setAttribute("position", new THREE.Float32BufferAttribute(positions, 3));
  return new THREE.Points(geometry, new THREE.PointsMaterial({
    map: dot(), color, size, transparent: true, opacity, blending: THREE.AdditiveBlending, depthWrite: false, sizeAttenuation: true,
  }));
}

function line(points, color, opacity, dashed = false) {
  const geometry = new THREE.BufferGeometry().setFromPoints(points);
  const material = dashed
    ? new THREE.LineDashedMaterial({ color, dashSize: 3, gapSize: 2.2, transparent: true, opacity })
    : new THREE.LineBasicMaterial({ color, transparent: true, opacity });
  const made = new THREE.Line(geometry, material);
  if (dashed) made.computeLineDistances();
  return made;
}

function circle(radius, color, opacity) {
  const points = [];
  for (let i = 0; i <= 128; i++) {
    const a = (i / 128) * Math.PI * 2;
    points.push(new THREE.Vector3(Math.cos(a) * radius, 0, Math.sin(a) * radius));
  }
  return line(points, color, opacity);
}

/** A point under an object's centre, for its label. */
function below(parent, depth) {
  const anchor = new THREE.Object3D();
  anchor.position.set(0, -depth, 0);
  parent.add(anchor);
  return anchor;
}

const vec = (p) => new THREE.Vector3(Number(p[0]) || 0, Number(p[1]) || 0, Number(p[2]) || 0);

/** A view's objects: its group, labels (node + the object they follow) and a frame step. */
class World {
  constructor(hooks) {
    this.group = new THREE.Group();
    this.hooks = hooks;
    this.labels = [];
    this.movers = [];
    this.radius = 100;
  }

  /** A thing's name following `anchor`; `facing`: the planet a surface site is on (hidden on
   * its far side); `behind`: {object, radius} of a planet the thing may pass behind. */
  label(thing, kind, anchor, facing = null, behind = null) {
    const node = makeLabel(thing, kind);
    this.labels.push({ node, anchor, facing, behind });
    return node;
  }

  /** A frame: `days` of the map's clock, `t` seconds since the scene began. Everything turns
   * as a function of those, never by steps: a world rebuilt by an update (a thing revealed or
   * hidden, the ship moved) goes on from where the last one was, not from its start. */
  animate(days, t) {
    for (const move of this.movers) move(days, t);
  }

  dispose() {
    this.group.traverse((o) => {
      if (o.geometry) o.geometry.dispose();
      if (o.material && !o.material.map?.userData?.kept) o.material.dispose();
    });
    for (const { node } of this.labels) node.remove();
  }
}

function shipMarker(world, ship, at, lift) {
  const marker = new THREE.Group();
  const cone = new THREE.Mesh(new THREE.ConeGeometry(0.9, 2.4, 4), new THREE.MeshBasicMaterial({ color: SHIP }));
  cone.rotation.x = Math.PI; // pointing down at its place
  marker.add(cone, glowSprite(SHIP, 7, 0.8));
  marker.position.copy(at).add(new THREE.Vector3(0, lift, 0));
  world.group.add(marker);
  world.label({ key: "ship", name: ship.name }, "ship", marker);
  world.movers.push((days, t) => { cone.rotation.y = t * 1.5; });
  return marker;
}

// --- the galaxy --------------------------------------------------------------------------------

export function buildGalaxy(data, hooks, ship) {
  const world = new World(hooks);
  const galaxy = data.galaxy || { systems: [], nebulae: [], routes: [] };
  const at = new Map();
  let far = 40;
  for (const s of galaxy.systems) {
    const place = vec(s.position);
    at.set(s.key, place);
    far = Math.max(far, place.length());
    const group = new THREE.Group();
    group.position.copy(place);
    const size = Math.max(0.4, Number(s.size) || 1);
    if (s.type === "station") {
      const mesh = new THREE.Mesh(new THREE.OctahedronGeometry(size * 0.7), new THREE.MeshBasicMaterial({ color: s.color, wireframe: true }));
      world.movers.push((days, t) => { mesh.rotation.y = t * 0.6; });
      group.add(mesh, glowSprite(s.color, size * 4, 0.6));
    } else {
      group.add(new THREE.Mesh(new THREE.SphereGeometry(size * 0.55, 20, 14), new THREE.MeshBasicMaterial({ color: s.color })));
      group.add(glowSprite(s.color, size * 11));
      if (!hooks.software) { // a wide pulsing halo: costly where the CPU draws the picture
        const halo = glowSprite(s.color, size * 16, 0.22);
        world.movers.push(() => { halo.material.opacity = 0.18 + 0.06 * Math.sin(performance.now() / 900 + size); });
        group.add(halo);
      }
    }
    world.group.add(group);
    world.label(s, "system", group);
  }
  for (const n of galaxy.nebulae) {
    const random = seeded(n.key);
    const size = Number(n.size) || 30;
    const positions = [];
    for (let i = 0; i < n.particle_count; i++) {
      const r = size * 0.5 * Math.cbrt(random()), a = random() * Math.PI * 2, b = Math.acos(2 * random() - 1);
      positions.push(Math.sin(b) * Math.cos(a) * r, Math.cos(b) * r * 0.35, Math.sin(b) * Math.sin(a) * r);
    }
    const cloud = particles(positions, n.color, size * 0.09, Math.min(1, Number(n.opacity) || 0.5));
    cloud.position.copy(vec(n.position));
    world.movers.push((days, t) => { cloud.rotation.y = t * 0.01; });
    world.group.add(cloud);
    world.label({ ...n, name: n.name }, "nebula", cloud);
  }
  for (const r of galaxy.routes) {
    if (!at.has(r.from) || !at.has(r.to)) continue;
    world.group.add(line([at.get(r.from), at.get(r.to)], r.color, 0.5));
  }
  if (ship.at && at.has(ship.at)) {
    shipMarker(world, ship, at.get(ship.at), 5);
    const course = ship.course.filter((k) => at.has(k)).map((k) => at.get(k).clone().add(new THREE.Vector3(0, 0.5, 0)));
    if (course.length > 1) world.group.add(line(course, SHIP, 0.95, true));
  }
  world.radius = far;
  return world;
}

// --- a system ----------------------------------------------------------------------------------

function body(world, b, ship) {
  const pivot = new THREE.Group();
  pivot.rotation.z = (Number(b.orbit.inclination) || 0) * DEG;
  const r = Number(b.orbit.radius) || 0;
  world.radius = Math.max(world.radius, r + (b.belt ? b.belt.outer - r : 0));
  if (b.belt) {
    const random = seeded(b.key);
    const positions = [];
    for (let i = 0; i < b.belt.particle_count; i++) {
      const rr = b.belt.inner + (b.belt.outer - b.belt.inner) * random(), a = random() * Math.PI * 2;
      positions.push(Math.cos(a) * rr, (random() - 0.5) * 1.6, Math.sin(a) * rr);
    }
    const belt = particles(positions, b.color, Math.max(0.5, b.size * 2.2), b.belt.opacity);
    pivot.add(belt);
    const anchor = new THREE.Object3D();
    anchor.position.set(b.belt.outer, 0, 0);
    belt.add(anchor);
    world.movers.push((days) => { belt.rotation.y = -orbitAngle(b.orbit, days) * DEG; });
    world.label(b, "belt", anchor);
    world.group.add(pivot);
    return;
  }
  pivot.add(circle(r, TEAL, 0.18));
  const holder = new THREE.Group();
  const size = Math.max(0.45, (Number(b.size) || 1) * 1.5);
  const station = /station|platform|outpost/.test(b.type);
  const mesh = station
    ? new THREE.Mesh(new THREE.OctahedronGeometry(size), new THREE.MeshBasicMaterial({ color: b.color, wireframe: true }))
    : new THREE.Mesh(new THREE.SphereGeometry(size, 32, 20), new THREE.MeshLambertMaterial({ color: b.color }));
  holder.add(mesh);
  if (b.atmosphere) holder.add(glowSprite(b.atmosphere.color, size * 3.4, Math.min(1, 0.3 + b.atmosphere.intensity)));
  if (b.rings) {
    const ring = new THREE.Mesh(new THREE.RingGeometry(b.rings.inner, b.rings.outer, 96),
      new THREE.MeshBasicMaterial({ map: texture("ring" + b.key, () => ringCanvas(b.rings.inner, b.rings.outer, b.key)),
        color: b.rings.color, transparent: true, opacity: 0.75, side: THREE.DoubleSide, depthWrite: false }));
    ring.rotation.x = -Math.PI / 2 + 0.45;
    holder.add(ring);
  }
  pivot.add(holder);
  world.group.add(pivot);
  world.label(b, b.orbit_map ? "body drill" : "body", holder);
  world.movers.push((days, t) => {
    const a = orbitAngle(b.orbit, days) * DEG;
    holder.position.set(Math.cos(a) * r, 0, -Math.sin(a) * r);
    mesh.rotation.y = t * (station ? 0.8 : 0.25);
  });
  if (ship.at === b.key) {
    const marker = shipMarker(world, ship, new THREE.Vector3(), size + 3);
    world.group.remove(marker);
    holder.add(marker);
  }
}

export function buildSystem(data, hooks, ship) {
  const world = new World(hooks);
  world.radius = 20;
  const star = data.system.star;
  const size = Math.max(1, Number(star.size) || 5);
  const core = new THREE.Mesh(new THREE.SphereGeometry(size, 40, 24), new THREE.MeshBasicMaterial({ color: star.color }));
  const corona = Number(star.corona_intensity) || 1;
  world.group.add(core, glowSprite(star.color, size * 7 * corona), glowSprite(star.color, size * 18 * corona, 0.35));
  world.group.add(new THREE.PointLight(star.light_color || star.color, 2.2, 0, 0), new THREE.AmbientLight(0x405060, 0.9));
  world.label({ key: "star", name: star.name }, "star", below(world.group, size * 1.15));
  for (const b of data.system.bodies) body(world, b, ship);
  return world;
}

// --- a planet and its moons --------------------------------------------------------------------

function spherePoint(lat, lon, radius) {
  return new THREE.Vector3().setFromSphericalCoords(radius, (90 - lat) * DEG, (lon + 180) * DEG);
}

export function buildOrbit(data, hooks, ship) {
  const world = new World(hooks);
  const planet = data.orbit.planet;
  const size = Math.max(1, Number(planet.size) || 5);
  world.radius = size * 2;
  const tilt = new THREE.Group();
  tilt.rotation.z = (Number(planet.axial_tilt) || 0) * DEG;
  const tex = planet.texture || {};
  const surface = texture("planet:" + data.key, () => planetCanvas(tex, planet.name));
  const globe = new THREE.Mesh(new THREE.SphereGeometry(size, 64, 40), new THREE.MeshLambertMaterial({ map: surface }));
  tilt.add(globe);
  if (tex.clouds) {
    const clouds = new THREE.Mesh(new THREE.SphereGeometry(size * 1.025, 64, 40), new THREE.MeshLambertMaterial({
      map: texture("clouds:" + data.key, () => cloudCanvas(tex, planet.name)), transparent: true, opacity: Number(tex.cloud_opacity) || 0.4, depthWrite: false,
    }));
    tilt.add(clouds);
    world.movers.push((days, t) => { clouds.rotation.y = t * (Number(planet.rotation_speed) || 0.002) * 75; });
  }
  tilt.add(glowSprite(tex.cloud_color || tex.primary || "#88aacc", size * 3.3, 0.35));
  world.group.add(tilt);
  const sun = new THREE.DirectionalLight(0xfff2dd, 2.4);
  sun.position.set(80, 30, 50);
  world.group.add(sun, new THREE.AmbientLight(0x507080, 0.7));
  world.label({ key: "planet", name: planet.name }, "planet", below(world.group, size * 1.12));
  world.movers.push((days, t) => { globe.rotation.y = t * (Number(planet.rotation_speed) || 0.002) * 60; });
  for (const site of data.orbit.sites) {
    const mark = glowSprite(SHIP, size * 0.22);
    mark.position.copy(spherePoint(Number(site.latitude) || 0, Number(site.longitude) || 0, size * 1.01));
    globe.add(mark);
    world.label(site, "site", mark, globe);
  }
  world.planet = { object: globe, radius: size };
  for (const moon of data.orbit.moons) satellite(world, moon, "moon", ship);
  for (const station of data.orbit.stations) satellite(world, station, "station", ship);
  if (ship.at === data.key) {
    const marker = shipMarker(world, ship, new THREE.Vector3(size * 1.4, 0, 0), size * 0.6);
    const lift = marker.position.y;
    world.movers.push((days, t) => { marker.position.set(Math.cos(t * 0.1) * size * 1.4, lift, -Math.sin(t * 0.1) * size * 1.4); });
  }
  return world;
}

function satellite(world, item, kind, ship) {
  const pivot = new THREE.Group();
  pivot.rotation.z = (Number(item.orbit.inclination) || 0) * DEG;
  const r = Number(item.orbit.radius) || 10;
  world.radius = Math.max(world.radius, r);
  pivot.add(circle(r, kind === "station" ? TEAL : "#8db3aa", kind === "station" ? 0.3 : 0.2));
  const size = Math.max(0.2, Number(item.size) || 0.5);
  let mesh;
  if (kind === "moon") {
    const material = item.texture
      ? new THREE.MeshLambertMaterial({ map: texture("moon:" + item.key, () => planetCanvas(item.texture, item.name)) })
      : new THREE.MeshLambertMaterial({ color: item.color });
    mesh = new THREE.Mesh(new THREE.SphereGeometry(size, 24, 16), material);
  } else {
    mesh = new THREE.Mesh(new THREE.OctahedronGeometry(size), new THREE.MeshBasicMaterial({ color: TEAL, wireframe: true }));
    const beacon = glowSprite(TEAL, size * 4, 0.8);
    mesh.add(beacon);
    world.movers.push(() => { beacon.material.opacity = 0.35 + 0.45 * (Math.sin(performance.now() / 300) > 0.6 ? 1 : 0); });
  }
  const holder = new THREE.Group();
  holder.add(mesh);
  pivot.add(holder);
  world.group.add(pivot);
  world.label(item, kind, holder, null, world.planet);
  world.movers.push((days, t) => {
    const a = orbitAngle(item.orbit, days) * DEG;
    holder.position.set(Math.cos(a) * r, 0, -Math.sin(a) * r);
    mesh.rotation.y = t * 0.5;
  });
  if (ship.at === item.key) {
    const marker = shipMarker(world, ship, new THREE.Vector3(), size + 1.5);
    world.group.remove(marker);
    holder.add(marker);
  }
}
