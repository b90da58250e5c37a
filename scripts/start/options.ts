// `npm start` arguments: which browser, which pack. Anything else is a mistake, answered with usage.
export const START_USAGE = `Usage: npm start [-- [--firefox] [--pack <slug>]]

  (no options)      build, then open the demo article in Chromium with Backstory loaded
  --firefox         open it in Firefox instead
  --pack <slug>     open that pack's article (a page made from packs/<slug>/article.txt)
  --help            this text

Browsers: CHROMIUM_PATH and FIREFOX_PATH choose the binaries (default: Debian's
/usr/bin/chromium and /usr/bin/firefox-esr). Without a display, npm start saves a screenshot
of the page instead of opening a window.`;

export interface StartOptions {
  browser: 'chromium' | 'firefox';
  pack?: string;
  help: boolean;
}

export class UsageError extends Error {
  constructor(problem: string) {
    super(`npm start: ${problem}\n\n${START_USAGE}`);
    this.name = 'UsageError';
  }
}

export function parseStartOptions(argv: readonly string[]): StartOptions {
  const options: StartOptions = { browser: 'chromium', help: false };
  for (let i = 0; i < argv.length; i++) {
    const arg = argv[i];
    if (arg === '--firefox') options.browser = 'firefox';
    else if (arg === '--help' || arg === '-h') options.help = true;
    else if (arg === '--pack' || arg.startsWith('--pack=')) {
      const value = arg === '--pack' ? argv[++i] : arg.slice('--pack='.length);
      if (!value || value.startsWith('-')) throw new UsageError('--pack needs the name of a pack, e.g. --pack musk-riyadh-2025');
      options.pack = value;
    } else throw new UsageError(`unknown ${arg.startsWith('-') ? 'option' : 'argument'} "${arg}"`);
  }
  return options;
}
