// Bundles scripts/bench/in-page.ts for the browser, resolving Backstory's build-time virtual modules.
import { build, type Plugin } from 'esbuild';
import { loadAnnotationData } from '../../build/annotation-plugin.ts';

const virtualModules: Plugin = {
  name: 'backstory-virtual-modules',
  setup(context) {
    context.onResolve({ filter: /^virtual:backstory-/ }, (args) => ({ path: args.path, namespace: 'backstory' }));
    context.onLoad({ filter: /.*/, namespace: 'backstory' }, (args) => {
      const data = loadAnnotationData();
      if (args.path === 'virtual:backstory-fingerprint') return { contents: `export default ${JSON.stringify(data.fingerprint)}; export const names = ${JSON.stringify(data.names)};`, loader: 'js' };
      return {
        contents: `export const notes = ${JSON.stringify(data.file.notes)}; export const article = ${JSON.stringify(data.file.article)}; export const articleShingles = ${JSON.stringify(data.articleShingles)};`,
        loader: 'js',
      };
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
  });
  return result.outputFiles[0].text;
}
