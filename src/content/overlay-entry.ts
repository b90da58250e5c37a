// The overlay script, injected by the background after the pack's notes file: it registers
// startOverlay for the gate on the isolated world's global (the page cannot see it) and starts nothing.
import { anchorRequestOf } from '../core/anchor-request.ts';
import type { PackData } from '../model/pack.ts';
import { parseAnchorAnswer, type ToBackground } from '../shared/messages.ts';
import { displayOf, parseSettings } from '../shared/settings.ts';
import { extensionApi } from './extension-api.ts';
import type { TextAnchorer } from './anchor.ts';
import { startOverlay } from './overlay.ts';
import { OVERLAY_GLOBAL, PACK_GLOBAL } from '../shared/injected-files.ts';
import type { OverlayModule } from './overlay-api.ts';

const pack = Object.getOwnPropertyDescriptor(globalThis, PACK_GLOBAL)?.value as PackData | undefined;
const send = (message: ToBackground): Promise<unknown> => extensionApi.runtime.sendMessage(message).catch(() => undefined);
/** The highlight styles, asked for once per document (an overlay started again finds them in). */
let styles: Promise<unknown> | undefined;

/** The pack's notes' places in a text, found by the background. No answer is a failure (the gate starts again), never "no notes here". */
const anchorTextOf = ({ slug, markers, radius }: PackData): TextAnchorer => async (text) => {
  const places = parseAnchorAnswer(await send({ type: 'anchor', slug, ...anchorRequestOf(text, markers, radius) }), text.length);
  if (!places) throw new Error('no answer to anchor');
  return places;
};
const extension = {
  openSource: (url: string) => void send({ type: 'open-source', url }),
  reportCount: (count: number) => void send({ type: 'note-count', count }),
  reportBlocked: () => void send({ type: 'blocked' }),
  loadStyles: () => (styles ??= send({ type: 'load-styles' })),
};

if (pack) {
  const overlay: OverlayModule = {
    slug: pack.slug,
    startOverlay: (relay, signal, events, stored) => startOverlay(pack, relay, signal, events, displayOf(parseSettings(stored)), { ...extension, anchorText: anchorTextOf(pack) }),
  };
  Object.defineProperty(globalThis, OVERLAY_GLOBAL, { value: overlay, configurable: true });
}
