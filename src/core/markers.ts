// The gate's first, cheap look at a page: a few words of the article that real pages rarely contain
// ("Ushakov", "sleepwalking"…), found with native substring search. Only the text around them is
// hashed, so a page that names Trump a hundred times costs the same few searches as any other.

export interface MarkerOptions {
  /** Every stretch of the article this long (as a share of its words)… */
  share: number;
  /** …holds at least this many different markers, so an excerpt that could be detected is looked at. */
  perWindow: number;
  /** More markers mean more searches on every page. */
  max: number;
}

export const MARKER_OPTIONS: MarkerOptions = { share: 0.15, perWindow: 2, max: 24 };

/**
 * What the build asks of an article's rare words, best first: two different markers in every 15 %
 * (a copy that respells one is still found); else two in every quarter (an excerpt of 15 to 25 %
 * showing only one is then not looked at, nor a quarter with one respelled, but one rare word on an
 * unrelated page no longer has its text judged); else one in every 15 %. Written as literals:
 * a spread of MARKER_OPTIONS would keep this build-time table in the gate.
 */
export const MARKER_CHOICES: readonly MarkerOptions[] = [MARKER_OPTIONS, { share: 0.25, perWindow: 2, max: 24 }, { share: 0.15, perWindow: 1, max: 24 }];

export interface Markers {
  markers: string[];
  /** Characters hashed on each side of a marker found on a page: more than any gap between two. */
  radius: number;
  /** Different markers every stretch of `share` of the article holds: a page must show as many. */
  minHits: number;
}

export class MarkerError extends Error {}

interface Word {
  text: string;
  start: number;
}

function wordsOf(text: string): Word[] {
  return [...text.matchAll(/[\p{L}\p{N}]+/gu)].map((match) => ({ text: match[0], start: match.index }));
}

/**
 * Chooses the markers of an article: greedily, the rare words (not `isCommon`, four letters or
 * more, as written) that most increase coverage, until every stretch of `share` of the article's
 * words holds `perWindow` different markers. Throws MarkerError when the article has too few rare
 * words for that.
 */
export function chooseMarkers(articleText: string, isCommon: (lowerCaseWord: string) => boolean, options: MarkerOptions = MARKER_OPTIONS): Markers {
  const words = wordsOf(articleText);
  const span = Math.max(1, Math.ceil(words.length * options.share));
  const windows = Math.max(1, words.length - span + 1);
  const occurrences = new Map<string, number[]>();
  words.forEach((word, i) => {
    if (word.text.length < 4 || /\d/.test(word.text) || isCommon(word.text.toLowerCase())) return;
    const list = occurrences.get(word.text) ?? [];
    list.push(i);
    occurrences.set(word.text, list);
  });
  const counts = new Int32Array(windows);
  const chosen: string[] = [];
  const windowsOf = (position: number): [number, number] => [Math.max(0, position - span + 1), Math.min(windows - 1, position)];
  /** The windows holding `positions`: 1 each, however many times the word occurs in it. */
  const covered = (positions: number[]): Uint8Array => {
    const added = new Uint8Array(windows);
    for (const position of positions) {
      const [from, to] = windowsOf(position);
      added.fill(1, from, to + 1);
    }
    return added;
  };
  const gain = (positions: number[]): number => {
    const added = covered(positions);
    let total = 0;
    for (let w = 0; w < windows; w++) total += Math.min(options.perWindow, counts[w] + added[w]) - Math.min(options.perWindow, counts[w]);
    return total;
  };
  while (counts.some((count) => count < options.perWindow)) {
    let best: string | undefined;
    let bestGain = 0;
    for (const [candidate, positions] of occurrences) {
      if (chosen.includes(candidate)) continue;
      const value = gain(positions);
      if (value > bestGain || (value === bestGain && best !== undefined && value > 0 && candidate.length > best.length)) {
        best = candidate;
        bestGain = value;
      }
    }
    if (best === undefined || chosen.length >= options.max) {
      throw new MarkerError(`too few rare words: ${chosen.length} markers (${chosen.join(', ')}) leave parts of the article where ${options.perWindow} cannot be found within ${Math.round(options.share * 100)} % of its words`);
    }
    chosen.push(best);
    const added = covered(occurrences.get(best) ?? []);
    for (let w = 0; w < windows; w++) counts[w] += added[w];
  }
  const starts = words.filter((word) => chosen.includes(word.text)).map((word) => word.start);
  const edges = [0, ...starts, articleText.length];
  let widest = 0;
  for (let i = 1; i < edges.length; i++) widest = Math.max(widest, edges[i] - edges[i - 1]);
  return { markers: chosen, radius: Math.max(4000, 3 * widest), minHits: options.perWindow };
}

/** The markers of the first of `choices` the article's rare words allow; the last one's MarkerError if none. */
export function chooseMarkersFirst(articleText: string, isCommon: (lowerCaseWord: string) => boolean, choices: readonly MarkerOptions[] = MARKER_CHOICES): Markers {
  let failure: unknown;
  for (const options of choices) {
    try {
      return chooseMarkers(articleText, isCommon, options);
    } catch (error) {
      if (!(error instanceof MarkerError)) throw error;
      failure = error;
    }
  }
  throw failure ?? new MarkerError('no marker choices');
}

/** Where `markers` occur in `text` (native substring search), in order. */
export function markerHits(text: string, markers: readonly string[]): number[] {
  const hits: number[] = [];
  for (const marker of markers) {
    for (let at = text.indexOf(marker); at >= 0; at = text.indexOf(marker, at + marker.length)) hits.push(at);
  }
  return hits.sort((a, b) => a - b);
}

/** The [start, end) spans of `text` within `radius` characters of a marker, merged where they overlap. */
export function markerWindows(text: string, markers: readonly string[], radius: number): Array<[number, number]> {
  return mergeWindows(markerHits(text, markers), radius, text.length);
}

/** Spans of `radius` characters around each of the sorted `hits`, merged where they overlap. */
export function mergeWindows(hits: readonly number[], radius: number, length: number): Array<[number, number]> {
  const windows: Array<[number, number]> = [];
  for (const hit of hits) {
    const start = Math.max(0, hit - radius);
    const end = Math.min(length, hit + radius);
    const last = windows[windows.length - 1];
    if (last && start <= last[1]) last[1] = Math.max(last[1], end);
    else windows.push([start, end]);
  }
  return windows;
}
