// Advice that goes under a problem in `pack check`: what the field is for, and for a quote or a
// name that does not anchor, the nearest text in the article.
import type { Note } from '../../src/model/note.ts';
import { contextOccurrences, lineOf, occurrences, type ArticleIndex } from './article-index.ts';
import { nearestText, type NearestText } from './nearest.ts';
import { wordHashes } from '../../src/core/tokenize.ts';

const FIELD_HELP: [RegExp, string][] = [
  [/^article: title\b/, 'title: the headline as the publisher printed it.'],
  [/^article: publisher\b/, 'publisher: who published the article, e.g. "Weekly Blitz (weeklyblitz.net), Dhaka, Bangladesh".'],
  [/^article: published\b/, 'published: the day the article came out, written year-month-day, e.g. 2025-02-19.'],
  [/^article: url\b/, 'url: the address of the article, starting with https://'],
  [/^article: about\b/, 'about: a sentence or two on where the text comes from and what is known about its provenance.'],
  [/^article: (needs at least one source|source)/, 'sources: where you found the article and its background, each as { "title": "…", "url": "https://…" }.'],
  [/^notes: the list is missing or empty/, 'Add at least one note: copy the note template from docs/packs.md into "notes".'],
  [/^article: provenanceNote\b/, 'provenanceNote: the id of the note that tells where the article comes from, e.g. "claim/upcoming-talks".'],
  [/^pack: /, '"pack" is the name of the pack’s folder under packs/.'],
  [/cites no source \(add \[n\]\)/, 'A sentence that states a figure, a date or a quote ends with the number of the source that carries it, straight after the full stop: "…in 2024.[2]", or "…[1,3]" for two. Sources are numbered from 1 in the order of "sources".'],
  [/cites source \d+, but the note has/, 'Sources are numbered from 1 in the order of the note’s "sources"; cite a number in that range.'],
  [/rests only on/, 'State media and partisan outlets are evidence only of what they themselves said: also cite a source that carries the fact, or write the sentence as the outlet’s claim, naming it (“RT reported that…”).'],
  [/is never cited/, 'Mark the sentences this source supports with its number, or remove the source if it supports none (the numbers of the sources after it then go down by one).'],
  [/every source is state media or partisan/, 'Add a source that is neither state media nor partisan and carries the note’s facts.'],
  [/source \d+: kind must be/, 'kind of a source: "state-media" (RT, TASS…) or "partisan"; leave it out for other sources.'],
  [/source needs the outlet's name/, 'outlet: the outlet’s name as the note text writes it, e.g. "RT".'],
  [/: asOf\b/, 'asOf: the day the note’s facts are stated as of, written year-month-day.'],
  [/: summary is \d+ characters long/, 'The card shows the summary first, read at a glance: say in one short sentence what a reader most needs at that spot; details go in the body.'],
  [/: changeNote\b|needs a changeNote/, 'changeNote: one line of at most 160 characters telling readers what changed, e.g. "What changed: adds the 2024 figures."'],
  [/withdrawn/, 'withdrawn: { "on": "YYYY-MM-DD", "reason": "…" }; withdrawing raises the version, and "updated" is the day of withdrawal.'],
  [/: version\b/, 'version: 1 for a new note; raise it by one whenever the note’s substance changes, and say what changed in "changeNote".'],
  [/: updated\b/, 'updated: the day this version of the note was written, year-month-day (for a new note, today).'],
  [/: kind must be/, 'kind: "person", "event" or "claim".'],
  [/: needs at least one alias or selector/, 'A person or event note lists the names the article uses in "aliases"; a claim quotes its passage in "selectors".'],
  [/ is not part of this format/, 'Check the spelling of the field name against docs/packs.md (for example "aliases", not "alias").'],
  [/: none of its aliases or selectors occurs/, 'Every name of this note is part of a longer name that another note owns (e.g. "Trump" inside "President Donald Trump"): add the longer name to this note, or remove it from the other.'],
  [/ is used twice/, 'Give each note its own id.'],
  [/is also an alias of/, 'A name can belong to one note only: remove it from one of the two.'],
];

function describeNearest(nearest: NearestText | undefined): string[] {
  if (!nearest) return ['No word of it occurs anywhere in the article: is this the right pack?'];
  const lines = [`Nearest text in the article (line ${nearest.line} of article.txt): "${nearest.text}"`];
  if (nearest.missing.length > 0) lines.push(`Words not found as written there: ${nearest.missing.map((word) => `"${word}"`).join(', ')}`);
  return lines;
}

const COPY_TIP = 'Copy it from article.txt: the words must match; case, punctuation and spacing do not matter.';

function selectorHint(index: ArticleIndex, note: Note, problem: string): string[] {
  const number = Number(/selector (\d+)/.exec(problem)?.[1]);
  const selector = note.selectors?.[number - 1];
  if (!selector || typeof selector.exact !== 'string') return [];
  const exact = wordHashes(selector.exact);
  const found = occurrences(index, exact);
  if (found.length === 0) return [...describeNearest(nearestText(index, selector.exact)), COPY_TIP];
  const lines = [...new Set(found.map((at) => lineOf(index.text, index.starts[at])))].join(', ');
  if (contextOccurrences(index, selector.exact, selector.prefix, selector.suffix) === 0) {
    const around = `${selector.prefix ?? ''}${selector.exact}${selector.suffix ?? ''}`;
    return [`The quote itself occurs (line ${lines}), but not with these words before ("prefix") or after ("suffix") it.`, ...describeNearest(nearestText(index, around)), COPY_TIP];
  }
  return [`It occurs on line ${lines} of article.txt. Add a few words from just before it as "prefix" or just after it as "suffix", so that only the place you mean matches.`];
}

function aliasHint(index: ArticleIndex, problem: string): string[] {
  const alias = /alias "(.+)" does not occur/.exec(problem)?.[1];
  if (!alias) return [];
  return [...describeNearest(nearestText(index, alias)), 'Names in "aliases" must appear in the article as written; other spellings go in "variants".'];
}

/** Lines of advice for one problem, given the note it is about (if any). */
export function hintsFor(problem: string, index: ArticleIndex | undefined, note: Note | undefined): string[] {
  if (index && note && /selector \d+/.test(problem)) return selectorHint(index, note, problem);
  if (index && /alias ".+" does not occur/.test(problem)) return aliasHint(index, problem);
  return FIELD_HELP.filter(([pattern]) => pattern.test(problem)).map(([, help]) => help).slice(0, 1);
}
