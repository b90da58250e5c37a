// The part of the W3C Web Annotation Data Model (https://www.w3.org/TR/annotation-model/) that
// Backstory writes and reads, and its extension properties, prefixed `backstory:`.
import type { NoteKind, PartisanKind, Withdrawal } from '../../src/model/note.ts';

export const ANNO_CONTEXT = 'http://www.w3.org/ns/anno.jsonld';
/** Where the `backstory:` properties live; a URN, since nothing needs to be fetched from it. */
export const BACKSTORY_VOCAB = 'urn:backstory:vocab#';
export const COLLECTION_CONTEXT = [ANNO_CONTEXT, { backstory: BACKSTORY_VOCAB }] as const;

export interface TextQuoteSelector {
  type: 'TextQuoteSelector';
  exact: string;
  prefix?: string;
  suffix?: string;
}

/** Offsets in Unicode code points into the pack's article.txt. */
export interface TextPositionSelector {
  type: 'TextPositionSelector';
  start: number;
  end: number;
}

export type Selector = TextQuoteSelector | TextPositionSelector;

export interface Target {
  source: string;
  selector: Selector[];
  /** Set on a mention of one of the note's names; absent on a passage the note selects. */
  'backstory:mentionOf'?: string;
}

export interface TextualBody {
  type: 'TextualBody';
  purpose: Motivation;
  format: 'text/plain';
  /**
   * Title, summary and body, separated by blank lines, with the notes' citation markers as written:
   * `[2]` or `[1,3]` after a sentence cite the link bodies whose `backstory:citation` is 2, or 1 and 3.
   */
  value: string;
}

/** A source, as a link. */
export interface LinkBody {
  type: 'SpecificResource';
  purpose: 'linking';
  source: { id: string; label: string };
  /**
   * The number the note's citation markers use for this source (1, 2…). The link bodies are also in
   * this order, but JSON-LD does not keep the order of `body`, so the number is written out.
   */
  'backstory:citation': number;
  /** Set for state media and partisan outlets, as `kind` of the source in annotations.json. */
  'backstory:sourceKind'?: PartisanKind;
  /** The outlet's name, with `backstory:sourceKind`. */
  'backstory:outlet'?: string;
}

export type Motivation = 'describing' | 'commenting';

export interface Annotation {
  '@context'?: unknown;
  id: string;
  type: 'Annotation';
  motivation: Motivation;
  body: (TextualBody | LinkBody)[];
  target: Target[];
  /** When the current version of the note was written: its `updated` date, at midnight UTC (xsd:dateTime). */
  modified: string;
  'backstory:kind': NoteKind;
  'backstory:asOf': string;
  /** The note's `version`: 1, then one more for each change of substance. */
  'backstory:version': number;
  /** From version 2: what changed, one line. */
  'backstory:changeNote'?: string;
  /** On a withdrawn note: when and why. */
  'backstory:withdrawn'?: Withdrawal;
  'backstory:aliases'?: string[];
  'backstory:variants'?: string[];
  /** On the note that tells the article's provenance story (`article.provenanceNote`). */
  'backstory:provenanceNote'?: true;
}

export interface AnnotationPage {
  id: string;
  type: 'AnnotationPage';
  partOf: string;
  startIndex: number;
  items: Annotation[];
}

export interface AnnotationCollection {
  '@context': typeof COLLECTION_CONTEXT;
  id: string;
  type: 'AnnotationCollection';
  label: string;
  total: number;
  first: AnnotationPage;
}

export const collectionId = (slug: string) => `urn:backstory:${slug}`;
export const annotationId = (slug: string, noteId: string) => `urn:backstory:${slug}:${noteId}`;
