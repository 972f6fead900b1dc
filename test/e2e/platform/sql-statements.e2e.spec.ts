import * as path from 'node:path';
import { extractSql, type SqlSite } from '../../../scripts/persistence/sql-statements';
import { formatFailures, prepareStatements } from '../../../scripts/persistence/prepare-statements';
import { readAllowList, reviewAllowList } from '../../../scripts/persistence/sql-check';
import { createTestDatabase, type TestDatabase } from '../../support/test-database';

const ROOT = path.resolve(__dirname, '../../..');

/**
 * Every SQL statement in libs/ and apps/ (found by reading the source, not listed by hand) is
 * prepared on the migrated database: a renamed column, a dropped table or a typo fails here with
 * the file, the line and PostgreSQL's error.
 */
describe('SQL statements against the migrated schema', () => {
  let db: TestDatabase;
  let sites: SqlSite[];
  beforeAll(async () => {
    sites = extractSql(ROOT);
    db = await createTestDatabase();
  }, 120_000);
  afterAll(() => db.close());

  const prepare = async (found: SqlSite[]) => {
    const runner = db.dataSource.createQueryRunner();
    try {
      return await prepareStatements(runner, found);
    } finally {
      await runner.release();
    }
  };

  it('finds the statements of every repository', () => {
    // A floor, not a count: the check scans the files, so new statements are picked up.
    expect(sites.filter((s) => s.texts).length).toBeGreaterThan(300);
    const files = new Set(sites.map((s) => s.file.split('/').slice(0, 2).join('/')));
    for (const lib of ['libs/audit', 'libs/discipline', 'libs/dues', 'libs/elections', 'libs/identity', 'libs/membership', 'libs/notifications', 'apps/api']) {
      expect(files).toContain(lib);
    }
  });

  it('every statement prepares on the migrated database', async () => {
    const report = await prepare(sites);
    const variants = sites.reduce((n, s) => n + (s.texts?.length ?? 0), 0);
    console.log(`SQL check: ${report.prepared} statements prepared from ${report.sites} call sites; ${sites.length - report.sites} dynamic call sites allow-listed`);
    if (report.failures.length) throw new Error(`${report.failures.length} statement(s) do not prepare on the migrated schema:\n\n${formatFailures(report.failures)}`);
    expect(report.prepared).toBe(variants);
  });

  it('every statement it cannot resolve is allow-listed with a reason, and the allow-list has no stale entries', () => {
    const review = reviewAllowList(sites, readAllowList());
    if (review.unlisted.length) {
      throw new Error(
        `SQL built at run time that the check cannot prepare. Make it static (constants, a ? 'x' : 'y'), or add it with a reason to scripts/persistence/dynamic-sql.allow.json:\n${review.unlisted.join('\n')}`,
      );
    }
    if (review.stale.length) {
      throw new Error(`Stale entries in scripts/persistence/dynamic-sql.allow.json (no unresolved statement there any more): remove them:\n${review.stale.map((e) => `${e.file} (${e.within})`).join('\n')}`);
    }
    expect(review.allowed.length).toBeLessThanOrEqual(10);
  });

  it('takes a savepoint inside the caller’s transaction by its exact shape only', async () => {
    const site = (texts: string[]): SqlSite => ({ file: 'libs/x.ts', line: 1, within: 'X.run', texts }) as SqlSite;
    const report = await prepare([
      site(['SAVEPOINT seat_filling', 'RELEASE SAVEPOINT seat_filling', 'ROLLBACK TO SAVEPOINT seat_filling']),
      site(['SAVEPOINT a; DROP TABLE membership.members', 'ROLLBACK', 'COMMIT']),
    ]);
    expect(report.prepared).toBe(3);
    expect(report.failures.map((f) => f.statement)).toEqual(['SAVEPOINT a; DROP TABLE membership.members', 'ROLLBACK', 'COMMIT']);
  });

  describe('on a repository with mistakes (test/fixtures/sql/typo-repository.ts)', () => {
    let found: SqlSite[];
    beforeAll(() => {
      found = extractSql(ROOT, [path.join(ROOT, 'test/fixtures/sql/typo-repository.ts')]);
    }, 60_000);

    it('resolves constants and both branches of a condition, and reports SQL built at run time', () => {
      expect(found.map((s) => [s.line, s.texts?.length ?? null])).toEqual([
        [11, 1],
        [15, 2],
        [19, 1],
        [23, 1],
        [27, null],
      ]);
      expect(found[0].texts![0]).toBe('SELECT m.id, m.first_name, m.last_nmae FROM membership.members m WHERE m.id = $1');
      expect(found[4]).toMatchObject({ within: 'TypoRepository.search', reason: expect.stringContaining('computed at run time') });
      const review = reviewAllowList(found, [{ file: 'libs/gone.ts', within: 'Gone.query', reason: 'was dynamic' }]);
      expect(review.unlisted).toEqual([expect.stringMatching(/^test\/fixtures\/sql\/typo-repository\.ts:27 \(TypoRepository\.search\): /)]);
      expect(review.stale).toHaveLength(1);
    });

    it('fails on a misspelled column, a bad branch of a condition and a misspelled table, naming file:line and the PostgreSQL error', async () => {
      const report = await prepare(found);
      expect(report.prepared).toBe(2); // the good statement and the good branch of the condition
      const message = formatFailures(report.failures);
      console.log(`What a developer sees:\n${message}`);
      expect(report.failures.map((f) => [f.line, f.within])).toEqual([
        [11, 'TypoRepository.names'],
        [15, 'TypoRepository.branch'],
        [19, 'TypoRepository.count'],
      ]);
      expect(message).toContain('test/fixtures/sql/typo-repository.ts:11 (TypoRepository.names): column m.last_nmae does not exist');
      expect(message).toMatch(/typo-repository\.ts:15 \(TypoRepository\.branch\): relation "nothing" in FOR UPDATE clause not found/);
      expect(message).toContain('typo-repository.ts:19 (TypoRepository.count): relation "membership.membres" does not exist');
    });
  });
});
