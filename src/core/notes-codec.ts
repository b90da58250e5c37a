// A pack's notes as the matcher reads them (match.ts compileNotes), read once at build time and
// shipped with a bundled pack, so that an article page does not tokenise every name and quote
// again: 2–14 ms of cold code on the article page, more than reading the page's own words
// (docs/performance.md). Words travel as arrays of numbers: read by the script parser and copied
// into typed arrays natively (base64 cost a loop over every byte, in code that runs once, cold).

import { compileNotes, type Alias, type Form, type MatchableNote, type PrecompiledNotes, type Quote } from './match.ts';
import type { Words } from './page-words.ts';
import { highlightable } from '../model/note-changes.ts';
import type { Note } from '../model/note.ts';

/** A word list's six arrays one after the other: hash, skeleton, base, flags, first, last. */
type WordList = number[];

export interface NotesData {
  /** signatureOf the notes read: data made of other notes, or of these as they were once, is not used. */
  signature: number;
  /** Hashes of capitalised words of the notes' names. */
  names: number[];
  /** Per alias or variant, in the order read: note index, words, symbols. */
  aliases: Array<[number, WordList, string[]]>;
  /** Per quote: note index, selector index, exact, prefix and suffix words, and whose name (note index, or -1) each exact word is. */
  quotes: Array<[number, number, WordList, WordList, WordList, number[]]>;
}

function encodeWordList(words: Words): WordList {
  const count = words.count;
  return [words.hash, words.skeleton, words.base, words.flags, words.first, words.last].flatMap((part) => [...part.subarray(0, count)]);
}

// The build made the data: its shape is checked, not every number (a loop over all of them, cold).
function decodeWordList(list: unknown): Words | undefined {
  if (!Array.isArray(list) || list.length % 6 !== 0) return undefined;
  const all = Uint32Array.from(list);
  const count = all.length / 6;
  const part = (k: number) => all.subarray(k * count, (k + 1) * count);
  return { count, hash: part(0), skeleton: part(1), base: part(2), flags: Uint16Array.from(part(3)), first: part(4), last: part(5) };
}

/** FNV-1a over what the matcher reads of each note, in order (0–2.7 ms of each article load in profiles, cold). */
export function signatureOf(notes: readonly MatchableNote[]): number {
  const text = JSON.stringify(notes.map((note) => [note.id, note.kind, note.aliases ?? [], note.variants ?? [], note.selectors ?? []]));
  let hash = 0x811c9dc5;
  for (let i = 0; i < text.length; i++) hash = Math.imul(hash ^ text.charCodeAt(i), 0x01000193);
  return hash >>> 0;
}

/** What a pack carries (bundled: its file; imported: its stored data): the notes the overlay anchors, a withdrawn one left out (content/anchor.ts). */
export function packNotesData(notes: readonly Note[]): NotesData {
  return encodeNotes(highlightable(notes));
}

export function encodeNotes(notes: readonly MatchableNote[]): NotesData {
  const compiled = compileNotes(notes);
  const form = compiled.written();
  // Each first word's list in its order: read back in this order, the (stable) sort keeps it.
  const aliases = [...form.aliasesByFirstWord.values()].flat();
  const noteIndex = new Map(notes.map((note, index) => [note.id, index]));
  return {
    signature: signatureOf(notes),
    names: [...compiled.names],
    aliases: aliases.map((alias) => [alias.noteIndex, encodeWordList(alias.words), alias.symbols ?? []]),
    quotes: form.quotes.map((quote) => [
      noteIndex.get(quote.noteId) as number,
      quote.selector,
      encodeWordList(quote.exact),
      encodeWordList(quote.prefix),
      encodeWordList(quote.suffix),
      [...quote.namedBy],
    ]),
  };
}

/** `data` read back for `notes`; undefined when it was made of other notes or is damaged (the notes are then read on the page). */
export function decodeNotes(data: NotesData | undefined, notes: readonly MatchableNote[]): PrecompiledNotes | undefined {
  if (!data || data.signature !== signatureOf(notes)) return undefined;
  try {
    return decoded(data, notes);
  } catch {
    // Not the shape the build writes (a field missing or of another type).
    return undefined;
  }
}

function decoded(data: NotesData, notes: readonly MatchableNote[]): PrecompiledNotes | undefined {
  const aliasesByFirstWord = new Map<number, Alias[]>();
  for (const [noteIndex, encoded, symbols] of data.aliases) {
    const words = decodeWordList(encoded);
    const note = notes[noteIndex];
    if (!words || !note || words.count === 0) return undefined;
    const list = aliasesByFirstWord.get(words.hash[0]) ?? [];
    list.push({ noteIndex, noteId: note.id, kind: note.kind, words, symbols });
    aliasesByFirstWord.set(words.hash[0], list);
  }
  for (const list of aliasesByFirstWord.values()) list.sort((a, b) => b.words.count - a.words.count);
  const quotes: Quote[] = [];
  for (const [noteIndex, selector, exactData, prefixData, suffixData, namedByData] of data.quotes) {
    const note = notes[noteIndex];
    const [exact, prefix, suffix] = [exactData, prefixData, suffixData].map(decodeWordList);
    if (!note || !exact || !prefix || !suffix || !Array.isArray(namedByData) || namedByData.length !== exact.count) return undefined;
    const namedBy = Int32Array.from(namedByData);
    quotes.push({ noteId: note.id, kind: note.kind, selector, exact, prefix, suffix, namedBy, names: new Set([...namedBy].filter((index) => index >= 0)) });
  }
  const form: Form = { aliasesByFirstWord, quotes };
  return { names: new Set(data.names), written: form };
}
