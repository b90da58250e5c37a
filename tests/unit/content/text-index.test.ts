// @vitest-environment jsdom
// The overlay's text index (text-index.ts): what it reads of a page, compared with what the gate reads.
import { describe, expect, it } from 'vitest';
import { pageTexts, Shadows } from '../../../src/content/page-text.ts';
import { indexText } from '../../../src/content/text-index.ts';

const parse = (html: string) => new DOMParser().parseFromString(html, 'text/html');
const words = (text: string) => text.split(/\s+/).filter(Boolean);

describe('indexText', () => {
  it('reads the HTML inside an SVG <foreignObject>, as its own block, and not the SVG’s own text', () => {
    const doc = parse('<body><p>before</p><svg><text>drawn label</text><foreignObject width="100" height="100"><div xmlns="http://www.w3.org/1999/xhtml"><p>inside <b>the</b> object</p></div></foreignObject></svg><p>after</p></body>');
    expect(indexText(doc.body).text.split('\n')).toEqual(['before', 'inside the object', 'after']);
  });

  it('reads each <foreignObject> once when SVGs nest inside them', () => {
    const doc = parse('<body><svg><foreignObject><p>outer</p><svg><foreignObject><p>inner</p></foreignObject></svg></foreignObject></svg></body>');
    expect(words(indexText(doc.body).text)).toEqual(['outer', 'inner']);
  });

  it('reads every word the gate reads in a <foreignObject>: the two agree, so a page is never found and then left unmarked', () => {
    const doc = parse('<body><svg><foreignObject><div><p>Ushakov said the talks went well</p></div></foreignObject></svg></body>');
    const gate = words([...pageTexts(doc, new Shadows())].join(' '));
    expect(words(indexText(doc.body).text)).toEqual(gate);
  });
});
