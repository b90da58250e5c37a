// content/hashing.js: the hashing of page text into sampled shingles, which the gate's build leaves
// out (gate-hashing.ts stands in for it there). The background injects it with a pack's fingerprint,
// so only pages where a pack's markers are found ever load it.
import { carriesArticle, collectMatches } from '../core/shingles.ts';
import { HASHING_GLOBAL } from '../shared/injected-files.ts';

// An own property of the isolated world's global, as the fingerprints are: never a page element of
// the same id. Set once, however many packs' fingerprints bring it.
if (!Object.hasOwn(globalThis, HASHING_GLOBAL)) Object.defineProperty(globalThis, HASHING_GLOBAL, { value: Object.freeze({ carriesArticle, collectMatches }) });
