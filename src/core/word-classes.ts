// What a word is, for matching an edited copy of an article: a number, a date, a negation, a name,
// a title, a light word, and its spelling skeleton. The meaning guards (match.ts) are stated over
// these classes; the costs of approximate matching (approx.ts) too.
import { wordHashes } from './tokenize.ts';

export const NUMBER = 1;
export const DATE = 2;
/** Negations and words that contradict or disown what follows ("never", "denied", "allegedly"). */
export const NEGATION = 4;
/** A capitalised word that is not just the first of a sentence (or is part of a note's name). */
export const NAME = 8;
/** "Mr", "President": added or dropped in front of a name without changing whom it names. */
export const TITLE = 16;
/** Articles, prepositions, auxiliaries: added or dropped by rewording, at a lower cost. */
export const LIGHT = 32;
/** First word of a sentence, or of a block. */
export const SENTENCE_START = 64;
/** A page word between which and the previous one lies a block boundary (or words not read). */
export const BREAK = 128;
/** A word a quote itself quotes (“failed”): the speaker's, never edited. */
export const QUOTED = 256;

const hashSet = (words: string): Set<number> => new Set(wordHashes(words));

const MONTHS = 'january february march april may june july august september october november december';
/** "may" is a date only when written "May" (page-words.ts), else the verb. */
export const MAY_HASH = wordHashes('may')[0];
/**
 * Dates and times: months, weekdays, and the words that place an event in time ("upcoming",
 * "former", "current", "last"): changing one moves a claim to another time ("the current
 * administration" → "the former administration").
 */
const DATES = new Set(
  wordHashes(
    `${MONTHS} monday tuesday wednesday thursday friday saturday sunday ` +
      'upcoming former current currently previous previously next last future past recent recently later earlier soon already ago yesterday today tomorrow now still yet',
  ).filter((hash) => hash !== MAY_HASH),
);
/** Numbers written as words, and magnitudes: "billions" → "millions" is a changed number. */
const NUMBER_WORDS = new Set(
  wordHashes(
    'zero one two three four five six seven eight nine ten eleven twelve thirteen fourteen fifteen sixteen seventeen eighteen nineteen ' +
      'twenty thirty forty fifty sixty seventy eighty ninety hundred hundreds thousand thousands million millions billion billions trillion trillions ' +
      'dozen dozens half twice double triple first second third fourth fifth tenth',
  ),
);
export const MONTH_HASHES: readonly number[] = wordHashes(MONTHS);
/** AP abbreviations of months, read as the month when a "." or a day follows ("Feb. 17"). */
export const MONTH_ABBREVIATIONS = new Map<number, number>(
  'jan feb mar apr jun jul aug sep sept oct nov dec'.split(' ').map((abbreviation) => {
    const month = MONTHS.split(' ').find((name) => name.startsWith(abbreviation.slice(0, 3))) ?? abbreviation;
    return [wordHashes(abbreviation)[0], wordHashes(month)[0]];
  }),
);
export const isMonth = (hash: number): boolean => MONTH_HASHES.includes(hash);

/**
 * Words that deny, negate or disown: inserted inside or just before a quote, or dropped from it,
 * they turn a claim into its opposite. "n't" is the word "t" after an apostrophe (tokenize.ts splits
 * there); without the text, every "t" counts.
 */
const NEGATIONS = hashSet(
  'not no never nor neither none nobody nothing nowhere without cannot t ' +
    'deny denies denied denying refute refutes refuted reject rejects rejected dispute disputes disputed dismissed ' +
    'false falsely wrongly untrue allegedly supposedly purportedly debunked myth lie lies lied hardly barely baseless unfounded ' +
    'fake bogus misleading hoax unverified unconfirmed disproven disproved discredited',
);
export const T_HASH = wordHashes('t')[0];

const TITLES = hashSet(
  'mr mrs ms miss dr prof president vice prime minister foreign secretary state senator sen rep representative gov governor ' +
    'prince crown king queen sir lord general gen chancellor ambassador spokesman spokeswoman mp',
);

const LIGHT_WORDS = hashSet(
  'the a an of to in on at for and or s that which who with by as is are was were has have had been be being ' +
    'it its this these those their his her from into than then will would could should may might also',
);

const CLASSES = new Map<number, number>();
for (const [set, flag] of [[DATES, DATE], [NUMBER_WORDS, NUMBER], [NEGATIONS, NEGATION], [TITLES, TITLE], [LIGHT_WORDS, LIGHT]] as const) {
  for (const hash of set) CLASSES.set(hash, (CLASSES.get(hash) ?? 0) | flag);
}

/**
 * Words and their opposites, as news copy flips them ("increasing" → "declining", "against" →
 * "for"): a quote word replaced by its opposite is a reversed claim.
 */
const OPPOSITES: ReadonlyArray<readonly [string, string]> = [
  ['increase increases increased increasing rise rises rose rising grow grows grew growing more higher greater larger', 'decrease decreases decreased decreasing fall falls fell falling decline declines declined declining shrink shrinks shrank shrinking less lower smaller fewer'],
  ['strengthen strengthens strengthened strengthening strong stronger', 'weaken weakens weakened weakening weak weaker'],
  ['support supports supported supporting favor favour favors favours backed back', 'oppose opposes opposed opposing against'],
  ['against', 'for with'],
  ['accept accepts accepted accepting approve approves approved approving allow allows allowed', 'reject rejects rejected rejecting refuse refuses refused refusing ban bans banned'],
  ['win wins won winning victory success succeed succeeds succeeded', 'lose loses lost losing defeat failure fail fails failed'],
  ['admit admits admitted admitting confirm confirms confirmed confirming', 'deny denies denied denying'],
  ['ally allies allied', 'enemy enemies adversary adversaries'],
  ['before', 'after'],
  ['first', 'last'],
  ['start starts started starting begin begins began beginning', 'end ends ended ending stop stops stopped stopping'],
  ['true', 'false'],
];
const OPPOSITE = new Map<number, Set<number>>();
for (const [one, other] of OPPOSITES) {
  for (const [a, b] of [
    [one, other],
    [other, one],
  ]) {
    const opposites = wordHashes(b);
    for (const hash of wordHashes(a)) OPPOSITE.set(hash, new Set([...(OPPOSITE.get(hash) ?? []), ...opposites]));
  }
}

/** Whether one word is the other's opposite ("increasing", "declining"). */
export const areOpposite = (a: number, b: number): boolean => OPPOSITE.get(a)?.has(b) ?? false;

/** The classes a word has by its hash alone (no text needed). */
export const classOfHash = (hash: number): number => CLASSES.get(hash) ?? 0;

const VOWELS = /[aeiouy\u0300-\u036f]/g;
const NEGATIVE_PREFIXES = ['non', 'dis', 'un', 'in', 'im', 'il', 'ir'];

/** The hash of a word without a negating prefix ("unconditional" → "conditional"), or 0 when it has none. */
export function withoutNegativePrefix(word: string): number {
  const lower = word.toLowerCase();
  const prefix = NEGATIVE_PREFIXES.find((candidate) => lower.startsWith(candidate));
  if (!prefix) return 0;
  const rest = lower.slice(lower[prefix.length] === '-' ? prefix.length + 1 : prefix.length);
  return rest.length >= 4 ? (wordHashes(rest)[0] ?? 0) : 0;
}

/**
 * A word's spelling skeleton: lower case, accents and vowels dropped, z read as s, doubled
 * letters once. Equal skeletons are a respelling ("recognize"/"recognise", "Sergey"/"Sergei",
 * "Mohammed"/"Mohammad", "Zelensky"/"Zelenskyy"), not a different word. 0 for words under four
 * letters, with digits, or with a skeleton under two letters: too little to tell.
 */
export function skeleton(word: string): number {
  if (word.length < 4) return 0;
  let hash = 0x811c9dc5;
  let size = 0;
  let previous = -1;
  for (let i = 0; i < word.length; i++) {
    let c = word.charCodeAt(i);
    if (c === 0xad || c === 0x34f || (c >= 0x200b && c <= 0x200d) || c === 0x2060 || c === 0xfeff) continue;
    if (c >= 128) return slowSkeleton(word);
    if (c >= 48 && c <= 57) return 0;
    if (c >= 65 && c <= 90) c += 32;
    if (c === 97 || c === 101 || c === 105 || c === 111 || c === 117 || c === 121) continue;
    if (c === 122) c = 115;
    if (c === previous) continue;
    previous = c;
    size++;
    hash = Math.imul(hash ^ c, 0x01000193);
  }
  return size < 2 ? 0 : (hash >>> 0) || 1;
}

function slowSkeleton(word: string): number {
  if (/\d/.test(word)) return 0;
  const letters = word
    .replace(/[\u00ad\u034f\u200b-\u200d\u2060\ufeff]/g, '')
    .toLowerCase().normalize('NFD').replace(VOWELS, '').replace(/z/g, 's').replace(/(.)\1+/g, '$1');
  if (letters.length < 2) return 0;
  let hash = 0x811c9dc5;
  for (let i = 0; i < letters.length; i++) hash = Math.imul(hash ^ letters.charCodeAt(i), 0x01000193);
  return (hash >>> 0) || 1;
}
