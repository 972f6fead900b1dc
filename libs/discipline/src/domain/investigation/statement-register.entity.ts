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

/** The panel's specific questions to a person about their statement (S12: an addendum, never a retelling). */
export interface AddendumRequest {
  readonly requestId: string;
  readonly questions: readonly string[];
  readonly requestedAt: Timestamp;
  readonly requestedBy: string;
  /** The addendum that answered it, once the person has written one. */
  readonly answeredBy: string | null;
}

/**
 * `requested`: the panel asked; `awaiting_approval`: the panel wrote down what the person said at
 * an interview they attended — not their statement until they approve the words; `given`.
 */
export type StatementStatus = 'requested' | 'awaiting_approval' | 'given';

export interface StatementRecord {
  readonly statementId: string;
  readonly personId: string;
  readonly role: StatementRole;
  readonly status: StatementStatus;
  readonly requestedAt: Timestamp | null;
  readonly requestedBy: string | null;
  readonly text: string | null;
  readonly source: StatementSource | null;
  readonly givenAt: Timestamp | null;
  readonly recordedBy: string | null;
  readonly supportPerson: SupportPerson | null;
  /** Amendments, appended by the person themself; the statement is never rewritten. */
  readonly addenda: readonly StatementAddendum[];
  /** For a statement taken at an interview: that interview, and when the person approved the words. */
  readonly interviewId?: string | null;
  readonly approvedAt?: Timestamp | null;
  /** The panel's questions asking for an addendum (S12). */
  readonly addendumRequests?: readonly AddendumRequest[];
}

/** What the register needs to know of an interview to take a statement from it. */
export interface InterviewAttended {
  readonly interviewId: string;
  readonly personId: string;
  readonly status: 'scheduled' | 'held' | 'cancelled';
}

const MAX_QUESTIONS = 10;
/**
 * Wording that asks the person to tell it all again (S12: never a retelling). The panel asks
 * what it needs to know, one specific question at a time.
 */
const RETELLING =
  /\b(re-?tell|re-?state|re-?write|repeat|again from|from the (beginning|start)|(whole|entire|full) (story|account|statement|complaint)|everything that happened|(write|tell|describe|give)\b[^?]{0,40}\b(again|once more)|in full again)\b/i;

/** Validates the panel's questions for an addendum: a few specific questions, never "tell it again". */
export function parseAddendumQuestions(questions: readonly string[] | undefined): string[] {
  const list = Array.isArray(questions) ? [...new Set(questions.map((q) => (typeof q === 'string' ? q.trim() : '')).filter((q) => q.length > 0))] : [];
  if (list.length === 0 || list.length > MAX_QUESTIONS) {
    throw investigationError('invalid', InvestigationErrorCode.NotARetelling, `Ask between 1 and ${MAX_QUESTIONS} specific questions; the statement already given is not asked for again.`);
  }
  for (const q of list) {
    requiredText(q, 'A question', 500);
    if (RETELLING.test(q)) {
      throw investigationError(
        'invalid',
        InvestigationErrorCode.NotARetelling,
        `"${q.slice(0, 80)}" asks for the account again. A statement is given once (S12): ask a specific question about what you still need to know.`,
      );
    }
  }
  return list;
}

export interface StatementRegisterSnapshot {
  readonly caseId: string;
  readonly statements: readonly StatementRecord[];
}

export type StatementEvent =
  | { readonly type: 'discipline.statement.requested'; readonly caseId: string; readonly statementId: string; readonly personId: string; readonly at: Timestamp }
  | { readonly type: 'discipline.statement.recorded'; readonly caseId: string; readonly statementId: string; readonly personId: string; readonly at: Timestamp }
  | { readonly type: 'discipline.statement.addendum_requested'; readonly caseId: string; readonly statementId: string; readonly personId: string; readonly at: Timestamp }
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
    if (existing?.source === 'complaint') throw complaintIsStatement(existing.statementId);
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
   * The complainant's first statement is the complaint they filed (S12): registered once, as
   * given, with source `complaint` (its text stays in the complaint). Nobody asks for it again.
   */
  withComplaintStatement(input: { readonly statementId: string; readonly personId: string; readonly filedAt: Timestamp }): StatementRegister {
    const personId = identifier(input.personId, 'The complainant');
    const existing = this.statementOf(personId);
    if (existing?.source === 'complaint') return this;
    const record: StatementRecord = {
      statementId: existing?.statementId ?? identifier(input.statementId, 'The statement id'),
      personId,
      role: 'complainant',
      status: 'given',
      requestedAt: existing?.requestedAt ?? null,
      requestedBy: existing?.requestedBy ?? null,
      text: null,
      source: 'complaint',
      givenAt: timestamp(input.filedAt, 'filedAt'),
      recordedBy: personId,
      supportPerson: null,
      addenda: existing?.addenda ?? [],
      addendumRequests: existing?.addendumRequests ?? [],
    };
    // A statement the complainant gave before this rule keeps its place: it is theirs.
    if (existing?.status === 'given') return this;
    return this.with(existing ? this.s.statements.map((st) => (st.personId === personId ? record : st)) : [record, ...this.s.statements]);
  }

  /**
   * The person gives their own statement in writing: fulfils their pending request, replaces a
   * transcript of an interview they have not approved, or is recorded directly. Refused once a
   * statement is given (further things are addenda), and for a complainant, whose complaint is
   * their statement.
   */
  record(input: {
    readonly statementId: string;
    readonly personId: string;
    readonly role: StatementRole;
    readonly text: string;
    readonly source: 'written';
    readonly recordedBy: string;
    readonly supportPerson?: SupportPerson | null;
    readonly now: Timestamp;
  }): Transition<StatementRegister, StatementEvent> {
    const personId = identifier(input.personId, 'The person id');
    if (identifier(input.recordedBy, 'Who recorded the statement') !== personId) {
      throw investigationError('forbidden', InvestigationErrorCode.NotFromInterview, 'A written statement is given by the person themself; the panel records one only from an interview the person attended.');
    }
    return this.put({ ...input, personId, status: 'given', interviewId: null, approvedAt: null });
  }

  /**
   * The panel writes down what a person said at an interview they attended (S12). The words are
   * not the person's statement until the person approves them; until then the person may approve,
   * or give their own statement instead.
   */
  recordFromInterview(input: {
    readonly statementId: string;
    readonly personId: string;
    readonly role: StatementRole;
    readonly text: string;
    readonly interview: InterviewAttended | null;
    readonly recordedBy: string;
    readonly supportPerson?: SupportPerson | null;
    readonly now: Timestamp;
  }): Transition<StatementRegister, StatementEvent> {
    const personId = identifier(input.personId, 'The person id');
    const i = input.interview;
    if (!i || i.personId !== personId || i.status !== 'held') {
      throw investigationError(
        'unprocessable',
        InvestigationErrorCode.NotFromInterview,
        'A statement in a person’s name comes only from them, or from an interview they attended: name the interview (interviewId) that was held with this person. They then approve the words before it is their statement.',
      );
    }
    return this.put({ ...input, personId, source: 'interview', status: 'awaiting_approval', interviewId: i.interviewId, approvedAt: null });
  }

  /** The person approves the words the panel wrote down from their interview: now it is their statement. */
  approve(input: { readonly statementId: string; readonly personId: string; readonly now: Timestamp }): Transition<StatementRegister, StatementEvent> {
    const now = timestamp(input.now, 'now');
    const st = this.s.statements.find((x) => x.statementId === input.statementId);
    if (!st) throw investigationError('not_found', InvestigationErrorCode.StatementNotFound, 'No such statement in this case.');
    if (st.personId !== input.personId) throw investigationError('forbidden', InvestigationErrorCode.ApprovalOnlyByPerson, 'Only the person whose words these are can approve them.');
    if (st.status !== 'awaiting_approval') throw investigationError('conflict', InvestigationErrorCode.NotAwaitingApproval, 'This statement is not waiting for approval.');
    return {
      next: this.with(this.s.statements.map((x) => (x.statementId === st.statementId ? { ...x, status: 'given' as const, givenAt: now, approvedAt: now } : x))),
      events: [{ type: 'discipline.statement.recorded', caseId: this.s.caseId, statementId: st.statementId, personId: st.personId, at: now }],
    };
  }

  private put(input: {
    readonly statementId: string;
    readonly personId: string;
    readonly role: StatementRole;
    readonly text: string;
    readonly source: 'written' | 'interview';
    readonly recordedBy: string;
    readonly supportPerson?: SupportPerson | null;
    readonly now: Timestamp;
    readonly status: 'given' | 'awaiting_approval';
    readonly interviewId: string | null;
    readonly approvedAt: Timestamp | null;
  }): Transition<StatementRegister, StatementEvent> {
    const now = timestamp(input.now, 'now');
    const personId = input.personId;
    const existing = this.statementOf(personId);
    if (existing?.source === 'complaint') throw complaintIsStatement(existing.statementId);
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
      status: input.status,
      requestedAt: existing?.requestedAt ?? null,
      requestedBy: existing?.requestedBy ?? null,
      text: requiredText(input.text, 'The statement', 200_000),
      source: oneOf(SOURCES, input.source, 'The source'),
      givenAt: input.status === 'given' ? now : null,
      recordedBy: identifier(input.recordedBy, 'Who recorded the statement'),
      supportPerson: parseSupportPerson(input.supportPerson),
      addenda: [],
      interviewId: input.interviewId,
      approvedAt: input.approvedAt,
      addendumRequests: [],
    };
    const statements = existing
      ? this.s.statements.map((st) => (st.personId === personId ? given : st))
      : [...this.s.statements, given];
    return {
      next: this.with(statements),
      events: input.status === 'given' ? [{ type: 'discipline.statement.recorded', caseId: this.s.caseId, statementId: given.statementId, personId, at: now }] : [],
    };
  }

  /**
   * The panel asks the person specific questions about the statement they gave (the complaint,
   * for a complainant): answered by an addendum, never by telling it all again (S12).
   */
  requestAddendum(input: {
    readonly statementId: string;
    readonly requestId: string;
    readonly questions: readonly string[];
    readonly requestedBy: string;
    readonly now: Timestamp;
  }): Transition<StatementRegister, StatementEvent> {
    const now = timestamp(input.now, 'now');
    const st = this.s.statements.find((x) => x.statementId === input.statementId);
    if (!st) throw investigationError('not_found', InvestigationErrorCode.StatementNotFound, 'No such statement in this case.');
    if (st.status !== 'given') throw investigationError('conflict', InvestigationErrorCode.StatementNotGiven, 'Questions come after the statement is given.');
    const request: AddendumRequest = {
      requestId: identifier(input.requestId, 'The request id'),
      questions: parseAddendumQuestions(input.questions),
      requestedAt: now,
      requestedBy: identifier(input.requestedBy, 'Who asked'),
      answeredBy: null,
    };
    return {
      next: this.with(this.s.statements.map((x) => (x.statementId === st.statementId ? { ...x, addendumRequests: [...(x.addendumRequests ?? []), request] } : x))),
      events: [{ type: 'discipline.statement.addendum_requested', caseId: this.s.caseId, statementId: st.statementId, personId: st.personId, at: now }],
    };
  }

  /** The person themself amends their statement by appending an addendum. */
  addAddendum(input: {
    readonly statementId: string;
    readonly addendumId: string;
    readonly authorId: string;
    readonly text: string;
    /** The panel's questions this addendum answers, if any. */
    readonly requestId?: string | null;
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
    const requests = statement.addendumRequests ?? [];
    if (input.requestId && !requests.some((r) => r.requestId === input.requestId)) {
      throw investigationError('not_found', InvestigationErrorCode.AddendumRequestNotFound, 'The panel asked no such questions about this statement.');
    }
    const answered = requests.map((r) => (r.requestId === input.requestId ? { ...r, answeredBy: addendum.addendumId } : r));
    return {
      next: this.with(this.s.statements.map((st) => (st.statementId === statement.statementId ? { ...st, addenda: [...st.addenda, addendum], addendumRequests: answered } : st))),
      events: [
        { type: 'discipline.statement.addendum_added', caseId: this.s.caseId, statementId: statement.statementId, addendumId: addendum.addendumId, at: now },
      ],
    };
  }
}

function complaintIsStatement(statementId: string) {
  return investigationError(
    'conflict',
    InvestigationErrorCode.ComplaintIsStatement,
    'The complaint the complainant filed is their statement, and is not asked for or written again (S12). To learn more, ask them specific questions: POST …/statements/{statementId}/addendum-requests.',
    { statementId },
  );
}
