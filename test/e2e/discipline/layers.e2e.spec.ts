import * as path from 'node:path';
import * as fs from 'node:fs';
import { extractSql, sourceFiles } from '../../../scripts/persistence/sql-statements';

const ROOT = path.resolve(__dirname, '../../..');

/**
 * Inside the disciplinary context, SQL lives in infrastructure/ behind the ports application/
 * defines (the transparency reports, the directory's search budget, the deadlines job's hold on
 * a case included): the use cases, queries and jobs ask ports, and run no statement themselves.
 * Statements are found by reading the source with the TypeScript compiler (the same finder as
 * the SQL check), so a new one in application/ fails here with its file and line.
 */
describe('discipline: the application layer runs no SQL of its own', () => {
  it('finds no SQL statement under libs/discipline/src/application, and finds the adapters’ statements', () => {
    const files = sourceFiles(ROOT).filter((f) => f.replace(/\\/g, '/').includes('libs/discipline/src/'));
    const sites = extractSql(ROOT, files);
    const inApplication = sites.filter((s) => s.file.startsWith('libs/discipline/src/application/')).map((s) => `${s.file}:${s.line} (${s.within})`);
    expect(inApplication).toEqual([]);
    // The finder does find statements here: the transparency reports' and the search budget's adapters.
    const adapters = new Set(sites.map((s) => s.file));
    expect(adapters).toContain('libs/discipline/src/infrastructure/transparency/transparency-report.sql-repository.ts');
    expect(adapters).toContain('libs/discipline/src/infrastructure/intake/directory-search-budget.sql-repository.ts');
  });
});

/**
 * The disciplinary SQL adapters name the shape of every row they read (`query<Row>`, `one<Row>`,
 * `maybeOne<Row>` of libs/platform, with row interfaces beside the statements): no `any`, and no
 * `tx.query(…)` whose result is read untyped. A statement run only for its effect (an INSERT,
 * UPDATE or DELETE whose rows nobody reads) may still call `query` on the transaction directly.
 */
describe('discipline: the SQL adapters read typed rows', () => {
  const strip = (src: string) => src.replace(/\/\*[\s\S]*?\*\//g, (c) => c.replace(/[^\n]/g, '')).replace(/\/\/.*$/gm, '');
  const untyped = (file: string, src: string): string[] => {
    const out: string[] = [];
    strip(src)
      .split('\n')
      .forEach((line, i) => {
        const at = `${file}:${i + 1}: ${line.trim().slice(0, 120)}`;
        if (/(:\s*any\b|\bas any\b|<any>|\bany\[\])/.test(line)) out.push(`any — ${at}`);
        if (/(=|return|\(|,)\s*(await\s+)?[\w.]+\.query\(/.test(line) && !/^\s*await [\w.]+\.query\(/.test(line)) out.push(`rows read from an untyped .query — ${at}`);
        if (/\browsOf\(/.test(line)) out.push(`untyped rowsOf — ${at}`);
      });
    return out;
  };

  it('finds no `any` and no untyped rows in libs/discipline/src/infrastructure', () => {
    const files = sourceFiles(ROOT)
      .map((f) => path.relative(ROOT, f).replace(/\\/g, '/'))
      .filter((f) => f.startsWith('libs/discipline/src/infrastructure/'));
    expect(files.length).toBeGreaterThan(15);
    const found = files.flatMap((f) => untyped(f, fs.readFileSync(path.join(ROOT, f), 'utf8')));
    expect(found).toEqual([]);
  });

  it('the check itself finds an untyped read and an `any`', () => {
    expect(untyped('x.ts', 'const rows = await m.query(`SELECT 1`);\nreturn rows.map((r: any) => r.id);\nawait m.query(`DELETE FROM t`);')).toHaveLength(2);
  });
});
