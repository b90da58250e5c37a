// Pages that carry the article but show the reader other words than its text holds, or hide the copy
// Backstory reads: the attacks of issue 19, item 1. Each is the article's paragraphs with one change.
import { notes } from '../../../packs/musk-riyadh-2025/annotations.json' with { type: 'json' };
import { escapeHtml, paragraphsHtml } from '../../support/article.ts';
import { page } from './fixture-pages.ts';

/** The article with `from` (HTML of the article's text) replaced by `to`, once; throws if absent. */
function articleWith(from: string, to: string, head = ''): string {
  const html = paragraphsHtml();
  if (!html.includes(from)) throw new Error(`the article has no ${from}`);
  return page(`<article id="visible">${html.replace(from, to)}</article>`, head);
}

const FAILED = 'has “failed,”';
const UNDISCLOSED = 'remain undisclosed';

/** Attacks that change the words under the quoted "failed" claim (claim/putin-failed-quote). */
export const failedClaimAttacks: ReadonlyArray<[string, string, string]> = [
  ['a ::before with words on an element inside the claim', 'generated-content', articleWith(FAILED, 'has “<span class="x">failed</span>,”', '<style>.x::before { content: "not "; }</style>')],
  ['an ::after with words on an element the claim leaves', 'generated-content', articleWith('weaken Russia has “failed,”', '<span class="x">weaken Russia has</span> “failed,”', '<style>.x::after { content: " not"; }</style>')],
  // The element is invisible and holds no word; its ::before is made visible again.
  ['a visible ::before with words on an invisible empty element inside the claim', 'generated-content', articleWith(FAILED, 'has <span class="x"></span>“failed,”', '<style>.x { visibility: hidden; } .x::before { content: "not "; visibility: visible; }</style>')],
  // The review of the fifth session: elements without boxes of their own still draw a ::before.
  ['a ::before with words on an empty display: contents element inside the claim', 'generated-content', articleWith(FAILED, 'has <span class="x"></span>“failed,”', '<style>.x { display: contents; } .x::before { content: "not "; }</style>')],
  ['a ::before with words on a display: contents element around the claim’s word', 'generated-content', articleWith(FAILED, 'has “<span class="x"><b>failed</b></span>,”', '<style>.x { display: contents; } .x::before { content: "not "; }</style>')],
  ['a ::before with words on an inline element with content-visibility: hidden inside the claim', 'generated-content', articleWith(FAILED, 'has <span class="x"></span>“failed,”', '<style>.x { content-visibility: hidden; } .x::before { content: "not "; }</style>')],
  // The second review of the fifth session: content-visibility: hidden does not skip a table's contents; list markers.
  ['a ::before with words on an inline table with content-visibility: hidden inside the claim', 'generated-content', articleWith(FAILED, 'has <span class="x"></span>“failed,”', '<style>.x { display: inline-table; content-visibility: hidden; vertical-align: bottom; } .x::before { content: "not\\a0"; }</style>')],
  ['a list marker with words inside the claim', 'generated-content', articleWith(FAILED, 'has <span class="w"><span class="m"></span></span>“failed,”', '<style>.w { display: inline-block; vertical-align: bottom; } .m { display: list-item; list-style: inside "not\\a0"; }</style>')],
  ['MathML inside the claim', 'foreign-content', articleWith(FAILED, 'has <math><mtext>not</mtext></math> “failed,”')],
  ['SVG text inside the claim', 'foreign-content', articleWith(FAILED, 'has <svg width="30" height="16"><text y="12">not</text></svg> “failed,”')],
  // The form control ends the quote's words for the matcher, which orphans the note before any check ('').
  ['an input showing a word inside the claim', '', articleWith(FAILED, 'has <input value="not" size="3"> “failed,”')],
];

/** Attacks that hide two of the article's letters inside "remain undisclosed" (claim/call-undisclosed), inverting it. */
export const undisclosedAttacks: ReadonlyArray<[string, string, string]> = [
  ['letters in a hidden element', 'hidden', articleWith(UNDISCLOSED, 'remain <span hidden>un</span>disclosed')],
  ['letters in a display: none element', 'hidden', articleWith(UNDISCLOSED, 'remain <span class="x">un</span>disclosed', '<style>.x { display: none; }</style>')],
  ['transparent letters', 'hidden', articleWith(UNDISCLOSED, 'remain <span style="color: transparent">un</span>disclosed')],
  ['letters clipped away', 'hidden', articleWith(UNDISCLOSED, 'remain <span style="display: inline-block; width: 0; overflow: hidden; vertical-align: bottom">un</span>disclosed')],
  ['letters of zero size', 'zero-size', articleWith(UNDISCLOSED, 'remain <span style="font-size: 0">un</span>disclosed')],
  ['letters of 1 px', 'zero-size', articleWith(UNDISCLOSED, 'remain <span style="font-size: 1px">un</span>disclosed')],
  // Turkish upper case dots the i ("UNDİSCLOSED"): other letters than the article's, drawn by text-transform.
  ['other letters through text-transform', 'text-transform', articleWith(UNDISCLOSED, 'remain <span lang="tr" style="text-transform: uppercase">undisclosed</span>')],
  // The review of 2026-12-07: colour or fill with an alpha above 0, opacities that multiply, bullets, ::first-line, ::first-letter.
  ['nearly transparent letters', 'hidden', articleWith(UNDISCLOSED, 'remain <span style="color: rgba(17, 17, 17, 0.01)">un</span>disclosed')],
  ['letters filled nearly transparent', 'hidden', articleWith(UNDISCLOSED, 'remain <span style="-webkit-text-fill-color: oklch(0.2 0 0 / 0.05)">un</span>disclosed')],
  ['letters in two translucent elements', 'hidden', articleWith(UNDISCLOSED, 'remain <span style="opacity: 0.3"><span style="opacity: 0.25">un</span></span>disclosed')],
  // Chromium draws them as bullets; Firefox only masks form fields so, but the note is withheld there too.
  ['letters drawn as bullets', 'hidden', articleWith(UNDISCLOSED, 'remain <span style="-webkit-text-security: disc">un</span>disclosed')],
  ['letters on a transparent ::first-line', 'hidden', articleWith(UNDISCLOSED, 'remain <span class="x">un</span>disclosed', '<style>.x { display: inline-block; } .x::first-line { color: transparent; }</style>')],
  ['letters each a transparent ::first-letter', 'hidden', articleWith(UNDISCLOSED, 'remain <span class="x">u</span><span class="x">n</span>disclosed', '<style>.x { display: inline-block; } .x::first-letter { color: transparent; }</style>')],
  // The fourth review (2026-12-07): the "visually hidden" pattern, clip-path, masks, a partial clip, blur, letters drawn right to left.
  ['letters in a visually hidden element', 'hidden', articleWith(UNDISCLOSED, 'remain <span class="x">un</span>disclosed', '<style>.x { position: absolute; clip: rect(0 0 0 0); }</style>')],
  ['letters cut away by clip-path', 'hidden', articleWith(UNDISCLOSED, 'remain <span style="display: inline-block; width: 0; clip-path: inset(0)">un</span>disclosed')],
  ['letters under a transparent mask', 'hidden', articleWith(UNDISCLOSED, 'remain <span style="display: inline-block; width: 0; mask-image: linear-gradient(transparent, transparent)">un</span>disclosed')],
  ['its first letters cut away by a clipping box', 'hidden', articleWith(UNDISCLOSED, 'remain <span class="o"><span class="i">undisclosed</span></span>', '<style>.o { display: inline-block; overflow: hidden; vertical-align: bottom; } .i { display: inline-block; margin-left: -1.08em; }</style>')],
  ['blurred letters', 'hidden', articleWith(UNDISCLOSED, 'remain <span style="display: inline-block; filter: blur(4px)">undisclosed</span>')],
  ['its letters drawn right to left', 'reordered', articleWith(UNDISCLOSED, 'remain <span style="unicode-bidi: bidi-override; direction: rtl">undisclosed</span>')],
];

const REVEALED = '<p>Adding further intrigue';

/**
 * The paragraph whose first line holds "it was revealed that" (a place of claim/call-undisclosed)
 * with its `::first-line` styled: the review's `p::first-line`, which the reader sees and the
 * paragraph's computed style does not say.
 */
export const firstLineAttacks: ReadonlyArray<[string, string, string]> = [
  ['transparent', 'hidden', articleWith(REVEALED, '<p class="x">Adding further intrigue', '<style>.x::first-line { color: transparent; }</style>')],
  ['too small to read', 'zero-size', articleWith(REVEALED, '<p class="x">Adding further intrigue', '<style>.x::first-line { font-size: 5px; }</style>')],
  // Turkish upper case dots the i: "İT WAS REVEALED".
  ['in other letters', 'text-transform', articleWith(REVEALED, '<p class="x" lang="tr">Adding further intrigue', '<style>.x::first-line { text-transform: uppercase; }</style>')],
];

/** A copy of the article the reader does not see, before the visible one. */
export const unseenCopyFirst: ReadonlyArray<[string, string]> = [
  ['hidden', page(`<div hidden><article>${paragraphsHtml()}</article></div><article id="visible">${paragraphsHtml()}</article>`)],
  ['display: none', page(`<div class="x"><article>${paragraphsHtml()}</article></div><article id="visible">${paragraphsHtml()}</article>`, '<style>.x { display: none; }</style>')],
  ['placed off the page', page(`<div style="position: absolute; left: -20000px; width: 800px"><article>${paragraphsHtml()}</article></div><article id="visible">${paragraphsHtml()}</article>`)],
];

/** The article with a `<br hidden>` in the middle of the longest word of every quoted claim. */
export function hiddenBreakInEveryClaim(): string {
  let html = paragraphsHtml();
  for (const note of notes) {
    if (note.kind !== 'claim') continue;
    for (const selector of note.selectors ?? []) {
      const exact = escapeHtml(selector.exact);
      const longest = exact.split(/[^\p{L}]+/u).sort((a, b) => b.length - a.length)[0];
      const split = exact.replace(longest, `${longest.slice(0, 3)}<br hidden>${longest.slice(3)}`);
      html = html.replace(exact, split);
    }
  }
  return page(`<article id="visible">${html}</article>`);
}

/** The "failed" claim with a `::before { content: "not " }` that the page switches on with `arm()`, after Backstory painted. */
export const generatedContentLater = () =>
  articleWith(FAILED, 'has “<span class="x">failed</span>,”', '<style>.armed .x::before { content: "not "; }</style><script>window.arm = () => document.body.classList.add("armed");</script>');

const ACCUSED = 'Trump has accused Biden';

/**
 * Attacks that draw the article's own "Trump has accused Biden" (event/trump-accused-biden) as
 * "Biden has accused Trump", every word the article's and each name under its own note.
 */
export const reorderAttacks: ReadonlyArray<[string, string]> = [
  ['flex items with order', articleWith(ACCUSED, '<span style="display: inline-flex; gap: .27em"><span style="order: 3">Trump</span> <span style="order: 2">has accused</span> <span style="order: 1">Biden</span></span>')],
  ['a reversed flex row', articleWith(ACCUSED, '<span style="display: inline-flex; flex-direction: row-reverse; gap: .27em"><span>Trump</span> <span>has accused</span> <span>Biden</span></span>')],
  ['grid placement', articleWith(ACCUSED, '<span style="display: inline-grid; grid-auto-flow: column; gap: .27em"><span style="grid-column: 3">Trump</span> <span style="grid-column: 2">has accused</span> <span style="grid-column: 1">Biden</span></span>')],
  ['relative positioning', articleWith(ACCUSED, '<span style="position: relative; left: 9em">Trump</span> has accused <span style="position: relative; left: -9em">Biden</span>')],
  ['right-to-left isolates in CSS', articleWith(ACCUSED, '<span style="direction: rtl; unicode-bidi: isolate"><span style="unicode-bidi: isolate">Trump</span> <span style="unicode-bidi: isolate">has accused</span> <span style="unicode-bidi: isolate">Biden</span></span>')],
  ['right-to-left isolate controls in the text', articleWith(ACCUSED, '&#x2067;&#x2066;Trump&#x2069; &#x2066;has accused&#x2069; &#x2066;Biden&#x2069;&#x2069;')],
];
