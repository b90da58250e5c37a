// W3C TextPositionSelector offsets count Unicode code points; JavaScript strings count UTF-16 units.

export function toCodePoints(text: string, utf16: number): number {
  let points = 0;
  for (let i = 0; i < utf16 && i < text.length; i++, points++) {
    const code = text.charCodeAt(i);
    if (code >= 0xd800 && code <= 0xdbff && i + 1 < utf16) i++;
  }
  return points;
}

export function toUtf16(text: string, codePoints: number): number {
  let i = 0;
  for (let points = 0; points < codePoints && i < text.length; points++) {
    const code = text.charCodeAt(i);
    i += code >= 0xd800 && code <= 0xdbff && i + 1 < text.length ? 2 : 1;
  }
  return i;
}
