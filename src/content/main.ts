// The content script every http(s) page loads: the gate. It reads the page text once, looks for the
// article's fingerprint, and stops there, having written nothing, unless the article is present.
// Only then does it load the overlay.
import fingerprintData, { names } from 'virtual:backstory-fingerprint';
import type { NoteSummary } from '../model/note.ts';
import { carriesArticle, collectMatches, decodeFingerprint, textNearNames } from '../core/fingerprint.ts';
import { parseToContent, type PageState, type PageStatus, type ToContent } from '../shared/messages.ts';
import { DEFAULT_SETTINGS, displayOf, isActiveOn, parseSettings, SETTINGS_KEY, type Settings } from '../shared/settings.ts';
import { extensionApi } from './extension-api.ts';
import type { Overlay } from './overlay.ts';
import { scanDocument } from './page-text.ts';
import { watchAddedText } from './text-watch.ts';

const LOG_PREFIX = '[Backstory]';
const fingerprint = decodeFingerprint(fingerprintData);
const found = new Set<number>();
const host = location.hostname;

let settings: Settings = DEFAULT_SETTINGS;
let session: { controller: AbortController; overlay?: Overlay; notes: NoteSummary[] } | undefined;
let stopWatching: (() => void) | undefined;

let errorReported = false;

/** Logs the first failure once, with a clear prefix; the page itself never sees it as uncaught. */
function reportError(error: unknown): void {
  if (errorReported) return;
  errorReported = true;
  console.error(LOG_PREFIX, 'stopped after an error:', error);
}

/** For text added after load: every paragraph of the article names one of its people. */
function articleIsHere(addedText: string): boolean {
  for (const part of textNearNames(addedText, names)) collectMatches(part, fingerprint, found);
  return carriesArticle(found, fingerprint);
}

function reportCount(count: number): void {
  extensionApi.runtime.sendMessage({ type: 'note-count', count }).catch(() => undefined);
}

function endSession(): void {
  session?.controller.abort();
  if (session) reportCount(0);
  session = undefined;
}

function startSession(): void {
  stopWatching?.();
  stopWatching = undefined;
  const controller = new AbortController();
  const current: NonNullable<typeof session> = { controller, notes: [] };
  session = current;
  import('./overlay.ts')
    .then(({ startOverlay }) => {
      if (controller.signal.aborted) return;
      current.overlay = startOverlay(controller.signal, {
        onNotes(notes) {
          current.notes = notes;
          reportCount(notes.length);
        },
        onGone() {
          endSession();
          found.clear();
          watch();
        },
        onError(error) {
          reportError(error);
          endSession();
        },
      }, displayOf(settings));
    })
    .catch((error: unknown) => {
      reportError(error);
      endSession();
    });
}

function watch(): void {
  stopWatching ??= watchAddedText((text) => {
    if (!session && articleIsHere(text)) startSession();
  });
}

/** Bumped by every apply(), so a slow scan of a huge page never acts on outdated settings. */
let generation = 0;

async function apply(): Promise<void> {
  const current = ++generation;
  if (!isActiveOn(settings, host)) {
    endSession();
    stopWatching?.();
    stopWatching = undefined;
    return;
  }
  if (session) {
    session.overlay?.configure(displayOf(settings));
    return;
  }
  const here = await scanDocument(fingerprint, names, found);
  if (current !== generation || session) return;
  if (here) startSession();
  else watch();
}

function pageState(): PageState {
  if (!settings.enabled) return 'off';
  if (!isActiveOn(settings, host)) return 'site-off';
  return session && session.notes.length > 0 ? 'found' : 'not-found';
}

function answer(message: ToContent): PageStatus | boolean {
  switch (message.type) {
    case 'get-status':
      return { state: pageState(), host, notes: session?.notes ?? [] };
    case 'show-note':
      return session?.overlay?.show(message.id) ?? false;
    case 'step-note':
      session?.overlay?.step(message.direction);
      return true;
  }
}

async function init(): Promise<void> {
  const onMessage = (raw: unknown, _sender: unknown, sendResponse: (response: unknown) => void): void => {
    const message = parseToContent(raw);
    if (!message) return;
    try {
      sendResponse(answer(message));
    } catch (error) {
      reportError(error);
      endSession();
    }
  };
  // A synchronous sendResponse works alike in Chrome and Firefox; the polyfill's types insist on
  // `return true`, which would hold the channel open for messages this script ignores.
  extensionApi.runtime.onMessage.addListener(onMessage as unknown as Parameters<typeof extensionApi.runtime.onMessage.addListener>[0]);
  extensionApi.storage.onChanged.addListener((changes, area) => {
    if (area !== 'local' || !(SETTINGS_KEY in changes)) return;
    settings = parseSettings(changes[SETTINGS_KEY].newValue);
    apply().catch(reportError);
  });
  const stored = await extensionApi.storage.local.get(SETTINGS_KEY);
  settings = parseSettings(stored[SETTINGS_KEY]);
  await apply();
}

init().catch(reportError);
