// The built extensions (dist/chrome, dist/firefox) as files: what they may do, and what they weigh.
import { existsSync, readdirSync, readFileSync, statSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import type { PackData } from '../../src/model/pack.ts';
import { DIST } from './harness/browsers.ts';

function files(dir: string): string[] {
  return readdirSync(dir).flatMap((name) => {
    const path = join(dir, name);
    return statSync(path).isDirectory() ? files(path) : [path];
  });
}

describe.each(Object.entries(DIST))('the %s build', (_browser, dist) => {
  const scripts = files(dist).filter((file) => file.endsWith('.js'));
  const manifest = JSON.parse(readFileSync(join(dist, 'manifest.json'), 'utf8'));

  it('contains no network API: the extension makes no requests', () => {
    const network = /\b(fetch|XMLHttpRequest|WebSocket|EventSource|sendBeacon|importScripts)\s*\(|new\s+(XMLHttpRequest|WebSocket|EventSource)\b/;
    expect(scripts.filter((file) => network.test(readFileSync(file, 'utf8')))).toEqual([]);
  });

  it('asks for storage and scripting only, on the hosts its content script already runs on', () => {
    expect(manifest.permissions).toEqual(['storage', 'scripting']);
    expect(manifest.host_permissions).toEqual(manifest.content_scripts[0].matches);
    expect(manifest.optional_permissions).toBeUndefined();
  });

  it('makes nothing web-accessible, so a page cannot probe for its files', () => {
    expect(manifest.web_accessible_resources).toBeUndefined();
  });

  it('declares one classic content script and no style sheet for every page', () => {
    expect(manifest.content_scripts).toHaveLength(1);
    expect(manifest.content_scripts[0].js).toHaveLength(1);
    expect(manifest.content_scripts[0].css).toBeUndefined();
    const gate = readFileSync(join(dist, manifest.content_scripts[0].js[0]), 'utf8');
    expect(gate).not.toMatch(/\bimport\s*\(|\bimport\s*[{"']|\bexport\s*[{*]/);
  });

  it('builds the imported packs’ gate as one classic script with no markers compiled in, registered at run time, not declared', () => {
    const gate = readFileSync(join(dist, 'content/imported-gate.js'), 'utf8');
    expect(gate).not.toMatch(/\bimport\s*\(|\bimport\s*[{"']|\bexport\s*[{*]/);
    expect(gate).not.toContain('musk-riyadh-2025');
    expect(gate).toContain('importedGate');
    expect(JSON.stringify(manifest.content_scripts)).not.toContain('imported-gate');
  });

  it('leaves the hashing of words and the fingerprints out of both gates and of every file a page is given: the background judges the text', () => {
    // tokenize.ts's tables of character classes, made at the hashing's load.
    const tables = /Uint8Array\(65536\)/;
    const given = [manifest.content_scripts[0].js[0], 'content/imported-gate.js', ...readdirSync(join(dist, 'content'), { recursive: true, encoding: 'utf8' }).filter((file) => file.endsWith('.js')).map((file) => `content/${file}`)];
    for (const file of given.filter((name) => !name.endsWith('overlay.js') && !name.includes('/packs/'))) expect(readFileSync(join(dist, file), 'utf8'), file).not.toMatch(tables);
    expect(existsSync(join(dist, 'content/hashing.js'))).toBe(false);
    expect(existsSync(join(dist, 'content/fingerprints'))).toBe(false);
  });

  it('runs its pages under a strict CSP', () => {
    const csp: string = manifest.content_security_policy.extension_pages;
    expect(csp).toContain("script-src 'self'");
    expect(csp).toContain("default-src 'none'");
    expect(csp).not.toMatch(/unsafe|https?:/);
  });

  it('ships each pack’s notes for the cards, without the matcher’s reading of them (the background anchors)', () => {
    const packs = readdirSync(join(dist, 'content/packs'));
    expect(packs.length).toBeGreaterThan(0);
    for (const name of packs) {
      const source = readFileSync(join(dist, 'content/packs', name), 'utf8');
      const data = JSON.parse(source.slice(source.indexOf('=') + 1, source.lastIndexOf(';'))) as PackData;
      expect(data.notes.length, name).toBeGreaterThan(0);
      expect(data.notesData, name).toBeUndefined();
    }
  });

  it('keeps the content script every page loads under 10 KB + 1 KB per 10 packs', () => {
    const bytes = statSync(join(dist, manifest.content_scripts[0].js[0])).size;
    const packs = readdirSync(join(dist, 'content/packs')).length;
    console.info(`${_browser}: content script on every page: ${bytes} bytes (${packs} pack${packs === 1 ? '' : 's'})`);
    expect(bytes).toBeLessThan(10 * 1024 + (packs * 1024) / 10);
  });
});
