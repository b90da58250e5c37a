// Serves a server-rendered React page of the article whose client hydrates it after load.
import { build } from 'esbuild';
import { createElement } from 'react';
import { renderToString } from 'react-dom/server';
import { PARAGRAPHS } from '../../support/article.ts';
import { App } from './react-app.ts';
import { page } from './fixture-pages.ts';
import type { TestServer } from './server.ts';

/** Hydration starts this long after load, so the extension has highlighted the server's DOM first. */
const HYDRATE_AFTER_MS = 1200;

export async function serveReactPage(server: TestServer): Promise<string> {
  const bundle = await build({
    entryPoints: [new URL('./react-client.ts', import.meta.url).pathname],
    bundle: true,
    write: false,
    format: 'iife',
    define: { 'process.env.NODE_ENV': '"development"' },
  });
  server.page('/react-client.js', bundle.outputFiles[0].text, 'text/javascript');
  const html = renderToString(createElement(App, { paragraphs: PARAGRAPHS }));
  const loader = `<script>window.paragraphs = ${JSON.stringify(PARAGRAPHS)};
    setTimeout(() => { const s = document.createElement('script'); s.src = '/react-client.js'; document.body.append(s); }, ${HYDRATE_AFTER_MS});</script>`;
  return server.page('/react.html', page(`<div id="root">${html}</div>${loader}`));
}
