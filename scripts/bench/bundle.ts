// Bundles scripts/bench/in-page.ts for the browser, resolving Backstory's build-time virtual modules.
import { build, type Plugin } from 'esbuild';
import { buildPacks } from '../../build/annotation-plugin.ts';

const virtualModules: Plugin = {
  name: 'backstory-virtual-modules',
  setup(context) {
    context.onResolve({ filter: /^virtual:backstory-/ }, (args) => ({ path: args.path, namespace: 'backstory' }));
    context.onLoad({ filter: /.*/, namespace: 'backstory' }, (args) => {
      const packs = buildPacks();
      if (args.path === 'virtual:backstory-detection') return { contents: `export const packs = ${JSON.stringify(packs.map((pack) => pack.detection))};`, loader: 'js' };
      return { contents: Object.entries(packs[0].data).map(([key, value]) => `export const ${key} = ${JSON.stringify(value)};`).join('\n'), loader: 'js' };
    });
  },
};

export async function bundleInPageBench(): Promise<string> {
  const result = await build({
    entryPoints: [new URL('./in-page.ts', import.meta.url).pathname],
    bundle: true,
    write: false,
    format: 'iife',
    minify: true,
    target: 'chrome120',
    plugins: [virtualModules],
    loader: { '.css': 'text' },
    define: { __BROWSER__: '"chrome"' },
  });
  return result.outputFiles[0].text;
}
