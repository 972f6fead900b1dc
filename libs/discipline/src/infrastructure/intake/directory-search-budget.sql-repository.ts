import { Injectable } from '@nestjs/common';
import type { Tx } from '@org/platform';
import { one } from '@org/platform';
import { DirectorySearchBudget, type DirectoryBudgetUse } from '../../application/ports/directory-search-budget.port';

interface BudgetRow {
  n: number;
  oldest: Date | null;
}

/** `discipline.directory_searches`: a keyed hash of the searcher and a time, nothing else. */
@Injectable()
export class DirectorySearchBudgetSqlRepository implements DirectorySearchBudget {
  async lock(tx: Tx, tag: string): Promise<void> {
    await tx.query(`SELECT pg_advisory_xact_lock(hashtext($1))`, [`directory:${tag}`]);
  }

  async usedSince(tx: Tx, tag: string, since: Date): Promise<DirectoryBudgetUse> {
    const row = await one<BudgetRow>(
      tx,
      `SELECT count(*)::int AS n, min(searched_at) AS oldest FROM discipline.directory_searches WHERE searcher_tag = $1 AND searched_at > $2`,
      [tag, since],
    );
    return { count: row.n, oldest: row.oldest ? new Date(row.oldest) : null };
  }

  async record(tx: Tx, tag: string, at: Date, forgetUpTo: Date): Promise<void> {
    await tx.query(`DELETE FROM discipline.directory_searches WHERE searched_at <= $1`, [forgetUpTo]);
    await tx.query(`INSERT INTO discipline.directory_searches (searcher_tag, searched_at) VALUES ($1, $2)`, [tag, at]);
  }
}
