// Reads the visible text of a subtree into one string, remembering which text node each part came
// from, so word offsets can become DOM Ranges. Reads only; never writes to the page.
import { locateSpan } from '../core/offsets.ts';

export interface TextIndex {
  text: string;
  nodes: Text[];
  /** Offset in `text` where each node's data begins. */
  starts: number[];
  positions: Map<Text, number>;
}

const SKIPPED = new Set(['SCRIPT', 'STYLE', 'NOSCRIPT', 'TEMPLATE', 'TEXTAREA', 'SELECT', 'OPTION', 'IFRAME', 'OBJECT', 'SVG', 'MATH', 'CANVAS', 'VIDEO', 'AUDIO', 'HEAD']);
const INLINE = new Set(['A', 'ABBR', 'B', 'BDI', 'BDO', 'CITE', 'CODE', 'DATA', 'DFN', 'EM', 'FONT', 'I', 'KBD', 'MARK', 'Q', 'S', 'SAMP', 'SMALL', 'SPAN', 'STRONG', 'SUB', 'SUP', 'TIME', 'U', 'VAR', 'WBR', 'DEL', 'INS', 'LABEL']);

function isBlock(element: Element): boolean {
  return !INLINE.has(element.tagName.toUpperCase());
}

/**
 * Text nodes in document order. A separator goes between two nodes that are not in the same run of
 * inline content (different paragraphs, or a <br> between them), so words never join across blocks
 * but do join across inline elements: `<b>Mu</b>sk` reads as "Musk".
 */
export function indexText(root: Node): TextIndex {
  const nodes: Text[] = [];
  const starts: number[] = [];
  const parts: string[] = [];
  const positions = new Map<Text, number>();
  let length = 0;
  let boundary = false;
  const walker = document.createTreeWalker(root, NodeFilter.SHOW_ELEMENT | NodeFilter.SHOW_TEXT, {
    acceptNode(node) {
      if (node.nodeType === Node.TEXT_NODE) return NodeFilter.FILTER_ACCEPT;
      const element = node as Element;
      if (SKIPPED.has(element.tagName.toUpperCase()) || element.tagName.toLowerCase().startsWith('backstory-')) {
        return NodeFilter.FILTER_REJECT;
      }
      return NodeFilter.FILTER_ACCEPT;
    },
  });
  let previousBlockEnd: Node | null = null;
  for (let node = walker.nextNode(); node; node = walker.nextNode()) {
    if (node.nodeType !== Node.TEXT_NODE) {
      if (isBlock(node as Element)) boundary = true;
      continue;
    }
    const text = node as Text;
    // Leaving a block element is not visited by the walker: notice it by the previous text node's
    // block ancestor no longer containing this one.
    if (previousBlockEnd && !previousBlockEnd.contains(text)) boundary = true;
    const data = text.data;
    if (data.length === 0) continue;
    if (boundary && length > 0) {
      parts.push('\n');
      length += 1;
    }
    boundary = false;
    positions.set(text, nodes.length);
    nodes.push(text);
    starts.push(length);
    parts.push(data);
    length += data.length;
    previousBlockEnd = nearestBlock(text, root);
  }
  return { text: parts.join(''), nodes, starts, positions };
}

function nearestBlock(node: Node, root: Node): Node {
  for (let parent = node.parentNode; parent && parent !== root; parent = parent.parentNode) {
    if (parent.nodeType === Node.ELEMENT_NODE && isBlock(parent as Element)) return parent;
  }
  return root;
}

export function rangeOf(index: TextIndex, start: number, end: number): Range {
  const [from, to] = locateSpan(index.starts, start, end);
  const range = document.createRange();
  range.setStart(index.nodes[from.segment], from.offset);
  range.setEnd(index.nodes[to.segment], to.offset);
  return range;
}

/** Offset in `index.text` of a caret position, or -1 when the node is not indexed. */
export function offsetOf(index: TextIndex, node: Node, offset: number): number {
  const segment = node.nodeType === Node.TEXT_NODE ? index.positions.get(node as Text) : undefined;
  return segment === undefined ? -1 : index.starts[segment] + offset;
}
