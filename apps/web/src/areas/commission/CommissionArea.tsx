/**
 * Control Commission: my cases by stage and deadline (overdue first), and the case view — parties,
 * the complaint, seriousness, interim measures, panel and the recorded draws (recusal record),
 * challenges, timeline — with the actions the API allows the duty commissioner and panelists.
 * Cases a commissioner is recused from never reach this screen: the API does not list them.
 */
import { useState } from 'react';
import { api, hasRoute, type Get } from '../../api/client';
import type { components } from '../../api/schema.gen';
import { Link, matchPath } from '../../app/router';
import { useMe } from '../../app/session';
import { dateTime, daysFromToday, today } from '../../ui/format';
import { useAction, useLoad } from '../../ui/hooks';
import { Alert, Badge, Button, Card, Checkbox, EmptyState, ErrorAlert, Facts, Loading, NotAvailable, PageHeader, SelectField, Table, TextArea } from '../../ui/kit';
import { Findings, Messages, Statements } from '../cases/Proceedings';
import { DeadlineText, Deadlines, Escalations, Loose, PATH, ROLE, event, isOverdue, nextDeadline, stage } from '../cases/words';

type Summary = Get<'/commission/cases'>[number];

export default function CommissionArea({ path }: { path: string }) {
  if (!hasRoute('GET /commission/cases')) {
    return (
      <>
        <PageHeader title="My cases" />
        <NotAvailable what="Case handling" />
      </>
    );
  }
  const m = matchPath('/app/commission/cases/:ref', path);
  if (m) return <CaseView reference={m.ref} />;
  return <MyCases />;
}

/** A case escalated to the whole commission whose missed deadline is still not met (S6). */
export const isEscalated = (c: Summary): boolean => c.escalations.some((e) => !e.metAt);

export function byUrgency(a: Summary, b: Summary): number {
  const ae = isEscalated(a);
  const be = isEscalated(b);
  if (ae !== be) return ae ? -1 : 1;
  const ao = isOverdue(a.deadlines);
  const bo = isOverdue(b.deadlines);
  if (ao !== bo) return ao ? -1 : 1;
  const ad = nextDeadline(a.deadlines)?.dueAt ?? '9999';
  const bd = nextDeadline(b.deadlines)?.dueAt ?? '9999';
  return ad.localeCompare(bd);
}

function MyCases() {
  const list = useLoad((signal) => api.get('/commission/cases', { signal }), []);
  const cases = [...(list.data ?? [])].sort(byUrgency);
  const stages = [...new Set(cases.map((c) => c.stage ?? ''))];
  const [filter, setFilter] = useState('');
  const shown = filter ? cases.filter((c) => (c.stage ?? '') === filter) : cases;
  return (
    <>
      <PageHeader title="My cases" intro="Cases where you are on triage duty or sit on the panel, and cases escalated to the whole commission after a missed deadline — escalated and overdue first, then by the next deadline. Cases you are recused from never appear here." />
      <ErrorAlert error={list.error} />
      {list.loading && !list.data ? <Loading /> : null}
      {list.data && !cases.length ? <EmptyState title="No cases for you at the moment">New cases reach you by rotation, only when you have no conflict with anyone involved.</EmptyState> : null}
      {cases.length ? (
        <>
          {cases.some(isEscalated) ? (
            <Alert kind="warning" title="Escalated to the whole commission">
              <p>A deadline was missed in {cases.filter(isEscalated).length === 1 ? 'one case' : `${cases.filter(isEscalated).length} cases`}, so every commissioner with no conflict may act on {cases.filter(isEscalated).length === 1 ? 'it' : 'them'} (S6).</p>
            </Alert>
          ) : null}
          <div className="grid grid--3">
            <Card><p className="stat">{cases.length}</p><p className="stat-label">cases</p></Card>
            <Card><p className="stat">{cases.filter((c) => isOverdue(c.deadlines)).length}</p><p className="stat-label">overdue</p></Card>
            <Card>
              <SelectField label="Stage" value={filter} onChange={(e) => setFilter(e.target.value)}>
                <option value="">All stages</option>
                {stages.map((s) => <option key={s} value={s}>{stage(s)}</option>)}
              </SelectField>
            </Card>
          </div>
          <Table
            caption="Cases, most urgent first"
            rows={shown}
            rowKey={(c) => c.reference}
            rowClass={(c) => (isEscalated(c) || isOverdue(c.deadlines) ? 'row--bad' : undefined)}
            columns={[
              { header: 'Case', cell: (c) => <Link to={`/app/commission/cases/${encodeURIComponent(c.reference)}`}>{c.reference}</Link> },
              { header: 'Stage', cell: (c) => stage(c.stage) },
              { header: 'Path', cell: (c) => (c.path ? PATH[c.path] ?? c.path : '—') },
              { header: 'Your role', cell: (c) => ROLE[c.role] ?? c.role },
              { header: 'Next deadline', cell: (c) => <DeadlineText d={nextDeadline(c.deadlines)} /> },
              { header: 'Missed deadline', cell: (c) => (c.escalations.length ? <Escalations list={c.escalations} /> : '—') },
              { header: 'Received', cell: (c) => dateTime(c.receivedAt) },
            ]}
          />
        </>
      ) : null}
    </>
  );
}

type View = Get<'/cases/{reference}'>;
type Measure = components['schemas']['MeasureRequest'];
const MEASURES: Record<Measure['kind'], string> = {
  suspension_from_office: 'Suspended from offices',
  no_hosting: 'May not host meetings',
  no_speaking: 'May not speak at events',
  no_recruiting: 'May not recruit',
  no_candidacy: 'May not stand for election',
  separation: 'Kept apart from named members',
};
/**
 * Measures the platform records but no feature of it enforces yet (no recruiting feature exists;
 * a speaking ban binds congress speakers' lists, so it is not here): the panel is told before and after deciding, so that it does not believe it
 * has protected someone. The decision's answer (`notEnforced`) is the authority; this only warns early.
 */
const NOT_ENFORCED: ReadonlySet<Measure['kind']> = new Set(['no_recruiting']);
const NOT_ENFORCED_HINT = 'Recorded only: the platform does not enforce this yet.';

function CaseView({ reference }: { reference: string }) {
  const { me } = useMe();
  const view = useLoad((signal) => api.get('/cases/{reference}', { path: { reference }, signal }), [reference]);
  const [left, setLeft] = useState<string | null>(null);
  if (left) {
    return (
      <>
        <PageHeader title={`Case ${reference}`} />
        <Alert kind="success" title="Done" live>
          <p>{left}</p>
          <p><Link to="/app/commission">Back to my cases</Link></p>
        </Alert>
      </>
    );
  }
  if (view.loading && !view.data) return <><PageHeader title={`Case ${reference}`} /><Loading /></>;
  if (!view.data) return <><PageHeader title={`Case ${reference}`} /><ErrorAlert error={view.error} /><p><Link to="/app/commission">← My cases</Link></p></>;
  const c: View = view.data;
  const serious = c.seriousness ? Object.entries(c.seriousness).filter(([, v]) => v).map(([k]) => k.replace(/([A-Z])/g, ' $1').toLowerCase()) : [];
  return (
    <>
      <PageHeader title={`Case ${c.reference}`} intro="Every read of this case's content is recorded in its audit trail, which the Appeals Committee can review.">
        <p><Link to="/app/commission">← My cases</Link></p>
      </PageHeader>
      <div className="grid grid--2">
        <Card title="Where it is">
          <Facts
            items={[
              ['Stage', stage(c.stage)],
              ['Path (the complainant’s choice)', c.path ? PATH[c.path] ?? c.path : '—'],
              ['Your role', ROLE[c.role] ?? c.role],
              ['Received', dateTime(c.receivedAt)],
              ['Serious', serious.length ? serious.join(', ') : 'Not marked serious'],
            ]}
          />
          <h3>Deadlines</h3>
          <Deadlines list={c.deadlines} />
          {c.escalations.length ? (
            <>
              <h3>Escalated to the whole commission</h3>
              <Escalations list={c.escalations} />
            </>
          ) : null}
        </Card>
        <Card title="Parties">
          {c.complaint ? (
            <Facts
              items={[
                ['Respondents', c.complaint.respondents.map((p) => p.name ?? p.description).join(', ') || '—'],
                ['Witnesses', c.complaint.witnesses === null ? 'Not shown to you' : c.complaint.witnesses.map((p) => p.name ?? p.description).join(', ') || '—'],
                ['Support person', c.complaint.supportPerson ? c.complaint.supportPerson.name ?? c.complaint.supportPerson.description : '—'],
                ['Matching', c.complaint.matchingOptIn ? 'The complainant opted in' : 'No'],
              ]}
            />
          ) : <p className="muted">Not visible to your role.</p>}
        </Card>
      </div>
      {c.complaint ? (
        <Card title="The complaint">
          <Facts items={[['Where', c.complaint.where], ['When', c.complaint.when ? <Loose key="w" value={c.complaint.when} /> : '—']]} />
          <h3>In the complainant's words</h3>
          <p style={{ whiteSpace: 'pre-line' }}>{c.complaint.narrative ?? '—'}</p>
        </Card>
      ) : null}
      <ErrorAlert error={view.error} title="The case could not be reloaded" />
      <Actions c={c} onDone={view.reload} onLeft={setLeft} me={me.memberId} />
      {['investigating', 'finding', 'final', 'published'].includes(c.stage ?? '') ? (
        <>
          <Statements reference={c.reference} canGive={false} />
          <Messages reference={c.reference} panel />
          <Findings reference={c.reference} respondents={(c.complaint?.respondents ?? []).map((r) => ({ memberId: r.memberId, name: r.name }))} />
        </>
      ) : null}
      <Card title="Panel and recusal record">
        {c.panel?.length ? (
          <Table caption="Panel" rows={c.panel} rowKey={(p) => p.memberId} columns={[{ header: 'Panelist', cell: (p) => p.name ?? p.memberId }, { header: 'Seat', cell: (p) => p.source.replace('_', ' ') }]} />
        ) : <p className="muted">No panel seated yet.</p>}
        {c.draws?.length ? (
          <details>
            <summary>Recorded draws (seed and eligible lists — re-run them to check the panel)</summary>
            <Loose value={c.draws} />
          </details>
        ) : null}
        {c.challenges?.length ? (<><h3>Challenges</h3><Loose value={c.challenges} /></>) : null}
      </Card>
      <Card title="Interim measures">
        {c.interimDecisions === null ? <p className="muted">Decisions already recorded are not shown to your role.</p> : c.interimDecisions.length ? <Loose value={c.interimDecisions} /> : <p className="muted">No interim decision recorded.</p>}
        <UnenforcedInForce decisions={c.interimDecisions} />
        <InterimForm c={c} onDone={view.reload} />
      </Card>
      {c.informalResolution ? <Card title="Informal resolution"><Loose value={c.informalResolution} /></Card> : null}
      <Card title="Timeline">
        {c.timeline?.length ? (
          <Table caption="Timeline" rows={c.timeline} rowKey={(t) => String(t.seq)} columns={[{ header: 'When', cell: (t) => dateTime(t.at) }, { header: 'What', cell: (t) => event(t.kind) }, { header: 'Facts', cell: (t) => (t.data ? <Loose value={t.data} /> : '—') }]} />
        ) : <p className="muted">Nothing yet.</p>}
      </Card>
    </>
  );
}

function Actions({ c, onDone, onLeft, me }: { c: View; onDone: () => void; onLeft: (why: string) => void; me: string | null }) {
  const reference = c.reference;
  const [raise, setRaise] = useState({ violence: false, sexualMisconduct: false, threats: false });
  const [reason, setReason] = useState('');
  const [terms, setTerms] = useState('');
  const triage = useAction(() => api.post('/commission/cases/{reference}/triage', { path: { reference }, body: Object.values(raise).some(Boolean) ? { raise } : {} }));
  const investigate = useAction(() => api.post('/commission/cases/{reference}/investigation', { path: { reference } }));
  const recuse = useAction(() => api.post('/commission/cases/{reference}/self-recusal', { path: { reference }, body: { reason: reason.trim() } }));
  const informal = useAction(() => api.post('/commission/cases/{reference}/informal-resolution', { path: { reference }, body: { terms: terms.trim() } }));
  const run = async (p: Promise<unknown>) => (await p) && onDone();
  const error = triage.error ?? investigate.error ?? recuse.error ?? informal.error;
  return (
    <Card title="What you can do">
      <ErrorAlert error={error} title="That was refused" />
      {triage.result ? <Alert kind="success" live>Triaged. {triage.result.panel.length} panelists drawn{triage.result.adHocSeatsRequested ? `; the Appeals Committee is asked to fill ${triage.result.adHocSeatsRequested}` : ''}{triage.result.panel.includes(me ?? '') ? ', and you are one of them' : ''}.</Alert> : null}
      {c.stage === 'received' && c.role === 'duty_commissioner' ? (
        <fieldset>
          <legend>Triage</legend>
          <p className="hint">The panel is drawn at once, by a recorded random draw among commissioners with no conflict. You may raise the seriousness (never lower what the complainant marked).</p>
          <Checkbox label="Violence" checked={raise.violence} onChange={(e) => setRaise({ ...raise, violence: e.target.checked })} />
          <Checkbox label="Sexual misconduct" checked={raise.sexualMisconduct} onChange={(e) => setRaise({ ...raise, sexualMisconduct: e.target.checked })} />
          <Checkbox label="Threats" checked={raise.threats} onChange={(e) => setRaise({ ...raise, threats: e.target.checked })} />
          <Button
            busy={triage.busy}
            onClick={async () => {
              const r = await triage.run();
              if (!r) return;
              if (r.panel.includes(me ?? '')) onDone();
              else onLeft(`Triaged. The panel was drawn by a recorded random draw (${r.panel.length} commissioners${r.adHocSeatsRequested ? `, and the Appeals Committee is asked to fill ${r.adHocSeatsRequested} more seats` : ''}); you are not on it, so this case leaves your list.`);
            }}
          >
            Triage and draw the panel
          </Button>
        </fieldset>
      ) : null}
      {c.stage === 'panel_seated' && c.path === 'formal' ? <p><Button busy={investigate.busy} onClick={() => run(investigate.run())}>Begin the investigation</Button> <span className="muted">The respondents are told from now on.</span></p> : null}
      {c.path === 'informal' && (c.stage === 'panel_seated' || c.stage === 'triaged') ? (
        <div>
          <TextArea label="Terms to put to the complainant" rows={3} value={terms} onChange={(e) => setTerms(e.target.value)} />
          <Button variant="secondary" busy={informal.busy} disabled={!terms.trim()} onClick={() => run(informal.run())}>Propose these terms</Button>
        </div>
      ) : null}
      <details>
        <summary>Stand down from this case</summary>
        <TextArea label="Your reason (recorded, sealed)" rows={2} value={reason} onChange={(e) => setReason(e.target.value)} />
        <Button variant="danger" busy={recuse.busy} disabled={!reason.trim()} onClick={async () => { const r = await recuse.run(); if (r?.stoodDown) onLeft('You have stood down; this is recorded with your reason. The case has left your list.'); }}>Stand down</Button>
      </details>
    </Card>
  );
}

/** Measures in force that the platform records but does not enforce: said again wherever the decisions are shown. */
function UnenforcedInForce({ decisions }: { decisions: View['interimDecisions'] }) {
  const kinds = new Set<Measure['kind']>();
  for (const d of (decisions ?? []) as { endedAt?: string | null; measures?: { kind?: string }[] }[]) {
    if (d.endedAt) continue;
    for (const m of d.measures ?? []) if (NOT_ENFORCED.has(m.kind as Measure['kind'])) kinds.add(m.kind as Measure['kind']);
  }
  if (!kinds.size) return null;
  return (
    <Alert kind="warning" title="In force on paper only">
      <p>{[...kinds].map((k) => `“${MEASURES[k]}”`).join(' and ')}: recorded, but no feature of the platform enforces {kinds.size === 1 ? 'it' : 'them'} yet. Tell the respondent through the case and check compliance yourselves.</p>
    </Alert>
  );
}

function InterimForm({ c, onDone }: { c: View; onDone: () => void }) {
  const respondents = (c.complaint?.respondents ?? []).filter((p) => p.memberId);
  const [outcome, setOutcome] = useState<'measures' | 'no_measures'>('measures');
  const [kinds, setKinds] = useState<Measure['kind'][]>([]);
  const [until, setUntil] = useState(daysFromToday(90));
  const [reasons, setReasons] = useState('');
  const [who, setWho] = useState(respondents[0]?.memberId ?? '');
  const decide = useAction(() =>
    api.post('/commission/cases/{reference}/interim-decisions', {
      path: { reference: c.reference },
      body: { outcome, reasons: reasons.trim(), measures: outcome === 'measures' ? kinds.filter((k) => k !== 'separation').map((kind) => ({ kind, memberId: who, until: `${until}T23:59:59Z` })) : [] },
    }),
  );
  if (!['received', 'triaged', 'panel_seated', 'investigating'].includes(c.stage ?? '') || !respondents.length) return null;
  return (
    <details>
      <summary>Decide interim measures</summary>
      <ErrorAlert error={decide.error} />
      {decide.result ? <Alert kind="success" live>{decide.result.decisionId ? 'Decided and in force.' : `Proposed: ${decide.result.concurrences} of ${decide.result.needed} panelists agree so far.`}</Alert> : null}
      {decide.result?.notEnforced ? (
        <Alert kind="warning" title="Not enforced by the platform" live>
          <p>{decide.result.notEnforced}</p>
        </Alert>
      ) : null}
      <SelectField label="Decision" value={outcome} onChange={(e) => setOutcome(e.target.value as typeof outcome)}>
        <option value="measures">Measures</option>
        <option value="no_measures">No measures</option>
      </SelectField>
      {outcome === 'measures' ? (
        <>
          <SelectField label="Binding" value={who} onChange={(e) => setWho(e.target.value)}>
            {respondents.map((p) => <option key={p.memberId!} value={p.memberId!}>{p.name}</option>)}
          </SelectField>
          <fieldset>
            <legend>Measures</legend>
            {(Object.keys(MEASURES) as Measure['kind'][]).filter((k) => k !== 'separation').map((k) => (
              <Checkbox key={k} label={MEASURES[k]} hint={NOT_ENFORCED.has(k) ? NOT_ENFORCED_HINT : undefined} checked={kinds.includes(k)} onChange={(e) => setKinds(e.target.checked ? [...kinds, k] : kinds.filter((x) => x !== k))} />
            ))}
          </fieldset>
          {kinds.some((k) => NOT_ENFORCED.has(k)) ? (
            <Alert kind="warning" title="This will not stop anyone">
              <p>{kinds.filter((k) => NOT_ENFORCED.has(k)).map((k) => `“${MEASURES[k]}”`).join(' and ')}: the platform has no recruiting feature yet, so no feature refuses anything because of {kinds.filter((k) => NOT_ENFORCED.has(k)).length === 1 ? 'this measure' : 'these measures'}. It is recorded with the decision; tell the respondent through the case and check compliance yourselves.</p>
            </Alert>
          ) : null}
          <div className="field">
            <label htmlFor="interim-until">Until</label>
            <input id="interim-until" type="date" min={today()} value={until} onChange={(e) => setUntil(e.target.value)} />
          </div>
        </>
      ) : null}
      <TextArea label="Written reasons (sealed)" rows={3} value={reasons} onChange={(e) => setReasons(e.target.value)} />
      <Button busy={decide.busy} disabled={!reasons.trim()} onClick={async () => (await decide.run()) && onDone()}>Record the decision</Button>
      <p className="muted">Measures take effect at once: hosting meetings, standing for election, new mandates and branch placements are refused, with a message that says only that a confidential restriction applies, never why. Speaking bans bind congress speakers' lists, the pre-congress bulletin and branch meetings' speakers' lists (not events outside the platform); recruiting bans are recorded but not enforced by the platform yet. <Badge>S5</Badge></p>
    </details>
  );
}
