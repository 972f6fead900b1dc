import * as path from 'node:path';
import { describeSchema } from '../../../scripts/persistence/schema-description';
import { compareWithSnapshot, HOW_TO_FIX } from '../../../scripts/persistence/snapshot-check';
import { createTestDatabase, type TestDatabase } from '../../support/test-database';

const SNAPSHOT = path.resolve(__dirname, '../../../migrations/schema.snapshot.sql');

/**
 * The schema the migrations produce (this run's migrated template) is the one committed in
 * migrations/schema.snapshot.sql. On real PostgreSQL in full; on the embedded database, which has
 * no pg_trgm, without the lines the snapshot marks `-- needs pg_trgm`.
 */
describe('the migrated schema and migrations/schema.snapshot.sql', () => {
  let db: TestDatabase;
  beforeAll(async () => {
    db = await createTestDatabase();
  });
  afterAll(() => db.close());
  const embedded = () => !process.env.DATABASE_URL;

  it('agree', async () => {
    const description = await describeSchema(db.dataSource);
    const result = compareWithSnapshot(description, SNAPSHOT, embedded());
    if (result.leftOut.length) console.log(`Schema snapshot compared on the embedded database without what needs ${result.leftOut.join(', ')} (not available there); CI compares it in full on PostgreSQL.`);
    if (!result.equal) throw new Error(`${HOW_TO_FIX}\n\n${result.diff}`);
    expect(result.leftOut).toEqual(embedded() ? ['pg_trgm'] : []);
  });

  it('the description is deterministic: described twice, the same text', async () => {
    expect(await describeSchema(db.dataSource)).toBe(await describeSchema(db.dataSource));
  });

  it('a renamed column, a dropped NOT NULL, a new index and a changed grant each show in the diff', async () => {
    const runner = db.dataSource.createQueryRunner();
    await runner.startTransaction();
    try {
      await runner.query(`ALTER TABLE audit.entries RENAME COLUMN subject_id TO subject_ref`);
      await runner.query(`ALTER TABLE audit.entries ALTER COLUMN actor_kind DROP NOT NULL`);
      await runner.query(`CREATE INDEX entries_action_idx ON audit.entries (action)`);
      await runner.query(`GRANT UPDATE ON audit.entries TO commons_app`);
      const result = compareWithSnapshot(await describeSchema(runner), SNAPSHOT, embedded());
      expect(result.equal).toBe(false);
      const lines = result.diff.split('\n');
      expect(lines).toEqual(
        expect.arrayContaining([
          '-   COLUMN actor_kind text NOT NULL',
          '+   COLUMN actor_kind text',
          '-   COLUMN subject_id text',
          '+   COLUMN subject_ref text',
          '+   INDEX entries_action_idx: CREATE INDEX entries_action_idx ON audit.entries USING btree (action)',
          '-   GRANT commons_app: INSERT, SELECT; commons_caucuses: INSERT, SELECT; commons_discipline: INSERT, SELECT',
          '+   GRANT commons_app: INSERT, SELECT, UPDATE; commons_caucuses: INSERT, SELECT; commons_discipline: INSERT, SELECT',
        ]),
      );
      // Only what changed (and a little context around it), not the whole file.
      expect(lines.length).toBeLessThan(40);
    } finally {
      await runner.rollbackTransaction();
      await runner.release();
    }
  });
});
