import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import type { DataSource } from 'typeorm';
import type { Tx } from '@org/platform';
import { MembershipTransactions } from '../application/ports/membership-transactions.port';

/** The membership context's transactions on the application's connection (docs/adr/0009-sql-first-persistence.md). */
@Injectable()
export class MembershipDb implements MembershipTransactions {
  constructor(@InjectDataSource() private readonly dataSource: DataSource) {}

  transaction<T>(work: (tx: Tx) => Promise<T>): Promise<T> {
    return this.dataSource.transaction(work);
  }

  get manager(): Tx {
    return this.dataSource.manager;
  }
}
