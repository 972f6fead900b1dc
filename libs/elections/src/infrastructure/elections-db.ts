import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import type { DataSource } from 'typeorm';
import type { Tx } from '@org/platform';
import { ElectionsTransactions } from '../application/ports/elections-transactions.port';

/** The elections context's transactions on the application's connection (docs/adr/0009-sql-first-persistence.md). */
@Injectable()
export class ElectionsDb implements ElectionsTransactions {
  constructor(@InjectDataSource() private readonly dataSource: DataSource) {}

  transaction<T>(work: (tx: Tx) => Promise<T>): Promise<T> {
    return this.dataSource.transaction(work);
  }

  get manager(): Tx {
    return this.dataSource.manager;
  }

  async savepoint<T>(tx: Tx, step: () => Promise<T>): Promise<T> {
    await tx.query('SAVEPOINT seat_filling');
    try {
      const result = await step();
      await tx.query('RELEASE SAVEPOINT seat_filling');
      return result;
    } catch (e) {
      await tx.query('ROLLBACK TO SAVEPOINT seat_filling');
      throw e;
    }
  }
}
