// Which browser binary `npm start` runs: CHROMIUM_PATH / FIREFOX_PATH, else Debian's. When it is
// not there, one message says what to install and how to point at another binary.
import { existsSync } from 'node:fs';

interface BrowserKind {
  label: string;
  setting: 'CHROMIUM_PATH' | 'FIREFOX_PATH';
  candidates: string[];
  debianPackage: string;
}

export const BROWSERS: Record<'chromium' | 'firefox', BrowserKind> = {
  chromium: { label: 'Chromium', setting: 'CHROMIUM_PATH', candidates: ['/usr/bin/chromium', '/usr/bin/chromium-browser'], debianPackage: 'chromium' },
  firefox: { label: 'Firefox', setting: 'FIREFOX_PATH', candidates: ['/usr/bin/firefox-esr', '/usr/bin/firefox'], debianPackage: 'firefox-esr' },
};

export type FoundBinary = { path: string } | { problem: string };

export function findBrowser(browser: 'chromium' | 'firefox', env: NodeJS.ProcessEnv, exists: (path: string) => boolean = existsSync): FoundBinary {
  const kind = BROWSERS[browser];
  const set = env[kind.setting];
  if (set) {
    if (exists(set)) return { path: set };
    return { problem: `${kind.setting} is ${set}, but there is no such file. Point it at a ${kind.label} binary, or unset it to use Debian's (${kind.candidates[0]}).` };
  }
  const path = kind.candidates.find(exists);
  if (path) return { path };
  const flag = browser === 'firefox' ? ' -- --firefox' : '';
  return {
    problem: [
      `${kind.label} is not installed (looked for ${kind.candidates.join(' and ')}).`,
      `Install Debian's package: sudo apt-get install ${kind.debianPackage}`,
      `or name another ${kind.label} binary: ${kind.setting}=/path/to/${browser === 'firefox' ? 'firefox' : 'chrome'} npm start${flag}`,
    ].join('\n'),
  };
}
