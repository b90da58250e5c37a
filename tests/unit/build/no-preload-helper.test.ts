import { describe, expect, it } from 'vitest';
import { unwrapPreloadHelper } from '../../../build/no-preload-helper.ts';

describe('unwrapPreloadHelper', () => {
  it('unwraps a dynamic import that has nothing to preload', () => {
    const code = 'x();\n__vitePreload(async () => {\n\tconst { a } = await import("./a.js");\n\treturn { a };\n}, __VITE_PRELOAD__).then(run);';
    expect(unwrapPreloadHelper(code)).toBe('x();\n(async () => {\n\tconst { a } = await import("./a.js");\n\treturn { a };\n})().then(run);');
  });

  it('leaves the helper’s own definition and calls with dependencies alone', () => {
    const code = 'var __vitePreload = function preload(m, d) {};\n__vitePreload(() => import("./b.js"), ["c.js"]);';
    expect(unwrapPreloadHelper(code)).toBe(code);
  });
});
