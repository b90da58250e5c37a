// core/shingles.ts as the gate's build sees it (build/content-scripts.ts): the hashing is not in the
// script every page loads but in content/hashing.js, which the background injects with the first
// fingerprint (hashing-entry.ts). Hashing is only ever asked for after a fingerprint has come.
import type * as Shingles from '../core/shingles.ts';
import { HASHING_GLOBAL, ownGlobal } from '../shared/injected-files.ts';

export type { FingerprintMatches } from '../core/shingles.ts';

type Hashing = Pick<typeof Shingles, 'carriesArticle' | 'collectMatches'>;

const injected = (): Hashing => ownGlobal(HASHING_GLOBAL) as unknown as Hashing;

export const collectMatches: Hashing['collectMatches'] = (text, matches) => injected().collectMatches(text, matches);
export const carriesArticle: Hashing['carriesArticle'] = (found, fingerprint) => injected().carriesArticle(found, fingerprint);
