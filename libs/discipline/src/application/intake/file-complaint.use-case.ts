import { randomBytes, randomUUID } from 'node:crypto';
import { Inject, Injectable } from '@nestjs/common';
import type { Tx } from '@org/platform';
import { DomainError } from '@org/kernel';
import { Clock } from '@org/platform';
import {
  Case,
  caseError,
  CaseErrorCode,
  deadlinesFor,
  generateCaseReference,
  type Complainant,
  type PersonRef,
} from '../../domain';
import { CaseRepository } from '../ports/case.repository';
import { DisciplineTransactions } from '../ports/discipline-transactions.port';
import { DISCIPLINE_SETTINGS, type DisciplineSettings } from '../discipline-settings';
import { MemberDirectoryRepository } from '../ports/member-directory.repository';
import { CaseStore } from '../access/case-store.service';
import type { DisciplineActor } from '../access/discipline-actor';
import { CaseContentService, type ContentKind } from '../case-content/case-content.service';
import { RecomputeRecusal } from '../recusal/recompute-recusal.service';
import type { ComplaintInput, FiledComplaint, PersonInput } from './complaint.input';
import { MemberDirectoryQuery } from './member-directory.query';

const FORMER = ['resigned', 'expelled', 'declined'];

/**
 * Files a complaint straight to the Control Commission (S1, S4, S12), in one transaction: the
 * text is sealed with the new case's data key, the case is created as the complainant chose
 * (path, seriousness, matching), recusal is computed for it, the duty commissioner is the next
 * cleared one in the rota and is told (with nothing but "something new in your case"). The
 * complainant gets the case reference. Nobody else — no officer, no body — is told anything.
 */
@Injectable()
export class FileComplaint {
  constructor(
    private readonly db: DisciplineTransactions,
    private readonly cases: CaseRepository,
    private readonly directory: MemberDirectoryRepository,
    private readonly content: CaseContentService,
    private readonly recompute: RecomputeRecusal,
    private readonly store: CaseStore,
    private readonly clock: Clock,
    @Inject(DISCIPLINE_SETTINGS) private readonly settings: DisciplineSettings,
    private readonly handles: MemberDirectoryQuery,
  ) {}

  /** People picked from the directory come as handles, valid only for the searcher who got them. */
  private withMemberIds(actor: DisciplineActor, input: ComplaintInput): ComplaintInput {
    const person = (p: PersonInput): PersonInput => (p.handle ? { memberId: this.handles.resolve(actor, p.handle), description: p.description ?? null } : p);
    return {
      ...input,
      respondents: input.respondents.map(person),
      witnesses: input.witnesses?.map(person),
      supportPerson: input.supportPerson ? person(input.supportPerson) : input.supportPerson,
    };
  }

  /** A member or former member, signed in. */
  async byMember(actor: DisciplineActor, input: ComplaintInput): Promise<FiledComplaint> {
    if (!actor.memberId) {
      throw new DomainError(
        'forbidden',
        'discipline.use_email_verification',
        'Accounts without a membership file a complaint by confirming their email address: POST /complaints/email-verifications.',
      );
    }
    const memberId = actor.memberId;
    return this.db.transaction(async (tx) => {
      const status = await this.directory.status(tx, memberId);
      const complainant: Complainant = status && FORMER.includes(status) ? { kind: 'former_member', memberId } : { kind: 'member', memberId };
      return this.file(tx, actor, complainant, input);
    });
  }

  /** A non-member who confirmed their address (`EmailVerificationService`). */
  async byVerifiedEmail(actor: DisciplineActor, email: string, verifiedAt: string, input: ComplaintInput): Promise<FiledComplaint> {
    return this.db.transaction((tx) => this.file(tx, actor, { kind: 'non_member', email, emailVerifiedAt: verifiedAt }, input));
  }

  private async file(tx: Tx, actor: DisciplineActor, complainant: Complainant, filed: ComplaintInput): Promise<FiledComplaint> {
    const now = this.clock.now();
    const input = this.withMemberIds(actor, filed);
    const named = [...input.respondents, ...(input.witnesses ?? []), ...(input.supportPerson ? [input.supportPerson] : [])];
    const unknown = await this.directory.unknown(tx, named.flatMap((p) => (p.memberId ? [p.memberId] : [])));
    if (unknown.length > 0) {
      throw caseError('invalid', CaseErrorCode.InvalidComplaint, 'Someone you named is not in the member directory: pick them from the directory, or describe them instead.', {
        problems: ['a member id is not in the directory'],
      });
    }
    if (named.some((p) => !p.memberId && !(typeof p.description === 'string' && p.description.trim()))) {
      throw caseError('invalid', CaseErrorCode.InvalidComplaint, 'For each person you name, pick a member from the directory or describe them.', {
        problems: ['a person is neither a member nor described'],
      });
    }
    const caseId = randomUUID();
    const reference = await this.newReference(tx, now);
    const sealer = this.content.forNewCase(caseId);
    const by = actor.memberId;
    const person = (kind: ContentKind) => (p: PersonInput): PersonRef =>
      p.memberId ? { kind: 'member', memberId: p.memberId } : { kind: 'non_member', description: sealer.seal(kind, p.description ?? '', by) };
    const { case: c, events } = Case.file(
      {
        complainant,
        respondents: input.respondents.map(person('respondent')),
        narrative: sealer.seal('narrative', input.narrative, by),
        when: input.when ? { from: input.when.from, to: input.when.to ?? null } : null,
        where: sealer.sealOptional('where', input.where, by),
        witnesses: (input.witnesses ?? []).map(person('witness')),
        supportPerson: input.supportPerson ? person('support-person')(input.supportPerson) : null,
        seriousness: {
          violence: !!input.seriousness?.violence,
          sexualMisconduct: !!input.seriousness?.sexualMisconduct,
          threats: !!input.seriousness?.threats,
        },
        path: input.path,
        informalConsent: input.informalConsent,
        matchingOptIn: !!input.matchingOptIn,
      },
      { id: caseId, reference, receivedAt: now.toISOString() },
    );
    await this.store.create(tx, c, events, actor.audit);
    await sealer.flush(tx);
    const after = await this.recompute.run(tx, c, now, 'intake');
    await this.store.save(tx, c, after.events, actor.audit);
    return {
      reference: c.reference,
      stage: c.stage,
      path: c.path,
      receivedAt: c.state.receivedAt,
      deadlines: deadlinesFor(c, this.settings.deadlines).map((d) => ({ kind: d.kind, dueAt: d.dueAt })),
    };
  }

  private async newReference(tx: Tx, now: Date): Promise<string> {
    for (let i = 0; i < 8; i++) {
      const reference = generateCaseReference(now.toISOString(), (n) => randomBytes(n));
      if (!(await this.cases.referenceExists(tx, reference))) return reference;
    }
    throw new DomainError('unavailable', 'discipline.reference_exhausted', 'No case reference could be issued just now; please try again.');
  }
}
