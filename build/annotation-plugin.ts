// Vite plugin: validates the annotation file against the article at build time (a bad entry fails
// the build, naming it) and turns the article into the data the extension ships.
import { readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import type { Plugin } from 'vite';
import { encodeFingerprint, nameForms, sampledFingerprint, shinglesOfWords } from '../src/core/fingerprint.ts';
import { wordHashes } from '../src/core/tokenize.ts';
import { validateAnnotations } from './validate.ts';

const ANNOTATIONS = fileURLToPath(new URL('../packs/musk-riyadh-2025/annotations.json', import.meta.url));
const ARTICLE = fileURLToPath(new URL('../packs/musk-riyadh-2025/article.txt', import.meta.url));

const FINGERPRINT_ID = 'virtual:backstory-fingerprint';
const ANNOTATIONS_ID = 'virtual:backstory-annotations';

export function loadAnnotationData() {
  const articleText = readFileSync(ARTICLE, 'utf8');
  const file = validateAnnotations(JSON.parse(readFileSync(ANNOTATIONS, 'utf8')), articleText);
  const allShingles = Uint32Array.from(new Set(shinglesOfWords(wordHashes(articleText))));
  const surnames = file.notes
    .filter((note) => note.kind === 'person')
    .flatMap((note) => [...(note.aliases ?? []), ...(note.variants ?? [])])
    .map((name) => name.split(/\s+/).at(-1) ?? name);
  return {
    file,
    names: nameForms(surnames),
    fingerprint: encodeFingerprint(sampledFingerprint(articleText)),
    articleShingles: encodeFingerprint(allShingles),
  };
}

export function annotationData(): Plugin {
  return {
    name: 'backstory-annotations',
    resolveId(id) {
      return id === FINGERPRINT_ID || id === ANNOTATIONS_ID ? `\0${id}` : undefined;
    },
    load(id) {
      if (id !== `\0${FINGERPRINT_ID}` && id !== `\0${ANNOTATIONS_ID}`) return undefined;
      this.addWatchFile(ANNOTATIONS);
      this.addWatchFile(ARTICLE);
      const data = loadAnnotationData();
      if (id === `\0${FINGERPRINT_ID}`) {
        return `export default ${JSON.stringify(data.fingerprint)};\nexport const names = ${JSON.stringify(data.names)};`;
      }
      return [
        `export const article = ${JSON.stringify(data.file.article)};`,
        `export const notes = ${JSON.stringify(data.file.notes)};`,
        `export const articleShingles = ${JSON.stringify(data.articleShingles)};`,
      ].join('\n');
    },
  };
}
