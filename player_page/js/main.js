// The player display: one snapshot stream in, the matching view out. The page renders exactly
// the player snapshot; what it may send back is limited to the few player writes of api.js.
import { setText } from "./dom.js";
import { SnapshotStream } from "./stream.js";
import { syncClock } from "./clock.js";
import { readOptions, setupChrome, makeToast, setBanner } from "./chrome.js";
import { StandbyView } from "./standby.js";
import { BridgeView } from "./bridge.js";
import { EncounterView } from "./encounter.js";
import { PortraitsOverlay } from "./portraits.js";
import { TerminalOverlay } from "./terminal.js";
import { CharonPanel } from "./charon.js";
import { Broadcasts } from "./broadcasts.js";
import { withDisplay, guessedKind } from "./identity.js";
import { Handouts } from "./handouts.js";
import { Stage } from "./stage.js";
import { KeepAwake } from "./keepawake.js";
import { Sound } from "./sound.js";
import { Countdowns, Alerts, RollReveal } from "./warden.js";

const VIEWS = new Set(["STANDBY", "BRIDGE", "ENCOUNTER", "CHARON_TERMINAL"]);
const $ = (id) => document.getElementById(id);

const options = readOptions(location.search);
setupChrome(options);
const toast = makeToast($("toast"));
const views = {
  STANDBY: new StandbyView($("view-standby")),
  BRIDGE: new BridgeView($("view-bridge")),
  ENCOUNTER: new EncounterView($("view-encounter"), toast),
};
const sound = new Sound($("sound-prompt"), $("volume-btn"));
const overlays = [
  sound,
  new Countdowns($("countdowns"), sound),
  new Alerts($("alert-banner"), sound),
  new RollReveal($("roll-reveal"), sound),
  new PortraitsOverlay($("portraits")),
  new TerminalOverlay($("terminal-overlay")),
  new CharonPanel($("charon"), toast),
  new Broadcasts($("broadcast-log"), $("transmission")),
  new Handouts($("handout"), $("handouts-btn"), $("handout-list")),
];
const stage = new Stage($("sheet"), $("sheet-btn")); // rotation and a bound tablet's sheet

let current = null;

/** Apply one snapshot. `fresh`: the first of a (re)connection, which replaces everything. */
function render(snap, fresh) {
  if (!snap || typeof snap !== "object") return;
  if (!fresh && current && Number(snap.revision) < Number(current.revision)) return;
  current = snap;
  if (fresh) syncClock(); // the app's clock, for countdowns and the age of messages
  let view = VIEWS.has(snap.view_type) ? snap.view_type : "STANDBY";
  if (options.mapOnly && view !== "ENCOUNTER") view = "STANDBY";
  document.body.dataset.view = view;
  document.body.dataset.revision = String(snap.revision);
  renderTopbar(snap, view);
  stage.render(snap);
  const active = views[view];
  if (active) active.render(snap, fresh);
  if (!options.mapOnly) for (const overlay of overlays) overlay.render(snap, fresh);
}

function renderTopbar(snap, view) {
  const ship = (snap.ship && snap.ship.name) || snap.ship_name || "";
  if (view === "ENCOUNTER") {
    setText($("topbar-title"), snap.location_name || "");
    setText($("topbar-sub"), String(snap.location_type || "").replace(/[_-]+/g, " ")); // a kind, never a key
  } else {
    setText($("topbar-title"), ship ? ship + " \u00b7 Bridge" : "Bridge");
    setText($("topbar-sub"), "");
  }
}

// For benchmarks and tests: feed a snapshot exactly as the stream would.
window.__gmRender = (snap) => render(snap, false);

new KeepAwake($("awake-hint")).start();

const streamUrl = withDisplay(`/api/active-view/stream/?kind=${guessedKind}`);
new SnapshotStream(streamUrl, render, setBanner).start();
