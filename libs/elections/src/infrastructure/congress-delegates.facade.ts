import { Injectable } from '@nestjs/common';
import type { Tx } from '@org/kernel';
import { maybeOne, one } from '@org/platform';

/**
 * Elections' published answer about a congress's delegates, for other contexts (the congress
 * floor binds its `AccreditedDelegates` port to it in apps/api/src/composition.ts): whether the
 * congress exists, whether a member is accredited now, how many are, how many were elected (a
 * quorum set as a share), and an accredited delegate's delegation (the branch that elected them:
 * their card in a card vote). Never the credential.
 */
@Injectable()
export class CongressDelegatesFacade {
  async congressExists(congressId: string, tx: Tx): Promise<boolean> {
    return (await maybeOne<{ id: string }>(tx, `SELECT id FROM elections.congresses WHERE id = $1`, [congressId])) !== null;
  }

  async isAccredited(congressId: string, memberId: string, tx: Tx): Promise<boolean> {
    return (await maybeOne<{ member_id: string }>(tx, `SELECT member_id FROM elections.delegates WHERE congress_id = $1 AND member_id = $2 AND accredited_at IS NOT NULL`, [congressId, memberId])) !== null;
  }

  async electedCount(congressId: string, tx: Tx): Promise<number> {
    return Number((await one<{ n: number }>(tx, `SELECT count(*)::int AS n FROM elections.delegates WHERE congress_id = $1`, [congressId])).n);
  }

  async delegationOf(congressId: string, memberId: string, tx: Tx): Promise<string | null> {
    const r = await maybeOne<{ branch_id: string }>(tx, `SELECT branch_id FROM elections.delegates WHERE congress_id = $1 AND member_id = $2 AND accredited_at IS NOT NULL`, [congressId, memberId]);
    return r?.branch_id ?? null;
  }

  async accreditedCount(congressId: string, tx: Tx): Promise<number> {
    return Number((await one<{ n: number }>(tx, `SELECT count(*)::int AS n FROM elections.delegates WHERE congress_id = $1 AND accredited_at IS NOT NULL`, [congressId])).n);
  }
}
