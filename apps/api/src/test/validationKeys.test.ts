import { readdirSync, readFileSync } from 'node:fs';
import { dirname, join, relative, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { validationMessagesEn, validationMessagesZh } from '@uc/contracts/i18n';
import ts from 'typescript';
import { describe, expect, it } from 'vitest';
import { translateFields } from '../trpc.ts';

// Every validation key the product can put under a field must read as a sentence in zh-CN and en:
// the keys are walked from the sources (no list to keep up to date), so a new schema refine, a new
// AppError field or a new import-row code without its messages fails here, not on someone's screen.

const ROOT = resolve(dirname(fileURLToPath(import.meta.url)), '../../../..');
const DIRS = ['packages/contracts/src', 'apps/api/src', 'apps/web/src'];

function sourceFiles(dir: string): string[] {
  return readdirSync(dir, { withFileTypes: true }).flatMap((e) => {
    const p = join(dir, e.name);
    if (e.isDirectory()) return e.name === 'i18n' || e.name === 'node_modules' ? [] : sourceFiles(p);
    return /\.tsx?$/.test(e.name) && !/\.(test|testkit|bench)\.tsx?$/.test(e.name) && !e.name.endsWith('.gen.ts') ? [p] : [];
  });
}

const propName = (n: ts.PropertyAssignment) => (ts.isIdentifier(n.name) || ts.isStringLiteral(n.name) ? n.name.text : '');
const literal = (n: ts.Node | undefined) => (n && ts.isStringLiteralLike(n) ? n.text : null);

/** key → where it is used */
function usedKeys(): Map<string, string> {
  const keys = new Map<string, string>();
  for (const file of DIRS.flatMap((d) => sourceFiles(join(ROOT, d)))) {
    const text = readFileSync(file, 'utf8');
    const sf = ts.createSourceFile(file, text, ts.ScriptTarget.Latest, false, file.endsWith('.tsx') ? ts.ScriptKind.TSX : ts.ScriptKind.TS);
    const translates = text.includes('validationMessage');
    const add = (key: string | null, n: ts.Node) => {
      if (key) keys.set(key, `${relative(ROOT, file)}:${sf.getLineAndCharacterOfPosition(n.getStart(sf)).line + 1}`);
    };
    const visit = (n: ts.Node): void => {
      // zod refinements: { error: 'term_order' }
      if (ts.isPropertyAssignment(n) && propName(n) === 'error') add(literal(n.initializer), n);
      // services: new AppError('BAD_INPUT', { fields: { termEnd: 'term_order' } })
      if (ts.isPropertyAssignment(n) && propName(n) === 'fields' && ts.isObjectLiteralExpression(n.initializer))
        for (const p of n.initializer.properties) if (ts.isPropertyAssignment(p)) add(literal(p.initializer), p);
      if (ts.isCallExpression(n) && ts.isIdentifier(n.expression)) {
        // validationMessage('term_order', locale), and the row reporters of files that translate: report(row, 'orgUnit', 'org_unit_unknown')
        if (n.expression.text === 'validationMessage') add(literal(n.arguments[0]), n);
        else if (translates && n.arguments.length >= 2) add(literal(n.arguments[n.arguments.length - 1]), n);
      }
      // refusals a service passes on as a field key (place: SharesRefusal)
      if (ts.isTypeAliasDeclaration(n) && n.name.text === 'SharesRefusal' && ts.isUnionTypeNode(n.type))
        for (const t of n.type.types) if (ts.isLiteralTypeNode(t)) add(literal(t.literal), t);
      ts.forEachChild(n, visit);
    };
    visit(sf);
  }
  // the keys zod itself uses when a schema gives none (issue codes) and the form-wide ones
  for (const code of ['required', 'too_small', 'too_big', 'invalid_format', 'invalid_type', 'invalid_value']) keys.set(code, 'zod issue code');
  return keys;
}

describe('validation message keys', () => {
  const keys = usedKeys();

  it('finds the keys where they are used (the walk itself works)', () => {
    for (const known of ['term_order', 'id_number_invalid', 'org_unit_unknown', 'item_exists', 'over_capacity', 'invalid_value']) expect(keys.has(known), known).toBe(true);
  });

  it('has a zh-CN and an en message for every key a schema, service, import or form uses', () => {
    const zh: Record<string, string> = validationMessagesZh;
    const en: Record<string, string> = validationMessagesEn;
    const missing = [...keys].filter(([k]) => !zh[k]?.trim() || !en[k]?.trim()).map(([k, where]) => `${k} (${where})`);
    expect(missing).toEqual([]);
  });

  it('answers a service’s field keys in the caller’s language, and leaves written messages alone', () => {
    expect(translateFields({ fields: { termEnd: 'term_order', name: '已写好的提示' }, limit: 3 }, 'zh-CN')).toEqual({
      fields: { termEnd: validationMessagesZh.term_order, name: '已写好的提示' },
      limit: 3,
    });
    expect(translateFields({ fields: { termEnd: 'term_order' } }, 'en')).toEqual({ fields: { termEnd: validationMessagesEn.term_order } });
  });
});
