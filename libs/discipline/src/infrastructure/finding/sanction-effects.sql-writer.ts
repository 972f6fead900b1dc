import { randomUUID } from 'node:crypto';
import { Injectable } from '@nestjs/common';
import type { Tx } from '@org/platform';
import { AuditLog } from '@org/audit';
import type { RestrictionKind } from '@org/kernel';
import type { RestrictedRight, SanctionEffects } from '../../domain/finding/sanction-effects.value-object';
import { MemberSanctions } from '../../application/ports/member-sanctions.port';
import { RejoinFingerprints } from '../rejoin-fingerprints.repository';
import { RestrictionsRepository } from '../restrictions.repository';
import { maybeOne, query } from '@org/platform';

const KIND_OF: Record<RestrictedRight, RestrictionKind> = { voting: 'no_voting', candidacy: 'no_candidacy', office: 'no_office', hosting: 'no_hosting' };

/**
 * Makes a final sanction take effect everywhere (S9), inside the transaction that makes the
 * finding final:
 * - the member's status (suspended / expelled) and its history, with an opaque reference —
 *   never the case; an expulsion also ends the account's sessions and closes the open branch
 *   period — through the `MemberSanctions` port (membership and identity change their own tables);
 * - `restrictions.active` (no_voting, no_candidacy, no_office, no_hosting): sources of kind
 *   `sanction` through the case's `RestrictionsRepository`, which rebuilds the projection;
 * - the member's current mandates end today (the port again: identity's MandateService);
 * - an expelled member is listed in `restrictions.readmission_required` until a readmission
 *   decision of the commission.
 * Exactly once: everything runs in the caller's transaction, and a finding that already has its
 * sanction (`discipline.sanctions.finding_id`) is not sanctioned again.
 * Everything other contexts see says what is restricted and until when, never why.
 * SQL here touches only this context's schemas (`discipline`, `restrictions`).
 */
@Injectable()
export class SanctionEffectsSqlWriter {
  constructor(
    private readonly members: MemberSanctions,
    private readonly restrictions: RestrictionsRepository,
    private readonly audit: AuditLog,
    private readonly fingerprints: RejoinFingerprints,
  ) {}

  async apply(m: Tx, input: { effects: SanctionEffects; caseId: string; findingId: string; now: Date }): Promise<{ sanctionRef: string } | null> {
    const e = input.effects;
    if (e.standing === 'unaffected' || e.restrictions.length === 0) return null;
    const already = await maybeOne<{ id: string }>(m, `SELECT id FROM discipline.sanctions WHERE finding_id = $1`, [input.findingId]);
    if (already) return { sanctionRef: `discipline-sanction:${already.id}` };
    const sanctionId = randomUUID();
    const ref = `discipline-sanction:${sanctionId}`;
    const today = input.now.toISOString().slice(0, 10);
    await m.query(
      `INSERT INTO discipline.sanctions (id, finding_id, member_id, standing, effective_from, restricted_until) VALUES ($1, $2, $3, $4, $5, $6)`,
      [sanctionId, input.findingId, e.memberId, e.standing, e.effectiveFrom, e.restrictedUntil],
    );

    // 1. Status (and, for an expulsion, the account's sessions — the former member signs in again
    // for their own cases, S1 — and the open branch period), in the owning contexts.
    await this.members.standingChanged(m, { memberId: e.memberId, standing: e.standing, ref, at: input.now });
    if (e.standing === 'expelled') {
      await m.query(`INSERT INTO restrictions.readmission_required (member_id, since) VALUES ($1, $2) ON CONFLICT (member_id) DO NOTHING`, [e.memberId, e.effectiveFrom]);
      // Recognised again under another e-mail by keyed hashes of name with date of birth, phone, address.
      await this.fingerprints.record(m, e.memberId, input.now);
    }

    // 2. Restrictions.
    await this.restrictions.replaceSources(
      m,
      input.caseId,
      'sanction',
      sanctionId,
      e.restrictions.map((right) => ({ memberId: e.memberId, kind: KIND_OF[right], since: e.effectiveFrom, until: e.restrictedUntil })),
    );

    // 3. Mandates end today.
    const mandatesEnded = await this.members.mandatesEnded(m, { memberId: e.memberId, on: today, reason: 'Ended by a final disciplinary sanction' });

    await this.audit.record(
      m,
      {
        actorId: null,
        actorKind: 'system',
        context: 'discipline',
        action: 'sanction.took-effect',
        subjectType: 'member',
        subjectId: e.memberId,
        data: { ref, standing: e.standing, restrictions: e.restrictions, restrictedUntil: e.restrictedUntil, mandatesEnded },
      },
      input.now,
    );
    return { sanctionRef: ref };
  }

  /** A readmission decision ends an expulsion's effects (the record of the expulsion stays). */
  async endExpulsion(m: Tx, input: { memberId: string; findingId: string; decisionId: string; now: Date }): Promise<void> {
    const [s] = await query<{ id: string }>(m, `SELECT id FROM discipline.sanctions WHERE finding_id = $1 AND standing = 'expelled' AND lifted_at IS NULL`, [input.findingId]);
    if (s) {
      await m.query(`UPDATE discipline.sanctions SET lifted_at = $2, lifted_by_decision = $3 WHERE id = $1`, [s.id, input.now, input.decisionId]);
      await this.endSources(m, s.id, input.memberId, input.now);
    }
    await m.query(`DELETE FROM restrictions.readmission_required WHERE member_id = $1`, [input.memberId]);
  }

  /** Suspensions whose end has come: the member is active again (the standing job then decides lapsed or not). */
  async liftEndedSuspensions(m: Tx, now: Date): Promise<number> {
    const due = await query<{ id: string; member_id: string }>(
      m,
      `SELECT id, member_id FROM discipline.sanctions WHERE standing = 'suspended' AND lifted_at IS NULL AND restricted_until <= $1 ORDER BY restricted_until FOR UPDATE SKIP LOCKED`,
      [now],
    );
    for (const s of due) {
      await m.query(`UPDATE discipline.sanctions SET lifted_at = $2 WHERE id = $1`, [s.id, now]);
      await this.endSources(m, s.id, s.member_id, now);
      const still = await query<{ held: number }>(
        m,
        `SELECT 1 AS held FROM discipline.sanctions WHERE member_id = $1 AND lifted_at IS NULL AND standing IN ('suspended', 'expelled') AND id <> $2`,
        [s.member_id, s.id],
      );
      if (still.length === 0) await this.members.suspensionEnded(m, { memberId: s.member_id, ref: `discipline-sanction:${s.id}`, at: now });
      await this.audit.record(m, { actorId: null, actorKind: 'system', context: 'discipline', action: 'sanction.suspension-ended', subjectType: 'member', subjectId: s.member_id, data: { ref: `discipline-sanction:${s.id}` } }, now);
    }
    return due.length;
  }

  /** The sanction's restriction sources end (kept, with their end), and the projection is rebuilt. */
  private async endSources(m: Tx, sanctionId: string, memberId: string, now: Date): Promise<void> {
    await m.query(`UPDATE discipline.restriction_sources SET ended_at = $2 WHERE source_kind = 'sanction' AND source_id = $1 AND ended_at IS NULL`, [sanctionId, now]);
    await this.restrictions.refresh(m, [memberId]);
  }
}
