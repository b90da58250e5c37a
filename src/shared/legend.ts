// The key to the highlights: one entry per kind, its name painted with the real highlight style
// and followed by the same style in words, so that nothing is told by colour alone.
import { NOTE_KINDS, type NoteKind } from '../model/note.ts';
import { t } from './i18n.ts';
import { followIntensity, linkHighlightStyles, SampleHighlights } from './sample-highlights.ts';
import type { Intensity } from './settings.ts';

const NAME: Record<NoteKind, string> = { person: 'kindPerson', event: 'kindEvent', claim: 'kindClaim' };

/** The style in words; claims have a fill at the strong intensity only (content/highlight-fills.css). */
function described(kind: NoteKind, intensity: Intensity): string {
  if (kind === 'person') return t('legendPerson');
  if (kind === 'event') return t('legendEvent');
  return intensity === 'strong' ? t('legendClaimStrong') : t('legendClaim');
}

function contentsOf(node: Node): Range {
  const range = document.createRange();
  range.selectNodeContents(node);
  return range;
}

export interface Legend {
  /** Says the styles of `intensity` in words (the highlights themselves are repainted by SampleHighlights). */
  describe(intensity: Intensity): void;
}

/** Fills `list` (a <ul>) with the three entries and registers their sample words with `highlights`. */
export function renderLegend(list: HTMLUListElement, highlights: SampleHighlights): Legend {
  list.setAttribute('aria-label', t('legendLabel'));
  const descriptions = new Map<NoteKind, HTMLSpanElement>();
  const samples = new Map<NoteKind, HTMLSpanElement>();
  list.replaceChildren(
    ...NOTE_KINDS.map((kind) => {
      const sample = document.createElement('span');
      sample.className = 'legend-sample';
      sample.textContent = t(NAME[kind]);
      const description = document.createElement('span');
      description.className = 'legend-description';
      descriptions.set(kind, description);
      const item = document.createElement('li');
      item.dataset.kind = kind;
      // "Person — yellow fill, solid underline": the dash is read out as a pause.
      item.append(sample, ' — ', description);
      samples.set(kind, sample);
      return item;
    }),
  );
  // Ranges made once the samples are in the document: Firefox (153) paints no range made in a detached tree.
  for (const [kind, sample] of samples) highlights.add(kind, contentsOf(sample));
  const legend: Legend = {
    describe(intensity) {
      for (const [kind, description] of descriptions) description.textContent = described(kind, intensity);
    },
  };
  legend.describe('normal');
  return legend;
}

/**
 * The legend on an extension page, whole: links the highlight sheets, fills `list`, and follows the
 * reader's intensity in paint and in words. Returns the page's highlights, for other samples.
 */
export function mountLegend(list: HTMLUListElement, highlights = new SampleHighlights()): SampleHighlights {
  linkHighlightStyles();
  const legend = renderLegend(list, highlights);
  followIntensity((intensity) => {
    highlights.paint(intensity);
    legend.describe(intensity);
  });
  return highlights;
}
