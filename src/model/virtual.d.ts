// Modules generated at build time by build-plugin.ts.
declare module 'virtual:backstory-fingerprint' {
  /** Base64 of the article's sampled shingle hashes (Uint32, little-endian). */
  const fingerprint: string;
  export default fingerprint;
  /** The article's people's surnames as written and in capitals (nameForms), for the gate's first, cheap look. */
  export const names: string[];
}

declare module 'virtual:backstory-annotations' {
  import type { ArticleMeta, Note } from './note.ts';
  export const article: ArticleMeta;
  export const notes: Note[];
  /** Base64 of every distinct shingle hash of the article. */
  export const articleShingles: string;
}
