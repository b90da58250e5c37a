// Whether a browser window can open: on Linux, only with an X or Wayland display.
export function hasDisplay(env: NodeJS.ProcessEnv, platform: NodeJS.Platform = process.platform): boolean {
  if (platform !== 'linux') return true;
  return Boolean(env.DISPLAY || env.WAYLAND_DISPLAY);
}

/** The one line `npm start` prints without a display, with the command that gives it one. */
export function noDisplayMessage(argv: readonly string[]): string {
  const args = argv.length > 0 ? ` -- ${argv.join(' ')}` : '';
  return `No display ($DISPLAY and $WAYLAND_DISPLAY are not set), so no browser window can open; with a virtual one: sudo apt-get install xvfb && xvfb-run -a npm start${args}`;
}
