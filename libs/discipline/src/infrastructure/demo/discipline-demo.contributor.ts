import { Inject, Injectable } from '@nestjs/common';
import { LOGGER, maybeOne, type Logger } from '@org/platform';
import { FileComplaint } from '../../application/intake/file-complaint.use-case';
import type { ComplaintInput } from '../../application/intake/complaint.input';
import { InterimMeasures } from '../../application/interim/interim-measures.use-case';
import { PanelActions } from '../../application/panel/panel-actions.use-case';
import { TriageCase } from '../../application/triage/triage-case.use-case';
import { DeliberateUseCase } from '../../application/finding/deliberate.use-case';
import { FinalizeFindingsJob } from '../../application/finding/finalize-findings.job';
import { memberActor, type DisciplineActor } from '../../application/access/discipline-actor';
import { PublishDueNoticesJob } from '../../application/publication/publish-due-notices.job';
import { MemberRegister } from '../../application/ports/member-register.port';
import { OfficeHolders } from '../../application/ports/office-holders.port';
import { CaseSqlRepository } from '../case/case.sql-repository';
import { DisciplineDb } from '../discipline-db';

/** The demo account list the app hands to contributors (see apps/api/src/seed/demo-contributor.ts). */
interface DemoAccountLike {
  readonly email: string;
  readonly role: string;
  readonly memberId: string | null;
}

/** What the seed offers besides the logins: a clock it can move back, to replay a case from weeks ago. */
interface DemoContextLike {
  readonly travelTo?: (at: Date | null) => void;
}

const DAY_MS = 86_400_000;

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
 *   one still waiting for triage;
 * - three commissioners with demo logins on one panel, its case under investigation, so that a
 *   finding can be opened, voted and decided in the browser: the demo `commissioner` and the two
 *   other panelists of their first panel, for whom it asks the seed for the logins
 *   `commissioner-2` and `commissioner-3`;
 * - when the seed can move the clock: a case filed 60 days ago, decided (a warning), final once its
 *   appeal window passed unused, and its outcome notice published to the members (S8) — replayed
 *   through the same use cases and jobs, the clock then returned to the present.
 */
@Injectable()
export class DisciplineDemoContributor {
  constructor(
    private readonly db: DisciplineDb,
    private readonly cases: CaseSqlRepository,
    private readonly file: FileComplaint,
    private readonly triage: TriageCase,
    private readonly panel: PanelActions,
    private readonly interim: InterimMeasures,
    private readonly deliberate: DeliberateUseCase,
    private readonly finality: FinalizeFindingsJob,
    private readonly publication: PublishDueNoticesJob,
    private readonly register: MemberRegister,
    private readonly offices: OfficeHolders,
    @Inject(LOGGER) private readonly logger: Logger,
  ) {}

  async contributeDemo(accounts: readonly DemoAccountLike[], context: DemoContextLike = {}): Promise<{ logins: { role: string; memberId: string }[] }> {
    const logins: { role: string; memberId: string }[] = [];
    const member = accounts.find((a) => a.role === 'member')?.memberId;
    const commissioner = accounts.find((a) => a.role === 'commissioner')?.memberId;
    if (!member || !commissioner) return { logins };
    const demoIds = accounts.flatMap((a) => (a.memberId ? [a.memberId] : []));
    // The cast: the first 40 active members by number who never held a mandate (not the demo logins).
    const people: string[] = await this.db.transaction(async (tx) => {
      const cast: string[] = [];
      let after: string | null = null;
      while (cast.length < 40) {
        const page = await this.register.activeMembers(tx, { except: demoIds, afterNumber: after, limit: 200 });
        if (page.length === 0) break;
        const office = new Set((await this.offices.ofMembers(tx, page.map((p) => p.id))).map((x) => x.memberId));
        cast.push(...page.filter((p) => !office.has(p.id)).map((p) => p.id));
        after = page[page.length - 1].memberNumber;
      }
      return cast.slice(0, 40);
    });
    if (people.length < 30) return { logins };
    let n = 0;
    const next = () => people[n++ % people.length];
    const narrative = (i: number) => NARRATIVES[i % NARRATIVES.length];
    const actorOf = (memberId: string, commission = false): DisciplineActor => memberActor(memberId, { commissioner: commission });
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

    // Three demo commissioners on one panel, its case under investigation.
    const shared = others.find((o) => o.reference === seatedOn[0] && o.panel.length === 3);
    if (shared) {
      const stage = (await this.db.transaction((tx) => this.cases.findByKey(tx, shared.reference)))?.snapshot.stage;
      if (stage === 'panel_seated') await this.panel.beginInvestigation(shared.reference, actorOf(commissioner, true));
      shared.panel.filter((id) => id !== commissioner).forEach((memberId, i) => logins.push({ role: `commissioner-${i + 2}`, memberId }));
    }

    // A decided, final and published outcome (S8), replayed from 60 days ago.
    let published = 0;
    if (context.travelTo) {
      const present = new Date();
      try {
        context.travelTo(new Date(present.getTime() - 60 * DAY_MS));
        published = await this.publishedOutcome(next, formal, triageIt, actorOf, context.travelTo, present);
      } finally {
        context.travelTo(null);
      }
    }
    this.logger.info({ cases: others.length + 3 + published, commissionerPanels: seatedOn.length, publishedNotices: published }, 'demo disciplinary cases added');
    return { logins };
  }

  /**
   * Files a complaint (the clock already moved back), has its panel investigate and decide a
   * warning; moves the clock past the appeal window and runs the finality job (the notice is
   * composed), then past the review period and runs the publication job. Returns the number of
   * notices published (0 when no full panel could be drawn or the configured periods do not fit
   * in the 60 days).
   */
  private async publishedOutcome(
    next: () => string,
    formal: (i: number, respondent: string) => ComplaintInput,
    triageIt: (reference: string) => Promise<string[]>,
    actorOf: (memberId: string, commission?: boolean) => DisciplineActor,
    travelTo: (at: Date | null) => void,
    present: Date,
  ): Promise<number> {
    for (let attempt = 0; attempt < 3; attempt++) {
      const respondent = next();
      const filed = await this.file.byMember(actorOf(next()), formal(3 + attempt, respondent));
      const panel = await triageIt(filed.reference);
      if (panel.length !== 3) continue;
      await this.panel.beginInvestigation(filed.reference, actorOf(panel[0], true));
      const as = (memberId: string): DisciplineActor => memberActor(memberId, { commissioner: true });
      const { findingId } = await this.deliberate.open(as(panel[0]), filed.reference, respondent);
      for (const p of panel) await this.deliberate.vote(as(p), filed.reference, findingId, { verdict: 'uphold', proposedSanction: { kind: 'warning' } });
      await this.deliberate.decide(as(panel[0]), filed.reference, findingId, {
        rule: 'Code of conduct §4 (respect for every member)',
        reasons: 'The panel heard both parties and two witnesses; the remarks were made and repeated after the complainant objected. A first occurrence: a warning.',
      });
      const at = async (sql: string): Promise<Date | null> => {
        const row = await this.db.transaction((tx) => maybeOne<{ at: Date | string | null }>(tx, sql, [findingId]));
        return row?.at ? new Date(row.at) : null;
      };
      const deadline = await at(`SELECT appeal_deadline AS at FROM discipline.findings WHERE id = $1`);
      if (!deadline || deadline >= present) return 0;
      travelTo(new Date(deadline.getTime() + 60_000));
      await this.finality.runOnce();
      const publishAt = await at(`SELECT publish_at AS at FROM discipline.outcome_notices WHERE finding_id = $1`);
      if (!publishAt || publishAt >= present) return 0;
      travelTo(new Date(Math.max(publishAt.getTime() + 60_000, present.getTime() - DAY_MS)));
      return (await this.publication.runOnce()).published;
    }
    return 0;
  }
}
