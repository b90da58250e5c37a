// The overlay script, injected by the background after the pack's notes file: it registers
// startOverlay for the gate on the isolated world's global (the page cannot see it) and starts nothing.
import type { PackData } from '../model/pack.ts';
import type { ToBackground } from '../shared/messages.ts';
import { displayOf, parseSettings } from '../shared/settings.ts';
import { extensionApi } from './extension-api.ts';
import { startOverlay } from './overlay.ts';
import { OVERLAY_GLOBAL, PACK_GLOBAL } from '../shared/injected-files.ts';
import type { OverlayModule } from './overlay-api.ts';

const pack = Object.getOwnPropertyDescriptor(globalThis, PACK_GLOBAL)?.value as PackData | undefined;
const send = (message: ToBackground): Promise<unknown> => extensionApi.runtime.sendMessage(message).catch(() => undefined);
/** The highlight styles, asked for once per document (an overlay started again finds them in). */
let styles: Promise<unknown> | undefined;
const extension = {
  openSource: (url: string) => void send({ type: 'open-source', url }),
  reportCount: (count: number) => void send({ type: 'note-count', count }),
  reportBlocked: () => void send({ type: 'blocked' }),
  loadStyles: () => (styles ??= send({ type: 'load-styles' })),
};

if (pack) {
  const overlay: OverlayModule = {
    slug: pack.slug,
    startOverlay: (relay, signal, events, stored) => startOverlay(pack, relay, signal, events, displayOf(parseSettings(stored)), extension),
  };
  Object.defineProperty(globalThis, OVERLAY_GLOBAL, { value: overlay, configurable: true });
}
