// The hand-edited copies of the article in tests/fixtures/edited/ and their hand-written ground
// truth. A copy is the edited text with each note placement marked [[words|note#selector]] (note
// by the part of its id after "/", #n the 1-based selector, names without #; marks may nest), then
// a line "---" and lines "about: …" (the edit) and "orphan <note>[#n]: why" for each placement that
// must not anchor. The truth was written by reading the copy, never by running the matcher.
import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';

export const EDITED_DIR = join(process.cwd(), 'tests/fixtures/edited');

export interface Placement {
  noteId: string;
  /** 0-based selector index; undefined for a name. */
  selector?: number;
  start: number;
  end: number;
}

export interface Orphan {
  noteId: string;
  selector?: number;
  why: string;
}

export interface EditedCopy {
  name: string;
  about: string;
  text: string;
  placements: Placement[];
  orphans: Orphan[];
}

/** "upcoming-talks#1" → the note whose id ends in "/upcoming-talks", selector 0. */
function reference(ref: string, noteIds: readonly string[], where: string): { noteId: string; selector?: number } {
  const [slug, number] = ref.trim().split('#');
  const found = noteIds.filter((id) => id.slice(id.indexOf('/') + 1) === slug);
  if (found.length !== 1) throw new Error(`${where}: "${slug}" names ${found.length} notes`);
  return { noteId: found[0], selector: number === undefined ? undefined : Number(number) - 1 };
}

export function parseEditedCopy(name: string, source: string, noteIds: readonly string[]): EditedCopy {
  const cut = source.indexOf('\n---\n');
  const body = cut < 0 ? source : source.slice(0, cut + 1);
  const trailer = cut < 0 ? '' : source.slice(cut + 5);
  let text = '';
  const open: number[] = [];
  const placements: Placement[] = [];
  for (let i = 0; i < body.length; ) {
    if (body.startsWith('[[', i)) {
      open.push(text.length);
      i += 2;
    } else if (body[i] === '|' && open.length > 0) {
      const close = body.indexOf(']]', i);
      const start = open.pop() ?? 0;
      placements.push({ ...reference(body.slice(i + 1, close), noteIds, `${name} at "${text.slice(start, start + 30)}"`), start, end: text.length });
      i = close + 2;
    } else text += body[i++];
  }
  if (open.length > 0) throw new Error(`${name}: a [[ is never closed`);
  let about = '';
  const orphans: Orphan[] = [];
  for (const line of trailer.split('\n')) {
    const orphan = /^orphan ([^:]+): (.+)$/.exec(line);
    if (orphan) orphans.push({ ...reference(orphan[1], noteIds, name), why: orphan[2] });
    else if (line.startsWith('about: ')) about = line.slice(7);
    else if (line.trim()) throw new Error(`${name}: cannot read "${line}"`);
  }
  return { name, about, text, placements, orphans };
}

export function editedCopies(noteIds: readonly string[]): EditedCopy[] {
  return readdirSync(EDITED_DIR)
    .filter((file) => file.endsWith('.txt'))
    .sort()
    .map((file) => parseEditedCopy(file.replace(/\.txt$/, ''), readFileSync(join(EDITED_DIR, file), 'utf8'), noteIds));
}

export interface Anchor {
  noteId: string;
  selector?: number;
  start: number;
  end: number;
}

const wordCount = (text: string): number => text.match(/[\p{L}\p{N}]+/gu)?.length ?? 0;

export interface Score {
  should: number;
  anchored: number;
  /** Anchors on words the truth does not give that note (or selector). */
  wrong: string[];
  mustOrphan: number;
  /** Notes (or selectors) the truth says nothing about. */
  missing: string[];
}

/**
 * An anchor is right when it lies inside a placement of the same note and selector; the placement
 * counts as anchored when a right anchor covers at least half its words. Any other anchor is wrong.
 */
export function score(copy: EditedCopy, anchors: readonly Anchor[], notes: ReadonlyArray<{ id: string; selectors?: readonly unknown[] }>): Score {
  const found = new Set<Placement>();
  const wrong: string[] = [];
  for (const anchor of anchors) {
    const home = copy.placements.find(
      (placement) => placement.noteId === anchor.noteId && placement.selector === anchor.selector && anchor.start >= placement.start && anchor.end <= placement.end,
    );
    if (!home) {
      wrong.push(`${anchor.noteId}${anchor.selector === undefined ? '' : `#${anchor.selector + 1}`} on "${copy.text.slice(anchor.start, anchor.end)}"`);
      continue;
    }
    if (wordCount(copy.text.slice(anchor.start, anchor.end)) * 2 >= wordCount(copy.text.slice(home.start, home.end))) found.add(home);
  }
  const named = new Set([...copy.placements, ...copy.orphans].map((entry) => `${entry.noteId}#${entry.selector ?? ''}`));
  const missing: string[] = [];
  for (const note of notes) {
    const keys = note.selectors?.length ? note.selectors.map((_, i) => `${note.id}#${i}`) : [`${note.id}#`];
    for (const key of keys) if (!named.has(key)) missing.push(key.replace(/#(\d+)$/, (_, i: string) => `#${Number(i) + 1}`).replace(/#$/, ''));
  }
  return { should: copy.placements.length, anchored: found.size, wrong, mustOrphan: copy.orphans.length, missing };
}
