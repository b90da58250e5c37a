// `npm run pack -- keygen` and `bundle <slug> [--sign KEY]`: the file a newsroom hands to readers.
import { existsSync, readFileSync, statSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { readPackFile } from '../../../src/core/pack-file.ts';
import { editPack, REAL_PACK, run, tempRoot } from './support.ts';

describe('pack keygen and bundle', () => {
  it('makes a key readable by its owner only, and signs a pack with it; the file reads back signed by that key', async () => {
    const root = tempRoot();
    const key = join(root, 'newsroom.pem');
    const made = run('keygen', '--out', key);
    expect(made.status).toBe(0);
    const fingerprint = /Key fingerprint \(readers see it on the options page\): ([0-9a-f ]{39})/.exec(made.err)?.[1];
    expect(fingerprint).toBeDefined();
    expect(statSync(key).mode & 0o777).toBe(0o600);
    const file = join(root, 'pack.json');
    const bundled = run('bundle', REAL_PACK, '--root', root, '--sign', key, '--out', file);
    expect(bundled).toMatchObject({ status: 0, out: '' });
    expect(bundled.err).toContain(`signed by key ${fingerprint}`);
    const pack = await readPackFile(readFileSync(file));
    expect(pack.signer).toEqual({ key: fingerprint, holds: true });
    expect(pack.data.notes.length).toBeGreaterThan(40);
  });

  it('never overwrites a key', () => {
    const root = tempRoot();
    const key = join(root, 'newsroom.pem');
    run('keygen', '--out', key);
    const before = readFileSync(key, 'utf8');
    const again = run('keygen', '--out', key);
    expect(again.status).toBe(1);
    expect(again.err).toContain('exists; a key is never overwritten');
    expect(readFileSync(key, 'utf8')).toBe(before);
  });

  it('bundles an unsigned pack, and says readers must confirm it', async () => {
    const root = tempRoot();
    const file = join(root, 'pack.json');
    const bundled = run('bundle', REAL_PACK, '--root', root, '--out', file);
    expect(bundled.err).toContain('unsigned (readers must confirm before it is installed)');
    expect((await readPackFile(readFileSync(file))).signer).toBeUndefined();
  });

  it('refuses a pack the build would refuse, with the build’s message, and writes nothing', () => {
    const root = tempRoot();
    editPack(root, (pack) => void (pack.notes[0].sources[0].url = 'http://example.com/'));
    const file = join(root, 'pack.json');
    const bundled = run('bundle', REAL_PACK, '--root', root, '--out', file);
    expect(bundled.status).toBe(1);
    expect(bundled.err).toContain('source 1: url "http://example.com/" is not https');
    expect(existsSync(file)).toBe(false);
  });

  it('names the packs there are when the name is wrong', () => {
    const bundled = run('bundle', 'musk-riyad-2025', '--root', tempRoot());
    expect(bundled.status).toBe(1);
    expect(bundled.err).toContain(REAL_PACK);
  });
});
