import { DomainError } from '@org/kernel';
import { Timestamp, Transition, identifier, timestamp } from '../finding/time';

/**
 * The keyed hash of a respondent's member id (`respondentMatchHash` in crypto/): HMAC-SHA256
 * with a key only the discipline context holds. Never a free-text name.
 */
export type RespondentHash = string;

export type MatchReportKind = 'complaint' | 'record_only';

export interface MatchReport {
  readonly reportId: string;
  readonly caseId: string;
  readonly kind: MatchReportKind;
  /** The person who filed it (member id or verified non-member id). */
  readonly reporterId: string;
  /** Record-only reporters may opt in to be told of matches (S10); complaints never are. */
  readonly optedIn: boolean;
  readonly filedAt: Timestamp;
}

export interface MatchGroupSnapshot {
  readonly respondentHash: RespondentHash;
  readonly reports: readonly MatchReport[];
  /** Reporters already told of a match in this group: each exactly once. */
  readonly told: readonly { readonly reporterId: string; readonly at: Timestamp }[];
  /** Reporters who agreed to be put in touch with other matched reporters who also agree. */
  readonly contactConsents: readonly { readonly reporterId: string; readonly at: Timestamp }[];
  /** Pairs put in touch (each pair once; ids sorted). */
  readonly introductions: readonly { readonly reporterIds: readonly [string, string]; readonly at: Timestamp }[];
}

export type MatchEvent =
  | {
      /** Tell this reporter (through their case) that another report names the same person. */
      readonly type: 'discipline.matching.reporter_told_of_match';
      readonly reporterId: string;
      /** Their own report in this group, to address the message through their case. */
      readonly reportId: string;
      readonly caseId: string;
      readonly at: Timestamp;
    }
  | {
      /** Both reporters consented: put them in touch (the application shares contact details). */
      readonly type: 'discipline.matching.reporters_put_in_touch';
      readonly reporterIds: readonly [string, string];
      readonly at: Timestamp;
    };

const freeze = <T>(value: T): T => JSON.parse(JSON.stringify(value)) as T;

function matchingError(kind: 'invalid' | 'conflict' | 'not_found', code: string, message: string): DomainError {
  return new DomainError(kind, `discipline.matching.${code}`, message);
}

/**
 * Every complaint and record-only report naming the same respondent (same keyed hash), and
 * what their reporters have been told (S10):
 * - the panel of any of these cases sees the others linked (`linkedReports`);
 * - an opted-in record-only reporter is told, exactly once per group, as soon as a report by
 *   someone else names the same respondent — whether it came before or after their own, and
 *   whether they opted in at filing or later;
 * - two told, opted-in reporters who both consent are put in touch, each pair once.
 * Every operation is idempotent, so replaying it (a retried job) tells nobody twice.
 */
export class MatchGroup {
  private constructor(private readonly s: MatchGroupSnapshot) {}

  static start(respondentHash: RespondentHash): MatchGroup {
    return new MatchGroup({ respondentHash: identifier(respondentHash, 'The respondent hash'), reports: [], told: [], contactConsents: [], introductions: [] });
  }

  static fromSnapshot(snapshot: MatchGroupSnapshot): MatchGroup {
    return new MatchGroup(freeze(snapshot));
  }

  toSnapshot(): MatchGroupSnapshot {
    return freeze(this.s);
  }

  get respondentHash(): RespondentHash {
    return this.s.respondentHash;
  }
  get reports(): readonly MatchReport[] {
    return this.s.reports;
  }

  /** Adds a report naming this respondent; replaying the same report changes nothing. */
  addReport(input: MatchReport, nowInput: Timestamp): Transition<MatchGroup, MatchEvent> {
    const now = timestamp(nowInput, 'now');
    const report: MatchReport = {
      reportId: identifier(input.reportId, 'The report id'),
      caseId: identifier(input.caseId, 'The case id'),
      kind: input.kind,
      reporterId: identifier(input.reporterId, 'The reporter id'),
      optedIn: input.optedIn === true,
      filedAt: timestamp(input.filedAt, 'The filing date'),
    };
    if (report.kind !== 'complaint' && report.kind !== 'record_only') {
      throw matchingError('invalid', 'invalid_report', 'A report is a complaint or a record-only report.');
    }
    if (report.optedIn && report.kind !== 'record_only') {
      throw matchingError('invalid', 'opt_in_record_only', 'Only a record-only report can opt in to matching; complaints are linked for the panel anyway.');
    }
    const existing = this.s.reports.find((r) => r.reportId === report.reportId);
    if (existing) return { next: this, events: [] };
    return new MatchGroup(freeze({ ...this.s, reports: [...this.s.reports, report] })).tellNewMatches(now);
  }

  /** A record-only reporter opts in (or out) of matching for their report. */
  setOptIn(reportId: string, optedIn: boolean, nowInput: Timestamp): Transition<MatchGroup, MatchEvent> {
    const now = timestamp(nowInput, 'now');
    const report = this.report(reportId);
    if (report.kind !== 'record_only') {
      throw matchingError('invalid', 'opt_in_record_only', 'Only a record-only report can opt in to matching.');
    }
    if (report.optedIn === optedIn) return { next: this, events: [] };
    const reports = this.s.reports.map((r) => (r.reportId === reportId ? { ...r, optedIn } : r));
    const stillOptedIn = reports.some((r) => r.reporterId === report.reporterId && r.optedIn);
    const contactConsents = stillOptedIn ? this.s.contactConsents : this.s.contactConsents.filter((c) => c.reporterId !== report.reporterId);
    return new MatchGroup(freeze({ ...this.s, reports, contactConsents })).tellNewMatches(now);
  }

  /**
   * A told, opted-in reporter agrees to be put in touch with other matched reporters. Each pair
   * in which both agreed is introduced once.
   */
  consentToContact(reporterId: string, nowInput: Timestamp): Transition<MatchGroup, MatchEvent> {
    const now = timestamp(nowInput, 'now');
    if (!this.isOptedIn(reporterId) || !this.wasTold(reporterId)) {
      throw matchingError(
        'conflict',
        'not_matched',
        'Only a reporter who opted in to matching and was told of a match can ask to be put in touch.',
      );
    }
    if (this.s.contactConsents.some((c) => c.reporterId === reporterId)) return { next: this, events: [] };
    const consented = new MatchGroup(freeze({ ...this.s, contactConsents: [...this.s.contactConsents, { reporterId, at: now }] }));
    return consented.introduceConsentingPairs(now);
  }

  /** Withdraws consent to be put in touch (introductions already made stay recorded). */
  withdrawContactConsent(reporterId: string): Transition<MatchGroup, MatchEvent> {
    return {
      next: new MatchGroup(freeze({ ...this.s, contactConsents: this.s.contactConsents.filter((c) => c.reporterId !== reporterId) })),
      events: [],
    };
  }

  /** For the panel of `caseId`: every other report in the group (ids, kinds and dates only). */
  linkedReports(caseId: string): readonly MatchReport[] {
    if (!this.s.reports.some((r) => r.caseId === caseId)) return [];
    return this.s.reports.filter((r) => r.caseId !== caseId);
  }

  wasTold(reporterId: string): boolean {
    return this.s.told.some((t) => t.reporterId === reporterId);
  }

  private isOptedIn(reporterId: string): boolean {
    return this.s.reports.some((r) => r.reporterId === reporterId && r.kind === 'record_only' && r.optedIn);
  }

  private report(reportId: string): MatchReport {
    const report = this.s.reports.find((r) => r.reportId === reportId);
    if (!report) throw matchingError('not_found', 'report_not_found', 'No such report in this match group.');
    return report;
  }

  private tellNewMatches(now: Timestamp): Transition<MatchGroup, MatchEvent> {
    const told = [...this.s.told];
    const events: MatchEvent[] = [];
    for (const r of this.s.reports) {
      if (r.kind !== 'record_only' || !r.optedIn) continue;
      if (told.some((t) => t.reporterId === r.reporterId)) continue;
      const someoneElse = this.s.reports.some((o) => o.reporterId !== r.reporterId);
      if (!someoneElse) continue;
      told.push({ reporterId: r.reporterId, at: now });
      events.push({ type: 'discipline.matching.reporter_told_of_match', reporterId: r.reporterId, reportId: r.reportId, caseId: r.caseId, at: now });
    }
    const next = events.length ? new MatchGroup(freeze({ ...this.s, told })) : this;
    return { next, events };
  }

  private introduceConsentingPairs(now: Timestamp): Transition<MatchGroup, MatchEvent> {
    const consenting = this.s.contactConsents.map((c) => c.reporterId).filter((id) => this.isOptedIn(id) && this.wasTold(id));
    const introductions = [...this.s.introductions];
    const events: MatchEvent[] = [];
    for (let i = 0; i < consenting.length; i++) {
      for (let j = i + 1; j < consenting.length; j++) {
        const pair = [consenting[i], consenting[j]].sort() as [string, string];
        if (introductions.some((x) => x.reporterIds[0] === pair[0] && x.reporterIds[1] === pair[1])) continue;
        introductions.push({ reporterIds: pair, at: now });
        events.push({ type: 'discipline.matching.reporters_put_in_touch', reporterIds: pair, at: now });
      }
    }
    return { next: new MatchGroup(freeze({ ...this.s, introductions })), events };
  }
}
