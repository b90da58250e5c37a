// Whether the reader sees the words under a Range as the page's text has them: Backstory vouches
// (paints, opens a note) only for such text. Costs style and layout, so it is asked only of the
// anchored ranges (about 74 on the article), never of the whole page.
import type { WithheldReason } from '../shared/messages.ts';
import { BIDI_CONTROL, drawnBefore, RIGHT_TO_LEFT, type Box } from './reading-order.ts';
import { sameWordsAfterTransform } from './text-transform.ts';

export type { WithheldReason };

export type Rendering =
  | { ok: true }
  /** `partly`: some of the range's words are shown (the reader sees different words there), not none. */
  | { ok: false; reason: WithheldReason; partly: boolean };

const XHTML = 'http://www.w3.org/1999/xhtml';
/** Replaced and embedded content: what it shows is not text Backstory read. */
const REPLACED = new Set(['IMG', 'PICTURE', 'INPUT', 'TEXTAREA', 'SELECT', 'BUTTON', 'IFRAME', 'FRAME', 'OBJECT', 'EMBED', 'VIDEO', 'AUDIO', 'CANVAS', 'METER', 'PROGRESS']);
/** Never rendered by default; their text is not the page's (the text index skips it too). */
const UNRENDERED = new Set(['SCRIPT', 'STYLE', 'NOSCRIPT', 'TEMPLATE']);
const WORD = /[\p{L}\p{N}]/u;
/**
 * Letters under this share of the range's typical height (the lower median: a drop cap is not
 * typical) are too small to read as part of it; under MIN_HEIGHT_PX, at all.
 */
const MIN_HEIGHT_SHARE = 0.4;
const MIN_HEIGHT_PX = 3;

export function tooSmall(heights: readonly number[]): boolean {
  if (heights.length === 0) return false;
  const typical = [...heights].sort((a, b) => a - b)[Math.floor((heights.length - 1) / 2)];
  return heights.some((height) => height < MIN_HEIGHT_PX || height < typical * MIN_HEIGHT_SHARE);
}
/** Shown: not display: none or content-visibility: hidden (always checked), nor invisible, nor transparent. Content that content-visibility: auto skips off screen is shown when scrolled to. */
const VISIBILITY: CheckVisibilityOptions = { checkOpacity: true, checkVisibilityCSS: true, opacityProperty: true, visibilityProperty: true };

/** Generated content with no letter or digit (quotes, dashes, bullets) does not change the words. */
export function addsWords(content: string): boolean {
  if (content === 'none' || content === 'normal' || content === '') return false;
  const withoutQuotes = content.replace(/\b(no-)?(open|close)-quote\b/g, '');
  // Strings are quoted in the computed value; anything outside them (url(), attr(), counter()) may show anything.
  const outside = withoutQuotes.replace(/"(?:[^"\\]|\\.)*"/g, '').trim();
  if (outside !== '') return true;
  return [...withoutQuotes.matchAll(/"((?:[^"\\]|\\.)*)"/g)].some((match) => WORD.test(match[1]));
}

/**
 * Text drawn with less alpha than this (its colour's or fill's, times the opacities of the elements
 * around it) is taken as hidden. At 0.1 even black on white has a contrast of about 1.25:1 with
 * its background (WCAG asks 4.5:1 of body text and 3:1 of large text): a smudge, lost under any
 * word the page draws over it. Faded text meant to be read stays well above it (Material Design's
 * secondary text is 0.54, its disabled text 0.38).
 */
const MIN_ALPHA = 0.1;

/**
 * The alpha, 0 to 1, of a colour as computed styles give it: `rgba(r, g, b, a)`, or `/ a` inside
 * `color()`, `oklch()` and the like; 1 when there is none (`rgb(…)`) or the value is not read.
 */
export function colorAlpha(color: string): number {
  if (color === 'transparent') return 0;
  const args = /^[a-z-]+\(([^()]*)\)$/i.exec(color.trim())?.[1];
  if (args === undefined) return 1;
  const afterSlash = args.split('/');
  const commas = args.split(',');
  const alpha = (afterSlash.length === 2 ? afterSlash[1] : commas.length === 4 ? commas[3] : '1').trim();
  if (alpha === 'none') return 0;
  return Math.min(1, Math.max(0, amount(alpha)));
}

/** The least alpha the glyphs of `style` are drawn with: `color` or `-webkit-text-fill-color`; 0 when drawn as bullets (`-webkit-text-security`). */
function glyphAlpha(style: CSSStyleDeclaration): number {
  const security = style.getPropertyValue('-webkit-text-security');
  if (security !== '' && security !== 'none') return 0;
  return Math.min(colorAlpha(style.color), colorAlpha(style.getPropertyValue('-webkit-text-fill-color')));
}

/**
 * What the `::first-line` and `::first-letter` of the blocks around some text draw unlike the
 * blocks themselves. Which line the text is on is not asked: all of a block's text counts.
 */
interface FirstLines {
  /** The least alpha they draw glyphs with, where lower than their block's; else 1. */
  alpha: number;
  /** Whether one draws letters too small to read. */
  tiny: boolean;
  /** The `text-transform`s they draw with that their blocks do not. */
  transforms: readonly string[];
}

const NO_FIRST_LINES: FirstLines = { alpha: 1, tiny: false, transforms: [] };
const FIRST_LINE_PSEUDOS = ['::first-line', '::first-letter'];

type TextPaint = 'hidden' | 'zero-size' | 'reordered' | { transforms: readonly string[] };

/** A number or a percentage (an alpha, an opacity, a filter's `opacity(0.5)` or `contrast(50%)`) as a fraction; 1 when there is none. */
function amount(argument: string): number {
  const value = parseFloat(argument);
  if (Number.isNaN(value)) return 1;
  return argument.trim().endsWith('%') ? value / 100 : value;
}

/** Blurs of at least this many pixels leave no letter readable. */
const MAX_BLUR_PX = 1;

/**
 * What a computed `filter` does to the text under it: multiplies its alpha (opacity()), or leaves it
 * unreadable (blur() of a pixel or more, contrast() or brightness() near 0, or an SVG filter, which
 * may draw anything): 0. Shadows, greyscale, sepia, saturation, hue and inversion keep letters readable.
 */
export function filterAlpha(filter: string): number {
  if (filter === 'none' || filter === '') return 1;
  let alpha = 1;
  for (const [, name, argument] of filter.matchAll(/([a-z-]+)\(((?:[^()]|\([^()]*\))*)\)/g)) {
    if (name === 'url') return 0;
    if (name === 'blur' && parseFloat(argument) >= MAX_BLUR_PX) return 0;
    if ((name === 'contrast' || name === 'brightness') && amount(argument) < MIN_ALPHA * 2) return 0;
    if (name === 'opacity') alpha *= amount(argument);
  }
  return alpha;
}

/**
 * Whether an element cuts its content to a shape the text box does not show (`clip` on a positioned
 * element, the "visually hidden" pattern; `clip-path`; a mask): its text may be partly or wholly
 * cut away, and Backstory does not work out which.
 */
function cutsItsContent(style: CSSStyleDeclaration): boolean {
  const mask = style.getPropertyValue('mask-image') || style.getPropertyValue('-webkit-mask-image');
  return (style.clip !== '' && style.clip !== 'auto') || style.clipPath !== 'none' || (mask !== '' && mask !== 'none');
}

/**
 * Displays whose contents `content-visibility: hidden` skips in both browsers (checked in Chromium 156
 * and Firefox 153). An inline or `display: contents` element with it still draws its contents and its
 * ::before, and so does a table in both browsers and a table cell in Firefox: none is taken as
 * skipping them. Displays left out are only read, slowly but safely.
 */
const CONTAINED_DISPLAYS = new Set(['block', 'flow-root', 'inline-block', 'list-item', 'flex', 'inline-flex', 'grid', 'inline-grid']);

/** List markers that draw no letter or digit. */
const WORDLESS_MARKERS = new Set(['none', 'disc', 'circle', 'square', 'disclosure-open', 'disclosure-closed']);

function skipsContents(style: CSSStyleDeclaration): boolean {
  return style.contentVisibility === 'hidden' && CONTAINED_DISPLAYS.has(style.display);
}

/** `unicode-bidi` that draws an element's letters in the order `direction` forces, not the text's. */
const OVERRIDES = new Set(['bidi-override', 'isolate-override']);

/** The element a node is drawn inside: its parent, or the host of the shadow root it is in. */
function parentOf(node: Node): Element | null {
  return node.parentElement ?? ((node.parentNode as ShadowRoot | null)?.host ?? null);
}

/** What one check of many ranges learns about elements, shared between the ranges (names sit inside claims). */
export class RenderCache {
  private readonly styles = new Map<Element, CSSStyleDeclaration>();
  private readonly painted = new Map<Element, TextPaint>();
  private readonly opacities = new Map<Element, number>();
  private readonly cut = new Map<Element, boolean>();
  private readonly overridden = new Map<Element, boolean>();
  private readonly firstLines = new Map<Element, FirstLines>();
  /** The document's scroll offset, read once: every read may ask for layout. */
  readonly scroll = { x: scrollX, y: scrollY };
  private readonly clips = new Map<Element, readonly DOMRect[]>();
  private readonly generated = new Map<Element, { before: boolean; after: boolean }>();
  private readonly controls = new Map<Element, boolean>();
  private readonly visibility = new Map<Element, boolean>();
  private readonly skips = new Map<Element, boolean>();

  style(element: Element): CSSStyleDeclaration {
    let style = this.styles.get(element);
    if (!style) {
      style = getComputedStyle(element);
      this.styles.set(element, style);
    }
    return style;
  }

  /** Whether the reader can see `element` at all (asked of elements outside skipped contents only: see `skipped`). */
  visible(element: Element): boolean {
    let visible = this.visibility.get(element);
    if (visible === undefined) {
      visible = element.checkVisibility(VISIBILITY);
      this.visibility.set(element, visible);
    }
    return visible;
  }

  /**
   * Whether `element` is in contents that `content-visibility: hidden` (also `hidden="until-found"`)
   * skips, itself or an element around it: nothing there is drawn, ::before and ::after included.
   * Read from the root down, and no style below the skipping element: one read of a computed style
   * inside made Chromium style all of the skipped contents (0.7 s for a chain 10,000 deep).
   */
  skipped(element: Element): boolean {
    return this.inherited(element, this.skips, false, (outer, at) => outer || skipsContents(this.style(at)));
  }

  /**
   * How `element` paints its own text: not at all (hidden, nearly transparent, as bullets, and so
   * on a first line or letter), too small to read (on a first line or letter), or with which
   * `text-transform`s.
   */
  textPaint(element: Element): TextPaint {
    let paint = this.painted.get(element);
    if (!paint) {
      paint = this.paintOf(element);
      this.painted.set(element, paint);
    }
    return paint;
  }

  private paintOf(element: Element): TextPaint {
    if (!this.visible(element)) return 'hidden';
    const style = this.style(element);
    const firstLines = this.inherited(element, this.firstLines, NO_FIRST_LINES, (outer, at) => this.withFirstLines(outer, at));
    const opacity = this.inherited(element, this.opacities, 1, (outer, at) => outer * amount(this.style(at).opacity) * filterAlpha(this.style(at).filter));
    if (Math.min(glyphAlpha(style), firstLines.alpha) * opacity < MIN_ALPHA) return 'hidden';
    if (this.inherited(element, this.cut, false, (outer, at) => outer || cutsItsContent(this.style(at)))) return 'hidden';
    if (firstLines.tiny) return 'zero-size';
    if (this.inherited(element, this.overridden, false, (outer, at) => outer || OVERRIDES.has(this.style(at).unicodeBidi))) return 'reordered';
    return { transforms: [style.textTransform, ...firstLines.transforms] };
  }

  /**
   * `extend` applied from the root down to `element` (each element's value is its parent's
   * extended by it), cached per element; a loop, not recursion, for deep trees.
   */
  private inherited<T>(element: Element, cache: Map<Element, T>, root: T, extend: (outer: T, element: Element) => T): T {
    const uncached: Element[] = [];
    let value = root;
    for (let at: Element | null = element; at; at = parentOf(at)) {
      const known = cache.get(at);
      if (known !== undefined) {
        value = known;
        break;
      }
      uncached.push(at);
    }
    for (const at of uncached.reverse()) {
      value = extend(value, at);
      cache.set(at, value);
    }
    return value;
  }

  /** `outer` with what the `::first-line` and `::first-letter` of `element` draw unlike it. */
  private withFirstLines(outer: FirstLines, element: Element): FirstLines {
    const style = this.style(element);
    // They apply to block containers only.
    if (style.display === 'inline' || style.display === 'contents' || style.display === 'none') return outer;
    const ownAlpha = glyphAlpha(style);
    const ownSize = parseFloat(style.fontSize);
    let { alpha, tiny } = outer;
    const transforms = [...outer.transforms];
    for (const pseudo of FIRST_LINE_PSEUDOS) {
      const drawn = getComputedStyle(element, pseudo);
      const drawnAlpha = glyphAlpha(drawn);
      if (drawnAlpha < ownAlpha) alpha = Math.min(alpha, drawnAlpha);
      const size = parseFloat(drawn.fontSize);
      if (size < ownSize && (size < MIN_HEIGHT_PX || size < ownSize * MIN_HEIGHT_SHARE)) tiny = true;
      if (drawn.textTransform !== style.textTransform && !transforms.includes(drawn.textTransform)) transforms.push(drawn.textTransform);
    }
    return alpha === outer.alpha && tiny === outer.tiny && transforms.length === outer.transforms.length ? outer : { alpha, tiny, transforms };
  }

  /** Whether the block (bidi paragraph) that `text` is laid out in holds a bidi control (reading-order.ts). */
  bidiControls(text: Text): boolean {
    let block = parentOf(text);
    while (block?.parentElement && (this.style(block).display === 'inline' || this.style(block).display === 'contents')) block = block.parentElement;
    if (!block) return BIDI_CONTROL.test(text.data);
    let found = this.controls.get(block);
    if (found === undefined) {
      found = BIDI_CONTROL.test(block.textContent ?? '');
      this.controls.set(block, found);
    }
    return found;
  }

  /** Whether `::before` and `::after` of `element` add words. */
  addsWords(element: Element): { before: boolean; after: boolean } {
    let generated = this.generated.get(element);
    if (!generated) {
      // A list item's ::marker is drawn before its contents, as a ::before is.
      const before = addsWords(getComputedStyle(element, '::before').content) || this.markerAddsWords(element);
      generated = { before, after: addsWords(getComputedStyle(element, '::after').content) };
      this.generated.set(element, generated);
    }
    return generated;
  }

  /** Whether `element` is a list item whose ::marker draws words: its `content`, an image, a string, or a counter (numbers, letters). */
  private markerAddsWords(element: Element): boolean {
    const style = this.style(element);
    if (!style.display.includes('list-item')) return false;
    const content = getComputedStyle(element, '::marker').content;
    if (content !== 'normal' && content !== '') return addsWords(content);
    if (style.listStyleImage !== 'none') return true;
    const type = style.listStyleType;
    if (WORDLESS_MARKERS.has(type)) return false;
    return type.startsWith('"') ? addsWords(type) : true;
  }

  /**
   * The boxes that `element` and its ancestors below <body> clip their content to, per axis
   * (`overflow: hidden | clip`). <body>'s and <html>'s overflow is the viewport's, which scrolls.
   */
  clipsOf(element: Element): readonly DOMRect[] {
    const known = this.clips.get(element);
    if (known) return known;
    const doc = element.ownerDocument;
    const parent = parentOf(element);
    const inherited = parent && parent !== doc.body && parent !== doc.documentElement ? this.clipsOf(parent) : [];
    const style = this.style(element);
    const clipsX = style.overflowX === 'hidden' || style.overflowX === 'clip';
    const clipsY = style.overflowY === 'hidden' || style.overflowY === 'clip';
    let clips = inherited;
    if (clipsX || clipsY) {
      const box = element.getBoundingClientRect();
      clips = [...inherited, new DOMRect(clipsX ? box.left : -Infinity, clipsY ? box.top : -Infinity, clipsX ? box.width : Infinity, clipsY ? box.height : Infinity)];
    }
    this.clips.set(element, clips);
    return clips;
  }
}

/** Letters may stand out of their box by this much at a clipping edge without being cut (sub-pixel layout, italics). */
const CLIP_TOLERANCE_PX = 2;

/**
 * Whether a clipping ancestor cuts a text box: any of its width (letters, as "un" of "undisclosed"),
 * or its vertical centre (glyph boxes stand taller than lines).
 */
function clippedAway(rect: DOMRect, clips: readonly DOMRect[]): boolean {
  const y = rect.top + rect.height / 2;
  return clips.some((clip) => rect.left < clip.left - CLIP_TOLERANCE_PX || rect.right > clip.right + CLIP_TOLERANCE_PX || y < clip.top || y > clip.bottom);
}

/** Beyond the top or left edge of the document: no scrolling brings it into view. */
function offPage(rect: DOMRect, scroll: { x: number; y: number }): boolean {
  return rect.right + scroll.x <= 0 || rect.bottom + scroll.y <= 0;
}

/** The elements that may have a shadow root besides custom elements (DOM standard: valid shadow host names). */
const SHADOW_HOSTS = new Set(['article', 'aside', 'blockquote', 'body', 'div', 'footer', 'h1', 'h2', 'h3', 'h4', 'h5', 'h6', 'header', 'main', 'nav', 'p', 'section', 'span']);

/** An element's shadow root, closed ones included where the extension can see them (Firefox: openOrClosedShadowRoot; Chromium: chrome.dom). */
function shadowOf(element: Element): ShadowRoot | null {
  // Links and emphasis, most of what a quote spans, cannot have one: no call to the extension API.
  if (!SHADOW_HOSTS.has(element.localName) && !element.localName.includes('-')) return null;
  const firefox = (element as Element & { openOrClosedShadowRoot?: ShadowRoot | null }).openOrClosedShadowRoot;
  if (firefox !== undefined) return firefox;
  const chromeDom = (globalThis as { chrome?: { dom?: { openOrClosedShadowRoot?(element: Element): ShadowRoot | null } } }).chrome?.dom;
  return chromeDom?.openOrClosedShadowRoot?.(element) ?? element.shadowRoot;
}

interface TextPiece {
  node: Text;
  start: number;
  end: number;
  /** Inside an element the reader cannot see. */
  hidden: boolean;
}

/** Elements and text nodes that the range holds or passes through, below its common ancestor. */
function* inside(range: Range): Generator<Node> {
  const root = range.commonAncestorContainer;
  if (root.nodeType === Node.TEXT_NODE) {
    yield root;
    return;
  }
  const walker = root.ownerDocument!.createTreeWalker(root, NodeFilter.SHOW_ELEMENT | NodeFilter.SHOW_TEXT);
  for (let node = walker.nextNode(); node; node = walker.nextNode()) {
    if (!range.intersectsNode(node)) {
      // Past the range's end nothing more can intersect.
      if (range.comparePoint(node, 0) > 0) return;
      continue;
    }
    yield node;
  }
}

/**
 * Whether the reader sees the words under `range` as the text holds them: none hidden or too small
 * to see, no generated content (`::before` / `::after` with words) inside it or on an element the
 * range enters or leaves, no foreign-namespace (MathML, SVG) or replaced content (img, input,
 * iframe…), and the same words after `text-transform`.
 */
export function renderedAsWritten(range: Range, cache = new RenderCache()): Rendering {
  const pieces: TextPiece[] = [];
  let failure: WithheldReason | undefined;
  let rightToLeft = false;
  const skipped: Element[] = [];
  for (const node of inside(range)) {
    if (skipped.some((element) => element.contains(node))) continue;
    if (node.nodeType === Node.TEXT_NODE) {
      const text = node as Text;
      const start = text === range.startContainer ? range.startOffset : 0;
      const end = text === range.endContainer ? range.endOffset : text.length;
      const data = text.data.slice(start, end);
      const parent = parentOf(text);
      // Text in skipped contents or under an element the reader cannot see is hidden: nothing more of it is read.
      const hidden = !parent || cache.skipped(parent) || !cache.visible(parent);
      if (!hidden && cache.bidiControls(text)) failure ??= 'reordered';
      if (RIGHT_TO_LEFT.test(data)) rightToLeft = true;
      if (WORD.test(data)) pieces.push({ node: text, start, end, hidden });
      continue;
    }
    const element = node as Element;
    const tag = element.tagName.toUpperCase();
    if (element.namespaceURI !== XHTML || REPLACED.has(tag)) {
      failure ??= 'foreign-content';
      skipped.push(element);
      continue;
    }
    // A shadow root shows its own content instead of, or around, the words Backstory read.
    if (shadowOf(element)) {
      failure ??= 'generated-content';
      skipped.push(element);
      continue;
    }
    if (UNRENDERED.has(tag)) {
      if (element.checkVisibility(VISIBILITY)) failure ??= 'foreign-content';
      skipped.push(element);
      continue;
    }
    // Nothing of it is drawn; its text is withheld as hidden. (An element that is only not laid out
    // itself, as under display: contents, may still draw a ::before.)
    if (cache.skipped(element)) continue;
    // ::before renders inside the range unless the range starts after it; ::after unless it ends before.
    const generated = cache.addsWords(element);
    if ((generated.before && !element.contains(range.startContainer)) || (generated.after && !element.contains(range.endContainer))) {
      failure ??= 'generated-content';
    }
  }
  let shown = 0;
  const heights: number[] = [];
  /** The last box of the last piece drawn, to see that each piece is drawn after it (reading-order.ts). */
  let previous: Box | undefined;
  for (const piece of pieces) {
    // Text directly under a shadow root is styled by its host.
    const parent = parentOf(piece.node);
    const verdict = parent && !piece.hidden ? pieceVerdict(piece, parent, cache, range) : 'hidden';
    if (typeof verdict !== 'string') {
      shown++;
      heights.push(verdict.height);
      // Right-to-left words and vertical writing are drawn in other directions, not checked here.
      if (!rightToLeft && previous && drawnBefore(previous, verdict.first)) failure ??= 'reordered';
      previous = cache.style(parent as Element).writingMode.startsWith('horizontal') ? verdict.last : undefined;
    } else {
      failure ??= verdict;
      heights.push(-1);
    }
  }
  if (!failure && tooSmall(heights.filter((height) => height >= 0))) failure = 'zero-size';
  if (pieces.length === 0) failure ??= 'hidden';
  return failure ? { ok: false, reason: failure, partly: shown > 0 } : { ok: true };
}

/** A failure, or, when the reader can see the piece, the height of its tallest box and its first and last boxes. */
function pieceVerdict(piece: TextPiece, parent: Element, cache: RenderCache, range: Range): WithheldReason | { height: number; first: Box; last: Box } {
  const paint = cache.textPaint(parent);
  if (typeof paint === 'string') return paint;
  const text = piece.node.data.slice(piece.start, piece.end);
  if (paint.transforms.some((transform) => transform !== 'none' && !sameWordsAfterTransform(text, transform, parent.closest('[lang]')?.getAttribute('lang') ?? undefined))) return 'text-transform';
  const clips = cache.clipsOf(parent);
  // A range within one text node (most names) is its own piece.
  let sub = range;
  if (range.startContainer !== piece.node || range.endContainer !== piece.node) {
    sub = piece.node.ownerDocument.createRange();
    sub.setStart(piece.node, piece.start);
    sub.setEnd(piece.node, piece.end);
  }
  let height = 0;
  let first: Box | undefined;
  let last: Box | undefined;
  for (const rect of sub.getClientRects()) {
    if (rect.width < 0.5 || rect.height < 0.5) continue;
    if (offPage(rect, cache.scroll) || clippedAway(rect, clips)) return 'hidden';
    first ??= rect;
    last = rect;
    height = Math.max(height, rect.height);
  }
  return first && last ? { height, first, last } : 'zero-size';
}
