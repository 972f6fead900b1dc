import { inTransaction, maybeOne, one, query, rowsOf, UnexpectedRowCount } from '@org/platform';
import { createTestDatabase, type TestDatabase } from '../../support/test-database';

interface ProbeRow {
  id: number;
  label: string;
}

/** The typed query helpers of libs/platform (docs/adr/0009-sql-first-persistence.md), on a real engine. */
describe('query, one, maybeOne and rowsOf', () => {
  let db: TestDatabase;
  beforeAll(async () => {
    db = await createTestDatabase();
    await db.dataSource.query(`CREATE TABLE public.sql_helper_probe (id int PRIMARY KEY, label text NOT NULL)`);
    await db.dataSource.query(`INSERT INTO public.sql_helper_probe VALUES (1, 'one'), (2, 'two'), (3, 'three')`);
  });
  afterAll(() => db.close());

  it('query gives the rows of a SELECT, and of an UPDATE … RETURNING (which the driver answers as [rows, count])', async () => {
    const m = db.dataSource.manager;
    expect(await query<ProbeRow>(m, `SELECT id, label FROM public.sql_helper_probe WHERE id <= $1 ORDER BY id`, [2])).toEqual([
      { id: 1, label: 'one' },
      { id: 2, label: 'two' },
    ]);
    const raw = await m.query(`UPDATE public.sql_helper_probe SET label = label WHERE id = 3 RETURNING id`);
    expect(raw).toEqual([[{ id: 3 }], 1]);
    expect(rowsOf(raw)).toEqual([{ id: 3 }]);
    expect(await query<{ id: number }>(m, `UPDATE public.sql_helper_probe SET label = label WHERE id >= $1 RETURNING id`, [2])).toEqual([{ id: 2 }, { id: 3 }]);
    expect(await query(m, `DELETE FROM public.sql_helper_probe WHERE id = 99`)).toEqual([]);
    // A data source works as well as a manager.
    expect(await query<ProbeRow>(db.dataSource, `SELECT id, label FROM public.sql_helper_probe WHERE id = 1`)).toEqual([{ id: 1, label: 'one' }]);
  });

  it('one: exactly one row, else UnexpectedRowCount naming the statement', async () => {
    const m = db.dataSource.manager;
    expect(await one<ProbeRow>(m, `SELECT id, label FROM public.sql_helper_probe WHERE id = $1`, [2])).toEqual({ id: 2, label: 'two' });
    await expect(one(m, `SELECT id FROM public.sql_helper_probe WHERE id = $1`, [99])).rejects.toThrow(
      new UnexpectedRowCount('one', 0, 'SELECT id FROM public.sql_helper_probe WHERE id = $1'),
    );
    await expect(one(m, `SELECT id FROM public.sql_helper_probe`)).rejects.toThrow('Expected one row, got 3, from: SELECT id FROM public.sql_helper_probe');
  });

  it('maybeOne: the row or null; more than one is a defect', async () => {
    const m = db.dataSource.manager;
    expect(await maybeOne<ProbeRow>(m, `SELECT id, label FROM public.sql_helper_probe WHERE id = $1`, [1])).toEqual({ id: 1, label: 'one' });
    expect(await maybeOne<ProbeRow>(m, `SELECT id, label FROM public.sql_helper_probe WHERE id = $1`, [99])).toBeNull();
    expect(await maybeOne<{ id: number }>(m, `UPDATE public.sql_helper_probe SET label = label WHERE id = 1 RETURNING id`)).toEqual({ id: 1 });
    await expect(maybeOne(m, `SELECT id FROM public.sql_helper_probe WHERE id > 1`)).rejects.toBeInstanceOf(UnexpectedRowCount);
  });

  it('inside a transaction, reads and writes through it; inTransaction tells the two apart', async () => {
    expect(inTransaction(db.dataSource.manager)).toBe(false);
    await expect(
      db.dataSource.transaction(async (tx) => {
        expect(inTransaction(tx)).toBe(true);
        await query(tx, `INSERT INTO public.sql_helper_probe VALUES ($1, $2)`, [4, 'four']);
        expect(await one<ProbeRow>(tx, `SELECT id, label FROM public.sql_helper_probe WHERE id = 4`)).toEqual({ id: 4, label: 'four' });
        throw new Error('roll back');
      }),
    ).rejects.toThrow('roll back');
    expect(await maybeOne(db.dataSource.manager, `SELECT id FROM public.sql_helper_probe WHERE id = 4`)).toBeNull();
  });

  it('rowsOf takes every shape a driver answers with', () => {
    expect(rowsOf([{ a: 1 }])).toEqual([{ a: 1 }]);
    expect(rowsOf([[{ a: 1 }], 1])).toEqual([{ a: 1 }]);
    expect(rowsOf([[], 0])).toEqual([]);
    expect(rowsOf({ rows: [{ a: 1 }], rowCount: 1 })).toEqual([{ a: 1 }]);
    expect(rowsOf(undefined)).toEqual([]);
    // Two rows are rows, not [rows, count].
    expect(rowsOf([{ a: 1 }, { a: 2 }])).toEqual([{ a: 1 }, { a: 2 }]);
  });
});
