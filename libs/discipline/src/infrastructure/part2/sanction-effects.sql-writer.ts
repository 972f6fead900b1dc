import { randomUUID } from 'node:crypto';
import { Injectable, type OnModuleInit } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import type { DataSource, EntityManager } from 'typeorm';
import { AuditLog } from '@org/audit';
import { AccountProvisioning, MandateService } from '@org/identity';
import { DISCIPLINE_CONNECTION } from '@org/platform';
import type { RestrictionKind } from '@org/kernel';
import type { RestrictedRight, SanctionEffects } from '../../domain/finding/sanction-effects.value-object';
import { RejoinFingerprints } from '../rejoin-fingerprints.repository';
import { RestrictionsRepository } from '../restrictions.repository';
import { rowsOf } from './sealed-snapshots';

const KIND_OF: Record<RestrictedRight, RestrictionKind> = { voting: 'no_voting', candidacy: 'no_candidacy', office: 'no_office', hosting: 'no_hosting' };

/**
 * Makes a final sanction take effect everywhere (S9), inside the transaction that makes the
 * finding final:
 * - the member's status (suspended / expelled) and its history, with an opaque reference —
 *   never the case; an expulsion also closes the open branch period;
 * - `restrictions.active` (no_voting, no_candidacy, no_office, no_hosting): sources of kind
 *   `sanction` through part 1's `RestrictionsRepository`, which rebuilds the projection;
 * - the member's current mandates end today (through identity's MandateService);
 * - an expelled member is listed in `restrictions.readmission_required` until a readmission
 *   decision of the commission.
 * Everything other contexts see says what is restricted and until when, never why.
 */
@Injectable()
export class SanctionEffectsSqlWriter implements OnModuleInit {
  /** Whether the membership migration's `source`/`ref` columns exist on the status history. */
  private historyHasSource = false;

  constructor(
    @InjectDataSource(DISCIPLINE_CONNECTION) private readonly ds: DataSource,
    private readonly mandates: MandateService,
    private readonly restrictions: RestrictionsRepository,
    private readonly audit: AuditLog,
    private readonly accounts: AccountProvisioning,
    private readonly fingerprints: RejoinFingerprints,
  ) {}

  async onModuleInit(): Promise<void> {
    const rows = await this.ds.query(
      `SELECT 1 FROM information_schema.columns WHERE table_schema = 'membership' AND table_name = 'status_history' AND column_name = 'source'`,
    );
    this.historyHasSource = rows.length > 0;
  }

  async apply(m: EntityManager, input: { effects: SanctionEffects; caseId: string; findingId: string; now: Date }): Promise<{ sanctionRef: string } | null> {
    const e = input.effects;
    if (e.standing === 'unaffected' || e.restrictions.length === 0) return null;
    const sanctionId = randomUUID();
    const ref = `discipline-sanction:${sanctionId}`;
    const today = input.now.toISOString().slice(0, 10);
    await m.query(
      `INSERT INTO discipline.sanctions (id, finding_id, member_id, standing, effective_from, restricted_until) VALUES ($1, $2, $3, $4, $5, $6)`,
      [sanctionId, input.findingId, e.memberId, e.standing, e.effectiveFrom, e.restrictedUntil],
    );

    // 1. Status.
    await this.setStatus(m, e.memberId, e.standing, input.now, ref);
    if (e.standing === 'expelled') {
      // The account's sessions end with the expulsion (the former member signs in again for their own cases, S1).
      await this.accounts.membersLeft(m, [e.memberId], 'expelled');
      await m.query(`UPDATE membership.branch_periods SET to_date = $2::date WHERE member_id = $1 AND to_date IS NULL AND from_date < $2::date`, [e.memberId, today]);
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
    const held = rowsOf(
      await m.query(
        `SELECT id FROM identity.mandates WHERE member_id = $1 AND (ends_on IS NULL OR ends_on > $2::date) AND starts_on < $2::date ORDER BY starts_on`,
        [e.memberId, today],
      ),
    );
    for (const x of held) await this.mandates.end(m, x.id, today, 'Ended by a final disciplinary sanction', { id: null, kind: 'system' });

    await this.audit.record(
      m,
      {
        actorId: null,
        actorKind: 'system',
        context: 'discipline',
        action: 'sanction.took-effect',
        subjectType: 'member',
        subjectId: e.memberId,
        data: { ref, standing: e.standing, restrictions: e.restrictions, restrictedUntil: e.restrictedUntil, mandatesEnded: held.length },
      },
      input.now,
    );
    return { sanctionRef: ref };
  }

  /** A readmission decision ends an expulsion's effects (the record of the expulsion stays). */
  async endExpulsion(m: EntityManager, input: { memberId: string; findingId: string; decisionId: string; now: Date }): Promise<void> {
    const [s] = rowsOf(await m.query(`SELECT id FROM discipline.sanctions WHERE finding_id = $1 AND standing = 'expelled' AND lifted_at IS NULL`, [input.findingId]));
    if (s) {
      await m.query(`UPDATE discipline.sanctions SET lifted_at = $2, lifted_by_decision = $3 WHERE id = $1`, [s.id, input.now, input.decisionId]);
      await this.endSources(m, s.id, input.memberId, input.now);
    }
    await m.query(`DELETE FROM restrictions.readmission_required WHERE member_id = $1`, [input.memberId]);
  }

  /** Suspensions whose end has come: the member is active again (the standing job then decides lapsed or not). */
  async liftEndedSuspensions(m: EntityManager, now: Date): Promise<number> {
    const due = rowsOf(
      await m.query(
        `SELECT id, member_id FROM discipline.sanctions WHERE standing = 'suspended' AND lifted_at IS NULL AND restricted_until <= $1 ORDER BY restricted_until FOR UPDATE SKIP LOCKED`,
        [now],
      ),
    );
    for (const s of due) {
      await m.query(`UPDATE discipline.sanctions SET lifted_at = $2 WHERE id = $1`, [s.id, now]);
      await this.endSources(m, s.id, s.member_id, now);
      const still = rowsOf(
        await m.query(
          `SELECT 1 FROM discipline.sanctions WHERE member_id = $1 AND lifted_at IS NULL AND standing IN ('suspended', 'expelled') AND id <> $2`,
          [s.member_id, s.id],
        ),
      );
      const [member] = rowsOf(await m.query(`SELECT status FROM membership.members WHERE id = $1 FOR UPDATE`, [s.member_id]));
      if (still.length === 0 && member?.status === 'suspended') {
        await this.setStatus(m, s.member_id, 'active', now, `discipline-sanction:${s.id}`);
      }
      await this.audit.record(m, { actorId: null, actorKind: 'system', context: 'discipline', action: 'sanction.suspension-ended', subjectType: 'member', subjectId: s.member_id, data: { ref: `discipline-sanction:${s.id}` } }, now);
    }
    return due.length;
  }

  private async setStatus(m: EntityManager, memberId: string, to: 'suspended' | 'expelled' | 'active', now: Date, ref: string): Promise<void> {
    const [member] = rowsOf(await m.query(`SELECT status FROM membership.members WHERE id = $1 FOR UPDATE`, [memberId]));
    if (!member || member.status === to) return;
    if (to === 'suspended' && member.status === 'expelled') return;
    await m.query(`UPDATE membership.members SET status = $2, updated_at = $3, version = version + 1 WHERE id = $1`, [memberId, to, now]);
    const today = now.toISOString().slice(0, 10);
    if (this.historyHasSource) {
      await m.query(
        `INSERT INTO membership.status_history (member_id, from_status, to_status, changed_at, effective_on, changed_by, reason, source, ref)
         VALUES ($1, $2, $3, $4, $5, NULL, NULL, 'sanction', $6)`,
        [memberId, member.status, to, now, today, ref],
      );
    } else {
      await m.query(
        `INSERT INTO membership.status_history (member_id, from_status, to_status, changed_at, effective_on, changed_by, reason) VALUES ($1, $2, $3, $4, $5, NULL, $6)`,
        [memberId, member.status, to, now, today, ref],
      );
    }
  }

  /** The sanction's restriction sources end (kept, with their end), and the projection is rebuilt. */
  private async endSources(m: EntityManager, sanctionId: string, memberId: string, now: Date): Promise<void> {
    await m.query(`UPDATE discipline.restriction_sources SET ended_at = $2 WHERE source_kind = 'sanction' AND source_id = $1 AND ended_at IS NULL`, [sanctionId, now]);
    await this.restrictions.refresh(m, [memberId]);
  }
}
