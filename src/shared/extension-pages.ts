// Extension pages the manifest does not name, as built (vite.config.ts's rollupOptions.input).

/** The first-run page, opened by the background on install. */
export const WELCOME_PAGE = 'src/welcome/welcome.html';
