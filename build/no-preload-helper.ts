// Vite plugin: Vite wraps every dynamic import in its __vitePreload helper even with modulePreload
// off (vitejs/vite#18551, #13952). With no dependencies to preload, the helper does nothing but
// weighs 1.5 KB in the content script that every page loads; unwrap the calls so the minifier drops it.
import type { Plugin } from 'vite';

const CALL = '__vitePreload(';

export function unwrapPreloadHelper(code: string): string {
  let out = '';
  let from = 0;
  for (let at = code.indexOf(CALL); at >= 0; at = code.indexOf(CALL, from)) {
    if (/function\s*$|var\s*$|=\s*$/.test(code.slice(Math.max(0, at - 12), at))) {
      out += code.slice(from, at + CALL.length);
      from = at + CALL.length;
      continue;
    }
    let depth = 1;
    let end = at + CALL.length;
    for (; end < code.length && depth > 0; end++) {
      if (code[end] === '(') depth++;
      else if (code[end] === ')') depth--;
    }
    const inner = code.slice(at + CALL.length, end - 1);
    // Before Vite fills them in, the dependencies are the placeholder __VITE_PRELOAD__.
    const withoutDeps = inner.replace(/,\s*(\[\]|__VITE_PRELOAD__)\s*$/, '');
    if (withoutDeps === inner) {
      out += code.slice(from, end);
    } else {
      out += `${code.slice(from, at)}(${withoutDeps})()`;
    }
    from = end;
  }
  return out + code.slice(from);
}

export function noPreloadHelper(): Plugin {
  return {
    name: 'backstory-no-preload-helper',
    apply: 'build',
    renderChunk: {
      order: 'pre',
      handler(code) {
        return code.includes(CALL) ? { code: unwrapPreloadHelper(code), map: null } : null;
      },
    },
  };
}
