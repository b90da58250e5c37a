// Messages between the popup, the background and the content script. Every receiver parses what it
// gets; anything that is not one of these shapes is ignored.
import { NOTE_KINDS, type ArticleMeta, type Note, type NoteSummary } from '../model/note.ts';
import { REQUEST_MOST, type AnchorRequest } from '../core/anchor-request.ts';
import type { TextPlace } from '../core/anchor-text.ts';
import type { MatchHow } from '../core/match.ts';
import { isRecord } from '../core/is-record.ts';

/** What the content script knows: whether the article's notes are shown. The popup adds "off". */
export type PageState = 'found' | 'not-found' | 'off' | 'site-off';

/** Why a note was not painted: the reader does not see its words as the article wrote them (content/rendered-text.ts). */
export const WITHHELD_REASONS = ['hidden', 'generated-content', 'foreign-content', 'text-transform', 'zero-size', 'reordered'] as const;
export type WithheldReason = (typeof WITHHELD_REASONS)[number];

/** A note Backstory did not paint on this page, and why. */
export interface WithheldNote {
  id: string;
  title: string;
  reason: WithheldReason;
}

export interface PageStatus {
  state: PageState;
  host: string;
  notes: NoteSummary[];
  /** The page removed, replaced or changed Backstory's highlights (they were painted again). */
  interfered: boolean;
  /** The page kept Backstory from showing its highlights or a note, past every attempt: how. */
  blocked?: BlockedKind;
  /** Notes not painted because the page shows different (or no) words where they belong. */
  withheld?: WithheldNote[];
  /** The article found on the page: which pack's, and where it was first published. */
  article?: ArticleMeta;
  /** The found pack's slug, and every note's edition, withdrawn ones too: the popup lists what changed. */
  pack?: string;
  editions?: Edition[];
}

/** A note's edition as the popup needs it to say what changed since the reader's last visit. */
export type Edition = Pick<Note, 'id' | 'kind' | 'title' | 'version' | 'updated' | 'changeNote' | 'withdrawn'>;

export type ToContent =
  | { type: 'get-status' }
  | { type: 'show-note'; id: string }
  | { type: 'step-note'; direction: 1 | -1 };

/** How a page kept Backstory from the reader (see popover.ts and highlight-guard.ts). */
export const BLOCKED_KINDS = ['removed', 'covered', 'inert', 'too-small', 'rewritten', 'highlights'] as const;
export type BlockedKind = (typeof BLOCKED_KINDS)[number];

export type ToBackground =
  | { type: 'note-count'; count: number }
  /** The page is keeping the notes from the reader: mark the toolbar badge. */
  | { type: 'blocked' }
  /**
   * The gate found a pack's markers: does the text around them, with what the page showed of the
   * article before (`found`), carry the article? Answered with a DetectAnswer; where it does,
   * Backstory is on there and the gate has no overlay yet (`overlay`), the overlay is injected
   * before the answer.
   */
  | { type: 'detect'; slug: string; texts: string[]; found: number[]; overlay: boolean }
  /**
   * The overlay read the page's text: where are the pack's notes in it? Answered with an
   * AnchorAnswer. The matching runs in the background, off the page's main thread.
   */
  | ({ type: 'anchor'; slug: string } & AnchorRequest)
  /** The gate found a pack's article: inject the overlay and that pack's notes. */
  | { type: 'load-overlay'; slug: string }
  /** The overlay anchored notes on the page: insert the highlight styles (not before: see background.ts). */
  | { type: 'load-styles' }
  /** A source link in a note was clicked: open it (https only) in a new tab. */
  | { type: 'open-source'; url: string };

/** The background's judgement of a `detect`: every sampled shingle of the article found so far, and whether the page carries it. */
export interface DetectAnswer {
  found: number[];
  article: boolean;
}

/** The background's answer to an `anchor`: every note's places in the text, in reading order. */
export interface AnchorAnswer {
  places: TextPlace[];
}

/** The most places an `anchor` answer gives: more than any real copy of an article has (a page cannot make Backstory keep millions). */
export const MOST_PLACES = 2000;
/** The longest page text an `anchor` may stand for in stretches (2^30 characters: more than a browser's longest string). */
const MOST_ANCHOR_LENGTH = 1_073_741_824;
/** More stretches near markers than REQUEST_MOST characters can hold apart. */
const MOST_ANCHOR_STRETCHES = 100_000;

const isOffset = (value: unknown): value is number => Number.isInteger(value) && (value as number) >= 0;

/** The stretches of an `anchor` for a text of `length` characters: in order, apart, inside it. */
function isNear(near: unknown, length: number): near is Array<[number, string]> {
  if (!Array.isArray(near) || near.length > MOST_ANCHOR_STRETCHES) return false;
  let at = 0;
  let carried = 0;
  for (const stretch of near) {
    if (!Array.isArray(stretch) || stretch.length !== 2) return false;
    const [start, text] = stretch as unknown[];
    if (!isOffset(start) || start < at || typeof text !== 'string' || text.length === 0) return false;
    at = start + text.length;
    carried += text.length;
  }
  return at <= length && carried <= REQUEST_MOST;
}

function parseAnchor(slug: unknown, text: unknown, length: unknown, near: unknown): ToBackground | undefined {
  if (typeof slug !== 'string' || !SLUG.test(slug)) return undefined;
  if (typeof text === 'string') return text.length <= REQUEST_MOST ? { type: 'anchor', slug, text } : undefined;
  return isOffset(length) && length <= MOST_ANCHOR_LENGTH && isNear(near, length) ? { type: 'anchor', slug, length, near } : undefined;
}
const MATCH_HOWS: readonly string[] = ['alias', 'exact', 'edited'] satisfies MatchHow[];

const isPlace = (value: unknown, length: number): value is TextPlace => {
  if (!isRecord(value)) return false;
  const { noteId, kind, how, start, end } = value;
  if (typeof noteId !== 'string' || !(NOTE_KINDS as readonly unknown[]).includes(kind) || !MATCH_HOWS.includes(how as string)) return false;
  return isOffset(start) && isOffset(end) && start < end && end <= length;
};

/** The places of an AnchorAnswer for a text of `length` characters; undefined for anything else (no answer: the background was not reached). */
export function parseAnchorAnswer(raw: unknown, length: number): TextPlace[] | undefined {
  if (!isRecord(raw) || !Array.isArray(raw.places) || raw.places.length > MOST_PLACES) return undefined;
  return raw.places.every((place) => isPlace(place, length)) ? (raw.places as TextPlace[]) : undefined;
}

/** What a `detect` may carry: the text around markers of one piece of page text (page-text.ts's PIECE), cut in stretches. */
const MOST_DETECT_TEXTS = 1_000;
const MOST_DETECT_CHARS = 1_048_576;
/** More than any fingerprint's sampled shingles. */
const MOST_FOUND = 100_000;

const isHashes = (value: unknown, most: number): value is number[] =>
  Array.isArray(value) && value.length <= most && value.every((hash) => Number.isInteger(hash) && hash >= 0 && hash <= 0xffffffff);

/** A message for the imported packs' gate only (content/imported-gate.js); the bundled gate ignores it. */
export const IMPORTED_GATE_MESSAGE = 'to-imported-gate';

export const toImportedGate = (message: ToContent) => ({ type: IMPORTED_GATE_MESSAGE, message });

/** The message inside one addressed to the imported packs' gate; undefined for any other. */
export function fromImportedGateMessage(raw: unknown): unknown {
  return isRecord(raw) && raw.type === IMPORTED_GATE_MESSAGE ? raw.message : undefined;
}

export function parseToContent(message: unknown): ToContent | undefined {
  // Fields of anything else (a string, an array) are undefined; null and undefined have none.
  const { type, id, direction } = (message ?? {}) as Record<string, unknown>;
  if (type === 'get-status') return { type };
  if (type === 'show-note' && typeof id === 'string') return { type, id };
  if (type === 'step-note' && (direction === 1 || direction === -1)) return { type, direction };
  return undefined;
}

const SLUG = /^[a-z0-9][a-z0-9-]*$/;

export function isHttpsUrl(url: string): boolean {
  try {
    return new URL(url).protocol === 'https:';
  } catch {
    return false;
  }
}

export function parseToBackground(message: unknown): ToBackground | undefined {
  if (!isRecord(message)) return undefined;
  switch (message.type) {
    case 'note-count': {
      const { count } = message;
      return typeof count === 'number' && Number.isInteger(count) && count >= 0 ? { type: 'note-count', count } : undefined;
    }
    case 'anchor':
      return parseAnchor(message.slug, message.text, message.length, message.near);
    case 'load-overlay':
      return typeof message.slug === 'string' && SLUG.test(message.slug) ? { type: message.type, slug: message.slug } : undefined;
    case 'detect': {
      const { slug, texts, found, overlay } = message;
      const isTexts = Array.isArray(texts) && texts.length <= MOST_DETECT_TEXTS && texts.every((text) => typeof text === 'string');
      if (typeof slug !== 'string' || !SLUG.test(slug) || !isTexts || !isHashes(found, MOST_FOUND) || typeof overlay !== 'boolean') return undefined;
      return texts.reduce((sum: number, text: string) => sum + text.length, 0) <= MOST_DETECT_CHARS ? { type: 'detect', slug, texts, found, overlay } : undefined;
    }
    case 'open-source':
      return typeof message.url === 'string' && isHttpsUrl(message.url) ? { type: 'open-source', url: message.url } : undefined;
    case 'blocked':
    case 'load-styles':
      return { type: message.type };
    default:
      return undefined;
  }
}
