import { dirname, relative, resolve, sep } from 'node:path';

// Module boundaries in apps/api, as lint errors (DESIGN §7, docs/architecture.md):
// - module-entry: code outside a module imports it only through its index.ts (a test or testkit
//   may also use another module's *.testkit.ts, the test surface);
// - no-transport-in-services: inside modules/, only *.router.ts and *.download.ts import trpc.ts
//   or http/ — services stay plain functions of (ctx, input).
// The third rule, no import cycle, is a test over the import graph (apps/api/src/architecture.test.ts).

const API_SRC = `${resolve(import.meta.dirname, '../../apps/api/src')}${sep}`;

/** 'modules/<name>/…' → name, else null (paths relative to apps/api/src) */
const moduleOf = (rel) => (rel.startsWith(`modules${sep}`) && rel.split(sep).length > 2 ? rel.split(sep)[1] : null);
const isTestish = (rel) => /\.test\.ts$|\.testkit\.ts$/.test(rel);

/** Calls check(node, targetRelativeToApiSrc) for every relative import, export-from and import() of an apps/api/src file. */
function eachImport(context, check) {
  const file = context.filename;
  if (!file.startsWith(API_SRC)) return {};
  const from = relative(API_SRC, file);
  const visit = (node, source) => {
    if (!source || typeof source.value !== 'string' || !source.value.startsWith('.')) return;
    check(node, from, relative(API_SRC, resolve(dirname(file), source.value)));
  };
  return {
    ImportDeclaration: (n) => visit(n, n.source),
    ExportNamedDeclaration: (n) => visit(n, n.source),
    ExportAllDeclaration: (n) => visit(n, n.source),
    ImportExpression: (n) => visit(n, n.source),
  };
}

const moduleEntry = {
  meta: { type: 'problem', schema: [], messages: { deep: "Import module '{{module}}' through its entry point (modules/{{module}}/index.ts), not {{target}}." } },
  create: (context) =>
    eachImport(context, (node, from, target) => {
      const to = moduleOf(target);
      if (!to || to === moduleOf(from) || target === `modules${sep}${to}${sep}index.ts`) return;
      if (isTestish(from) && target.endsWith('.testkit.ts')) return;
      context.report({ node, messageId: 'deep', data: { module: to, target } });
    }),
};

const noTransportInServices = {
  meta: { type: 'problem', schema: [], messages: { transport: '{{from}} must not import {{target}}: only *.router.ts and *.download.ts files of a module import trpc.ts or http/.' } },
  create: (context) =>
    eachImport(context, (node, from, target) => {
      if (!from.startsWith(`modules${sep}`) || /\.(router|download)\.ts$/.test(from)) return;
      if (target === 'trpc.ts' || target.startsWith(`http${sep}`)) context.report({ node, messageId: 'transport', data: { from, target } });
    }),
};

export const boundaries = { rules: { 'module-entry': moduleEntry, 'no-transport-in-services': noTransportInServices } };
