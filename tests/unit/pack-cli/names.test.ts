// A pack name or an option that does not exist: the CLI lists the packs, suggests the nearest, prints usage.
import { mkdirSync, mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { nearestName, unknownPackMessage } from '../../../scripts/pack/pack-names.ts';
import { REAL_PACK, run } from './support.ts';

describe('an unknown pack name', () => {
  it('suggests the nearest pack for a slip and none for an unrelated name', () => {
    const names = ['musk-riyadh-2025', 'disney-plus-2019'];
    expect(nearestName('musk-riyad-2025', names)).toBe('musk-riyadh-2025');
    expect(nearestName('musk', names)).toBe('musk-riyadh-2025');
    expect(nearestName('weather-report', names)).toBeUndefined();
  });

  it('lists every pack', () => {
    const root = mkdtempSync(join(tmpdir(), 'backstory-names-'));
    for (const slug of ['b-pack', 'a-pack']) mkdirSync(join(root, slug));
    expect(unknownPackMessage(root, 'c-pack')).toBe(`there is no pack "c-pack" in ${root}/. Did you mean "a-pack"?\nThe packs are: a-pack, b-pack.`);
    expect(unknownPackMessage(join(root, 'a-pack'), 'x')).toContain('holds no packs yet');
  });

  it.each([
    ['export', 'musk-riyad-2025'],
    ['check', 'musk-riyad-2025'],
    ['import', 'file.json', '--pack', 'musk-riyad-2025'],
  ])('pack %s names the packs and the nearest', (...argv) => {
    const { status, err } = run(...argv);
    expect(status).toBe(1);
    expect(err).toContain(`there is no pack "musk-riyad-2025" in packs/. Did you mean "${REAL_PACK}"?`);
    expect(err).toContain(`The packs are: ${REAL_PACK}`);
    expect(err).not.toContain('Run "npm run pack -- check"');
  });
});

describe('an unknown option', () => {
  it('is refused with the usage', () => {
    const { status, err } = run('export', REAL_PACK, '--outt', 'x.json');
    expect(status).toBe(1);
    expect(err).toContain('unknown option --outt');
    expect(err).toContain('Usage: npm run pack -- <command>');
  });
});
