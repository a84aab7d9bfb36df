import { readdir, readFile, stat, writeFile } from 'node:fs/promises';
import { join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { promisify } from 'node:util';
import { brotliCompress, constants, gzip } from 'node:zlib';
import { tanstackRouter } from '@tanstack/router-plugin/vite';
import react from '@vitejs/plugin-react';
import ts from 'typescript';
import { defineConfig, type Plugin } from 'vite';

const api = 'http://127.0.0.1:3000';
const brotli = promisify(brotliCompress);
const gz = promisify(gzip);

/**
 * Writes file.br and file.gz next to every text file of the build (issue 13, light pages), so
 * the API's static handler sends them as they are, without compressing on each request.
 * Files under 1 KB are left alone: the headers would cost more than the bytes saved.
 */
function precompress(): Plugin {
  let outDir = 'dist';
  return {
    name: 'uc-precompress',
    apply: 'build',
    configResolved(config) {
      outDir = resolve(config.root, config.build.outDir);
    },
    async closeBundle() {
      const files = (await readdir(outDir, { recursive: true })).map((f) => join(outDir, f));
      const text = files.filter((f) => /\.(js|css|html|svg|json)$/.test(f) && !f.includes('/.vite/'));
      await Promise.all(
        text.map(async (file) => {
          if ((await stat(file)).size < 1024) return;
          const body = await readFile(file);
          const [br, gzipped] = await Promise.all([
            brotli(body, { params: { [constants.BROTLI_PARAM_QUALITY]: 11, [constants.BROTLI_PARAM_SIZE_HINT]: body.length } }),
            gz(body, { level: 9 }),
          ]);
          await Promise.all([writeFile(`${file}.br`, br), writeFile(`${file}.gz`, gzipped)]);
        }),
      );
    },
  };
}

/**
 * Marks every top-level `const x = <expression that calls something>` of packages/contracts pure (wrapped in an annotated
 * arrow called at once), so a schema the web never reads drops out of the bundle — and zod with
 * it when no schema is left (issue 13, light pages). Zod schemas have no side effects when built;
 * a constant the web does read is kept, with what it refers to.
 */
/** true when evaluating the expression calls something (a call or `new` outside any function in it) */
function runsCode(node: ts.Node): boolean {
  if (ts.isArrowFunction(node) || ts.isFunctionExpression(node)) return false;
  if (ts.isCallExpression(node) || ts.isNewExpression(node)) return true;
  return ts.forEachChild(node, (child) => (runsCode(child) ? true : undefined)) ?? false;
}

function pureContracts(): Plugin {
  return {
    name: 'uc-pure-contracts',
    apply: 'build',
    enforce: 'pre',
    transform(code, id) {
      if (!/packages\/contracts\/src\/[^?]*\.ts$/.test(id) || id.endsWith('.test.ts')) return null;
      const source = ts.createSourceFile(id, code, ts.ScriptTarget.Latest, true, ts.ScriptKind.TS);
      const edits: { at: number; text: string }[] = [];
      for (const statement of source.statements) {
        if (!ts.isVariableStatement(statement) || !(statement.declarationList.flags & ts.NodeFlags.Const)) continue;
        for (const decl of statement.declarationList.declarations) {
          const init = decl.initializer;
          if (!init || !runsCode(init)) continue;
          edits.push({ at: init.getStart(source), text: '/*#__PURE__*/ (() => (' }, { at: init.getEnd(), text: '))()' });
        }
      }
      if (!edits.length) return null;
      let out = code;
      for (const { at, text } of edits.sort((a, b) => b.at - a.at)) out = out.slice(0, at) + text + out.slice(at);
      return { code: out, map: null };
    },
  };
}

// Route generation settings are read from tsr.config.json (shared with scripts/generate-routes.ts).
export default defineConfig({
  plugins: [pureContracts(), tanstackRouter(), react(), precompress()],
  resolve: { alias: { '@': fileURLToPath(new URL('./src', import.meta.url)) } },
  server: {
    port: 5173,
    proxy: { '/api': api, '/healthz': api },
  },
  // The manifest lets scripts/size-budget.mjs weigh each page's first load.
  // AntD's core lands in one ~550 kB chunk (≈180 kB gzipped); the screens are split per route.
  build: {
    manifest: true,
    chunkSizeWarningLimit: 800,
    // The web imports constants and helpers from @uc/contracts, whose modules also define the API's
    // zod schemas; the web uses none of them (search params are read by lib/search.ts). Declaring
    // zod's builders pure lets the unused schemas, and zod with them, drop out of the bundle.
    rolldownOptions: { treeshake: { manualPureFunctions: ['z'] } },
  },
});
