import { resolve } from 'node:path';
import { defineConfig, type Plugin } from 'vite';

/** The SDK's two ES modules; each is built on its own so that each stays one self-contained file. */
const TARGETS = {
  /** The client, no React: what `GET /sdk/vas-client.js` serves to plain portal pages. */
  client: { entry: 'renderer/sdk/index.ts', fileName: 'vas-client.js', types: 'index.d.ts' },
  /** `useCameraStream` plus everything in vas-client.js, which it imports rather than copies. */
  react: { entry: 'renderer/sdk/react.ts', fileName: 'vas-react.js', types: 'react.d.ts' },
};

const SDK_DIR = resolve(import.meta.dirname, 'renderer/sdk');
const REACT_ONLY = ['react.ts', 'useCameraStream.ts', 'cameraStream.ts'].map((file) =>
  resolve(SDK_DIR, file),
);

/**
 * In vas-react.js, every SDK module the hook reaches beyond its own files (the client, `VASError`) is
 * imported from ./vas-client.js: one copy of the client, and `instanceof VASError` holds across both files.
 */
function clientFromSibling(): Plugin {
  return {
    name: 'vigil-sdk-client-from-sibling',
    // Before Vite's own resolver, which would otherwise resolve (and so bundle) these modules first.
    enforce: 'pre',
    async resolveId(source, importer, options) {
      if (importer === undefined || !importer.startsWith(SDK_DIR)) return null;
      const resolved = await this.resolve(source, importer, { ...options, skipSelf: true });
      if (resolved === null || !resolved.id.startsWith(SDK_DIR) || REACT_ONLY.includes(resolved.id))
        return null;
      return { id: `./${TARGETS.client.fileName}`, external: true };
    },
  };
}

/**
 * `tsc -p tsconfig.sdk.json` writes declarations under out/sdk/types/ mirroring the source tree
 * (renderer/sdk/…, common/…, renderer/player/…); this file gives the bundle its types at the top.
 */
function typesEntry(target: (typeof TARGETS)[keyof typeof TARGETS]): Plugin {
  return {
    name: 'vigil-sdk-types-entry',
    generateBundle() {
      this.emitFile({
        type: 'asset',
        fileName: `types/${target.types}`,
        source: `export * from './${target.entry.replace(/\.ts$/, '')}';\n`,
      });
    },
  };
}

/**
 * Builds the VAS JS SDK into out/sdk/: `vite build -c vite.sdk.config.ts` makes vas-client.js (janus.js,
 * webrtc-adapter and the player inside), `--mode react` adds vas-react.js (React stays the portal's own).
 */
export default defineConfig(({ mode }) => {
  const react = mode === 'react';
  const target = react ? TARGETS.react : TARGETS.client;
  return {
    publicDir: false,
    plugins: [typesEntry(target), ...(react ? [clientFromSibling()] : [])],
    build: {
      outDir: 'out/sdk',
      emptyOutDir: !react,
      // No source maps: the station serves the SDK to anyone without a key, and a map only repeats the
      // repository's sources and build paths; build with `sourcemap: true` locally to debug the SDK.
      sourcemap: false,
      lib: {
        entry: resolve(import.meta.dirname, target.entry),
        formats: ['es'],
        fileName: () => target.fileName,
      },
      rolldownOptions: {
        external: ['react', /^react\//],
        // janus.js's UMD wrapper probes `typeof module` on purpose; that is its only CommonJS variable.
        checks: { commonJsVariableInEsm: false },
        // The player loads janus.js lazily; in the SDK it must ship inside the one file.
        output: { codeSplitting: false },
      },
    },
  };
});
