// The part of the W3C Web Annotation Data Model (https://www.w3.org/TR/annotation-model/) that
// Backstory writes and reads, and its extension properties, prefixed `backstory:`.
import type { NoteKind } from '../../src/model/note.ts';

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
  /** Title, summary and body, separated by blank lines. */
  value: string;
}

/** A source, as a link. */
export interface LinkBody {
  type: 'SpecificResource';
  purpose: 'linking';
  source: { id: string; label: string };
}

export type Motivation = 'describing' | 'commenting';

export interface Annotation {
  '@context'?: unknown;
  id: string;
  type: 'Annotation';
  motivation: Motivation;
  body: (TextualBody | LinkBody)[];
  target: Target[];
  'backstory:kind': NoteKind;
  'backstory:asOf': string;
  'backstory:aliases'?: string[];
  'backstory:variants'?: string[];
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
