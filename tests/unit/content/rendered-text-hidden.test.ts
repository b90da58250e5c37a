// @vitest-environment jsdom
// rendered-text.ts below an element the reader cannot see: one read of a computed style inside a
// subtree that content-visibility skips made Chromium style all of it (0.7 s for a chain 10,000 deep).
import { afterEach, describe, expect, it, vi } from 'vitest';
import { renderedAsWritten } from '../../../src/content/rendered-text.ts';

describe('text the reader cannot see', () => {
  afterEach(() => {
    vi.restoreAllMocks();
    delete (Element.prototype as Partial<Element>).checkVisibility;
  });

  it('is withheld as hidden without reading a style below the element that hides it', () => {
    document.body.innerHTML = '<section id="unseen"><p>Putin said the talks had <b>failed</b> before they began.</p></section><p id="seen">Elsewhere.</p>';
    const unseen = document.getElementById('unseen') as HTMLElement;
    Element.prototype.checkVisibility = function (this: Element) {
      return !unseen.contains(this);
    };
    const styles = vi.spyOn(globalThis, 'getComputedStyle');
    const range = document.createRange();
    range.selectNodeContents(unseen.querySelector('p') as HTMLElement);
    expect(renderedAsWritten(range)).toEqual({ ok: false, reason: 'hidden', partly: false });
    expect(styles).not.toHaveBeenCalled();
  });
});
