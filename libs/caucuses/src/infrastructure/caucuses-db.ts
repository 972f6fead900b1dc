import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import type { DataSource } from 'typeorm';
import type { Tx } from '@org/platform';
import { CaucusTransactions } from '../application/ports/caucus-transactions.port';

/** Name of the caucuses context's own connection (its own role, `commons_caucuses`, on real PostgreSQL). */
export const CAUCUSES_CONNECTION = 'caucuses';

/**
 * The caucuses context's only way to the database: its own connection. On real PostgreSQL it
 * logs in as a member of `commons_caucuses` (`CAUCUSES_DATABASE_URL`), the only role with any
 * grant on the `caucuses` schema; on the embedded database it shares the one in-process database.
 */
@Injectable()
export class CaucusesDb implements CaucusTransactions {
  constructor(@InjectDataSource(CAUCUSES_CONNECTION) private readonly dataSource: DataSource) {}

  transaction<T>(work: (tx: Tx) => Promise<T>): Promise<T> {
    return this.dataSource.transaction('READ COMMITTED', work);
  }
}
