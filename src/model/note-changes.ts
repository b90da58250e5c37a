// What changed in a pack's notes since the reader last saw them. Pure: the caller keeps what the
// reader has seen (note id → version seen) and renders the result ("Updated 2026-12-07: …" on the
// card, the list of changes in the popup). See docs/packs.md, "Versions, corrections, withdrawals".
import type { Note } from './note.ts';

/** The versions a reader has seen, by note id. */
export type SeenVersions = Readonly<Record<string, number>>;

export type ChangeKind = 'new' | 'updated' | 'withdrawn';

export interface NoteChange {
  kind: ChangeKind;
  id: string;
  title: string;
  version: number;
  /** `updated` of the note, or `withdrawn.on` for a withdrawn one. */
  date: string;
  /** The note's changeNote (updated), or the reason it was withdrawn. */
  what?: string;
  /** The version the reader saw last; absent for a note they never saw. */
  seenVersion?: number;
}

type Edition = Pick<Note, 'id' | 'title' | 'version' | 'updated' | 'changeNote' | 'withdrawn'>;

/** Whether a note is withdrawn: listed with its reason, never highlighted. */
export const isWithdrawn = (note: Pick<Note, 'withdrawn'>): boolean => note.withdrawn !== undefined;

/** The notes to highlight on the page: all but the withdrawn ones. */
export function highlightable<T extends Pick<Note, 'withdrawn'>>(notes: readonly T[]): T[] {
  return notes.filter((note) => !isWithdrawn(note));
}

/**
 * The notes that are new, updated or withdrawn since the reader last saw them, in the notes' order:
 * - **withdrawn**: the reader saw an earlier version of it, and it is withdrawn now (withdrawing a
 *   note raises its version, so a reader who has seen the withdrawal is not told again; a note
 *   withdrawn before the reader ever saw it is not news to them, and is left out);
 * - **new**: the reader never saw it (not in `seen`);
 * - **updated**: the reader saw an older version than the current one.
 * A note seen at its current version, or at a later one (a pack rolled back), is not listed.
 * With an empty `seen` (a first visit) every note that is not withdrawn is new; callers that do not
 * want to flag a whole pack as new on a first visit can record the versions first.
 */
export function changesSince(notes: readonly Edition[], seen: SeenVersions): NoteChange[] {
  const changes: NoteChange[] = [];
  for (const note of notes) {
    const seenVersion = Object.hasOwn(seen, note.id) ? seen[note.id] : undefined;
    const base = { id: note.id, title: note.title, version: note.version };
    if (note.withdrawn) {
      if (seenVersion !== undefined && seenVersion < note.version) changes.push({ ...base, kind: 'withdrawn', date: note.withdrawn.on, what: note.withdrawn.reason, seenVersion });
    } else if (seenVersion === undefined) {
      changes.push({ ...base, kind: 'new', date: note.updated });
    } else if (seenVersion < note.version) {
      const change: NoteChange = { ...base, kind: 'updated', date: note.updated, seenVersion };
      if (note.changeNote !== undefined) change.what = note.changeNote;
      changes.push(change);
    }
  }
  return changes;
}

/** What to store after the reader has seen the notes: each note's current version. */
export function seenNow(notes: readonly Pick<Note, 'id' | 'version'>[], before: SeenVersions = {}): Record<string, number> {
  const seen: Record<string, number> = { ...before };
  for (const note of notes) seen[note.id] = Math.max(note.version, seen[note.id] ?? 0);
  return seen;
}
