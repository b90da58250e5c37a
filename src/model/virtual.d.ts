// Modules generated at build time by build/annotation-plugin.ts and build/content-scripts.ts.

/** The gate's search, made from the packs as the content script carries them (build/gate-data.ts). */
declare module 'virtual:backstory-gate' {
  import type { ArticleSearch } from '../core/detect.ts';
  export const search: ArticleSearch;
  /** Settled once `search` is ready: at once for the bundled gate, after a storage read for the imported packs' gate. */
  export const searchReady: Promise<void>;
}

/** Every pack's markers and fingerprint: for the background's judging of the gates' text, the tests and the benchmark. */
declare module 'virtual:backstory-detection' {
  import type { DetectionData } from './pack.ts';
  export const packs: DetectionData[];
}

/** Every bundled pack's markers, shingles and notes as the matcher reads them: for the background's anchoring of the overlays' text. */
declare module 'virtual:backstory-anchoring' {
  import type { AnchoringData } from './pack.ts';
  export const packs: AnchoringData[];
}

/** Every installed pack, for the options page's list. */
declare module 'virtual:backstory-pack-list' {
  export const packs: Array<{ slug: string; title: string; publisher: string; published: string }>;
}

/** The first pack, whole: the first-run page's excerpt and the tests use it. */
declare module 'virtual:backstory-annotations' {
  import type { ArticleMeta, Note } from './note.ts';
  export const slug: string;
  export const markers: string[];
  export const radius: number;
  export const article: ArticleMeta;
  export const notes: Note[];
  export const articleShingles: string;
  /** The article's first two paragraphs, for the first-run page. */
  export const excerpt: string[];
}

/** Which browser this build is for; set by the build (vite define / esbuild define). */
declare const __BROWSER__: 'chrome' | 'firefox';

/** True in the imported packs' gate (content/imported-gate.js), false in the bundled one; set by build/content-scripts.ts. */
declare const __IMPORTED_GATE__: boolean;
