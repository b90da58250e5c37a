// The names under which highlights are registered in CSS.highlights, and styled by
// content/highlights.css and content/highlight-fills.css: `backstory-<kind>` (the contract); a long
// passage of a person or event note (a quote, a sentence) is `backstory-<kind>-passage`, drawn with
// its kind's line and no fill; the other intensities add `-subtle` / `-strong`.
import type { NoteKind } from '../model/note.ts';
import type { Intensity } from './settings.ts';

export function highlightName(kind: NoteKind, intensity: Intensity, passage = false): string {
  return `backstory-${kind}${passage ? '-passage' : ''}${intensity === 'normal' ? '' : `-${intensity}`}`;
}
