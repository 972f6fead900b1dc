import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import type { DataSource } from 'typeorm';
import type { Tx } from '@org/platform';
import { FloorTransactions } from '../application/ports/floor-transactions.port';

/** The congress floor's only way to the database: the platform's main connection. */
@Injectable()
export class FloorDb implements FloorTransactions {
  constructor(@InjectDataSource() private readonly dataSource: DataSource) {}

  transaction<T>(work: (tx: Tx) => Promise<T>): Promise<T> {
    return this.dataSource.transaction(work);
  }

  get manager(): Tx {
    return this.dataSource.manager;
  }
}
