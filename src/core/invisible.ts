// Characters that render as nothing: Unicode's Default_Ignorable_Code_Point set (soft hyphens,
// zero-width joiners, bidi controls, variation selectors, tag characters…). A page can put them
// inside words to make the same text compare differently; everything that reads text skips them.
// Written out because `\p{Default_Ignorable_Code_Point}` is slower to scan with; a unit test checks
// this list against the property over every code point.
const BMP = '\\u00AD\\u034F\\u061C\\u115F\\u1160\\u17B4\\u17B5\\u180B-\\u180F\\u200B-\\u200F\\u202A-\\u202E\\u2060-\\u206F\\u3164\\uFE00-\\uFE0F\\uFEFF\\uFFA0\\uFFF0-\\uFFF8';
const ASTRAL = '\\u{1BCA0}-\\u{1BCA3}\\u{1D173}-\\u{1D17A}\\u{E0000}-\\u{E0FFF}';
/** High surrogates of the astral ranges: a cheap over-approximation for a first look. */
const ASTRAL_LEADS = '\\uD82F\\uD834\\uDB40-\\uDB43';

// Made on first use: a bundle that uses only one of them (the gate) neither carries nor makes the others.
let exact: RegExp | undefined;
let all: RegExp | undefined;
/** Without the `u` flag V8 scans a code-unit class about four times faster. */
let maybe: RegExp | undefined;

export function isInvisible(codePoint: number): boolean {
  exact ??= new RegExp(`[${BMP}${ASTRAL}]`, 'u');
  return exact.test(String.fromCodePoint(codePoint));
}

/** True when `text` may hold invisible characters (never false when it does). */
export function mayHaveInvisible(text: string): boolean {
  maybe ??= new RegExp(`[${BMP}${ASTRAL_LEADS}]`);
  return maybe.test(text);
}

export function withoutInvisible(text: string): string {
  all ??= new RegExp(`[${BMP}${ASTRAL}]`, 'gu');
  return text.replace(all, '');
}
