import { preparedQuery } from '@org/platform';
import { createTestDatabase, type TestDatabase } from '../../support/test-database';

describe('preparedQuery (named statements for the per-request hot path)', () => {
  let db: TestDatabase;
  beforeAll(async () => {
    db = await createTestDatabase();
    await db.dataSource.query(`CREATE TABLE public.prepared_probe (id int PRIMARY KEY, label text NOT NULL)`);
    await db.dataSource.query(`INSERT INTO public.prepared_probe VALUES (1, 'one'), (2, 'two')`);
  });
  afterAll(() => db.close());

  const SQL = `SELECT id, label FROM public.prepared_probe WHERE id = $1`;

  it('answers outside a transaction, again and again on the same statement, with the given values', async () => {
    for (let i = 0; i < 5; i++) {
      expect(await preparedQuery(db.dataSource.manager, SQL, [1])).toEqual([{ id: 1, label: 'one' }]);
      expect(await preparedQuery(db.dataSource.manager, SQL, [2])).toEqual([{ id: 2, label: 'two' }]);
    }
    expect(await preparedQuery(db.dataSource.manager, SQL, [3])).toEqual([]);
  });

  it('inside a transaction it reads through that transaction (sees its uncommitted rows) and leaves the connection to it', async () => {
    await db.dataSource.transaction(async (m) => {
      await m.query(`INSERT INTO public.prepared_probe VALUES (3, 'three')`);
      expect(await preparedQuery(m, SQL, [3])).toEqual([{ id: 3, label: 'three' }]);
      expect(m.queryRunner!.isReleased).toBe(false);
      await m.query(`SELECT 1`);
    });
    expect(await preparedQuery(db.dataSource.manager, SQL, [3])).toEqual([{ id: 3, label: 'three' }]);
  });

  it('a rolled-back transaction leaves nothing behind, and the pool keeps working', async () => {
    await expect(
      db.dataSource.transaction(async (m) => {
        await m.query(`INSERT INTO public.prepared_probe VALUES (4, 'four')`);
        expect(await preparedQuery(m, SQL, [4])).toHaveLength(1);
        throw new Error('roll back');
      }),
    ).rejects.toThrow('roll back');
    expect(await preparedQuery(db.dataSource.manager, SQL, [4])).toEqual([]);
    const many = await Promise.all(Array.from({ length: 20 }, (_, i) => preparedQuery(db.dataSource.manager, SQL, [1 + (i % 2)])));
    expect(many.map((r) => r[0].id)).toEqual(Array.from({ length: 20 }, (_, i) => 1 + (i % 2)));
  });
});
