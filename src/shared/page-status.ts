// The page status the popup receives from a tab's content script, parsed like any other message.
import { NOTE_KINDS, type NoteSummary } from '../model/note.ts';
import { isRecord } from './is-record.ts';
import type { PageState, PageStatus } from './messages.ts';


const PAGE_STATES: readonly string[] = ['found', 'not-found', 'off', 'site-off'];
const KINDS: readonly string[] = NOTE_KINDS;

function isNoteSummary(value: unknown): value is NoteSummary {
  return isRecord(value) && typeof value.id === 'string' && typeof value.title === 'string' && KINDS.includes(String(value.kind));
}

export function parsePageStatus(message: unknown): PageStatus | undefined {
  if (!isRecord(message) || !PAGE_STATES.includes(String(message.state)) || typeof message.host !== 'string') return undefined;
  const notes = Array.isArray(message.notes) ? message.notes.filter(isNoteSummary) : [];
  return { state: message.state as PageState, host: message.host, notes, interfered: message.interfered === true };
}
