// The page shares CSS.highlights with Backstory and can register a highlight of its own over
// Backstory's ranges at the same or a higher priority, styled to paint the marks away: Backstory's
// entries are untouched, so the registry looks intact. This finds such a highlight: only when the
// registry's entries, their sizes or priorities, or Backstory's places changed since the last look
// (or the page's highlight holds live Ranges, which move without any of that), at most MAX_RANGES
// of the page's ranges, each in O(log n) boundary comparisons.
import { furthestEnds, overlapsAny } from '../core/overlap.ts';
import { NOTE_KINDS, type NoteKind } from '../model/note.ts';
import type { Anchored } from './anchor.ts';
import type { OwnHighlights } from './highlight-registry.ts';

/**
 * Ranges of the page's highlights looked at per check. A highlight of the page's at or above
 * Backstory's priority that holds more than this counts as painting over Backstory's, unlooked.
 */
const MAX_RANGES = 2000;

/** What `check` answers when the page keeps Backstory from reading the registry: no priority is above it. */
export const UNREADABLE = Infinity;

/** Firefox's content-script API that lets the page's compartment call one of ours. */
const exportFunction = (globalThis as { exportFunction?: <F extends (...args: never[]) => unknown>(callback: F, scope: object) => F }).exportFunction;

/**
 * Every member of the registry or of a highlight, with its key; undefined unless each one is
 * `genuine`, none comes twice, and there are `size` of them. Firefox's content scripts see both through Xrays, which
 * refuse iterators ("Xray wrapping of iterators not supported") and deny their forEach a call into
 * the content script: there the page's own forEach is called with an exported callback, so the page
 * could change what it reports, which `genuine` and `size` (both read through the Xray) rule out.
 */
function members<K, V>(collection: { forEach(callback: (value: V, key: K) => void): void; readonly size: number }, genuine: (value: V, key: K) => boolean): Array<[V, K]> | undefined {
  const found: Array<[V, K]> = [];
  const distinct = new Set<V>();
  let faithful = true;
  const callback = (value: V, key: K) => {
    if (faithful && found.length < collection.size && !distinct.has(value) && genuine(value, key)) {
      distinct.add(value);
      found.push([value, key]);
    } else faithful = false;
  };
  try {
    if (exportFunction) (collection as unknown as { wrappedJSObject: typeof collection }).wrappedJSObject.forEach(exportFunction(callback, window));
    else collection.forEach(callback);
  } catch {
    return undefined;
  }
  return faithful && found.length === collection.size ? found : undefined;
}

interface Places {
  items: Anchored[];
  furthest: number[];
}

export class OverpaintWatch {
  /** What was looked at last time: the registry's entries with their sizes and priorities, and Backstory's places. */
  private seen: unknown[] = [];
  private verdict: number | undefined;
  private places = new Map<NoteKind, Places>();
  private placesOf?: readonly Anchored[];

  constructor(private readonly doc: Document) {}

  /**
   * The highest priority among the page's highlights that paint over one of Backstory's places
   * (`shown`, painted by `own`): at or above the priority of their kind (ties go to the later
   * registration, whose order a Firefox page could misreport, so a tie counts). Undefined when none
   * does; UNREADABLE when the page keeps the registry from being read.
   */
  check(own: OwnHighlights, shown: readonly Anchored[]): number | undefined {
    const registry = CSS.highlights as unknown as Map<string, Highlight>;
    const entries = members(registry, (highlight, name) => typeof name === 'string' && registry.get(name) === highlight);
    if (!entries) return (this.verdict = UNREADABLE);
    const seen: unknown[] = [shown];
    for (const [highlight, name] of entries) seen.push(name, highlight, highlight.size, highlight.priority);
    if (seen.length === this.seen.length && seen.every((value, i) => value === this.seen[i])) return this.verdict;
    this.seen = seen;
    const { verdict, live } = this.look(own, shown, entries);
    this.verdict = verdict;
    // Live ranges move without changing the registry: looked at again next time.
    if (live) this.seen = [];
    return verdict;
  }

  private look(own: OwnHighlights, shown: readonly Anchored[], entries: ReadonlyArray<[Highlight, string]>): { verdict: number | undefined; live: boolean } {
    let verdict: number | undefined;
    let live = false;
    let budget = MAX_RANGES;
    for (const [highlight, name] of entries) {
      if (own.own(name, highlight) !== undefined) continue;
      const priority = highlight.priority;
      if (verdict !== undefined && priority <= verdict) continue;
      const under = NOTE_KINDS.filter((kind) => priority >= own.priority(kind));
      if (under.length === 0) continue;
      const ranges = highlight.size <= budget ? members(highlight as unknown as Set<AbstractRange>, (range) => highlight.has(range as StaticRange)) : undefined;
      if (!ranges) {
        verdict = priority;
        continue;
      }
      budget -= ranges.length;
      for (const [range] of ranges) {
        if ('commonAncestorContainer' in range) live = true;
        if (under.some((kind) => this.overlaps(range, this.placesFor(kind, shown)))) {
          verdict = priority;
          break;
        }
      }
    }
    return { verdict, live };
  }

  /** Backstory's places of one kind, sorted by start, with their furthest ends (kept until `shown` changes). */
  private placesFor(kind: NoteKind, shown: readonly Anchored[]): Places {
    if (this.placesOf !== shown) {
      this.places.clear();
      this.placesOf = shown;
    }
    let places = this.places.get(kind);
    if (!places) {
      const items = shown.filter((item) => item.kind === kind).sort((a, b) => a.start - b.start);
      places = { items, furthest: furthestEnds(items, (a, b) => a.end > b.end) };
      this.places.set(kind, places);
    }
    return places;
  }

  private overlaps(range: AbstractRange, { items, furthest }: Places): boolean {
    if (items.length === 0 || range.collapsed) return false;
    const span = this.doc.createRange();
    try {
      span.setStart(range.startContainer, range.startOffset);
      span.setEnd(range.endContainer, range.endOffset);
      // Backstory's place starts before the span ends / ends after the span starts.
      return overlapsAny(
        items.length,
        (i) => items[i].range.compareBoundaryPoints(Range.END_TO_START, span) < 0,
        (i) => items[i].range.compareBoundaryPoints(Range.START_TO_END, span) > 0,
        furthest,
      );
    } catch {
      // A boundary past its node's end, or in another tree than Backstory's places: no overlap here.
      return false;
    }
  }
}
