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

/** A note taken back: kept in the pack for one release, listed with its reason, not highlighted. */
export interface Withdrawal {
  /** ISO date it was withdrawn. */
  on: string;
  /** Why, in one line, for the reader. */
  reason: string;
}

/** A change note is one line the card shows after "Updated <date>:". */
export const CHANGE_NOTE_MAX = 160;
/** The card shows the summary first, read at a glance: at most this many characters, markers included. */
export const SUMMARY_MAX = 200;

export interface Note {
  /** Stable id, `kind/slug`, used in messages and tests. */
  id: string;
  kind: NoteKind;
  title: string;
  /**
   * One line, at most SUMMARY_MAX characters: what a reader most needs at that spot, as of the
   * article's date, readable without the body (the card shows it first).
   */
  summary: string;
  /** 40–90 words. Sentences with a figure, a date or a quote end with `[n]` markers (see citations.ts). */
  body: string;
  /** ISO date the note's facts are stated as of. */
  asOf: string;
  /**
   * The note's edition: 1 when first published, one more each time its substance changes (a fact,
   * a figure, a source that changes what it says; not a typo). Readers are told of every new version.
   */
  version: number;
  /** ISO date of the current version: first publication for version 1, the change otherwise. */
  updated: string;
  /** Required from version 2 (unless withdrawn): what changed, one line of at most 160 characters ("What changed: …"). */
  changeNote?: string;
  /**
   * Set on a withdrawn note: kept in the pack for one release, listed with the reason, not
   * highlighted. Withdrawing raises `version`, and `updated` is the day of withdrawal.
   */
  withdrawn?: Withdrawal;
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
