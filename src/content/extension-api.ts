// The extension API for the content script without webextension-polyfill (which would triple the
// script every page loads): Firefox provides `browser`, Chrome's MV3 `chrome` has the same
// promise-returning storage and runtime calls that this script uses.
import type Browser from 'webextension-polyfill';

type ExtensionApi = typeof Browser;

const scope = globalThis as unknown as { browser?: ExtensionApi; chrome?: ExtensionApi };

export const extensionApi = (scope.browser ?? scope.chrome) as ExtensionApi;
