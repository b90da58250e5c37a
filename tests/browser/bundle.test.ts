// The built extensions (dist/chrome, dist/firefox) as files: what they may do, and what they weigh.
import { readdirSync, readFileSync, statSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
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

  it('asks for no permission but storage, and no host permissions', () => {
    expect(manifest.permissions).toEqual(['storage']);
    expect(manifest.host_permissions).toBeUndefined();
    expect(manifest.optional_permissions).toBeUndefined();
  });

  it('runs its pages under a strict CSP', () => {
    const csp: string = manifest.content_security_policy.extension_pages;
    expect(csp).toContain("script-src 'self'");
    expect(csp).toContain("default-src 'none'");
    expect(csp).not.toMatch(/unsafe|https?:/);
  });

  it('keeps the content script every page loads under 10 KB', () => {
    const loader = join(dist, manifest.content_scripts[0].js[0]);
    const entry = /getURL\("([^"]+)"\)/.exec(readFileSync(loader, 'utf8'))?.[1];
    expect(entry).toBeDefined();
    const gate = join(dist, entry ?? '');
    const imports = [...readFileSync(gate, 'utf8').matchAll(/from"\.\/([^"]+)"|from '\.\/([^']+)'|import"\.\/([^"]+)"/g)].map((match) => join(dist, 'assets', match[1] ?? match[2] ?? match[3]));
    const bytes = [loader, gate, ...imports].reduce((sum, file) => sum + statSync(file).size, 0);
    console.info(`${_browser}: content script on every page: ${bytes} bytes (${[loader, gate, ...imports].map((f) => f.split('/').pop()).join(', ')})`);
    expect(bytes).toBeLessThan(10 * 1024);
  });
});
