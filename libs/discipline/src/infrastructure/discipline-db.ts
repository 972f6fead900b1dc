import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import type { DataSource } from 'typeorm';
import type { Tx } from '@org/platform';
import { DISCIPLINE_CONNECTION } from '@org/platform';
import { DisciplineTransactions } from '../application/ports/discipline-transactions.port';

/**
 * The disciplinary context's only way to the database: its own connection (its own role on real
 * PostgreSQL). Every use case runs in one transaction here; everything inside it — the audit
 * entry, the outbox row, the restrictions projection — is written through the same manager, so
 * it commits or rolls back with the change (and never asks for a second connection, which would
 * wait forever on the embedded database's single lease).
 */
@Injectable()
export class DisciplineDb implements DisciplineTransactions {
  constructor(@InjectDataSource(DISCIPLINE_CONNECTION) readonly dataSource: DataSource) {}

  transaction<T>(work: (tx: Tx) => Promise<T>): Promise<T> {
    return this.dataSource.transaction('READ COMMITTED', work);
  }

  read<T>(work: (db: Tx) => Promise<T>): Promise<T> {
    return work(this.dataSource.manager);
  }
}
