// Highlights on the extension's own pages (the popup's and the first-run page's legend, the
// first-run page's excerpt), drawn by the same style sheets the article's page gets, so that what the
// reader learns there is what they will see on the article.
import browser from 'webextension-polyfill';
import { NOTE_KINDS, type NoteKind } from '../model/note.ts';
import { highlightName } from './highlight-names.ts';
import { HIGHLIGHT_FILLS_FILE, HIGHLIGHTS_FILE } from './injected-files.ts';
import { SETTINGS_KEY, parseSettings, type Intensity } from './settings.ts';
import { readSettings } from './settings-store.ts';

/**
 * Links the built highlight sheets (dist/<browser>/content/*.css) into `doc`. On an extension page
 * they are AUTHOR sheets from the extension's own origin, which `style-src 'self'` allows.
 */
export function linkHighlightStyles(doc: Document = document): void {
  for (const file of [HIGHLIGHTS_FILE, HIGHLIGHT_FILLS_FILE]) {
    const link = doc.createElement('link');
    link.rel = 'stylesheet';
    link.href = browser.runtime.getURL(file);
    doc.head.append(link);
  }
}

/** Ranges of one page, by kind, registered under the names of one intensity at a time. */
export class SampleHighlights {
  private readonly ranges = new Map<NoteKind, Range[]>(NOTE_KINDS.map((kind) => [kind, []]));
  private intensity: Intensity = 'normal';

  add(kind: NoteKind, range: Range): void {
    this.ranges.get(kind)?.push(range);
    this.paint(this.intensity);
  }

  paint(intensity: Intensity): void {
    this.intensity = intensity;
    for (const name of [...CSS.highlights.keys()]) if (name.startsWith('backstory')) CSS.highlights.delete(name);
    for (const [kind, ranges] of this.ranges) if (ranges.length > 0) CSS.highlights.set(highlightName(kind, intensity), new Highlight(...ranges));
  }
}

/** Calls `apply` with the reader's intensity now and whenever they change it. */
export function followIntensity(apply: (intensity: Intensity) => void): void {
  void readSettings().then((settings) => apply(settings.intensity));
  browser.storage.onChanged.addListener((changes, area) => {
    if (area === 'local' && SETTINGS_KEY in changes) apply(parseSettings(changes[SETTINGS_KEY].newValue).intensity);
  });
}
