// Build-time data: every pack under packs/ (or BACKSTORY_PACKS) is validated against its article (a
// bad entry fails the build, naming the pack and the entry) and turned into what the extension
// ships: the gate's markers for all packs, and for each pack its fingerprint and its notes file.
import { readdirSync, readFileSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { gunzipSync } from 'node:zlib';
import type { Plugin } from 'vite';
import { encodeHashes } from '../src/core/base64.ts';
import { chooseMarkersFirst, MarkerError } from '../src/core/markers.ts';
import { sampledFingerprint, shinglesOfWords } from '../src/core/shingles.ts';
import { wordHashes } from '../src/core/tokenize.ts';
import type { AnnotationFile } from '../src/model/note.ts';
import { encodeNotes } from '../src/core/notes-codec.ts';
import { highlightable } from '../src/model/note-changes.ts';
import type { AnchoringData, DetectionData, PackData } from '../src/model/pack.ts';
import { articleOverlaps, describeOverlap, readArticles } from './duplicate-articles.ts';
import { AnnotationError, validateAnnotations } from './validate.ts';

export const PACKS_ROOT = resolve(process.env.BACKSTORY_PACKS ?? new URL('../packs', import.meta.url).pathname);
const COMMON_WORDS = new URL('./common-words.txt.gz', import.meta.url);

let commonWords: Set<string> | undefined;
function isCommon(word: string): boolean {
  commonWords ??= new Set(gunzipSync(readFileSync(COMMON_WORDS)).toString('utf8').split('\n'));
  return commonWords.has(word);
}

export interface BuiltPack {
  slug: string;
  dir: string;
  articleText: string;
  file: AnnotationFile;
  /** Markers, radius and fingerprint: the gate carries the markers (build/gate-data.ts), the fingerprint is injected. */
  detection: DetectionData;
  /** The notes file, injected on the article's page. */
  data: PackData;
}

export function buildPack(dir: string): BuiltPack {
  const slug = dir.split('/').filter(Boolean).at(-1) ?? dir;
  const articleText = readFileSync(join(dir, 'article.txt'), 'utf8');
  let file: AnnotationFile;
  let markers;
  try {
    file = validateAnnotations(JSON.parse(readFileSync(join(dir, 'annotations.json'), 'utf8')), articleText);
    markers = chooseMarkersFirst(articleText, isCommon);
  } catch (error) {
    if (error instanceof AnnotationError) throw new AnnotationError(error.problems.map((problem) => `pack "${slug}": ${problem}`));
    if (error instanceof MarkerError || error instanceof SyntaxError) throw new Error(`pack "${slug}": ${error.message}`);
    throw error;
  }
  const detection: DetectionData = { slug, ...markers, fingerprint: encodeHashes(sampledFingerprint(articleText)) };
  const data: PackData = {
    slug,
    markers: markers.markers,
    radius: markers.radius,
    article: file.article,
    notes: file.notes,
    articleShingles: encodeHashes(Uint32Array.from(new Set(shinglesOfWords(wordHashes(articleText))))),
  };
  return { slug, dir, articleText, file, detection, data };
}

/** The pack folders under `root`, in name order. */
const packFolders = (root: string) =>
  readdirSync(root, { withFileTypes: true })
    .filter((entry) => entry.isDirectory())
    .map((entry) => entry.name)
    .sort()
    .map((name) => join(root, name));

/** Every pack folder (one holding annotations.json) under `root`, in name order. */
export function buildPacks(root = PACKS_ROOT): BuiltPack[] {
  return packFolders(root).map(buildPack);
}

/** Warnings already printed: the two builds (Chrome, Firefox) run in one process and would repeat them. */
const warned = new Set<string>();

const DETECTION_ID = 'virtual:backstory-detection';
const ANCHORING_ID = 'virtual:backstory-anchoring';
const FIRST_PACK_ID = 'virtual:backstory-annotations';
const PACK_LIST_ID = 'virtual:backstory-pack-list';
const IDS = [DETECTION_ID, ANCHORING_ID, FIRST_PACK_ID, PACK_LIST_ID];

/**
 * What the background needs to anchor a bundled pack's notes in a page's text: its markers, the
 * article's shingles, and the notes that are painted (a withdrawn one left out), only as the matcher
 * reads them, with the matcher's reading of them made here (core/notes-codec.ts).
 */
export function anchoringData(data: PackData): AnchoringData {
  const notes = highlightable(data.notes).map(({ id, kind, aliases, variants, selectors }) => ({ id, kind, aliases, variants, selectors }));
  return { slug: data.slug, markers: data.markers, radius: data.radius, articleShingles: data.articleShingles, notes, notesData: encodeNotes(notes) };
}

/** The virtual modules: every pack's detection data (background, tests) and anchoring data (background), the installed packs (options page), the first pack whole (first-run page, tests). */
export function annotationData(): Plugin {
  return {
    name: 'backstory-annotations',
    // Two packs of one article fail the build; an overlap the gate would find is a warning (build/duplicate-articles.ts).
    buildStart() {
      const overlaps = articleOverlaps(readArticles(packFolders(PACKS_ROOT)));
      const same = overlaps.filter((overlap) => overlap.same);
      if (same.length > 0) this.error(same.map(describeOverlap).join('\n'));
      for (const message of overlaps.map(describeOverlap)) {
        if (!warned.has(message)) this.warn(message);
        warned.add(message);
      }
    },
    resolveId(id) {
      return IDS.includes(id) ? `\0${id}` : undefined;
    },
    load(id) {
      if (!IDS.some((known) => id === `\0${known}`)) return undefined;
      const packs = buildPacks();
      for (const pack of packs) {
        this.addWatchFile(join(pack.dir, 'annotations.json'));
        this.addWatchFile(join(pack.dir, 'article.txt'));
      }
      if (id === `\0${DETECTION_ID}`) return `export const packs = ${JSON.stringify(packs.map((pack) => pack.detection))};`;
      if (id === `\0${ANCHORING_ID}`) return `export const packs = ${JSON.stringify(packs.map((pack) => anchoringData(pack.data)))};`;
      if (id === `\0${PACK_LIST_ID}`) {
        const list = packs.map(({ slug, file: { article } }) => ({ slug, title: article.title, publisher: article.publisher, published: article.published }));
        return `export const packs = ${JSON.stringify(list)};`;
      }
      const [first] = packs;
      // The first-run page's excerpt: the article's first two paragraphs.
      const excerpt = first.articleText.split('\n').filter((line) => line.trim()).slice(0, 2);
      return [...Object.entries(first.data), ['excerpt', excerpt]]
        .map(([key, value]) => `export const ${key} = ${JSON.stringify(value)};`)
        .join('\n');
    },
  };
}
