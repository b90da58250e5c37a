// `pack check <slug> --against FILE`: how a pack anchors on a republished copy of its article (plain
// text, or an HTML page read the way the extension reads it), note by note: each placement found
// (word for word, edited, or by a name) or orphaned and why, with the nearest text on the page.
import { readFileSync } from 'node:fs';
import { basename } from 'node:path';
import { JSDOM } from 'jsdom';
import { buildPack } from '../../build/annotation-plugin.ts';
import { createTextAnchorer } from '../../src/core/anchor-text.ts';
import { decodeHashes } from '../../src/core/base64.ts';
import { wordSearch } from '../../src/core/detect.ts';
import { look } from '../../src/core/judge.ts';
import type { OrphanReason, QuoteOutcome, WordMatch } from '../../src/core/match.ts';
import { collectMatches, containment } from '../../src/core/shingles.ts';
import { indexText } from '../../src/content/text-index.ts';
import type { Note } from '../../src/model/note.ts';
import { indexArticle, lineOf } from './article-index.ts';
import { nearestText } from './nearest.ts';

/** Why a quote is orphaned, in words a fact-checker can act on. */
export const ORPHAN_REASONS: Record<OrphanReason, string> = {
  removed: 'removed: nothing like it on the page',
  'too-different': 'reworded beyond recognition (too many words changed, added or dropped)',
  number: 'changed number',
  date: 'changed date',
  name: 'changed name',
  negation: 'negation added or dropped',
  quoted: 'the words it quotes were changed',
  opposite: 'a word replaced by its opposite',
  'negation-before': 'negation or denial inserted just before it',
  'number-before': 'changed number just before it',
  'date-before': 'changed date just before it',
  context: 'the words around it changed, and it is too short to place without them',
};

/** The page's text: an HTML file as the extension reads it (blocks on their own lines), else the file itself. */
export function readCopy(file: string): string {
  const source = readFileSync(file, 'utf8');
  if (!/\.html?$/i.test(file) && !/^\s*<(!doctype|html|body|p|div|article)\b/i.test(source)) return source;
  const { window } = new JSDOM(source);
  return indexText(window.document.body).text;
}

export interface AgainstResult {
  detected: boolean;
  report: string;
}

const quoted = (text: string) => `"${text.replace(/\s+/g, ' ').trim()}"`;

export function checkAgainst(dir: string, file: string): AgainstResult {
  const built = buildPack(dir);
  const text = readCopy(file);
  const found = new Set<number>();
  const fingerprint = decodeHashes(built.detection.fingerprint);
  collectMatches(text, [{ fingerprint, found }]);
  const search = wordSearch([{ ...built.detection, fingerprint }]);
  const detected = look(search, text) !== undefined;
  const { words, matches, quotes } = createTextAnchorer(built.data)(text);
  const span = (match: { first: number; end: number }) => ({ start: words.starts[match.first], end: words.ends[match.end - 1] });
  const where = (match: { first: number; end: number }) => {
    const { start, end } = span(match);
    return `${quoted(text.slice(start, end))} (line ${lineOf(text, start)})`;
  };
  const pageIndex = indexArticle(text);
  const out = [
    `${built.slug} against ${basename(file)}: ${words.hashes.length} words read; the article is ${detected ? '' : 'NOT '}detected (${Math.round(100 * containment(found, fingerprint))} % of its sampled shingles).`,
  ];
  const counts = { exact: 0, edited: 0, alias: 0, orphaned: 0 };
  const lines: string[] = [];
  for (const note of built.file.notes) {
    lines.push('', `Note "${note.id}" (${note.title}):`, ...noteLines(note, matches, quotes, where, text, pageIndex, counts));
  }
  const anchored = counts.exact + counts.edited + counts.alias;
  out.push(`Anchored ${anchored}: ${counts.exact} quotes word for word, ${counts.edited} edited quotes, ${counts.alias} names. Orphaned: ${counts.orphaned}.`, ...lines);
  return { detected, report: out.join('\n') };
}

function noteLines(
  note: Note,
  matches: readonly WordMatch[],
  quotes: readonly QuoteOutcome[],
  where: (match: { first: number; end: number }) => string,
  text: string,
  pageIndex: ReturnType<typeof indexArticle>,
  counts: { exact: number; edited: number; alias: number; orphaned: number },
): string[] {
  const lines: string[] = [];
  const names = matches.filter((match) => match.noteId === note.id && match.how === 'alias');
  if ((note.aliases?.length ?? 0) + (note.variants?.length ?? 0) > 0) {
    if (names.length === 0) {
      counts.orphaned++;
      lines.push('  ✗ name: orphaned, removed: none of its names is on the page');
    } else {
      counts.alias += names.length;
      const forms = new Map<string, number>();
      for (const match of names) {
        const form = where(match).replace(/ \(line \d+\)$/, '');
        forms.set(form, (forms.get(form) ?? 0) + 1);
      }
      lines.push(`  ✓ name ×${names.length}: ${[...forms].map(([form, count]) => (count > 1 ? `${form} ×${count}` : form)).join(', ')}`);
    }
  }
  (note.selectors ?? []).forEach((selector, index) => {
    const outcome = quotes.find((quote) => quote.noteId === note.id && quote.selector === index);
    const label = `selector ${index + 1} ${quoted(selector.exact)}`;
    if (outcome?.how && outcome.first !== undefined && outcome.end !== undefined) {
      counts[outcome.how]++;
      lines.push(`  ✓ ${label}: ${outcome.how === 'exact' ? 'word for word' : 'edited'}, on ${where({ first: outcome.first, end: outcome.end })}`);
      return;
    }
    counts.orphaned++;
    lines.push(`  ✗ ${label}: orphaned, ${ORPHAN_REASONS[outcome?.reason ?? 'removed']}`);
    if (outcome?.first !== undefined && outcome.end !== undefined) {
      // The rejected place, with a few words either side: what changed is often just outside it.
      const first = Math.max(0, outcome.first - 3);
      const end = Math.min(pageIndex.hashes.length, outcome.end + 3);
      lines.push(`    Nearest text on the page: ${where({ first, end })}`);
    }
    else {
      const nearest = nearestText(pageIndex, selector.exact);
      if (nearest) lines.push(`    Nearest text on the page: ${quoted(nearest.text)} (line ${nearest.line}), ${nearest.matched} of its ${nearest.total} words`);
      else if (text.trim()) lines.push('    No word of it is on the page.');
    }
  });
  return lines;
}
