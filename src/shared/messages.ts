// Messages between the popup, the background and the content script. Every receiver parses what it
// gets; anything that is not one of these shapes is ignored.
import type { NoteSummary } from '../model/note.ts';

export type PageState = 'found' | 'not-found' | 'off' | 'site-off';

export interface PageStatus {
  state: PageState;
  host: string;
  notes: NoteSummary[];
}

export type ToContent =
  | { type: 'get-status' }
  | { type: 'show-note'; id: string }
  | { type: 'step-note'; direction: 1 | -1 };

export type ToBackground = { type: 'note-count'; count: number };

function isRecord(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null;
}

export function parseToContent(message: unknown): ToContent | undefined {
  if (!isRecord(message)) return undefined;
  switch (message.type) {
    case 'get-status':
      return { type: 'get-status' };
    case 'show-note':
      return typeof message.id === 'string' ? { type: 'show-note', id: message.id } : undefined;
    case 'step-note':
      return message.direction === 1 || message.direction === -1
        ? { type: 'step-note', direction: message.direction }
        : undefined;
    default:
      return undefined;
  }
}

export function parseToBackground(message: unknown): ToBackground | undefined {
  if (!isRecord(message) || message.type !== 'note-count') return undefined;
  const { count } = message;
  return typeof count === 'number' && Number.isInteger(count) && count >= 0 ? { type: 'note-count', count } : undefined;
}
