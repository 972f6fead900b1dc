import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import type { DataSource } from 'typeorm';
import type { Tx } from '@org/platform';
import { IdentityTransactions } from '../application/ports/identity-transactions.port';

/**
 * The identity context's only way to the database: the platform's connection. Each service runs
 * its change in one transaction here and passes its `Tx` down (never a second connection inside
 * one: on the embedded database it would wait forever for the single lease).
 */
@Injectable()
export class IdentityDb implements IdentityTransactions {
  constructor(@InjectDataSource() private readonly dataSource: DataSource) {}

  transaction<T>(work: (tx: Tx) => Promise<T>): Promise<T> {
    return this.dataSource.transaction(work);
  }

  get manager(): Tx {
    return this.dataSource.manager;
  }
}
