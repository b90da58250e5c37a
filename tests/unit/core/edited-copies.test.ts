// Hand-edited copies of the article (tests/fixtures/edited/, one kind of edit each) against their
// hand-written truth: every copy is still detected, no note lands on words the truth does not
// give it, and the share of placements anchored is reported (docs/anchoring.md).
import { describe, expect, it } from 'vitest';
import * as pack from 'virtual:backstory-annotations';
import { createTextAnchorer } from '../../../src/core/anchor-text.ts';
import { detects } from '../../support/detect.ts';
import { editedCopies, score, type Anchor } from '../../support/edited.ts';

const anchorText = createTextAnchorer(pack);
const copies = editedCopies(pack.notes.map((note) => note.id));
/** Page furniture around each copy: names in navigation and a sidebar must never be painted. */
const HEADER = 'Home News World Trump Putin Zelensky Musk\n';
const FOOTER = '\nMost read: Musk and Trump: what Zelenskyy and Rubio said about Lavrov in Riyadh\nSanctions explained';

function anchorsIn(text: string): Anchor[] {
  const page = HEADER + text + FOOTER;
  const { words, matches } = anchorText(page);
  return matches.map((match) => ({
    noteId: match.noteId,
    selector: match.selector,
    start: words.starts[match.first] - HEADER.length,
    end: words.ends[match.end - 1] - HEADER.length,
  }));
}

describe('edited copies of the article', () => {
  it('has at least the ten kinds of edit', () => {
    expect(copies.length).toBeGreaterThanOrEqual(11);
  });

  it.each(copies.map((copy) => [copy.name, copy] as const))('%s: truth names every note, no wrong anchor, still detected', (_name, copy) => {
    const result = score(copy, anchorsIn(copy.text), pack.notes);
    expect(result.missing, `${copy.name}: the truth does not say where these notes go or that they orphan; add them to tests/fixtures/edited/${copy.name}.txt`).toEqual([]);
    expect(result.wrong, `${copy.name}: notes on words the truth does not give them`).toEqual([]);
    expect(detects(copy.text), `${copy.name} is not detected`).toBe(true);
  });

  it('anchors at least 98 % of the placements that should anchor, and reports each kind', () => {
    let should = 0;
    let anchored = 0;
    const rows = copies.map((copy) => {
      const result = score(copy, anchorsIn(copy.text), pack.notes);
      should += result.should;
      anchored += result.anchored;
      return `${copy.name.padEnd(24)} ${String(result.anchored).padStart(3)}/${String(result.should).padEnd(4)} wrong ${result.wrong.length}, must orphan ${result.mustOrphan}`;
    });
    console.info(`${rows.join('\n')}\nall: ${anchored}/${should} (${((100 * anchored) / should).toFixed(1)} %)`);
    expect(anchored / should).toBeGreaterThanOrEqual(0.98);
  });
});
