import { Injectable } from '@nestjs/common';
import type { Tx } from '@org/platform';
import { EmailVerificationRepository, type VerificationRow } from '../../application/ports/email-verification.repository';
import { maybeOne, one, query } from '@org/platform';
export type { VerificationRow };

interface VerificationDbRow {
  id: string;
  email: string;
  code_hash: string;
  attempts: number;
  expires_at: Date;
  confirmed_at: Date | null;
}

/** `discipline.email_verifications`: a non-member's proof of an address (codes and tokens hashed). */
@Injectable()
export class EmailVerificationSqlRepository implements EmailVerificationRepository {
  async recentCount(m: Tx, email: string, since: Date): Promise<number> {
    const r = await one<{ n: number }>(m, `SELECT count(*)::int AS n FROM discipline.email_verifications WHERE email = $1 AND created_at > $2`, [email, since]);
    return r.n;
  }

  async insert(m: Tx, row: { id: string; email: string; codeHash: string; createdAt: Date; expiresAt: Date }): Promise<void> {
    await m.query(
      `INSERT INTO discipline.email_verifications (id, email, code_hash, created_at, expires_at) VALUES ($1, $2, $3, $4, $5)`,
      [row.id, row.email, row.codeHash, row.createdAt, row.expiresAt],
    );
  }

  async lock(m: Tx, id: string): Promise<VerificationRow | null> {
    const r = await maybeOne<VerificationDbRow>(m, `SELECT id, email, code_hash, attempts, expires_at, confirmed_at FROM discipline.email_verifications WHERE id = $1 FOR UPDATE`, [id]);
    return r ? { id: r.id, email: r.email, codeHash: r.code_hash, attempts: r.attempts, expiresAt: new Date(r.expires_at), confirmedAt: r.confirmed_at ? new Date(r.confirmed_at) : null } : null;
  }

  async countAttempt(m: Tx, id: string): Promise<void> {
    await m.query(`UPDATE discipline.email_verifications SET attempts = attempts + 1 WHERE id = $1`, [id]);
  }

  async confirm(m: Tx, id: string, at: Date, tokenHash: string, tokenExpiresAt: Date): Promise<void> {
    await m.query(
      `UPDATE discipline.email_verifications SET confirmed_at = $2, token_hash = $3, token_expires_at = $4, attempts = attempts + 1 WHERE id = $1`,
      [id, at, tokenHash, tokenExpiresAt],
    );
  }

  async emailForToken(m: Tx, tokenHash: string, at: Date): Promise<{ email: string; confirmedAt: Date } | null> {
    const rows = await query<{ email: string; confirmed_at: Date }>(
      m,
      `SELECT email, confirmed_at FROM discipline.email_verifications WHERE token_hash = $1 AND token_expires_at > $2 AND confirmed_at IS NOT NULL`,
      [tokenHash, at],
    );
    return rows[0] ? { email: rows[0].email, confirmedAt: new Date(rows[0].confirmed_at) } : null;
  }
}
