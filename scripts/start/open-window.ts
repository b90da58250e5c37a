// With a display: the page in a browser window with Backstory loaded, through web-ext run, until the
// reader closes it or presses Ctrl-C; then the temporary folder (the browser's profile) is removed.
import { spawn } from 'node:child_process';
import type { TestServer } from '../../tests/browser/harness/server.ts';
import { removeOnSignals, type TempRoot } from './temp-root.ts';

const WEB_EXT = new URL('../../node_modules/web-ext/bin/web-ext.js', import.meta.url).pathname;

export interface WindowRun {
  browser: 'chromium' | 'firefox';
  binary: string;
  url: string;
  /** npm start's own arguments, for the command it suggests. */
  argv: readonly string[];
  temp: TempRoot;
  server: TestServer;
}

/** Runs web-ext until the browser closes; the exit status. */
export async function openWindow({ browser, binary, url, argv, temp, server }: WindowRun): Promise<number> {
  const target =
    browser === 'firefox'
      ? ['--target', 'firefox-desktop', '--source-dir', 'dist/firefox', '--firefox', binary]
      : ['--target', 'chromium', '--source-dir', 'dist/chrome', '--chromium-binary', binary];
  // Chromium refuses to run as root without --no-sandbox (containers, CI machines).
  const rootArgs = browser === 'chromium' && process.getuid?.() === 0 ? ['--args=--no-sandbox'] : [];
  const webExt = spawn(process.execPath, [WEB_EXT, 'run', ...target, '--start-url', url, '--no-reload', '--no-config-discovery', ...rootArgs], { stdio: 'inherit' });
  const exited = new Promise<number>((resolve) => webExt.on('exit', (code) => resolve(code ?? 0)));
  // Ctrl-C reaches web-ext too (same process group): wait for it to close the browser, then clean up.
  removeOnSignals(temp, async () => {
    const timer = setTimeout(() => webExt.kill('SIGKILL'), 5000);
    await exited;
    clearTimeout(timer);
    await server.close();
  });
  const code = await exited;
  await server.close();
  if (code !== 0) {
    const display = process.env.DISPLAY ?? process.env.WAYLAND_DISPLAY;
    console.error(`npm start: web-ext could not run ${browser} with Backstory (exit status ${code}). If the display ${display} does not work here, unset DISPLAY and WAYLAND_DISPLAY for a screenshot instead, or use a virtual display: xvfb-run -a npm start${argv.length > 0 ? ` -- ${argv.join(' ')}` : ''}`);
  }
  await temp.removeWhenQuiet();
  return code;
}
