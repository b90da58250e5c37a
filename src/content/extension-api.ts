// The extension API for content scripts, without webextension-polyfill (as large as the gate
// itself). Chosen at build time, never looked up by name at run time: a page's `<div id="browser">`
// is visible to the isolated world through named access on window, so `globalThis.browser ??
// chrome` can find the page's element in a Chromium that has no native `browser`.
// Firefox's `browser` and Chromium's MV3 `chrome` have the same promise-returning calls used here.

export interface ExtensionApi {
  runtime: {
    sendMessage(message: unknown): Promise<unknown>;
    onMessage: { addListener(listener: (message: unknown, sender: unknown, sendResponse: (response: unknown) => void) => void): void };
  };
  storage: {
    local: { get(key: string): Promise<Record<string, unknown>> };
    onChanged: { addListener(listener: (changes: Record<string, { newValue?: unknown }>, area: string) => void): void };
  };
}

declare const browser: ExtensionApi;
declare const chrome: ExtensionApi;

export const extensionApi: ExtensionApi = __BROWSER__ === 'firefox' ? browser : chrome;
