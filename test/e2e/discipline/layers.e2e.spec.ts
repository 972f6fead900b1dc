import * as path from 'node:path';
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

