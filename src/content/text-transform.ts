// What CSS `text-transform` makes of a text, and whether the reader then still reads the same words.
// Pure: no DOM, unit-tested in Node. rendered-text.ts applies it to the text under a highlight.
import { wordHashes } from '../core/tokenize.ts';

/** Small kana and their full-size forms (`full-size-kana`), as CSS Text 3 lists the common ones. */
const SMALL_KANA = 'ぁぃぅぇぉっゃゅょゎゕゖァィゥェォッャュョヮヵヶㇰㇱㇲㇳㇴㇵㇶㇷㇸㇹㇺㇻㇼㇽㇾㇿｧｨｩｪｫｯｬｭｮ';
const FULL_KANA = 'あいうえおつやゆよわかけアイウエオツヤユヨワカケクシストヌハヒフヘホムラリルレロｱｲｳｴｵﾂﾔﾕﾖ';

function fullWidth(text: string): string {
  let out = '';
  for (const char of text) {
    const code = char.codePointAt(0) ?? 0;
    out += code === 0x20 ? '\u3000' : code > 0x20 && code < 0x7f ? String.fromCodePoint(code + 0xfee0) : char;
  }
  return out;
}

function fullSizeKana(text: string): string {
  let out = '';
  for (const char of text) {
    const at = SMALL_KANA.indexOf(char);
    out += at >= 0 ? FULL_KANA[at] : char;
  }
  return out;
}

/** Upper-cases the first letter or digit of each word (CSS `capitalize`), leaving the rest. */
function capitalize(text: string, lang: string | undefined): string {
  return text.replace(/(^|[^\p{L}\p{N}\p{M}])([\p{L}\p{N}])/gu, (_all, before: string, first: string) => before + first.toLocaleUpperCase(lang));
}

/**
 * `text` as a `text-transform` value (the computed one, e.g. "uppercase" or "capitalize full-width")
 * shows it. Unknown keywords (`math-auto`, future ones) leave it unchanged here; rendered-text.ts
 * withholds those instead of guessing.
 */
export function applyTextTransform(text: string, transform: string, lang?: string): string {
  let out = text;
  for (const keyword of transform.trim().split(/\s+/)) {
    if (keyword === 'uppercase') out = out.toLocaleUpperCase(lang || undefined);
    else if (keyword === 'lowercase') out = out.toLocaleLowerCase(lang || undefined);
    else if (keyword === 'capitalize') out = capitalize(out, lang || undefined);
    else if (keyword === 'full-width') out = fullWidth(out);
    else if (keyword === 'full-size-kana') out = fullSizeKana(out);
  }
  return out;
}

/** The transform keywords applyTextTransform knows. */
const KNOWN = new Set(['none', 'uppercase', 'lowercase', 'capitalize', 'full-width', 'full-size-kana']);

export function knownTransform(transform: string): boolean {
  return transform.trim().split(/\s+/).every((keyword) => KNOWN.has(keyword));
}

/**
 * Whether a reader reads the same words in `text` once `transform` is applied: the words Backstory
 * matches on (case folded, as everywhere in core/tokenize.ts) are the same, in the same order.
 * "failed" under `uppercase` is; "straße" (→ "STRASSE") and full-width letters are not.
 */
export function sameWordsAfterTransform(text: string, transform: string, lang?: string): boolean {
  if (transform === 'none' || transform === '') return true;
  if (!knownTransform(transform)) return false;
  const before = wordHashes(text);
  const after = wordHashes(applyTextTransform(text, transform, lang));
  return before.length === after.length && before.every((hash, i) => hash === after[i]);
}
