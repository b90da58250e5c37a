// Highlight styles for articles rendered inside open shadow roots: a document's ::highlight() rules
// do not reach into shadow trees, so each such root gets Backstory's highlight sheet adopted (no
// element is added) and loses it again on teardown.
import highlightCss from './highlights.css?inline';

export class ShadowHighlightStyles {
  private sheet?: CSSStyleSheet;
  private readonly roots = new Set<ShadowRoot>();

  adopt(roots: readonly ShadowRoot[]): void {
    for (const root of roots) {
      if (this.roots.has(root)) continue;
      try {
        if (!this.sheet) {
          this.sheet = new CSSStyleSheet();
          this.sheet.replaceSync(highlightCss);
        }
        root.adoptedStyleSheets = [...root.adoptedStyleSheets, this.sheet];
        this.roots.add(root);
      } catch {
        // Firefox may refuse a content script's sheet in a page's root; highlights still register.
      }
    }
  }

  release(): void {
    for (const root of this.roots) {
      root.adoptedStyleSheets = root.adoptedStyleSheets.filter((sheet) => sheet !== this.sheet);
    }
    this.roots.clear();
  }
}
