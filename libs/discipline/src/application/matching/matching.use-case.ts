import { randomUUID } from 'node:crypto';
import { Injectable } from '@nestjs/common';
import type { Tx } from '@org/platform';
import { AuditLog } from '@org/audit';
import { DomainError } from '@org/kernel';
import { Clock } from '@org/platform';
import { deriveMatchingKey, respondentMatchHash, type MatchingKey } from '../../crypto/respondent-matching-key';
import type { CaseSnapshot } from '../../domain/case/case.types';
import { MatchGroup, type MatchEvent } from '../../domain/matching/match-group.entity';
import { MatchGroupRepository } from '../ports/match-group.repository';
import { MemberDirectoryRepository } from '../ports/member-directory.repository';
import { CaseGate } from '../access/case-gate.service';
import { CaseNotifier } from '../access/case-notifier';
import { personIdOfEmail, type DisciplineActor } from '../access/discipline-actor';
import { DisciplineKeys } from '../case-content/discipline-keys';
import { CaseRepository } from '../ports/case.repository';
import { AUDIT_SUBJECT } from '../case-content/case-content.service';
import { DisciplineTransactions } from '../ports/discipline-transactions.port';

export interface MatchingStatus {
  readonly recordOnly: boolean;
  readonly optedIn: boolean;
  /** Another report names the same person (told once). */
  readonly toldOfMatch: boolean;
  readonly consentedToContact: boolean;
  /** Reporters who also consented, and how to reach them. */
  readonly introductions: readonly { readonly name: string | null; readonly email: string | null; readonly at: string }[];
}

export interface LinkedReport {
  readonly reference: string | null;
  readonly kind: 'complaint' | 'record_only';
  readonly filedAt: string;
}

const reservedToReporter = () =>
  new DomainError('forbidden', 'discipline.matching.reserved_to_reporter', 'Only the person who filed this report can see or change its matching.');

/** The reporter of a case as the match groups know them: a member id or `email:<address>`. */
export const reporterOf = (c: CaseSnapshot): string => (c.complainant.kind === 'non_member' ? personIdOfEmail(c.complainant.email) : c.complainant.memberId);

/**
 * Patterns are visible (S10). Every complaint and record-only report naming a member as
 * respondent joins the match group of the keyed hash of that member's id (HMAC, a key derived
 * from the discipline context's master key — never a name). The panel of any case sees the
 * other reports in its groups. A record-only reporter who opted in is told, exactly once per
 * group, when someone else's report names the same person; two told reporters who both agree
 * are put in touch. Cases are indexed by a job (and intake may call `indexCase`).
 */
@Injectable()
export class MatchingUseCase {
  constructor(
    private readonly db: DisciplineTransactions,
    private readonly cases: CaseRepository,
    private readonly gate: CaseGate,
    private readonly groups: MatchGroupRepository,
    private readonly keys: DisciplineKeys,
    private readonly directory: MemberDirectoryRepository,
    private readonly notifier: CaseNotifier,
    private readonly audit: AuditLog,
    private readonly clock: Clock,
  ) {}

  /** Indexes every case not indexed yet. Safe to run again: each case is indexed once, each reporter told once. */
  async runOnce(): Promise<{ indexed: number }> {
    let indexed = 0;
    for (;;) {
      const ids = await this.db.read((db) => this.groups.unindexedCaseIds(db, 200));
      let progressed = 0;
      for (const id of ids) {
        if (await this.db.transaction((m) => this.indexCase(m, id))) progressed++;
      }
      indexed += progressed;
      if (ids.length < 200 || progressed === 0) break;
    }
    return { indexed };
  }

  /** Indexes one case in the caller's transaction; false if it was indexed already. */
  async indexCase(m: Tx, caseId: string): Promise<boolean> {
    const now = this.clock.now();
    const at = now.toISOString();
    const c = await this.cases.load(m, caseId, true);
    if (!c || !(await this.groups.markIndexed(m, caseId, at))) return false;
    const s = c.state;
    const matchingKey = this.matchingKey();
    const kind = s.path === 'record-only' ? 'record_only' : 'complaint';
    const reporterId = reporterOf(s);
    for (const respondentId of c.respondentMemberIds()) {
      const hash = respondentMatchHash(matchingKey, respondentId);
      const group = (await this.groups.load(m, hash)) ?? MatchGroup.start(hash);
      const t = group.addReport({ reportId: caseId, caseId, kind, reporterId, optedIn: kind === 'record_only' && s.matchingOptIn, filedAt: s.receivedAt }, at);
      await this.groups.save(m, t.next, matchingKey.masterKeyId, at);
      await this.deliver(m, t.events, now);
    }
    return true;
  }

  async status(actor: DisciplineActor, key: string): Promise<MatchingStatus> {
    return this.db.transaction(async (m) => {
      const file = await this.gate.file(m, key, { actor });
      const caseId = file.caseId;
      file.requireRole(actor, ['complainant'], reservedToReporter);
      const me = reporterOf(file.c.state);
      const groups = await this.groups.groupsOfCase(m, caseId);
      const snapshots = groups.map((g) => g.toSnapshot());
      const partners = [...new Set(snapshots.flatMap((s) => s.introductions.filter((i) => i.reporterIds.includes(me)).map((i) => i.reporterIds.find((x) => x !== me) as string)))];
      const entries = await this.directory.entries(m, partners);
      return {
        recordOnly: file.c.path === 'record-only',
        optedIn: snapshots.some((s) => s.reports.some((r) => r.caseId === caseId && r.optedIn)),
        toldOfMatch: groups.some((g) => g.wasTold(me)),
        consentedToContact: snapshots.some((s) => s.contactConsents.some((c) => c.reporterId === me)),
        introductions: snapshots.flatMap((s) =>
          s.introductions
            .filter((i) => i.reporterIds.includes(me))
            .map((i) => {
              const other = i.reporterIds.find((x) => x !== me) as string;
              const e = entries.get(other);
              return { name: e ? `${e.firstName} ${e.lastName}`.trim() : null, email: e ? e.email : other.startsWith('email:') ? other.slice(6) : null, at: i.at };
            }),
        ),
      };
    });
  }

  async setOptIn(actor: DisciplineActor, key: string, optedIn: boolean): Promise<MatchingStatus> {
    await this.db.transaction(async (m) => {
      const now = this.clock.now();
      const file = await this.gate.file(m, key, { forUpdate: true, actor });
      const caseId = file.caseId;
      file.requireRole(actor, ['complainant'], reservedToReporter);
      if (file.c.path !== 'record-only') {
        throw new DomainError('invalid', 'discipline.matching.opt_in_record_only', 'Only a record-only report can opt in to matching; complaints are linked for the panel anyway.');
      }
      if (!(await this.groups.isIndexed(m, caseId))) await this.indexCase(m, caseId);
      const matchingKey = this.matchingKey();
      for (const g of await this.groups.groupsOfCase(m, caseId, true)) {
        const t = g.setOptIn(caseId, optedIn, now.toISOString());
        await this.groups.save(m, t.next, matchingKey.masterKeyId, now.toISOString());
        await this.deliver(m, t.events, now);
      }
      await this.record(m, actor, caseId, 'matching.opt-in-changed', { optedIn }, now);
    });
    return this.status(actor, key);
  }

  /** A told, opted-in reporter agrees to be put in touch with other reporters who also agree. */
  async consentToContact(actor: DisciplineActor, key: string): Promise<MatchingStatus> {
    await this.db.transaction(async (m) => {
      const now = this.clock.now();
      const file = await this.gate.file(m, key, { forUpdate: true, actor });
      const caseId = file.caseId;
      file.requireRole(actor, ['complainant'], reservedToReporter);
      const me = reporterOf(file.c.state);
      const matchingKey = this.matchingKey();
      const groups = (await this.groups.groupsOfCase(m, caseId, true)).filter((g) => g.wasTold(me));
      if (groups.length === 0) {
        throw new DomainError('conflict', 'discipline.matching.not_matched', 'Only a reporter who opted in to matching and was told of a match can ask to be put in touch.');
      }
      for (const g of groups) {
        const t = g.consentToContact(me, now.toISOString());
        await this.groups.save(m, t.next, matchingKey.masterKeyId, now.toISOString());
        await this.deliver(m, t.events, now);
      }
      await this.record(m, actor, caseId, 'matching.contact-consent', {}, now);
    });
    return this.status(actor, key);
  }

  /** For the panel: the other reports naming the same respondent (S10). */
  async linked(actor: DisciplineActor, key: string): Promise<LinkedReport[]> {
    return this.db.transaction(async (m) => {
      const file = await this.gate.file(m, key, { actor });
      const caseId = file.caseId;
      file.requireRole(actor, ['panelist', 'appeals_panelist'], () =>
        new DomainError('forbidden', 'discipline.matching.panel_only', 'Linked reports are shown to the panel of the case.'),
      );
      if (!(await this.groups.isIndexed(m, caseId))) await this.indexCase(m, caseId);
      const out: LinkedReport[] = [];
      const seen = new Set<string>();
      for (const g of await this.groups.groupsOfCase(m, caseId)) {
        for (const r of g.linkedReports(caseId)) {
          if (seen.has(r.caseId)) continue;
          seen.add(r.caseId);
          const other = await this.cases.load(m, r.caseId);
          out.push({ reference: other?.reference ?? null, kind: r.kind, filedAt: r.filedAt });
        }
      }
      await this.record(m, actor, caseId, 'case.content-read', { what: 'linked-reports', count: out.length }, this.clock.now());
      return out.sort((a, b) => a.filedAt.localeCompare(b.filedAt));
    });
  }

  private matchingKey(): MatchingKey {
    return deriveMatchingKey(this.keys.ring());
  }

  private async deliver(m: Tx, events: readonly MatchEvent[], now: Date): Promise<void> {
    for (const e of events) {
      if (e.type === 'discipline.matching.reporter_told_of_match') {
        await this.notifier.notifyPeople(m, [e.reporterId], { dedupeKey: () => `discipline-match-told:${randomUUID()}` });
        await this.audit.record(m, { actorId: null, actorKind: 'system', context: 'discipline', action: 'matching.reporter-told', subjectType: AUDIT_SUBJECT, subjectId: e.caseId, data: {} }, now);
      } else {
        await this.notifier.notifyPeople(m, [...e.reporterIds], { dedupeKey: () => `discipline-match-introduced:${randomUUID()}` });
        await this.audit.record(m, { actorId: null, actorKind: 'system', context: 'discipline', action: 'matching.reporters-put-in-touch', subjectType: 'discipline-match', subjectId: null, data: {} }, now);
      }
    }
  }

  private record(m: Tx, actor: DisciplineActor, caseId: string, action: string, data: Record<string, unknown>, now: Date) {
    return this.audit.record(m, { actorId: actor.audit.actorId, actorKind: actor.audit.actorKind, context: 'discipline', action, subjectType: AUDIT_SUBJECT, subjectId: caseId, data }, now);
  }
}
