// How the gate reads a page: its text in few native calls, without the contents of <script> and
// <style> (embedded JSON can be most of a news page's text), or, on a very large page, a text node
// at a time with points between them where the reader may pause; plus the text of open shadow
// roots for pages that render their article in web components (custom elements found natively, or
// by an element walk that can pause on very large pages). Long texts are given in pieces, so that
// no page holds the gate in one long task.

/** Text nodes read between two points where the reader may pause. */
export const TEXTS_PER_PAUSE = 1024;
/**
 * Text nodes longer than this are checked for being a script's or style sheet's contents; shorter
 * ones are read wherever they are (a check per node would cost a wrapper for every parent).
 */
export const CHECKED_LENGTH = 256;
const SKIPPED = new Set(['script', 'style']);

/**
 * The text of `root`'s text nodes in document order (as textContent would give it, script and style
 * contents left out), in parts of TEXTS_PER_PAUSE nodes or PIECE characters, each followed by an
 * empty string: a point where the reader may pause.
 */
export function* textParts(root: Node): Generator<string> {
  const doc = root.ownerDocument ?? (root as Document);
  const walker = doc.createTreeWalker(root, 4);
  /** Just after the node read last, kept by the browser wherever the page moves or removes nodes. */
  const readTo = doc.createRange();
  let part = '';
  let count = 0;
  for (let node = walker.nextNode(); node; ) {
    const data = (node as Text).data;
    part += data.length > CHECKED_LENGTH && SKIPPED.has((node.parentNode as Element | null)?.localName as string) ? '\n' : data;
    if (++count % TEXTS_PER_PAUSE === 0 || part.length >= PIECE) {
      readTo.setStartAfter(node);
      yield part;
      yield '';
      part = '';
      // The page ran meanwhile. A walker on a node it took away finds nothing after it: go on from
      // where that node was.
      if (!root.contains(node)) {
        const next = firstAfter(readTo, root);
        if (!next) break;
        walker.currentNode = next;
        if (next.nodeType === 3) {
          node = next;
          continue;
        }
      }
    }
    node = walker.nextNode();
  }
  if (part) yield part;
}

/** The first node of `root` after `point`'s start in document order (an element before its contents). */
function firstAfter(point: Range, root: Node): Node | null {
  let next: Node | null = point.startContainer.childNodes[point.startOffset] ?? null;
  for (let at: Node | null = point.startContainer; !next && at && at !== root; at = at.parentNode) next = at.nextSibling;
  return next && root.contains(next) ? next : null;
}

/**
 * Texts longer than PIECE are given a piece at a time, so that a marker search pauses between them
 * (8 markers over 256 KB took 3.5 ms). Pieces overlap by OVERLAP, well over an article's text
 * (6 KB): no shingle is cut in two, and what pieces show of an article adds up (detect.ts).
 */
export const PIECE = 1 << 16;
export const OVERLAP = 1 << 14;

/** `parts` joined, in pieces of at most PIECE characters overlapping by OVERLAP; the empty parts (pauses) passed on. */
export function* inPieces(parts: Iterable<string>): Generator<string> {
  let buffer = '';
  /** How much of `buffer` a piece already gave. */
  let given = 0;
  for (const part of parts) {
    if (part === '') {
      yield '';
      continue;
    }
    buffer += part;
    while (buffer.length >= PIECE) {
      yield buffer.slice(0, PIECE);
      buffer = buffer.slice(PIECE - OVERLAP);
      given = OVERLAP;
    }
  }
  if (buffer.length > given) yield buffer;
}

/**
 * Past this many <script>/<style> elements the text is read whole, theirs included: a Range boundary
 * beside an element costs its index among its siblings, so cutting out thousands of siblings was
 * quadratic (6,000 <style> siblings: 870 ms in Chromium). Such a page pays for reading some code.
 */
const MAX_RANGE_CUTS = 500;

/**
 * The text of `root`, as textContent would give it but without script and style contents: the text
 * between two such elements is read with one Range at a time (no per-node JavaScript).
 */
export function textWithoutScripts(root: Element | ShadowRoot): string {
  const skipped = root.querySelectorAll('script,style');
  // An element's or a shadow root's textContent is a string, never null.
  if (skipped.length === 0 || skipped.length > MAX_RANGE_CUTS) return root.textContent as string;
  const doc = root.ownerDocument;
  const range = doc.createRange();
  const parts: string[] = [];
  range.setStart(root, 0);
  let last: Element | undefined;
  for (const element of skipped) {
    if (last?.contains(element)) continue;
    range.setEndBefore(element);
    parts.push(range.toString());
    range.setStartAfter(element);
    last = element;
  }
  range.setEnd(root, root.childNodes.length);
  parts.push(range.toString());
  return parts.join('\n');
}

/** Shadow roots read (and watched, text-watch.ts) at most, and custom elements kept to look at again. */
const MAX_SHADOW_ROOTS = 1000;
/**
 * Elements looked at between two points where a walk may pause (each costs a wrapper in this world).
 * On a page of 100,000 custom elements, the longest task of a load overshot the 3 ms slice to
 * 4.3–12.7 ms at 256 (four loads), and 3.4–6.8 ms at 64 (five loads).
 */
export const ELEMENTS_PER_PAUSE = 64;

/**
 * Pages (or added subtrees) of up to this many elements are searched for custom elements natively;
 * on larger ones, a walk looks at this many elements at most (100,000 cost 50–90 ms in slices: a
 * page could time that).
 */
const NATIVE_SEARCH_MAX = 20_000;
/** Subtrees of up to this many elements are walked rather than searched with XPath. */
const WALKED_ANYWAY = 16;
/**
 * Elements a walk of a page (or added subtree) of more than NATIVE_SEARCH_MAX elements looks at.
 * Each gets a wrapper in this world, and making them cost steps of 64 elements of 0.6–5.3 ms in
 * every load of 100,000 custom elements (Chromium 156), beyond the slice; the first 20,000 cost
 * 2.7–23.6 ms in all there.
 */
const WALKED_MOST = 6_000;

/** The open shadow roots the gate has read, and custom elements that had none yet. */
export class Shadows {
  readonly roots = new Set<ShadowRoot>();
  /** A component may attach its root after the gate has looked: pageTexts looks at these again. */
  readonly hosts = new Set<Element>();
  /** Told of each root read from now on (the text watcher observes it). */
  declare onRoot?: (root: ShadowRoot) => void;
  /** Whether the document, at its last whole read, was too large to read natively (LARGE_HTML, NATIVE_SEARCH_MAX). */
  declare large?: boolean;
}

/** `host`'s open shadow root if not read before, now marked read; a custom element without one is kept to look at again. */
function newRoot(host: Element, shadows: Shadows): ShadowRoot | undefined {
  const root = host.shadowRoot;
  if (!root) {
    if (host.localName.includes('-') && shadows.hosts.size < MAX_SHADOW_ROOTS) shadows.hosts.add(host);
    return undefined;
  }
  if (shadows.roots.has(root) || shadows.roots.size >= MAX_SHADOW_ROOTS) return undefined;
  shadows.hosts.delete(host);
  shadows.roots.add(root);
  shadows.onRoot?.(root);
  return root;
}

/**
 * The text of each open shadow root in `root` (itself, if a host, and nested roots too) not read
 * before, lazily: on a walk, an empty string every ELEMENTS_PER_PAUSE elements is a point
 * where the caller may pause, so a page of 100,000 elements costs no long task. `counted`: the
 * number of elements below `root` when the caller knows it (pageTexts).
 */
export function* shadowTexts(root: Node, shadows: Shadows, most = NATIVE_SEARCH_MAX, counted?: number): Generator<string> {
  const doc = root.ownerDocument ?? (root as Document);
  // `root`, then below it, with few elements, the custom ones (where a root is looked for) in one
  // native pass. A walk gives every element a wrapper in the content scripts' world: it cost pages
  // without the article about 1.5 ms more at the median (bench, 2026-12-07), so it is kept for pages
  // too large for one pass. (An XPath union with `.` sorts its node-set: 4 to 10 times slower.)
  // A node with no element below it (a changed text) is looked at alone; one with a few (a live
  // blog's new paragraph) is walked: XPath's own cost, 14 µs a search, is more than a short walk.
  const below = (root as Partial<ParentNode>).firstElementChild != null;
  const elements = below ? (counted ?? elementsUpTo(root, most)) : undefined;
  let custom: XPathResult | undefined;
  try {
    if (elements !== undefined && elements > WALKED_ANYWAY && elements <= most) custom = doc.evaluate(".//*[contains(name(),'-')]", root, null, 6, null);
  } catch {
    // Without XPath functions (jsdom), the walk.
  }
  const walker = custom || !below ? undefined : doc.createTreeWalker(root, 1);
  // Shadow roots (which cannot count their elements) and jsdom are walked whole, up to `most`.
  const looked = elements === Infinity ? Math.min(most, WALKED_MOST) : most;
  for (let node: Node | null = root, count = 0; node && count <= looked; node = custom ? custom.snapshotItem(count - 1) : (walker?.nextNode() ?? null)) {
    if (++count % ELEMENTS_PER_PAUSE === 0) yield '';
    const shadow = node.nodeType === 1 && newRoot(node as Element, shadows);
    if (shadow) {
      yield* inPieces(textParts(shadow));
      yield* shadowTexts(shadow, shadows);
    }
  }
}

/** What a document's text is read from. */
const readRoot = (doc: Document): Node => doc.body ?? doc.documentElement ?? doc;

/** The text of a document (its body's), element or text node, without script and style contents. */
function textOf(node: Node): string {
  if (node.nodeType === 9) node = readRoot(node as Document);
  if (node.nodeType === 3) return (node as Text).data;
  return node.nodeType === 1 && !(node as Element).matches('script,style') ? textWithoutScripts(node as Element) : '';
}

/**
 * A page whose HTML is larger than this, or with more than NATIVE_SEARCH_MAX elements, is read a
 * text node at a time: one native read of 5 MB of text took 10 ms. A text node at a time costs
 * ordinary pages four times as much as native reads (2 ms against 0.5 ms on news pages).
 */
const LARGE_HTML = 1 << 20;

/**
 * The number of elements below `root`, or Infinity when there are more than `most`; undefined for a
 * shadow root, which cannot tell. Never counted past `most`: a collection's length is native work over
 * every element, in one task (24.8 ms for 1,000,000); looking up one item walks only as far as it.
 */
function elementsUpTo(root: Node, most: number): number | undefined {
  const elements = (root as Partial<Document>).getElementsByTagName?.('*');
  return elements && (elements[most] ? Infinity : elements.length);
}

/** Whether `doc`'s HTML alone makes it too large to read natively. */
function largeHtml(): boolean {
  const navigation = performance.getEntriesByType('navigation')[0] as PerformanceNavigationTiming | undefined;
  return (navigation?.decodedBodySize ?? 0) > LARGE_HTML;
}

/**
 * What the gate reads, lazily: the page's text (or, given `added`, each added subtree's), then the
 * text of open shadow roots in it new to `shadows`, and of roots attached since to the custom
 * elements seen without one; long texts in overlapping pieces.
 */
export function* pageTexts(doc: Document, shadows: Shadows, added: readonly Node[] = [doc]): Generator<string> {
  for (const node of added) {
    const elements = node === doc ? (elementsUpTo(doc, NATIVE_SEARCH_MAX) as number) : undefined;
    if (elements !== undefined) shadows.large = elements > NATIVE_SEARCH_MAX || largeHtml();
    yield* inPieces(shadows.large && node === doc ? textParts(readRoot(doc)) : [textOf(node)]);
    yield* shadowTexts(node, shadows, NATIVE_SEARCH_MAX, elements);
  }
  for (const host of shadows.hosts) {
    if (!host.isConnected) shadows.hosts.delete(host);
    else if (host.shadowRoot) yield* shadowTexts(host, shadows);
  }
}
