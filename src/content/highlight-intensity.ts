// The reader's highlight intensity. "normal" is the manifest's highlights.css and adds nothing; the
// others adopt one constructed sheet on the document (no element is added) that overrides the fills.
import type { Intensity } from '../shared/settings.ts';

const FILLS: Record<Exclude<Intensity, 'normal'>, Record<'person' | 'event' | 'claim', string>> = {
  subtle: { person: 'rgb(255 190 0 / 0.14)', event: 'rgb(0 150 255 / 0.1)', claim: 'rgb(255 70 90 / 0.08)' },
  strong: { person: 'rgb(255 190 0 / 0.6)', event: 'rgb(0 150 255 / 0.45)', claim: 'rgb(255 70 90 / 0.38)' },
};

let sheet: CSSStyleSheet | undefined;

export function applyIntensity(intensity: Intensity): void {
  clearIntensity();
  if (intensity === 'normal') return;
  try {
    sheet = new CSSStyleSheet();
    const fills = FILLS[intensity];
    sheet.replaceSync(
      Object.entries(fills)
        .map(([kind, fill]) => `::highlight(backstory-${kind}) { background-color: ${fill}; }`)
        .join('\n'),
    );
    document.adoptedStyleSheets = [...document.adoptedStyleSheets, sheet];
  } catch {
    // A browser that refuses a content script's sheet keeps the normal intensity.
    sheet = undefined;
  }
}

export function clearIntensity(): void {
  if (!sheet) return;
  const own = sheet;
  document.adoptedStyleSheets = document.adoptedStyleSheets.filter((candidate) => candidate !== own);
  sheet = undefined;
}
