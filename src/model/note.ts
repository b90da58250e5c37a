// The shape of the bundled annotation file (W3C Web Annotation style selectors).

export const NOTE_KINDS = ['person', 'event', 'claim'] as const;
export type NoteKind = (typeof NOTE_KINDS)[number];

/** Outlets whose word is evidence only of what they themselves said. */
export const PARTISAN_KINDS = ['state-media', 'partisan'] as const;
export type PartisanKind = (typeof PARTISAN_KINDS)[number];

export interface Source {
  title: string;
  url: string;
  /**
   * Set for state media (RT, TASS…) and partisan outlets. Such a source may be the only citation of
   * a sentence only when the sentence names `outlet` (it reports what the outlet said), and a note
   * needs at least one source without a kind.
   */
  kind?: PartisanKind;
  /** The outlet's name as the note text uses it ("RT"); required with `kind`. */
  outlet?: string;
}

/** https://www.w3.org/TR/annotation-model/#text-quote-selector */
export interface TextQuoteSelector {
  type: 'TextQuoteSelector';
  exact: string;
  prefix?: string;
  suffix?: string;
}

export interface Note {
  /** Stable id, `kind/slug`, used in messages and tests. */
  id: string;
  kind: NoteKind;
  title: string;
  /** One line: who or what, as of the article's date. */
  summary: string;
  /** 40–90 words. Sentences with a figure, a date or a quote end with `[n]` markers (see citations.ts). */
  body: string;
  /** ISO date the note's facts are stated as of. */
  asOf: string;
  /** Every form of the name the article uses; each mention is highlighted. Each must occur in the article. */
  aliases?: string[];
  /** Other forms that copies of the article may use (Zelenskyy, Sergei, a full name); matched like aliases. */
  variants?: string[];
  /** Specific passages to highlight, such as a disputed claim. */
  selectors?: TextQuoteSelector[];
  sources: Source[];
}

export interface ArticleMeta {
  title: string;
  publisher: string;
  published: string;
  url: string;
  about: string;
  /** The note that tells the same provenance story on the page (it must exist). */
  provenanceNote?: string;
  sources: Source[];
}

export interface AnnotationFile {
  /** The pack's folder name under packs/, named in validation errors. */
  pack?: string;
  article: ArticleMeta;
  notes: Note[];
}

/** What the content script and popup need of a note: no body, no sources. */
export interface NoteSummary {
  id: string;
  kind: NoteKind;
  title: string;
}
