import { build } from 'vite';

type Output = { output: ({ type: 'chunk'; code: string } | { type: 'asset' })[] };

/** Bundles a browser entry (TypeScript, npm imports) into one ES module, in memory, with Vite. */
export async function bundlePage(entry: string): Promise<string> {
  const result = await build({
    configFile: false,
    logLevel: 'warn',
    build: {
      write: false,
      minify: false,
      lib: { entry, formats: ['es'], fileName: 'page' },
    },
  });
  const outputs = (Array.isArray(result) ? result : [result]) as Output[];
  for (const item of outputs.flatMap((o) => o.output)) if (item.type === 'chunk') return item.code;
  throw new Error(`bundling ${entry} produced no JavaScript`);
}
