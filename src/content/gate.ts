// The content script every http(s) page loads: the gate. One classic script. It reads the page's
// text once, looks for the packs' markers, and stops there, having written nothing, added nothing
// and read no settings, unless a pack's markers are present. Then it reads the settings while the
// background judges the text around the markers against the article's fingerprint, and where the
// article is, starts the overlay that the background injected with its answer. Built twice
// (build/content-scripts.ts): with the bundled packs' markers compiled in (content/gate.js, in the
// manifest), and as the imported packs' gate (__IMPORTED_GATE__, content/imported-gate.js), which
// the background registers only while a reader has imported a pack.
import { search, searchReady } from 'virtual:backstory-gate';
import type { Candidate, GatePack } from '../core/detect.ts';
import { fromImportedGateMessage, parseToContent, type DetectAnswer, type PageStatus, type ToBackground, type ToContent } from '../shared/messages.ts';
import { OVERLAY_GLOBAL, ownGlobal } from '../shared/injected-files.ts';
import { SETTINGS_KEY, storedIsActiveOn } from '../shared/stored-settings.ts';
import { extensionApi } from './extension-api.ts';
import { InputRelay } from './input-relay.ts';
import type { Overlay, OverlayEvents, OverlayModule } from './overlay-api.ts';
import { lookInSlices } from './page-scan.ts';
import { pageTexts, Shadows } from './page-text.ts';
import { watchAddedText } from './text-watch.ts';
import { after } from './timers.ts';

/** After a failure the overlay is started again after 1 s, 2 s, 4 s…, at most this many times. */
const MAX_FAILURES = 5;

/** Created first, at document_start, before any page script: see input-relay.ts. */
const relay = new InputRelay(window);
const host = location.hostname;

/** The gate's states; `state` changes only through `enter`. */
type State =
  | { name: 'scanning'; controller: AbortController }
  | { name: 'watching'; controller: AbortController }
  | { name: 'off'; pack: GatePack }
  | { name: 'loading'; pack: GatePack; controller: AbortController }
  | { name: 'live'; pack: GatePack; controller: AbortController; overlay: Overlay }
  | { name: 'failed'; controller: AbortController };

let state: State = { name: 'scanning', controller: new AbortController() };
/** The stored settings, read only once a pack's markers are found: elsewhere they cannot change anything. */
let settings: { stored: unknown } | undefined;
let failures = 0;
/** The page's shadow roots read so far: a new scan starts afresh, the watcher reads only new ones. */
let shadows: Shadows;

function enter(next: State): void {
  const controllerOf = (of: State): AbortController | undefined => (of as { controller?: AbortController }).controller;
  if (controllerOf(state) !== controllerOf(next)) controllerOf(state)?.abort();
  state = next;
}

function send(message: ToBackground): Promise<unknown> {
  return extensionApi.runtime.sendMessage(message).catch(() => undefined);
}

/**
 * Looks at text added to the page, one batch at a time, each in slices (the page never sees a long
 * task of Backstory's), the first after `before`; from the first look on (`scanning`), or from now.
 */
function watch(scanning?: AbortController, before: Promise<unknown> = Promise.resolve()): void {
  const controller = scanning ?? new AbortController();
  if (!scanning) enter({ name: 'watching', controller });
  let looking = before;
  watchAddedText(document, shadows, (texts) => {
    looking = looking
      .then(() => (state.name === 'watching' ? lookInSlices(search, texts, controller.signal, checkInBackground) : undefined))
      .then((found) => {
        if (found && !controller.signal.aborted) return articleFound(found);
      })
      .catch(fail);
  }, controller.signal);
}

function start(): void {
  const controller = new AbortController();
  enter({ name: 'scanning', controller });
  shadows = new Shadows();
  const scan = lookInSlices(search, pageTexts(document, shadows), controller.signal, checkInBackground)
    .then((found) => {
      if (controller.signal.aborted) return;
      if (found) articleFound(found).catch(fail);
      else enter({ name: 'watching', controller });
    })
    .catch(fail);
  // Watched from the first look on: what the page adds while it is read is looked at after it.
  watch(controller, scan);
}

let settingsRead: Promise<unknown> | undefined;

/** The stored settings, read once (however many callers wait) and followed from then on. */
async function readSettings(): Promise<{ stored: unknown }> {
  settingsRead ??= extensionApi.storage.local.get(SETTINGS_KEY).then((stored) => {
    settings ??= { stored: stored[SETTINGS_KEY] };
    extensionApi.storage.onChanged.addListener((changes, area) => {
      if (area !== 'local' || !(SETTINGS_KEY in changes)) return;
      settings = { stored: changes[SETTINGS_KEY].newValue };
      settingsChanged();
    });
  });
  await settingsRead;
  return settings as { stored: unknown };
}

async function articleFound(pack: GatePack): Promise<void> {
  const current = await readSettings();
  if (!storedIsActiveOn(current.stored, host, pack.slug)) return enter({ name: 'off', pack });
  const controller = new AbortController();
  enter({ name: 'loading', pack, controller });
  const overlay = await loadOverlay(pack.slug);
  if (controller.signal.aborted) return;
  if (!overlay) throw new Error('no overlay');
  enter({ name: 'live', pack, controller, overlay: overlay.startOverlay(relay, controller.signal, overlayEvents(controller.signal), current.stored) });
}

function overlayEvents(signal: AbortSignal): OverlayEvents {
  return {
    onGone() {
      if (signal.aborted) return;
      search.forget();
      watch();
    },
    onError(error) {
      if (!signal.aborted) fail(error);
    },
  };
}

/**
 * The pack among those whose markers `candidates` were cut around whose article the page now
 * carries, if any. The text is judged in the background, which holds the fingerprints (the gate's
 * size would grow with every pack) and, when the article is there and Backstory is on for it,
 * injects the overlay before it answers: one round trip, and no hashing on the page. The text
 * around the markers goes first; the rest of a stretch only for a pack of which something was found.
 */
async function checkInBackground(candidates: readonly Candidate[]): Promise<GatePack | undefined> {
  // Markers make the article likely: the settings it will need are read meanwhile.
  const reading = readSettings();
  let carried: GatePack | undefined;
  for (const pack of new Set(candidates.flatMap((candidate) => candidate.packs))) {
    const found = search.foundOf(pack);
    for (const rest of [false, true]) {
      if (carried || (rest && found.size === 0)) continue;
      const texts = search.unjudged(pack, candidates.filter((candidate) => !!candidate.rest === rest && candidate.packs.includes(pack)).map(({ text }) => text));
      if (texts.length === 0) continue;
      // From the background, no other: not checked as a message from a page's world would be. No
      // answer is a failure (fail() starts again), never "not the article".
      const answer = (await send({ type: 'detect', slug: pack.slug, texts, found: [...found], overlay: !!injected(pack.slug) })) as DetectAnswer | undefined;
      if (!answer) throw new Error('no answer to detect');
      answer.found.forEach((hash) => found.add(hash));
      if (answer.article) carried = pack;
    }
  }
  await reading;
  return carried;
}

/**
 * The overlay module for pack `slug`, injected by the background into this isolated world once per
 * page and pack (the imported packs' gate shares the world and the module's global).
 */
async function loadOverlay(slug: string): Promise<OverlayModule | undefined> {
  if (!injected(slug)) await send({ type: 'load-overlay', slug });
  return injected(slug);
}

function injected(slug: string): OverlayModule | undefined {
  const value = ownGlobal(OVERLAY_GLOBAL);
  return typeof value?.startOverlay === 'function' && value.slug === slug ? (value as unknown as OverlayModule) : undefined;
}

/** Any failure ends the session; the gate starts again from a fresh scan, backing off, a few times. */
function fail(error: unknown): void {
  failures++;
  // "[Backstory] 3/5 …": the third failure on this page; after the fifth Backstory stays off here.
  console.error(`[Backstory] ${failures}/${MAX_FAILURES}`, error);
  const controller = new AbortController();
  enter({ name: 'failed', controller });
  if (failures > MAX_FAILURES) return;
  const cancel = after(500 * 2 ** failures, () => {
    search.forget();
    start();
  });
  controller.signal.addEventListener('abort', cancel, { once: true });
}

function settingsChanged(): void {
  if (!settings || !('pack' in state)) return;
  const active = storedIsActiveOn(settings.stored, host, state.pack.slug);
  if (state.name === 'live' && active) return state.overlay.configure(settings.stored);
  if ((state.name === 'live' || state.name === 'loading') && !active) return enter({ name: 'off', pack: state.pack });
  if (state.name === 'off' && active) articleFound(state.pack).catch(fail);
}

function answer(message: ToContent): PageStatus | boolean {
  if (state.name === 'live') return state.overlay.answer(message);
  return message.type === 'get-status' ? { state: 'not-found', host, notes: [], interfered: false } : message.type === 'step-note';
}

/**
 * The script runs at document_start, for the relay; the page is read when Chrome's document_idle
 * would have run it: at `load`, or 200 ms after the page is parsed if that comes first. Earlier, the
 * watcher would pay for every change a page makes while it loads.
 */
function whenIdle(then: () => void): void {
  let started = false;
  const go = () => {
    if (started) return;
    started = true;
    then();
  };
  // Firefox also injects into pages already open when the extension is installed.
  if (document.readyState === 'complete') return go();
  // In a task of its own, never inside the page's load event, where its time would show.
  addEventListener('load', () => after(0, go), { once: true });
  addEventListener('DOMContentLoaded', () => after(200, go), { once: true });
}

extensionApi.runtime.onMessage.addListener((raw, _sender, sendResponse) => {
  // The imported packs' gate shares this isolated world and its messages: it answers only those
  // addressed to it, so that the bundled gate's answer and its own never race (popup.ts asks both).
  const message = parseToContent(__IMPORTED_GATE__ ? fromImportedGateMessage(raw) : raw);
  if (!message) return;
  try {
    sendResponse(answer(message));
  } catch (error) {
    fail(error);
  }
});

// The imported packs' gate reads its search data from storage first (content/imported-search.ts).
if (__IMPORTED_GATE__) void searchReady.then(() => whenIdle(start), fail);
else whenIdle(start);
