import { Inject, Injectable } from '@nestjs/common';
import { LOGGER, type Logger } from '@org/platform';
import type { DisciplineActor } from '../../application/access/discipline-actor';
import { FileComplaint } from '../../application/intake/file-complaint.use-case';
import type { ComplaintInput } from '../../application/intake/complaint.input';
import { InterimMeasures } from '../../application/interim/interim-measures.use-case';
import { PanelActions } from '../../application/panel/panel-actions.use-case';
import { TriageCase } from '../../application/triage/triage-case.use-case';
import { CaseRepository } from '../case.repository';
import { DisciplineDb } from '../discipline-db';

/** The demo account list the app hands to contributors (see apps/api/src/seed/demo-contributor.ts). */
interface DemoAccountLike {
  readonly email: string;
  readonly role: string;
  readonly memberId: string | null;
}

const NARRATIVES = [
  'At the branch social on the date given, the respondent repeatedly made remarks about my appearance after I asked him to stop, and followed me to the door when I left.',
  'During the canvassing session the respondent shouted at a new member and threatened to "make sure she never gets a role here".',
  'The respondent sent me several messages late at night after a meeting, insisting we meet alone to "talk about my future in the branch".',
  'At the regional meeting the respondent took the floor and mocked a comrade\u2019s accent; several people left the room.',
  'I was told by the respondent that my motion would be "buried" unless I withdrew my complaint about the treasurer.',
  'The respondent grabbed my arm to stop me leaving a committee meeting.',
  'Over several weeks the respondent made sexual comments in the branch group chat directed at me.',
  'The respondent repeatedly interrupted and belittled younger members in meetings and told one of them to "sit down and learn".',
];

/**
 * Demo cases (issue 5, item 10) through the real use cases — sealed content, recusal, the rota,
 * recorded random draws — so that a new user can walk through a case from each side and check
 * the separation against real references:
 * - the demo `member` files a formal complaint, triaged, with a panel seated;
 * - further formal complaints between other members, triaged, until the demo `commissioner` sits
 *   on at least two panels (the draws are genuinely random: more cases are filed if needed, at
 *   most twelve);
 * - one in investigation, one serious with interim measures, one record-only report (closed),
 *   one still waiting for triage.
 */
@Injectable()
export class DisciplineDemoContributor {
  constructor(
    private readonly db: DisciplineDb,
    private readonly cases: CaseRepository,
    private readonly file: FileComplaint,
    private readonly triage: TriageCase,
    private readonly panel: PanelActions,
    private readonly interim: InterimMeasures,
    @Inject(LOGGER) private readonly logger: Logger,
  ) {}

  async contributeDemo(accounts: readonly DemoAccountLike[]): Promise<void> {
    const member = accounts.find((a) => a.role === 'member')?.memberId;
    const commissioner = accounts.find((a) => a.role === 'commissioner')?.memberId;
    if (!member || !commissioner) return;
    const demoIds = accounts.flatMap((a) => (a.memberId ? [a.memberId] : []));
    const people: string[] = await this.db.transaction(async (tx) =>
      (
        await tx.query(
          `SELECT m.id FROM membership.members m
            WHERE m.status = 'active' AND NOT (m.id = ANY($1::uuid[]))
              AND NOT EXISTS (SELECT 1 FROM identity.mandates md WHERE md.member_id = m.id)
            ORDER BY m.member_number LIMIT 40`,
          [demoIds],
        )
      ).map((r: any) => r.id),
    );
    if (people.length < 30) return;
    let n = 0;
    const next = () => people[n++ % people.length];
    const narrative = (i: number) => NARRATIVES[i % NARRATIVES.length];
    const actorOf = (memberId: string, commission = false): DisciplineActor => ({
      memberId,
      caseActor: { memberId, isCommissioner: commission },
      audit: { actorId: memberId, actorKind: 'member' },
    });
    const formal = (i: number, respondent: string, extra: Partial<ComplaintInput> = {}): ComplaintInput => ({
      respondents: [{ memberId: respondent }],
      narrative: narrative(i),
      where: 'Branch meeting room',
      when: null,
      path: 'formal',
      matchingOptIn: i % 2 === 0,
      ...extra,
    });
    const triageIt = async (reference: string): Promise<string[]> => {
      const row = await this.db.transaction((tx) => this.cases.findByKey(tx, reference));
      const duty = row?.snapshot.dutyCommissionerId;
      if (!duty) return [];
      return (await this.triage.run(reference, actorOf(duty, true), {})).panel;
    };

    // The demo member's own complaint.
    const mine = await this.file.byMember(actorOf(member), formal(0, next()));
    await triageIt(mine.reference);

    // Formal complaints until the demo commissioner sits on two panels.
    const seatedOn: string[] = [];
    const others: { reference: string; panel: string[] }[] = [];
    for (let i = 1; i <= 12 && seatedOn.length < 2; i++) {
      const filed = await this.file.byMember(actorOf(next()), formal(i, next(), i === 2 ? { seriousness: { threats: true } } : {}));
      const panel = await triageIt(filed.reference);
      others.push({ reference: filed.reference, panel });
      if (panel.includes(commissioner)) seatedOn.push(filed.reference);
    }
    // One in investigation, one with interim measures (where a full panel sits).
    const withPanel = others.filter((o) => o.panel.length > 0);
    if (withPanel[0]) await this.panel.beginInvestigation(withPanel[0].reference, actorOf(withPanel[0].panel[0], true));
    const serious = withPanel[1];
    if (serious) {
      const row = await this.db.transaction((tx) => this.cases.findByKey(tx, serious.reference));
      const respondent = row?.snapshot.respondents[0];
      if (respondent?.kind === 'member') {
        const until = new Date(Date.now() + 60 * 86_400_000).toISOString();
        const measures = [{ kind: 'no_hosting' as const, memberId: respondent.memberId, until }];
        const first = await this.interim.decide(serious.reference, actorOf(serious.panel[0], true), { outcome: 'measures', measures, reasons: 'Demo: pending investigation.' });
        if (first.proposalId) await this.interim.concur(serious.reference, actorOf(serious.panel[1], true), first.proposalId);
      }
    }
    // A record-only report (closed at triage), and one waiting for triage.
    const recordOnly = await this.file.byMember(actorOf(next()), formal(5, next(), { path: 'record-only', matchingOptIn: true }));
    await triageIt(recordOnly.reference);
    await this.file.byMember(actorOf(next()), formal(6, next(), { path: 'informal', informalConsent: true }));
    this.logger.info({ cases: others.length + 3, commissionerPanels: seatedOn.length }, 'demo disciplinary cases added');
  }
}
