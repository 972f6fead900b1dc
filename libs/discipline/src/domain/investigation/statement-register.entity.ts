import { Timestamp, Transition, identifier, requiredText, timestamp } from '../finding/time';
import { InvestigationErrorCode, investigationError } from './investigation.errors';

export type StatementRole = 'complainant' | 'respondent' | 'witness';
/** How the statement reached the record: written by the person, taken at an interview, or the complaint itself. */
export type StatementSource = 'written' | 'interview' | 'complaint';

export interface SupportPerson {
  readonly name: string;
  /** When the support person is a member. */
  readonly memberId: string | null;
}

export interface StatementAddendum {
  readonly addendumId: string;
  readonly text: string;
  readonly addedAt: Timestamp;
}

export interface StatementRecord {
  readonly statementId: string;
  readonly personId: string;
  readonly role: StatementRole;
  readonly status: 'requested' | 'given';
  readonly requestedAt: Timestamp | null;
  readonly requestedBy: string | null;
  readonly text: string | null;
  readonly source: StatementSource | null;
  readonly givenAt: Timestamp | null;
  readonly recordedBy: string | null;
  readonly supportPerson: SupportPerson | null;
  /** Amendments, appended by the person themself; the statement is never rewritten. */
  readonly addenda: readonly StatementAddendum[];
}

export interface StatementRegisterSnapshot {
  readonly caseId: string;
  readonly statements: readonly StatementRecord[];
}

export type StatementEvent =
  | { readonly type: 'discipline.statement.requested'; readonly caseId: string; readonly statementId: string; readonly personId: string; readonly at: Timestamp }
  | { readonly type: 'discipline.statement.recorded'; readonly caseId: string; readonly statementId: string; readonly personId: string; readonly at: Timestamp }
  | { readonly type: 'discipline.statement.addendum_added'; readonly caseId: string; readonly statementId: string; readonly addendumId: string; readonly at: Timestamp };

const freeze = <T>(value: T): T => JSON.parse(JSON.stringify(value)) as T;
const ROLES: readonly StatementRole[] = ['complainant', 'respondent', 'witness'];
const SOURCES: readonly StatementSource[] = ['written', 'interview', 'complaint'];

function oneOf<T extends string>(allowed: readonly T[], value: T, what: string): T {
  if (!allowed.includes(value)) {
    throw investigationError('invalid', InvestigationErrorCode.StatementInvalid, `${what} must be one of: ${allowed.join(', ')}.`);
  }
  return value;
}

/** Validates a support person (S12: recorded when they attend a statement or an interview). */
export function parseSupportPerson(input: SupportPerson | null | undefined): SupportPerson | null {
  if (!input) return null;
  return {
    name: requiredText(input.name, 'The support person’s name', 200),
    memberId: input.memberId ? identifier(input.memberId, 'The support person’s member id') : null,
  };
}

/**
 * The statements of one case (S12: one statement, no ambush). Each person gives one statement
 * per case, which is reused from then on: asking again is refused with
 * `discipline.statement.already_exists` and the existing statement's id, so the panel reads
 * that one. The person may append addenda; nobody rewrites a statement.
 */
export class StatementRegister {
  private constructor(private readonly s: StatementRegisterSnapshot) {}

  static forCase(caseId: string): StatementRegister {
    return new StatementRegister({ caseId: identifier(caseId, 'The case id'), statements: [] });
  }

  static fromSnapshot(snapshot: StatementRegisterSnapshot): StatementRegister {
    return new StatementRegister(freeze(snapshot));
  }

  toSnapshot(): StatementRegisterSnapshot {
    return freeze(this.s);
  }

  /** The person's statement in this case (requested or given), if any: reuse it. */
  statementOf(personId: string): StatementRecord | null {
    return this.s.statements.find((st) => st.personId === personId) ?? null;
  }

  private with(statements: StatementRecord[]): StatementRegister {
    return new StatementRegister(freeze({ ...this.s, statements }));
  }

  /** The panel asks a person for their statement; refused if one exists (requested or given). */
  request(input: {
    readonly statementId: string;
    readonly personId: string;
    readonly role: StatementRole;
    readonly requestedBy: string;
    readonly now: Timestamp;
  }): Transition<StatementRegister, StatementEvent> {
    const now = timestamp(input.now, 'now');
    const personId = identifier(input.personId, 'The person id');
    const existing = this.statementOf(personId);
    if (existing) {
      throw investigationError(
        'conflict',
        InvestigationErrorCode.StatementAlreadyExists,
        existing.status === 'given'
          ? 'This person has already given their statement in this case; use that statement — a statement is never asked for twice.'
          : 'This person has already been asked for their statement in this case.',
        { statementId: existing.statementId, status: existing.status },
      );
    }
    const statementId = identifier(input.statementId, 'The statement id');
    const record: StatementRecord = {
      statementId,
      personId,
      role: oneOf(ROLES, input.role, 'The role'),
      status: 'requested',
      requestedAt: now,
      requestedBy: identifier(input.requestedBy, 'Who asked for the statement'),
      text: null,
      source: null,
      givenAt: null,
      recordedBy: null,
      supportPerson: null,
      addenda: [],
    };
    return {
      next: this.with([...this.s.statements, record]),
      events: [{ type: 'discipline.statement.requested', caseId: this.s.caseId, statementId, personId, at: now }],
    };
  }

  /**
   * Records a person's statement: fulfils their pending request, or records it directly (their
   * complaint, a written statement they chose to give). Refused once a statement is given:
   * further things they want to say are addenda.
   */
  record(input: {
    readonly statementId: string;
    readonly personId: string;
    readonly role: StatementRole;
    readonly text: string;
    readonly source: StatementSource;
    readonly recordedBy: string;
    readonly supportPerson?: SupportPerson | null;
    readonly now: Timestamp;
  }): Transition<StatementRegister, StatementEvent> {
    const now = timestamp(input.now, 'now');
    const personId = identifier(input.personId, 'The person id');
    const existing = this.statementOf(personId);
    if (existing?.status === 'given') {
      throw investigationError(
        'conflict',
        InvestigationErrorCode.StatementAlreadyGiven,
        'This person has already given their statement in this case; anything they add is an addendum, which only they can write.',
        { statementId: existing.statementId },
      );
    }
    const given: StatementRecord = {
      statementId: existing?.statementId ?? identifier(input.statementId, 'The statement id'),
      personId,
      role: existing?.role ?? oneOf(ROLES, input.role, 'The role'),
      status: 'given',
      requestedAt: existing?.requestedAt ?? null,
      requestedBy: existing?.requestedBy ?? null,
      text: requiredText(input.text, 'The statement', 200_000),
      source: oneOf(SOURCES, input.source, 'The source'),
      givenAt: now,
      recordedBy: identifier(input.recordedBy, 'Who recorded the statement'),
      supportPerson: parseSupportPerson(input.supportPerson),
      addenda: [],
    };
    const statements = existing
      ? this.s.statements.map((st) => (st.personId === personId ? given : st))
      : [...this.s.statements, given];
    return {
      next: this.with(statements),
      events: [{ type: 'discipline.statement.recorded', caseId: this.s.caseId, statementId: given.statementId, personId, at: now }],
    };
  }

  /** The person themself amends their statement by appending an addendum. */
  addAddendum(input: {
    readonly statementId: string;
    readonly addendumId: string;
    readonly authorId: string;
    readonly text: string;
    readonly now: Timestamp;
  }): Transition<StatementRegister, StatementEvent> {
    const now = timestamp(input.now, 'now');
    const statement = this.s.statements.find((st) => st.statementId === input.statementId);
    if (!statement) {
      throw investigationError('not_found', InvestigationErrorCode.StatementNotFound, 'No such statement in this case.');
    }
    if (statement.personId !== input.authorId) {
      throw investigationError(
        'forbidden',
        InvestigationErrorCode.AddendumOnlyByAuthor,
        'Only the person who gave a statement can add to it.',
      );
    }
    if (statement.status !== 'given') {
      throw investigationError('conflict', InvestigationErrorCode.StatementNotGiven, 'Give the statement first; addenda come after it.');
    }
    const addendum: StatementAddendum = {
      addendumId: identifier(input.addendumId, 'The addendum id'),
      text: requiredText(input.text, 'The addendum', 100_000),
      addedAt: now,
    };
    return {
      next: this.with(this.s.statements.map((st) => (st.statementId === statement.statementId ? { ...st, addenda: [...st.addenda, addendum] } : st))),
      events: [
        { type: 'discipline.statement.addendum_added', caseId: this.s.caseId, statementId: statement.statementId, addendumId: addendum.addendumId, at: now },
      ],
    };
  }
}
