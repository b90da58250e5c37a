// The page status the popup receives from a tab's content script, parsed like any other message.
import { NOTE_KINDS, type ArticleMeta, type NoteSummary } from '../model/note.ts';
import { isRecord } from '../core/is-record.ts';
import { BLOCKED_KINDS, WITHHELD_REASONS, type BlockedKind, type Edition, type PageState, type PageStatus, type WithheldNote } from './messages.ts';

const PAGE_STATES: readonly string[] = ['found', 'not-found', 'off', 'site-off'];
const KINDS: readonly string[] = NOTE_KINDS;

function isNoteSummary(value: unknown): value is NoteSummary {
  return isRecord(value) && typeof value.id === 'string' && typeof value.title === 'string' && KINDS.includes(String(value.kind));
}

const REASONS: readonly string[] = WITHHELD_REASONS;
/** More than a pack has notes: a page cannot make the popup list thousands. */
const MAX_WITHHELD = 200;

function isWithheldNote(value: unknown): value is WithheldNote {
  return isRecord(value) && typeof value.id === 'string' && typeof value.title === 'string' && REASONS.includes(String(value.reason));
}

/** The article's metadata, with the fields the popup shows; anything else is dropped. */
function articleOf(value: unknown): ArticleMeta | undefined {
  if (!isRecord(value)) return undefined;
  const { title, publisher, published, url, about, provenanceNote } = value;
  if (![title, publisher, published, url, about].every((field) => typeof field === 'string')) return undefined;
  return {
    title: title as string,
    publisher: publisher as string,
    published: published as string,
    url: url as string,
    about: about as string,
    ...(typeof provenanceNote === 'string' ? { provenanceNote } : {}),
    sources: [],
  };
}

const isDate = (value: unknown): value is string => typeof value === 'string' && /^\d{4}-\d{2}-\d{2}$/.test(value);

/** One note's edition; anything malformed is dropped, never shown. */
function editionOf(value: unknown): Edition | undefined {
  if (!isRecord(value)) return undefined;
  const { id, kind, title, version, updated, changeNote, withdrawn } = value;
  if (typeof id !== 'string' || !KINDS.includes(String(kind)) || typeof title !== 'string' || !Number.isInteger(version) || (version as number) < 1 || !isDate(updated)) return undefined;
  const edition: Edition = { id, kind: kind as Edition['kind'], title, version: version as number, updated };
  if (typeof changeNote === 'string') edition.changeNote = changeNote;
  if (isRecord(withdrawn) && isDate(withdrawn.on) && typeof withdrawn.reason === 'string') edition.withdrawn = { on: withdrawn.on, reason: withdrawn.reason };
  return edition;
}

export function parsePageStatus(message: unknown): PageStatus | undefined {
  if (!isRecord(message) || !PAGE_STATES.includes(String(message.state)) || typeof message.host !== 'string') return undefined;
  const notes = Array.isArray(message.notes) ? message.notes.filter(isNoteSummary) : [];
  const article = articleOf(message.article);
  const blocked = (BLOCKED_KINDS as readonly unknown[]).includes(message.blocked) ? (message.blocked as BlockedKind) : undefined;
  const pack = typeof message.pack === 'string' ? message.pack : undefined;
  const editions = Array.isArray(message.editions) ? message.editions.map(editionOf).filter((edition): edition is Edition => edition !== undefined) : undefined;
  const withheld = Array.isArray(message.withheld) ? message.withheld.filter(isWithheldNote).slice(0, MAX_WITHHELD).map(({ id, title, reason }) => ({ id, title, reason })) : [];
  return {
    state: message.state as PageState,
    host: message.host,
    notes,
    interfered: message.interfered === true,
    ...(blocked ? { blocked } : {}),
    ...(withheld.length > 0 ? { withheld } : {}),
    ...(article ? { article } : {}),
    ...(pack && editions ? { pack, editions } : {}),
  };
}
