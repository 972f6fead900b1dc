/** Plain words for case stages, paths and deadlines, shared by the parties' and the commission's screens. */
import type { components } from '../../api/schema.gen';
import { dateTime } from '../../ui/format';
import { Badge } from '../../ui/kit';

export type Deadline = components['schemas']['DeadlineResponse'];
export type Escalation = components['schemas']['EscalationResponse'];

export const STAGE: Record<string, string> = {
  received: 'Received',
  triaged: 'First look done',
  panel_seated: 'Panel in place',
  investigating: 'Being looked into',
  finding: 'Decision being made',
  final: 'Decided',
  published: 'Outcome published',
  closed_record_only: 'Kept on record',
  resolved_informally: 'Settled by agreement',
  withdrawn: 'Withdrawn',
};
export const PATH: Record<string, string> = { 'record-only': 'Record only', informal: 'Sort it out with help', formal: 'Full inquiry' };
export const DEADLINE: Record<string, string> = { triage: 'First look', panel_seated: 'Panel in place', finding: 'Decision', interim_measures: 'Interim measures (72 h)' };
export const ROLE: Record<string, string> = {
  complainant: 'You raised it',
  respondent: 'About you',
  witness: 'Witness',
  support_person: 'Support person',
  panelist: 'Panelist',
  duty_commissioner: 'Duty commissioner',
  commission_oversight: 'Commission (escalated)',
  appeals: 'Appeals Committee',
};
/** Timeline events in neutral words (the parties' pages must not say what they are about). */
const EVENT: Record<string, string> = {
  ComplaintReceived: 'Received',
  RecusalRecorded: 'Checked who has a connection to the people involved',
  DutyCommissionerAssigned: 'Someone was assigned to take a first look',
  DutyCommissionerVacated: 'The person taking a first look was replaced',
  CaseTriaged: 'First look done',
  CaseClosedRecordOnly: 'Kept on record',
  CaseReopened: 'Reopened',
  PathChanged: 'The way forward was changed',
  ParticipantAdded: 'Someone was added',
  PanelDrawn: 'A panel was drawn',
  AdHocPanelRequested: 'More panel members were asked for',
  PanelistSeated: 'A panel member took their seat',
  PanelSeated: 'The panel is in place',
  PanelSeatVacated: 'A panel member stood down',
  PanelistChallenged: 'A panel member was challenged',
  ChallengeVoteCast: 'A vote on a challenge was cast',
  ChallengeDecided: 'A challenge was decided',
  InvestigationBegun: 'The inquiry began',
  InterimDecisionRecorded: 'Interim measures were decided',
  InterimMeasuresEnded: 'Interim measures ended',
  InformalResolutionProposed: 'Terms were proposed',
  CaseResolvedInformally: 'Settled by agreement',
  CaseWithdrawn: 'Withdrawn',
  CaseStageAdvanced: 'Moved on',
  DeadlineEscalated: 'A deadline passed and the whole commission was told',
};
export const event = (kind: string): string => EVENT[kind] ?? kind.replace(/([a-z])([A-Z])/g, '$1 $2').replace(/[._]/g, ' ').replace(/^\w/, (c) => c.toUpperCase()).replace(/complaint/gi, 'it');

export const stage = (s: string | null | undefined): string => (s ? STAGE[s] ?? s.replace(/_/g, ' ') : '—');

/** The next open deadline (overdue ones first). */
export function nextDeadline(ds: Deadline[]): Deadline | null {
  const open = ds.filter((d) => !d.metAt);
  open.sort((a, b) => Number(!!b.overdue) - Number(!!a.overdue) || a.dueAt.localeCompare(b.dueAt));
  return open[0] ?? null;
}
export const isOverdue = (ds: Deadline[]): boolean => ds.some((d) => !d.metAt && (d.overdue || Date.parse(d.dueAt) < Date.now()));

/** A missed deadline escalated to the whole commission (S6): which one, when it was due, how late. */
export function missedDeadline(e: Escalation): string {
  const late = `${e.daysOverdue} ${e.daysOverdue === 1 ? 'day' : 'days'} overdue`;
  return `${DEADLINE[e.deadline] ?? e.deadline} deadline missed: due ${dateTime(e.dueAt)}, ${e.metAt ? `met ${dateTime(e.metAt)} (${late})` : late}; the commission was told ${dateTime(e.escalatedAt)}`;
}

export function Escalations({ list }: { list: Escalation[] }) {
  if (!list.length) return null;
  return (
    <ul aria-label="Missed deadlines">
      {list.map((e, i) => (
        <li key={i}>
          {e.metAt ? <Badge kind="good">Met late</Badge> : <Badge kind="bad">Missed</Badge>} {missedDeadline(e)}
        </li>
      ))}
    </ul>
  );
}

export function DeadlineText({ d }: { d: Deadline | null }) {
  if (!d) return <span className="muted">No open deadline</span>;
  const late = d.overdue || Date.parse(d.dueAt) < Date.now();
  return (
    <span>
      {DEADLINE[d.kind] ?? d.kind}: {dateTime(d.dueAt)} {late ? <Badge kind="bad">Overdue</Badge> : null}
    </span>
  );
}

export function Deadlines({ list }: { list: Deadline[] }) {
  if (!list.length) return <p className="muted">No deadlines.</p>;
  return (
    <ul>
      {list.map((d, i) => (
        <li key={i}>
          {DEADLINE[d.kind] ?? d.kind}: due {dateTime(d.dueAt)}{' '}
          {d.metAt ? <Badge kind="good">Met {dateTime(d.metAt)}</Badge> : d.overdue || Date.parse(d.dueAt) < Date.now() ? <Badge kind="bad">Overdue</Badge> : <Badge>Open</Badge>}
        </li>
      ))}
    </ul>
  );
}

/** A free-form object from the API (fields the OpenAPI document leaves untyped), shown as a list of facts. */
export function Loose({ value }: { value: unknown }) {
  if (value === null || value === undefined) return <>—</>;
  if (typeof value !== 'object') return <>{String(value)}</>;
  if (Array.isArray(value)) return value.length ? <ul>{value.map((v, i) => <li key={i}><Loose value={v} /></li>)}</ul> : <>—</>;
  return (
    <dl className="facts">
      {Object.entries(value as Record<string, unknown>).map(([k, v]) => (
        <div key={k} style={{ display: 'contents' }}>
          <dt>{k.replace(/([A-Z])/g, ' $1').toLowerCase()}</dt>
          <dd><Loose value={v} /></dd>
        </div>
      ))}
    </dl>
  );
}
