// The names under which highlights are registered in CSS.highlights, and styled by
// content/highlights.css and content/highlight-fills.css: `backstory-<kind>`, and for the other
// intensities `backstory-<kind>-subtle` / `-strong`.
import type { NoteKind } from '../model/note.ts';
import type { Intensity } from './settings.ts';

export function highlightName(kind: NoteKind, intensity: Intensity): string {
  return intensity === 'normal' ? `backstory-${kind}` : `backstory-${kind}-${intensity}`;
}
