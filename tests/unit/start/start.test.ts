// `npm start` says what it needs: usage for bad arguments, the package and the setting for a
// missing browser, one line without a display; and its temporary folder goes on every exit.
import { spawn, spawnSync } from 'node:child_process';
import { existsSync, rmSync } from 'node:fs';
import { afterEach, describe, expect, it } from 'vitest';
import { findBrowser } from '../../../scripts/start/browser-binary.ts';
import { hasDisplay, noDisplayMessage } from '../../../scripts/start/display.ts';
import { parseStartOptions, UsageError } from '../../../scripts/start/options.ts';

const TSX = 'node_modules/.bin/tsx';

function start(args: string[], env: NodeJS.ProcessEnv = {}) {
  const result = spawnSync(TSX, ['scripts/start.ts', ...args], { encoding: 'utf8', env: { ...process.env, ...env }, timeout: 60_000 });
  return { status: result.status, out: result.stdout, err: result.stderr };
}

describe('npm start arguments', () => {
  it('reads --firefox and --pack', () => {
    expect(parseStartOptions(['--firefox', '--pack', 'a-pack'])).toEqual({ browser: 'firefox', pack: 'a-pack', help: false });
    expect(parseStartOptions(['--pack=a-pack'])).toMatchObject({ browser: 'chromium', pack: 'a-pack' });
  });

  it.each([[['--pack']], [['--pack', '--firefox']], [['--firefx']], [['demo']]])('refuses %j with the usage', (argv) => {
    expect(() => parseStartOptions(argv)).toThrow(UsageError);
    expect(() => parseStartOptions(argv)).toThrow(/Usage: npm start/);
  });

  it('prints the usage and exits with 2, before building, for --pack without a name', () => {
    const { status, err, out } = start(['--pack']);
    expect(status).toBe(2);
    expect(err).toContain('npm start: --pack needs the name of a pack');
    expect(err).toContain('Usage: npm start');
    expect(out).not.toContain('built dist');
    expect(err).not.toMatch(/\n\s+at /);
  });

  it('lists the packs for an unknown one', () => {
    const { status, err } = start(['--pack', 'musk-riyad']);
    expect(status).toBe(1);
    expect(err).toContain('there is no pack "musk-riyad" in packs/. Did you mean "musk-riyadh-2025"?');
  });
});

describe('a missing browser', () => {
  const none = () => false;

  it.each([
    ['chromium', 'sudo apt-get install chromium', 'CHROMIUM_PATH=/path/to/chrome npm start'],
    ['firefox', 'sudo apt-get install firefox-esr', 'FIREFOX_PATH=/path/to/firefox npm start -- --firefox'],
  ] as const)('%s: names the Debian package and the setting', (browser, install, setting) => {
    const found = findBrowser(browser, {}, none);
    expect('problem' in found && found.problem).toContain(install);
    expect('problem' in found && found.problem).toContain(setting);
  });

  it('uses the setting when it names a file, and says so when it does not', () => {
    expect(findBrowser('chromium', { CHROMIUM_PATH: '/opt/chrome' }, (path) => path === '/opt/chrome')).toEqual({ path: '/opt/chrome' });
    expect(findBrowser('chromium', {}, (path) => path === '/usr/bin/chromium')).toEqual({ path: '/usr/bin/chromium' });
    expect(findBrowser('firefox', { FIREFOX_PATH: '/nope' }, none)).toEqual({ problem: expect.stringContaining('FIREFOX_PATH is /nope, but there is no such file') });
  });

  it('npm start stops at once, in a few lines, without a stack trace', () => {
    const { status, err, out } = start([], { CHROMIUM_PATH: '/nonexistent/chromium' });
    expect(status).toBe(1);
    expect(err.trim()).toBe('npm start: CHROMIUM_PATH is /nonexistent/chromium, but there is no such file. Point it at a Chromium binary, or unset it to use Debian\'s (/usr/bin/chromium).');
    expect(out).not.toContain('built dist');
  });
});

describe('without a display', () => {
  it('is known on Linux from $DISPLAY and $WAYLAND_DISPLAY', () => {
    expect(hasDisplay({}, 'linux')).toBe(false);
    expect(hasDisplay({ DISPLAY: ':0' }, 'linux')).toBe(true);
    expect(hasDisplay({ WAYLAND_DISPLAY: 'wayland-0' }, 'linux')).toBe(true);
    expect(hasDisplay({}, 'darwin')).toBe(true);
  });

  it('is said in one line, with the exact command to run instead', () => {
    const message = noDisplayMessage(['--firefox']);
    expect(message).not.toContain('\n');
    expect(message).toContain('xvfb-run -a npm start -- --firefox');
  });
});

describe('the temporary folder (browser profiles)', () => {
  const started: Array<{ pid?: number; folder?: string }> = [];
  // A test that fails half-way must not leave its child running, nor its folder behind.
  afterEach(() => {
    for (const { pid, folder } of started.splice(0)) {
      try {
        if (pid) process.kill(-pid, 'SIGKILL');
      } catch {
        // Already gone.
      }
      if (folder) rmSync(folder, { recursive: true, force: true });
    }
  });

  function holdTempRoot(mode = 'wait') {
    // Its own process group, signalled as a whole, as a terminal does on Ctrl-C or when it closes.
    const child = spawn(TSX, ['tests/unit/start/hold-temp-root.ts', mode], { stdio: ['ignore', 'pipe', 'pipe'], detached: true });
    const record: { pid?: number; folder?: string } = { pid: child.pid };
    started.push(record);
    const path = new Promise<string>((resolve) =>
      child.stdout.once('data', (data: Buffer) => {
        record.folder = data.toString().trim();
        resolve(record.folder);
      }),
    );
    const exited = new Promise<number | null>((resolve) => child.on('exit', (code) => resolve(code)));
    return { child, path, exited };
  }

  it.each(['SIGINT', 'SIGTERM', 'SIGHUP'] as const)('is removed on %s', async (signal) => {
    const { child, path, exited } = holdTempRoot();
    const folder = await path;
    expect(existsSync(`${folder}/tmp-web-ext-profile/prefs.js`)).toBe(true);
    process.kill(-(child.pid ?? 0), signal);
    await exited;
    // The script exits with 128 + the signal's number once the folder is gone; tsx, its parent, may end first.
    for (let waited = 0; existsSync(folder) && waited < 5000; waited += 100) await new Promise((resolve) => setTimeout(resolve, 100));
    expect(existsSync(folder)).toBe(false);
  });

  it('is removed when the run fails', async () => {
    const { path, exited } = holdTempRoot('fail');
    const folder = await path;
    expect(await exited).toBe(1);
    expect(existsSync(folder)).toBe(false);
  });
});
