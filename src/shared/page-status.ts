// The page status the popup receives from a tab's content script, parsed like any other message.
import { NOTE_KINDS, type ArticleMeta, type NoteSummary } from '../model/note.ts';
import { isRecord } from './is-record.ts';
import { WITHHELD_REASONS, type PageState, type PageStatus, type WithheldNote } from './messages.ts';

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

export function parsePageStatus(message: unknown): PageStatus | undefined {
  if (!isRecord(message) || !PAGE_STATES.includes(String(message.state)) || typeof message.host !== 'string') return undefined;
  const notes = Array.isArray(message.notes) ? message.notes.filter(isNoteSummary) : [];
  const article = articleOf(message.article);
  const withheld = Array.isArray(message.withheld) ? message.withheld.filter(isWithheldNote).slice(0, MAX_WITHHELD).map(({ id, title, reason }) => ({ id, title, reason })) : [];
  return {
    state: message.state as PageState,
    host: message.host,
    notes,
    interfered: message.interfered === true,
    ...(withheld.length > 0 ? { withheld } : {}),
    ...(article ? { article } : {}),
  };
}
