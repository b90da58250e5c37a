// @vitest-environment jsdom
// rendered-text.ts and contents that content-visibility: hidden skips: one read of a computed style
// inside them made Chromium style all of them (0.7 s for a chain 10,000 deep).
import { afterEach, describe, expect, it, vi } from 'vitest';
import { renderedAsWritten } from '../../../src/content/rendered-text.ts';

describe('text in skipped contents', () => {
  afterEach(() => {
    vi.restoreAllMocks();
    delete (Element.prototype as Partial<Element>).checkVisibility;
  });

  it('is withheld as hidden without reading a style inside the element that skips it', () => {
    document.body.innerHTML = '<section id="skipping"><div><p>Putin said the talks had <b>failed</b> before they began.</p></div></section><p>Elsewhere.</p>';
    const skipping = document.getElementById('skipping') as HTMLElement;
    Element.prototype.checkVisibility = function (this: Element) {
      return !skipping.contains(this) || this === skipping;
    };
    const styles = vi.spyOn(globalThis, 'getComputedStyle').mockImplementation(
      (element: Element) => ({ contentVisibility: element === skipping ? 'hidden' : 'visible', display: 'block' }) as CSSStyleDeclaration,
    );
    const range = document.createRange();
    range.selectNodeContents(skipping.querySelector('p') as HTMLElement);
    expect(renderedAsWritten(range)).toEqual({ ok: false, reason: 'hidden', partly: false });
    const read = styles.mock.calls.map(([element]) => element);
    expect(read.length).toBeGreaterThan(0);
    expect(read.filter((element) => element !== skipping && skipping.contains(element))).toEqual([]);
  });
});
