// Paints anchored notes with the CSS Custom Highlight API, never by editing the DOM. The registry
// is shared with the page, so Backstory paints immutable StaticRange copies (the page can read
// them but not move them) and keeps its live Ranges to itself; and it checks that its highlights
// are still registered as it left them, painting them again when the page removed or changed them.
import { NOTE_KINDS, type NoteKind } from '../model/note.ts';
import { highlightName } from '../shared/highlight-names.ts';
import type { Intensity } from '../shared/settings.ts';

const PRIORITY: Record<NoteKind, number> = { claim: 0, event: 1, person: 2 };
/** Highlight.priority is a WebIDL long: the highest base that keeps every kind's priority in range. */
const MAX_BASE = 2 ** 31 - 1 - Math.max(...Object.values(PRIORITY));

/** More words than this make a passage (the longest name with its title, "US Secretary of State Marco Rubio", has six). */
const NAME_WORDS = 6;
const isPassage = (kind: NoteKind, range: Range): boolean => kind !== 'claim' && range.toString().trim().split(/\s+/).length > NAME_WORDS;

export interface Paintable {
  kind: NoteKind;
  range: Range;
}

export class OwnHighlights {
  private painted = new Map<string, { highlight: Highlight; ranges: StaticRange[] }>();
  /** Added to every kind's priority: raised above a page's highlight that painted over Backstory's (overpaint.ts). */
  private base = 0;

  /** The priority each kind's highlights are registered with. */
  priority(kind: NoteKind): number {
    return this.base + PRIORITY[kind];
  }

  /** Backstory's own entry of the registry: its name and kind, or undefined for anyone else's. */
  own(name: string, highlight: unknown): NoteKind | undefined {
    return this.painted.get(name)?.highlight === highlight ? kindOf(name) : undefined;
  }

  /**
   * Registers every highlight again with priorities above `priority`, after the registry's other
   * entries. False, doing nothing, when no long is above it: the page holds the top priority.
   */
  raiseAbove(priority: number): boolean {
    const raised = priority + 1 - Math.min(...Object.values(PRIORITY));
    if (raised > MAX_BASE) return false;
    this.base = Math.max(this.base, raised);
    for (const name of this.painted.keys()) CSS.highlights.delete(name);
    this.repaint();
    return true;
  }

  paint(items: readonly Paintable[], intensity: Intensity): void {
    this.clear();
    // Nothing to show (every note withheld, or hidden by the reader's settings): no name registered,
    // none for the page to see.
    if (items.length === 0) return;
    // Each range's text is read once, to tell a name from a passage.
    const sorted = items.map((item) => ({ ...item, passage: isPassage(item.kind, item.range) }));
    for (const kind of NOTE_KINDS) {
      for (const passage of kind === 'claim' ? [false] : [false, true]) {
        const ranges = sorted.filter((item) => item.kind === kind && item.passage === passage).map((item) => new StaticRange(item.range));
        if (passage && ranges.length === 0) continue;
        const highlight = new Highlight(...ranges);
        highlight.priority = this.priority(kind);
        const name = highlightName(kind, intensity, passage);
        CSS.highlights.set(name, highlight);
        this.painted.set(name, { highlight, ranges });
      }
    }
  }

  /** True when every highlight is registered under its name with its ranges (all checked when `thorough`). */
  intact(thorough: boolean): boolean {
    for (const [name, { highlight, ranges }] of this.painted) {
      if (CSS.highlights.get(name) !== highlight || highlight.size !== ranges.length || highlight.priority !== this.priority(kindOf(name)) || highlight.type !== 'highlight') return false;
      if (thorough) for (const range of ranges) if (!highlight.has(range)) return false;
    }
    return true;
  }

  /** Whether every painted range still starts and ends in the document (false after a root swap). */
  attached(): boolean {
    for (const { ranges } of this.painted.values()) {
      for (const range of ranges) if (!range.startContainer.isConnected || !range.endContainer.isConnected) return false;
    }
    return true;
  }

  /** Registers the same ranges again, in fresh Highlight objects the page has not touched. */
  repaint(): void {
    for (const [name, entry] of this.painted) {
      const highlight = new Highlight(...entry.ranges);
      highlight.priority = this.priority(kindOf(name));
      CSS.highlights.set(name, highlight);
      entry.highlight = highlight;
    }
  }

  clear(): void {
    for (const name of this.painted.keys()) CSS.highlights.delete(name);
    this.painted.clear();
  }
}

function kindOf(name: string): NoteKind {
  return name.split('-')[1] as NoteKind;
}
