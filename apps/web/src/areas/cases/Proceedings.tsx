/**
 * The investigation and decision part of a case (the proceedings after a case is under investigation): statements, messages (every
 * communication to the panel goes through the platform and is part of the record), and findings
 * with the panel's votes. Shared by the commission's case view and, for what a party may do, the
 * parties' page.
 *
 * Every answer is typed from the OpenAPI document (schema.gen.ts). People appear by their role in
 * the case, never by name: the parties' page must not say who is involved to an onlooker.
 */
import { useState } from 'react';
import { api, hasRoute } from '../../api/client';
import type { components } from '../../api/schema.gen';
import { date, dateTime } from '../../ui/format';
import { useAction, useLoad } from '../../ui/hooks';
import { Alert, Badge, Button, Card, EmptyState, ErrorAlert, Facts, SelectField, TextArea, TextField } from '../../ui/kit';
import { sanctionLabel, useSanctionKinds } from './sanction-kinds';

type Schemas = components['schemas'];
type Sanction = Schemas['SanctionDto'];
const SENDER: Record<Schemas['CaseMessageResponse']['senderRole'], string> = { panel: 'The panel', complainant: 'The person who raised it', respondent: 'The person it is about', witness: 'A witness', officer: 'An officer of the organization' };
const AUDIENCE: Record<Schemas['MessageAudienceResponse']['kind'], string> = { panel: 'to the panel', participant: 'to one person', all_parties: 'to all parties' };
const PERSON: Record<Schemas['StatementResponse']['role'], string> = { complainant: 'The person who raised it', respondent: 'The person it is about', witness: 'A witness' };
const FINDING: Record<Schemas['FindingResponse']['status'], string> = { deliberating: 'The panel is deliberating', decided: 'Decided', notified: 'Decided, parties told', under_appeal: 'Under appeal', final: 'Final', set_aside: 'Set aside on appeal' };
const NOTICE: Record<Schemas['OutcomeNoticeDraftResponse']['status'], string> = { draft: 'Draft', complainant_review: 'Open for your comments', scheduled: 'Scheduled', published: 'Published' };

/** A sanction in plain words (the API's label for its kind), with its date or conditions. Call it from a component that uses `useSanctionKinds`, so it re-renders once the labels arrive. */
export function sanctionText(s: Schemas['SanctionResponse'] | null | undefined): string {
  if (!s) return '—';
  const extra = s.until ? ` until ${date(s.until)}` : s.conditions ? `: ${s.conditions}` : s.readmissionConditions ? ` (readmission: ${s.readmissionConditions})` : '';
  return `${sanctionLabel(s.kind)}${extra}`;
}

export function Messages({ reference, panel }: { reference: string; panel: boolean }) {
  const list = useLoad((signal) => (hasRoute('GET /cases/{reference}/messages') ? api.get('/cases/{reference}/messages', { path: { reference }, signal }) : Promise.resolve(null)), [reference]);
  const [text, setText] = useState('');
  const [to, setTo] = useState(panel ? 'all_parties' : 'panel');
  const send = useAction(() => api.post('/cases/{reference}/messages', { path: { reference }, body: { text: text.trim(), ...(panel ? { to } : {}) } }));
  if (list.data === null) return null;
  const items = list.data ?? [];
  return (
    <Card title="Messages">
      <p className="muted">{panel ? 'Messages to the parties are part of the case record.' : 'Write to the panel here. Everything sent to the panel goes through this page and is part of the record — nobody can instruct the panel privately.'}</p>
      <ErrorAlert error={list.error ?? send.error} />
      {items.length ? (
        <ol className="list" aria-label="Messages">
          {items.map((m) => (
            <li key={m.messageId}>
              <p className="muted">
                {SENDER[m.senderRole]} {AUDIENCE[m.audience.kind]}, {dateTime(m.sentAt)}
                {m.disclosedToPartiesAt ? ` · shown to the parties ${dateTime(m.disclosedToPartiesAt)}` : ''}
              </p>
              <p style={{ whiteSpace: 'pre-line' }}>{m.text}</p>
            </li>
          ))}
        </ol>
      ) : <EmptyState title="No messages yet" />}
      <form noValidate onSubmit={async (e) => { e.preventDefault(); if (text.trim() && (await send.run())) { setText(''); list.reload(); } }}>
        {panel ? (
          <SelectField label="To" value={to} onChange={(e) => setTo(e.target.value)}>
            <option value="all_parties">All parties</option>
            <option value="panel">The panel only</option>
          </SelectField>
        ) : null}
        <TextArea label="Message" rows={3} value={text} onChange={(e) => setText(e.target.value)} />
        <Button type="submit" variant="secondary" busy={send.busy} disabled={!text.trim()}>Send the message</Button>
        {send.result ? <Alert kind={send.result.readdressed ? 'warning' : 'success'} live>{send.result.notice ? `${send.result.notice} ` : ''}{send.result.receipt}</Alert> : null}
      </form>
    </Card>
  );
}

/**
 * For an officer of the organization (EC, CC, branch officer…) with no part in a case: the only
 * way to say something to a panel, and it is said before anything is sent that the message goes
 * on the case record every party reads (S7). The answer is the same whether the case exists.
 */
export function WriteToPanel() {
  const [reference, setReference] = useState('');
  const [text, setText] = useState('');
  const send = useAction(() => api.post('/cases/{reference}/messages', { path: { reference: reference.trim() }, body: { text: text.trim() } }));
  return (
    <Card title="Writing to a disciplinary panel">
      <Alert kind="info">Messages about a case are never private to its panel: they go on the case record, which every party to the case reads, with your name and office. There is no other way to reach a panel.</Alert>
      <form noValidate onSubmit={async (e) => { e.preventDefault(); if (reference.trim() && text.trim() && (await send.run())) setText(''); }}>
        <TextField label="Case reference" value={reference} onChange={(e) => setReference(e.target.value)} />
        <TextArea label="Message (the parties will read it)" rows={3} value={text} onChange={(e) => setText(e.target.value)} />
        <ErrorAlert error={send.error} />
        <Button type="submit" variant="secondary" busy={send.busy} disabled={!reference.trim() || !text.trim()}>Put it on the case record</Button>
        {send.result ? <Alert kind="warning" live>{send.result.notice ? `${send.result.notice} ` : ''}{send.result.receipt}</Alert> : null}
      </form>
    </Card>
  );
}

/** The person answers the panel's specific questions about their statement with an addendum (S12). */
function AnswerQuestions({ reference, statementId, requestId, onDone }: { reference: string; statementId: string; requestId: string; onDone: () => void }) {
  const [text, setText] = useState('');
  const answer = useAction(() => api.post('/cases/{reference}/statements/{statementId}/addenda', { path: { reference, statementId }, body: { text: text.trim(), requestId } }));
  return (
    <form noValidate onSubmit={async (e) => { e.preventDefault(); if (text.trim() && (await answer.run())) { setText(''); onDone(); } }}>
      <ErrorAlert error={answer.error} />
      <TextArea label="Your answer (added to your statement; nothing else is asked again)" rows={3} value={text} onChange={(e) => setText(e.target.value)} />
      <Button type="submit" variant="secondary" small busy={answer.busy} disabled={!text.trim()}>Add my answer</Button>
    </form>
  );
}

function ApproveWords({ reference, statementId, onDone }: { reference: string; statementId: string; onDone: () => void }) {
  const approve = useAction(() => api.post('/cases/{reference}/statements/{statementId}/approval', { path: { reference, statementId } }));
  return (
    <>
      <ErrorAlert error={approve.error} />
      <p className="muted">The panel wrote this down from your interview. It becomes your statement only if you approve these words; otherwise give your statement in your own words below.</p>
      <Button variant="secondary" small busy={approve.busy} onClick={async () => { if (await approve.run()) onDone(); }}>Approve these words</Button>
    </>
  );
}

export function Statements({ reference, canGive }: { reference: string; canGive: boolean }) {
  const list = useLoad((signal) => (hasRoute('GET /cases/{reference}/statements') ? api.get('/cases/{reference}/statements', { path: { reference }, signal }) : Promise.resolve(null)), [reference]);
  const [text, setText] = useState('');
  const give = useAction(() => api.post('/cases/{reference}/statements', { path: { reference }, body: { text: text.trim() } }));
  if (list.data === null) return null;
  const items = list.data ?? [];
  const status = (st: (typeof items)[number]) =>
    st.source === 'complaint'
      ? `the complaint, as filed ${st.givenAt ? dateTime(st.givenAt) : ''} — the first statement, never asked for again`
      : st.status === 'given'
        ? `given ${st.givenAt ? dateTime(st.givenAt) : ''}${st.source === 'interview' ? ' at an interview, in words approved by the person' : ''}`
        : st.status === 'awaiting_approval'
          ? 'written down by the panel from an interview — waiting for the person to approve the words'
          : `asked for ${st.requestedAt ? dateTime(st.requestedAt) : ''}`;
  return (
    <Card title="Statements">
      <p className="muted">A statement is given once and reused; the panel may ask specific questions about it, never for a retelling (S12).</p>
      <ErrorAlert error={list.error ?? give.error} />
      {items.length ? (
        <ol className="list" aria-label="Statements">
          {items.map((st) => (
            <li key={st.statementId}>
              <p className="muted">
                {PERSON[st.role]} · {status(st)}
              </p>
              {st.text ? <p style={{ whiteSpace: 'pre-line' }}>{st.text}</p> : null}
              {canGive && st.status === 'awaiting_approval' ? <ApproveWords reference={reference} statementId={st.statementId} onDone={list.reload} /> : null}
              {st.addenda.map((a) => (
                <p key={a.addendumId} style={{ whiteSpace: 'pre-line' }}>
                  <strong>Added {dateTime(a.addedAt)}:</strong> {a.text}
                </p>
              ))}
              {(st.addendumRequests ?? []).map((q) => (
                <div key={q.requestId}>
                  <p><strong>The panel asks ({dateTime(q.requestedAt)}):</strong></p>
                  <ul>{q.questions.map((x, i) => <li key={i}>{x}</li>)}</ul>
                  {canGive && !q.answeredBy ? <AnswerQuestions reference={reference} statementId={st.statementId} requestId={q.requestId} onDone={list.reload} /> : null}
                </div>
              ))}
            </li>
          ))}
        </ol>
      ) : <EmptyState title="No statements yet" />}
      {canGive && !items.some((st) => st.status === 'given') ? (
        <form noValidate onSubmit={async (e) => { e.preventDefault(); if (text.trim() && (await give.run())) { setText(''); list.reload(); } }}>
          <TextArea label="Your statement" rows={5} value={text} onChange={(e) => setText(e.target.value)} />
          <Button type="submit" variant="secondary" busy={give.busy} disabled={!text.trim()}>Give my statement</Button>
        </form>
      ) : null}
    </Card>
  );
}

/** The panel's findings: open one per respondent, vote, and decide by majority with written reasons. */
export function Findings({ reference, respondents }: { reference: string; respondents: { memberId: string | null; name: string | null }[] }) {
  const list = useLoad((signal) => (hasRoute('GET /cases/{reference}/findings') ? api.get('/cases/{reference}/findings', { path: { reference }, signal }) : Promise.resolve(null)), [reference]);
  const [respondentId, setRespondentId] = useState(respondents.find((r) => r.memberId)?.memberId ?? '');
  const open = useAction(() => api.post('/cases/{reference}/findings', { path: { reference }, body: { respondentId } }));
  const [verdict, setVerdict] = useState<'uphold' | 'not_uphold'>('uphold');
  const [kind, setKind] = useState<Sanction['kind']>('warning');
  const sanctions = useSanctionKinds();
  const [until, setUntil] = useState('');
  const vote = useAction((findingId: string) =>
    api.post('/cases/{reference}/findings/{findingId}/votes', { path: { reference, findingId }, body: { verdict, ...(verdict === 'uphold' ? { proposedSanction: { kind, ...(kind === 'suspension' && until ? { until } : {}) } } : {}) } }),
  );
  const [rule, setRule] = useState('');
  const [reasons, setReasons] = useState('');
  const decide = useAction((findingId: string) => api.post('/cases/{reference}/findings/{findingId}/decision', { path: { reference, findingId }, body: { rule: rule.trim(), reasons: reasons.trim() } }));
  if (list.data === null) return null;
  const items = list.data ?? [];
  const after = async (p: Promise<unknown>) => (await p) && list.reload();
  return (
    <Card title="Findings and votes">
      <p className="muted">The panel decides by majority, with written reasons and recorded vote counts. Only a party can appeal; no other body can change a finding (S7).</p>
      <ErrorAlert error={list.error ?? open.error ?? vote.error ?? decide.error} title="That was refused" />
      {items.length ? (
        items.map((f) => {
          const id = f.status === 'deliberating' ? f.findingId : null;
          const about = respondents.find((r) => r.memberId === f.respondentId);
          return (
            <div className="card" key={f.findingId}>
              <p>
                <Badge kind={f.status === 'set_aside' ? 'neutral' : f.status === 'deliberating' ? 'info' : 'good'}>{FINDING[f.status]}</Badge>
              </p>
              <Facts
                items={[
                  ['About', about?.name ?? 'A respondent'],
                  ...(f.votes ? ([['Votes cast', `${f.votes.length} of ${f.panelistIds.length}`]] as [string, string][]) : []),
                  ...(f.decision
                    ? ([
                        ['Decision', `${f.decision.upheld ? 'Upheld' : 'Not upheld'} (${f.decision.voteCount}), ${dateTime(f.decision.decidedAt)}`],
                        ['Rule considered', f.decision.rule],
                        ['Sanction', sanctionText(f.decision.sanction)],
                        ['Reasons', f.decision.reasons],
                      ] as [string, string][])
                    : []),
                  ...(f.appealDeadline ? ([['Appeal possible until', dateTime(f.appealDeadline)]] as [string, string][]) : []),
                  ...(f.finalSanction ? ([['Final sanction', sanctionText(f.finalSanction)]] as [string, string][]) : []),
                ]}
              />
              {id ? (
                <details>
                  <summary>Vote or decide</summary>
                  <SelectField label="Your vote" value={verdict} onChange={(e) => setVerdict(e.target.value as typeof verdict)}>
                    <option value="uphold">Uphold the complaint</option>
                    <option value="not_uphold">Do not uphold</option>
                  </SelectField>
                  {verdict === 'uphold' ? (
                    <>
                      <SelectField label="Proposed sanction" value={kind} onChange={(e) => setKind(e.target.value as Sanction['kind'])}>
                        {(sanctions.kinds ?? []).map((k) => <option key={k.kind} value={k.kind}>{k.label}</option>)}
                      </SelectField>
                      {kind === 'suspension' ? <TextField label="Suspended until" type="date" value={until} onChange={(e) => setUntil(e.target.value)} /> : null}
                    </>
                  ) : null}
                  <Button variant="secondary" busy={vote.busy} onClick={() => after(vote.run(id))}>Record my vote</Button>
                  <h3>Decide (when a majority has voted)</h3>
                  <TextField label="Rule considered (published with the outcome)" value={rule} onChange={(e) => setRule(e.target.value)} />
                  <TextArea label="Written reasons (for the parties, never published)" rows={4} value={reasons} onChange={(e) => setReasons(e.target.value)} />
                  <Button busy={decide.busy} disabled={!rule.trim() || !reasons.trim()} onClick={() => after(decide.run(id))}>Record the finding</Button>
                </details>
              ) : null}
            </div>
          );
        })
      ) : (
        <EmptyState title="No finding opened yet" />
      )}
      {respondents.some((r) => r.memberId) ? (
        <form noValidate onSubmit={(e) => { e.preventDefault(); void after(open.run()); }}>
          <SelectField label="Open a finding about" value={respondentId} onChange={(e) => setRespondentId(e.target.value)}>
            {respondents.filter((r) => r.memberId).map((r) => <option key={r.memberId!} value={r.memberId!}>{r.name ?? r.memberId}</option>)}
          </SelectField>
          <Button type="submit" variant="secondary" busy={open.busy}>Open a finding</Button>
        </form>
      ) : null}
    </Card>
  );
}

/** A party's appeal to the Appeals Committee, on stated grounds, within the statutory period. */
export function LodgeAppeal({ reference }: { reference: string }) {
  const findings = useLoad((signal) => (hasRoute('GET /cases/{reference}/findings') ? api.get('/cases/{reference}/findings', { path: { reference }, signal }).catch(() => null) : Promise.resolve(null)), [reference]);
  const [ground, setGround] = useState<components['schemas']['AppealGroundDto']['ground']>('procedural_error');
  const [text, setText] = useState('');
  // A finding can be appealed once the parties have been told, until its appeal deadline.
  const ids = (findings.data ?? []).filter((f) => f.status === 'notified' || f.status === 'decided').map((f) => f.findingId);
  const lodge = useAction(() => api.post('/cases/{reference}/appeals', { path: { reference }, body: { findingId: ids[0], grounds: [{ ground, text: text.trim() }] } }));
  if (!ids.length || !hasRoute('POST /cases/{reference}/appeals')) return null;
  return (
    <Card title="Ask for the decision to be looked at again">
      <p className="muted">Only a party can do this, within the period the statutes set. It goes to a separate elected committee, under the same rules about connections.</p>
      <ErrorAlert error={lodge.error} />
      {lodge.result ? <Alert kind="success" live>Sent to the committee.</Alert> : (
        <form noValidate onSubmit={(e) => { e.preventDefault(); if (text.trim()) void lodge.run(); }}>
          <SelectField label="Why" value={ground} onChange={(e) => setGround(e.target.value as typeof ground)}>
            <option value="procedural_error">The process was not followed</option>
            <option value="new_evidence">There is new information</option>
            <option value="disproportionate_sanction">The outcome is out of proportion</option>
          </SelectField>
          <TextArea label="Explain" rows={4} value={text} onChange={(e) => setText(e.target.value)} />
          <Button type="submit" variant="secondary" busy={lodge.busy} disabled={!text.trim()}>Send</Button>
        </form>
      )}
    </Card>
  );
}

/** The complainant reviews the outcome notice's wording before publication (S8); comments go to the panel. */
export function OutcomeReview({ reference }: { reference: string }) {
  const list = useLoad((signal) => (hasRoute('GET /cases/{reference}/outcome-notices') ? api.get('/cases/{reference}/outcome-notices', { path: { reference }, signal }).catch(() => null) : Promise.resolve(null)), [reference]);
  const [text, setText] = useState('');
  const items = list.data ?? [];
  const noticeId = items.find((n) => n.status === 'complainant_review')?.noticeId ?? null;
  const comment = useAction(() => api.post('/cases/{reference}/outcome-notices/{noticeId}/comments', { path: { reference, noticeId: noticeId! }, body: { text: text.trim() } }));
  if (!items.length) return null;
  return (
    <Card title="The notice to members">
      <p className="muted">Before it is sent, you can read the wording. It never names you or tells your account.</p>
      {items.map((n) => (
        <div key={n.noticeId}>
          <p className="muted">
            {NOTICE[n.status]} · comments until {dateTime(n.reviewEndsAt)} · to be published {dateTime(n.publishAt)}
            {n.delay ? ` (delayed until ${dateTime(n.delay.until)})` : ''}
          </p>
          <blockquote style={{ whiteSpace: 'pre-line' }}>{n.text}</blockquote>
        </div>
      ))}
      <ErrorAlert error={comment.error} />
      {noticeId ? (
        comment.result ? <Alert kind="success" live>Your comment went to the panel.</Alert> : (
          <form noValidate onSubmit={(e) => { e.preventDefault(); if (text.trim()) void comment.run(); }}>
            <TextArea label="Your comment on the wording" rows={3} value={text} onChange={(e) => setText(e.target.value)} />
            <Button type="submit" variant="secondary" busy={comment.busy} disabled={!text.trim()}>Send the comment</Button>
          </form>
        )
      ) : null}
    </Card>
  );
}
