// @ts-check
// The ESLint rule `vigil/main-layers`: inside main/, imports run down the layers only. Each folder of main/ has a
// layer; a file may import its own folder and folders of lower layers, never a folder above it or beside it on
// its layer. Every import form counts, type-only ones too. Paths are resolved, so `../station` from
// main/janus/plugins/ is main/janus/station, not main/station.
import { dirname, isAbsolute, relative, resolve, sep } from 'node:path';

/**
 * @typedef {{ root: string; layers: string[][] }} LayerOptions
 * @typedef {import('eslint').Rule.Node} Node
 */

/** @type {import('eslint').Rule.RuleModule} */
export const mainLayers = {
  meta: {
    type: 'problem',
    docs: { description: 'Imports inside main/ run down the layers only' },
    schema: [
      {
        type: 'object',
        properties: {
          root: { type: 'string' },
          layers: { type: 'array', items: { type: 'array', items: { type: 'string' } } },
        },
        required: ['root', 'layers'],
        additionalProperties: false,
      },
    ],
    messages: {
      upward: 'main/{{from}} may not import main/{{to}}, a higher layer: imports run down ({{order}}).',
      sibling: 'main/{{from}} may not import main/{{to}}: they share a layer ({{order}}).',
      outside: 'main/ imports only main/ and common/, not {{to}}.',
      unplaced: 'main/{{folder}} has no layer: give it one in MAIN_LAYERS (eslint.config.js).',
    },
  },
  create(context) {
    const { root, layers } = /** @type {LayerOptions} */ (context.options[0]);
    const rank = new Map(layers.flatMap((names, index) => names.map((name) => [name, index])));
    const order = layers.map((names) => (names.length > 1 ? `(${names.join(', ')})` : names[0])).join(' ← ');
    /** The folder of main/ holding `path` (a root file is its own "folder"), or undefined outside main/. */
    const folderOf = (/** @type {string} */ path) => {
      const inside = relative(root, path);
      return inside === '' || inside.startsWith('..') || isAbsolute(inside)
        ? undefined
        : inside.split(sep)[0];
    };
    const from = folderOf(context.filename);
    if (from === undefined) return {};
    const own = rank.get(from);
    if (own === undefined) {
      return {
        Program(node) {
          context.report({ node, messageId: 'unplaced', data: { folder: from } });
        },
      };
    }
    const common = resolve(root, '..', 'common');

    /** Reports `specifier` (imported at `node`) when it crosses the layers the wrong way. */
    const check = (/** @type {Node} */ node, /** @type {unknown} */ specifier) => {
      if (typeof specifier !== 'string' || !specifier.startsWith('.')) return;
      const target = resolve(dirname(context.filename), specifier);
      const to = folderOf(target);
      if (to === undefined) {
        const inCommon = target === common || target.startsWith(`${common}${sep}`);
        if (!inCommon)
          context.report({ node, messageId: 'outside', data: { to: relative(dirname(root), target) } });
        return;
      }
      if (to === from) return;
      const layer = rank.get(to);
      if (layer === undefined) context.report({ node, messageId: 'unplaced', data: { folder: to } });
      else if (layer > own) context.report({ node, messageId: 'upward', data: { from, to, order } });
      else if (layer === own) context.report({ node, messageId: 'sibling', data: { from, to, order } });
    };
    /** The string a module-source node holds. */
    const sourceOf = (/** @type {any} */ node) => (node?.type === 'Literal' ? node.value : undefined);

    return {
      ImportDeclaration: (node) => check(node, node.source.value),
      ExportNamedDeclaration: (node) => check(node, sourceOf(node.source)),
      ExportAllDeclaration: (node) => check(node, node.source.value),
      ImportExpression: (node) => check(node, sourceOf(node.source)),
      // `import('…').Type` in a type position, and `import x = require('…')`.
      /** @param {any} node */
      TSImportType: (node) => check(node, sourceOf(node.source ?? node.argument?.literal)),
      /** @param {any} node */
      TSExternalModuleReference: (node) => check(node, sourceOf(node.expression)),
    };
  },
};
