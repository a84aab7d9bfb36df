import { readdirSync, readFileSync } from 'node:fs';
import { dirname, join, relative, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import ts from 'typescript';
import { describe, expect, it } from 'vitest';

// The import graph of apps/api/src, read from the sources (no database, no build): no file may
// reach itself through imports that run. `import type` is erased before anything runs
// (verbatimModuleSyntax), so it does not count; an `import { type X }` does (it leaves an import).
// Module boundaries themselves (index.ts only, no tRPC or http in services) are lint rules
// (packages/config/eslint.boundaries.js).

const SRC = dirname(fileURLToPath(import.meta.url));


function sourceFiles(dir: string): string[] {
  return readdirSync(dir, { withFileTypes: true }).flatMap((e) => {
    const p = join(dir, e.name);
    return e.isDirectory() ? sourceFiles(p) : p.endsWith('.ts') ? [p] : [];
  });
}

/** file → the files it imports at run time (relative specifiers; packages are outside the graph) */
function runtimeImports(files: string[]): Map<string, string[]> {
  const known = new Set(files);
  const graph = new Map<string, string[]>();
  for (const file of files) {
    const sf = ts.createSourceFile(file, readFileSync(file, 'utf8'), ts.ScriptTarget.Latest, false);
    const targets: string[] = [];
    const visit = (n: ts.Node): void => {
      let spec: ts.Expression | undefined;
      if (ts.isImportDeclaration(n) && !n.importClause?.isTypeOnly) spec = n.moduleSpecifier;
      else if (ts.isExportDeclaration(n) && !n.isTypeOnly) spec = n.moduleSpecifier;
      else if (ts.isCallExpression(n) && n.expression.kind === ts.SyntaxKind.ImportKeyword) spec = n.arguments[0];
      if (spec && ts.isStringLiteral(spec) && spec.text.startsWith('.')) targets.push(resolve(dirname(file), spec.text));
      ts.forEachChild(n, visit);
    };
    visit(sf);
    graph.set(file, targets.filter((t) => known.has(t)));
  }
  return graph;
}

/** Strongly connected components with more than one file (or a file importing itself): the cycles. */
function cycles(graph: Map<string, string[]>): string[][] {
  let next = 0;
  const index = new Map<string, number>();
  const low = new Map<string, number>();
  const stack: string[] = [];
  const onStack = new Set<string>();
  const found: string[][] = [];
  const connect = (v: string): void => {
    index.set(v, next);
    low.set(v, next++);
    stack.push(v);
    onStack.add(v);
    for (const w of graph.get(v) ?? []) {
      if (!index.has(w)) {
        connect(w);
        low.set(v, Math.min(low.get(v)!, low.get(w)!));
      } else if (onStack.has(w)) low.set(v, Math.min(low.get(v)!, index.get(w)!));
    }
    if (low.get(v) !== index.get(v)) return;
    const component: string[] = [];
    let w: string;
    do {
      w = stack.pop()!;
      onStack.delete(w);
      component.push(w);
    } while (w !== v);
    if (component.length > 1 || graph.get(v)!.includes(v)) found.push(component.sort());
  };
  for (const v of graph.keys()) if (!index.has(v)) connect(v);
  return found;
}

/** docs/architecture.md, "File names": `<entity>.<role>.ts` with a role from the fixed list, tests named after what they test. */
const ROLES = 'router|query|write|sign|book|import|export|draw|lock|transfer|repo|types|dto|rules|download|pdf|xlsx|panel|job|notices|testkit|access|crypto|labels|cooperation|provider|todo|mine|registry';
const MODULE_FILE = new RegExp(`^(index|[a-z][a-zA-Z]*\\.(${ROLES})|[a-z][a-zA-Z]*(\\.[a-z]+)?\\.(test|concurrency\\.test|nonparty\\.test))\\.ts$`);

describe('module files', () => {
  it('are named <entity>.<role>.ts in camelCase module folders, directly under the module', () => {
    const modules = join(SRC, 'modules');
    const wrong = sourceFiles(modules)
      .map((f) => relative(SRC, f))
      .filter((f) => f !== 'modules/index.ts')
      .filter((f) => {
        const [, folder, name, ...deeper] = f.split('/');
        return deeper.length > 0 || !/^[a-z][a-zA-Z]*$/.test(folder!) || !MODULE_FILE.test(name!);
      });
    expect(wrong).toEqual([]);
  });
});

describe('the import graph of apps/api', () => {
  it('has no cycle', () => {
    const all = cycles(runtimeImports(sourceFiles(SRC))).map((c) => c.map((f) => relative(SRC, f)));
    expect(all, all.map((c) => `cycle: ${c.join(' ⇄ ')}`).join('\n')).toEqual([]);
  });

  it('finds a cycle when there is one', () => {
    const a = join(SRC, 'a.ts');
    const b = join(SRC, 'b.ts');
    const c = join(SRC, 'c.ts');
    expect(cycles(new Map([[a, [b]], [b, [c]], [c, [a]]]))).toEqual([[a, b, c]]);
    expect(cycles(new Map([[a, [b]], [b, [c]], [c, []]]))).toEqual([]);
  });
});
