/**
 * Appeals Committee: cases waiting for an ad-hoc panel, appeals (when the API offers them), and a
 * case's audit trail (who read and changed it, when — ids only, never content).
 */
import { useState } from 'react';
import { api, hasRoute } from '../../api/client';
import type { components } from '../../api/schema.gen';
import { Link, matchPath, navigate } from '../../app/router';
import { useMe } from '../../app/session';
import { dateTime, plural } from '../../ui/format';
import { useAction, useLoad } from '../../ui/hooks';
import { Alert, Button, Card, EmptyState, ErrorAlert, Facts, Loading, NotAvailable, PageHeader, SelectField, Table, TextArea, TextField } from '../../ui/kit';
import { sanctionText } from '../cases/Proceedings';
import { useSanctionKinds } from '../cases/sanction-kinds';
import { DeadlineText, Loose, nextDeadline, stage } from '../cases/words';

export default function AppealsArea({ path }: { path: string }) {
  const m = matchPath('/app/appeals/audit/:ref', path);
  if (m) return <AuditTrail reference={m.ref} />;
  const c = matchPath('/app/appeals/cases/:ref', path);
  if (c) return <AppealCase reference={c.ref} />;
  return <Overview />;
}

type Sanction = components['schemas']['SanctionDto'];
type Appeal = components['schemas']['AppealResponse'];
const APPEAL: Record<Appeal['status'], string> = { lodged: 'Lodged, panel being drawn', panel_seated: 'Panel in place', decided: 'Decided' };
const GROUND: Record<string, string> = { procedural_error: 'The process was not followed', new_evidence: 'New information', disproportionate_sanction: 'The sanction is out of proportion' };
const OUTCOME: Record<NonNullable<Appeal['decision']>['outcome'], string> = { uphold: 'Finding upheld', modify_sanction: 'Sanction changed', remand: 'Sent back to a new panel' };
const VOTE: Record<NonNullable<Appeal['decision']>['outcome'], string> = { uphold: 'Uphold the finding', modify_sanction: 'Change the sanction', remand: 'Send back to a new panel' };

/** A member of the appeals panel, as the vote list shows them ("You" for the reader). */
const who = (id: string, me: string | null) => (id === me ? 'You' : `Member ${id.slice(0, 8)}`);

/**
 * A case's appeals: the appeals panel's votes and the decision they reached. Each member of the
 * panel drawn for the appeal votes with their own reasons; the appeal is decided once a majority
 * of the panel agrees (same outcome, and for a changed sanction the same sanction). The counts are
 * computed from the recorded votes, never typed in — as a finding's panel decides (S7).
 */
function AppealCase({ reference }: { reference: string }) {
  const { me } = useMe();
  const appeals = useLoad((signal) => api.get('/cases/{reference}/appeals', { path: { reference }, signal }), [reference]);
  const [outcome, setOutcome] = useState<'uphold' | 'modify_sanction' | 'remand'>('uphold');
  const [kind, setKind] = useState<Sanction['kind']>('warning');
  const sanctions = useSanctionKinds();
  const [until, setUntil] = useState('');
  const [reasons, setReasons] = useState('');
  const items = appeals.data ?? [];
  // A member of the appeal's panel votes on the appeal whose panel is in place.
  const open = items.find((a) => a.status === 'panel_seated' && a.appealsPanelIds.includes(me.memberId ?? ''));
  const vote = useAction(() =>
    api.post('/cases/{reference}/appeals/{appealId}/votes', {
      path: { reference, appealId: open!.appealId },
      body: { outcome, ...(outcome === 'modify_sanction' ? { sanction: { kind, ...(kind === 'suspension' && until ? { until } : {}) } } : {}), reasons: reasons.trim() },
    }),
  );
  const mine = open?.votes?.find((v) => v.panelistId === me.memberId);
  return (
    <>
      <PageHeader title={`Appeal: ${reference}`} intro="The appeals panel may uphold the finding, change the sanction, or send the case back to a new panel. Each member votes with their reasons; a majority of the panel decides, and the vote counts come from the recorded votes.">
        <p><Link to="/app/appeals">← Appeals</Link> · <Link to={`/app/appeals/audit/${encodeURIComponent(reference)}`}>Audit trail</Link></p>
      </PageHeader>
      <ErrorAlert error={appeals.error} />
      {appeals.loading && !appeals.data ? <Loading /> : null}
      {appeals.data && !items.length ? <EmptyState title="No appeal has been lodged in this case" /> : null}
      {items.map((a, i) => (
        <Card key={a.appealId} title={`Appeal ${i + 1}: ${APPEAL[a.status]}`} headingLevel={2}>
          <Facts
            items={[
              ...a.appellants.map((x): [string, string] => [
                x.role === 'complainant' ? 'The complainant appealed' : 'The respondent appealed',
                `${dateTime(x.lodgedAt)} — ${x.grounds.map((g) => `${GROUND[g.ground] ?? g.ground}: ${g.text}`).join('; ')}`,
              ]),
              ['Appeal panel', a.appealsPanelIds.length ? plural(a.appealsPanelIds.length, 'member') : 'not drawn yet'],
              ...(a.panelShortfall ? ([['Seats the draw could not fill', String(a.panelShortfall)]] as [string, string][]) : []),
              ...(a.adHoc ? ([['Members appointed to the missing seats', `${a.adHoc.appointed.length} of ${a.adHoc.seatsToFill}${a.adHoc.completedAt ? `, panel completed ${dateTime(a.adHoc.completedAt)}` : ''}`]] as [string, string][]) : []),
              ...(a.votes ? ([['Votes cast', `${a.votes.length} of ${a.appealsPanelIds.length}`]] as [string, string][]) : []),
              ...(a.decision
                ? ([
                    ['Decision', `${OUTCOME[a.decision.outcome]} (${a.decision.voteCount}), ${dateTime(a.decision.decidedAt)}`],
                    ...(a.decision.sanction ? ([['New sanction', sanctionText(a.decision.sanction)]] as [string, string][]) : []),
                    ['Reasons of the majority', a.decision.reasons],
                  ] as [string, string][])
                : []),
            ]}
          />
          {a.votes?.length ? (
            <Table
              caption="The appeals panel's votes"
              rows={a.votes}
              rowKey={(v) => v.panelistId}
              columns={[
                { header: 'Member', cell: (v) => who(v.panelistId, me.memberId) },
                { header: 'Vote', cell: (v) => `${VOTE[v.outcome]}${v.sanction ? `: ${sanctionText(v.sanction)}` : ''}` },
                { header: 'Reasons', cell: (v) => v.reasons },
                { header: 'When', cell: (v) => dateTime(v.castAt) },
              ]}
            />
          ) : null}
          {a.outstandingVoters?.length ? <p className="muted">Not voted yet: {a.outstandingVoters.map((id) => who(id, me.memberId)).join(', ')}.</p> : null}
        </Card>
      ))}
      {open ? (
        <Card title="Your vote">
          <p className="muted">{mine ? 'You have voted; you may change your vote until the appeal is decided.' : 'Vote with your reasons. The appeal is decided when a majority of the panel has voted the same way.'}</p>
          <ErrorAlert error={vote.error} title="That was refused" />
          {vote.result ? (
            <Alert kind="success" live>
              {vote.result.decision
                ? `Your vote is recorded, and the appeal is decided: ${OUTCOME[vote.result.decision.outcome].toLowerCase()} (${vote.result.decision.voteCount}).`
                : `Your vote is recorded. ${vote.result.votes?.length ?? 1} of ${vote.result.appealsPanelIds.length} members have voted; no majority yet.`}
            </Alert>
          ) : null}
          <SelectField label="Your vote" value={outcome} onChange={(e) => setOutcome(e.target.value as typeof outcome)}>
            <option value="uphold">Uphold the finding</option>
            <option value="modify_sanction">Change the sanction</option>
            <option value="remand">Send back to a new panel</option>
          </SelectField>
          {outcome === 'modify_sanction' ? (
            <SelectField label="Sanction" value={kind} onChange={(e) => setKind(e.target.value as Sanction['kind'])}>
              {(sanctions.kinds ?? []).map((k) => (
                <option key={k.kind} value={k.kind}>
                  {k.label}
                </option>
              ))}
            </SelectField>
          ) : null}
          {outcome === 'modify_sanction' && kind === 'suspension' ? <TextField label="Suspended until" type="date" value={until} onChange={(e) => setUntil(e.target.value)} /> : null}
          <TextArea label="Your reasons" rows={4} value={reasons} onChange={(e) => setReasons(e.target.value)} />
          <Button busy={vote.busy} disabled={!reasons.trim()} onClick={async () => (await vote.run()) && appeals.reload()}>Record my vote</Button>
        </Card>
      ) : null}
    </>
  );
}

function Overview() {
  const adhoc = useLoad((signal) => (hasRoute('GET /commission/ad-hoc-requests') ? api.get('/commission/ad-hoc-requests', { signal }) : Promise.resolve(null)), []);
  const [ref, setRef] = useState('');
  const [appealRef, setAppealRef] = useState('');
  return (
    <>
      <PageHeader title="Appeals" intro="Appeals by a party against a finding, ad-hoc panels when too few commissioners are free of conflict, and each case's audit trail." />
      <Card title="Appeals">
        {hasRoute('GET /cases/{reference}/appeals') ? (
          <>
            <Cases />
            <form noValidate onSubmit={(e) => { e.preventDefault(); if (appealRef.trim()) navigate(`/app/appeals/cases/${encodeURIComponent(appealRef.trim())}`); }}>
              <TextField label="Open a case's appeals by reference" value={appealRef} onChange={(e) => setAppealRef(e.target.value)} autoComplete="off" />
              <Button type="submit" variant="secondary">Open</Button>
            </form>
          </>
        ) : <NotAvailable what="Hearing appeals" />}
      </Card>
      <Card title="Ad-hoc panels to form">
        <ErrorAlert error={adhoc.error} />
        {adhoc.loading && !adhoc.data ? <Loading /> : null}
        {adhoc.data === null ? <NotAvailable what="Ad-hoc panels" /> : null}
        {adhoc.data && !adhoc.data.length ? <EmptyState title="No case is waiting for an ad-hoc panel" /> : null}
        {adhoc.data?.length ? (
          <Table
            caption="Waiting for panelists"
            rows={adhoc.data}
            rowKey={(c) => c.reference}
            columns={[
              { header: 'Case', cell: (c) => c.reference },
              { header: 'Stage', cell: (c) => stage(c.stage) },
              { header: 'Seats to fill', num: true, cell: (c) => c.seatsToFill },
              { header: 'Next deadline', cell: (c) => <DeadlineText d={nextDeadline(c.deadlines)} /> },
              { header: 'Nominate', cell: (c) => <Nominate reference={c.reference} onDone={adhoc.reload} /> },
            ]}
          />
        ) : null}
      </Card>
      <Card title="Audit trail of a case">
        <form noValidate onSubmit={(e) => { e.preventDefault(); if (ref.trim()) navigate(`/app/appeals/audit/${encodeURIComponent(ref.trim())}`); }}>
          <TextField label="Case reference" value={ref} onChange={(e) => setRef(e.target.value)} autoComplete="off" />
          <Button type="submit" variant="secondary">Show the audit trail</Button>
        </form>
      </Card>
    </>
  );
}

/** Cases the committee member has a role in (GET /cases/mine lists only those). */
function Cases() {
  const mine = useLoad((signal) => api.get('/cases/mine', { signal }), []);
  const list = (mine.data ?? []).filter((c) => /appeal/i.test(c.role));
  if (!list.length) return <EmptyState title="No appeal before the committee">When a party appeals a finding, the case appears here.</EmptyState>;
  return (
    <Table
      caption="Cases before the committee"
      rows={list}
      rowKey={(c) => c.reference}
      columns={[
        { header: 'Case', cell: (c) => <Link to={`/app/appeals/cases/${encodeURIComponent(c.reference)}`}>{c.reference}</Link> },
        { header: 'Stage', cell: (c) => stage(c.stage) },
        { header: 'Next deadline', cell: (c) => <DeadlineText d={nextDeadline(c.deadlines)} /> },
      ]}
    />
  );
}

function Nominate({ reference, onDone }: { reference: string; onDone: () => void }) {
  const [id, setId] = useState('');
  const go = useAction(() => api.post('/cases/{reference}/ad-hoc-panel/nominations', { path: { reference }, body: { nomineeId: id.trim() } }));
  return (
    <div>
      <TextField label="Member id of the nominee" value={id} onChange={(e) => setId(e.target.value)} autoComplete="off" />
      <Button small busy={go.busy} disabled={!id.trim()} onClick={async () => (await go.run()) && onDone()}>Nominate</Button>
      <ErrorAlert error={go.error} />
      {go.result ? <Alert kind="success" live>{go.result.seatsStillToFill} seats still to fill.</Alert> : null}
    </div>
  );
}

function AuditTrail({ reference }: { reference: string }) {
  const trail = useLoad((signal) => api.get('/cases/{reference}/audit-trail', { path: { reference }, signal }), [reference]);
  return (
    <>
      <PageHeader title={`Audit trail: ${reference}`} intro="Every read of the case's content and every change, in order. Ids and counts only — never content.">
        <p><Link to="/app/appeals">← Appeals</Link></p>
      </PageHeader>
      <ErrorAlert error={trail.error} />
      {trail.loading && !trail.data ? <Loading /> : null}
      {trail.data && !trail.data.length ? <EmptyState title="No entries" /> : null}
      {trail.data?.length ? (
        <Table
          caption={`${trail.data.length} entries`}
          rows={trail.data}
          rowKey={(e) => String(e.seq)}
          columns={[
            { header: '#', num: true, cell: (e) => e.seq },
            { header: 'When', cell: (e) => dateTime(e.occurredAt) },
            { header: 'Who', cell: (e) => <code>{e.actorId ? e.actorId.slice(0, 8) : e.actorKind}</code> },
            { header: 'What', cell: (e) => e.action },
            { header: 'Facts', cell: (e) => <Loose value={e.data} /> },
          ]}
        />
      ) : null}
    </>
  );
}
