// The bundled pack, and the problems validation finds in an edited copy of it (none: []).
import { readFileSync } from 'node:fs';
import { AnnotationError, validateAnnotations } from '../../build/validate.ts';
import type { AnnotationFile } from '../../src/model/note.ts';
import { ARTICLE_TEXT } from './article.ts';

export const PACK_FILE: AnnotationFile = JSON.parse(readFileSync(new URL('../../packs/musk-riyadh-2025/annotations.json', import.meta.url), 'utf8'));

export function problemsOf(edit: (copy: AnnotationFile) => void): string[] {
  const copy: AnnotationFile = structuredClone(PACK_FILE);
  edit(copy);
  try {
    validateAnnotations(copy, ARTICLE_TEXT);
    return [];
  } catch (error) {
    if (error instanceof AnnotationError) return error.problems;
    throw error;
  }
}
