// export → import through the command line a user types: `npm run pack -- …`, npm's own output included.
import { spawnSync } from 'node:child_process';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { REAL_DIR, REAL_PACK, tempRoot } from './support.ts';

/** The environment of a user's shell: none of the npm settings a parent `npm run` (npm test) passes down. */
const shellEnv = Object.fromEntries(Object.entries(process.env).filter(([name]) => !/^npm_/i.test(name)));

function shell(command: string) {
  const result = spawnSync('sh', ['-c', command], { encoding: 'utf8', env: shellEnv, timeout: 60_000 });
  return { status: result.status, out: result.stdout, err: result.stderr };
}

const original = readFileSync(join(REAL_DIR, 'annotations.json'), 'utf8');
const written = (root: string) => readFileSync(join(root, REAL_PACK, 'annotations.json'), 'utf8');

describe('npm run pack: export, then import the file', () => {
  it('with --out: the file is the JSON alone, and importing it gives back annotations.json byte for byte', () => {
    const root = tempRoot();
    const file = join(root, 'export.jsonld');
    const exported = shell(`npm run pack -- export ${REAL_PACK} --out ${file}`);
    expect(exported.status, exported.err).toBe(0);
    expect(exported.err).toContain(`Wrote ${file}`);
    expect(JSON.parse(readFileSync(file, 'utf8')).type).toBe('AnnotationCollection');
    const imported = shell(`npm run pack -- import ${file} --root ${root} --replace`);
    expect(imported.status, imported.err).toBe(0);
    expect(written(root)).toBe(original);
  });

  it('with "> file": npm puts its header in the file; export says so, and import skips it', () => {
    const root = tempRoot();
    const file = join(root, 'export.jsonld');
    const exported = shell(`npm run pack -- export ${REAL_PACK} > ${file}`);
    expect(exported.status, exported.err).toBe(0);
    expect(readFileSync(file, 'utf8')).toMatch(/^\s*> backstory@\S+ pack\n/);
    expect(exported.err).toContain('npm printed its own header lines');
    const imported = shell(`npm run pack -- import ${file} --root ${root} --replace`);
    expect(imported.status, imported.err).toBe(0);
    expect(imported.err).toContain("starts with npm's own header lines");
    expect(written(root)).toBe(original);
  });

  it('with npm run --silent: stdout is the JSON alone, with no note about a header', () => {
    const root = tempRoot();
    const file = join(root, 'export.jsonld');
    const exported = shell(`npm run --silent pack -- export ${REAL_PACK} > ${file}`);
    expect(exported.status, exported.err).toBe(0);
    expect(JSON.parse(readFileSync(file, 'utf8')).type).toBe('AnnotationCollection');
    expect(exported.err).toBe('');
  });
});
