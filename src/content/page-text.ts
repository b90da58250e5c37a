// How the gate reads a page: its text in few native calls, without the contents of <script> and
// <style> (embedded JSON can be most of a news page's text), plus the text of open shadow roots of
// custom elements for pages that render their article in web components.

/** Pages with more light-DOM text than this are not searched for shadow roots. */
const SHADOW_SCAN_MAX_LIGHT_TEXT = 20_000;
/** At most this many custom elements are looked at for a shadow root: the read stays bounded on a page of 100,000. */
const SHADOW_SCAN_MAX_ELEMENTS = 2000;
/**
 * Past this many <script>/<style> elements, the text is read node by node instead of cut out with a
 * Range per element: a Range boundary beside an element costs its index among its siblings, so
 * thousands of siblings made the cuts quadratic (6,000 <style> siblings: 870 ms in Chromium).
 */
const MAX_RANGE_CUTS = 500;

const CUSTOM_ELEMENTS = "//*[contains(local-name(), '-')]";

/**
 * The text of `root`, as textContent would give it but without script and style contents: the text
 * between two such elements is read with one Range at a time (no per-node JavaScript).
 */
export function textWithoutScripts(root: Element | ShadowRoot): string {
  const skipped = root.querySelectorAll('script, style');
  if (skipped.length === 0) return root.textContent ?? '';
  if (skipped.length > MAX_RANGE_CUTS) return textNodesOutsideScripts(root);
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
  range.detach();
  return parts.join('\n');
}

/** The same text, gathered from a native XPath snapshot of the text nodes: linear in the nodes. */
function textNodesOutsideScripts(root: Element | ShadowRoot): string {
  const doc = root.ownerDocument;
  const found = doc.evaluate('.//text()[not(parent::script) and not(parent::style)]', root, null, XPathResult.ORDERED_NODE_SNAPSHOT_TYPE, null);
  const parts: string[] = [];
  for (let i = 0; i < found.snapshotLength; i++) parts.push((found.snapshotItem(i) as Text).data);
  return parts.join('');
}

export function lightText(doc: Document): string {
  const root = doc.body ?? doc.documentElement;
  return root ? textWithoutScripts(root) : '';
}

/** Custom elements (a hyphen in the name) found natively with XPath, not by a JavaScript walk. */
function customElements(doc: Document): Element[] {
  try {
    const found = doc.evaluate(CUSTOM_ELEMENTS, doc, null, XPathResult.ORDERED_NODE_SNAPSHOT_TYPE, null);
    return Array.from({ length: Math.min(found.snapshotLength, SHADOW_SCAN_MAX_ELEMENTS) }, (_, i) => found.snapshotItem(i) as Element);
  } catch {
    // jsdom's XPath cannot evaluate local-name() inside contains(); browsers can.
    return [...doc.querySelectorAll('*')].filter((element) => element.localName.includes('-')).slice(0, SHADOW_SCAN_MAX_ELEMENTS);
  }
}

/** The text of open shadow roots of custom elements, for pages with little light-DOM text. */
export function shadowTexts(doc: Document, lightLength: number): string[] {
  if (lightLength > SHADOW_SCAN_MAX_LIGHT_TEXT) return [];
  return customElements(doc).flatMap((element) => (element.shadowRoot ? [textWithoutScripts(element.shadowRoot)] : []));
}
