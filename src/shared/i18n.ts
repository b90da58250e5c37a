// UI strings, from _locales/<lang>/messages.json through the browser's i18n API (in content scripts
// and extension pages alike).

interface I18n {
  getMessage(name: string, substitutions?: string | string[]): string;
}

const scope = globalThis as unknown as { browser?: { i18n?: I18n }; chrome?: { i18n?: I18n } };

export function t(key: string, ...substitutions: string[]): string {
  const i18n = scope.browser?.i18n ?? scope.chrome?.i18n;
  return i18n?.getMessage(key, substitutions) || key;
}

/** Fills `data-i18n` (text) and `data-i18n-label` (aria-label) in an extension page. */
export function localizePage(root: ParentNode = document): void {
  root.querySelectorAll<HTMLElement>('[data-i18n]').forEach((element) => {
    element.textContent = t(element.dataset.i18n ?? '');
  });
  root.querySelectorAll<HTMLElement>('[data-i18n-label]').forEach((element) => {
    element.setAttribute('aria-label', t(element.dataset.i18nLabel ?? ''));
  });
}
