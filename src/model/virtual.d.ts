// Modules generated at build time by build/annotation-plugin.ts.
declare module 'virtual:backstory-gate' {
  import type { GatePackData } from './pack.ts';
  export const packs: GatePackData[];
}

/** Every installed pack, for the options page's list. */
declare module 'virtual:backstory-pack-list' {
  export const packs: Array<{ slug: string; title: string; publisher: string; published: string }>;
}

/** The first pack, whole: the popup's "About this article" and the tests use it. */
declare module 'virtual:backstory-annotations' {
  import type { ArticleMeta, Note } from './note.ts';
  export const slug: string;
  export const markers: string[];
  export const radius: number;
  export const fingerprint: string;
  export const article: ArticleMeta;
  export const notes: Note[];
  export const articleShingles: string;
}

/** Which browser this build is for; set by the build (vite define / esbuild define). */
declare const __BROWSER__: 'chrome' | 'firefox';

/** Set by the content-script build: whether its packs have more markers than are searched one by one (core/one-pass.ts). */
declare const __ONE_PASS__: boolean;
