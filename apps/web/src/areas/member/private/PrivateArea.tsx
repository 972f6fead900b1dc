/**
 * Raising a concern with the Control Commission, and following one's own case.
 *
 * Discreet by design: the page title is "Commons", headings and the address are neutral, there is
 * no menu that would highlight where you are, and a "Leave this page quickly" control (and Esc
 * twice) replaces the page with a neutral site and clears the draft. The draft lives only in this
 * tab's sessionStorage and is sent only when you choose to (POST /complaints, which reaches the
 * commission alone).
 */
import { useEffect, useState } from 'react';
import { api, hasRoute, type Get } from '../../../api/client';
import type { components } from '../../../api/schema.gen';
import { Link, matchPath } from '../../../app/router';
import { date, dateTime } from '../../../ui/format';
import { useAction, useLoad } from '../../../ui/hooks';
import { Alert, Badge, Button, Card, Checkbox, EmptyState, ErrorAlert, Facts, Loading, PageHeader, Table, TextArea, TextField } from '../../../ui/kit';
import { LodgeAppeal, Messages, OutcomeReview, Statements } from '../../cases/Proceedings';
import { DeadlineText, Deadlines, PATH, ROLE, event, nextDeadline, stage } from '../../cases/words';

const DRAFT = 'commons.s.draft';
const TITLE = 'Commons';
const PARTY_ROLES = ['complainant', 'respondent', 'witness', 'support_person'];

export type Path = 'record-only' | 'informal' | 'formal';
/** A person picked from the directory (its opaque handle, valid 24 hours) or described. */
type Person = { handle?: string; name?: string; description?: string };
export interface Draft {
  path: Path | '';
  informalConsent: boolean;
  respondents: Person[];
  what: string;
  from: string;
  to: string;
  where: string;
  witnesses: Person[];
  support: Person | null;
  violence: boolean;
  sexualMisconduct: boolean;
  threats: boolean;
  matching: boolean;
}
const empty: Draft = { path: '', informalConsent: false, respondents: [], what: '', from: '', to: '', where: '', witnesses: [], support: null, violence: false, sexualMisconduct: false, threats: false, matching: false };
const isEmpty = (d: Draft) => JSON.stringify(d) === JSON.stringify(empty);

const load = (): Draft => {
  try {
    const d = { ...empty, ...JSON.parse(sessionStorage.getItem(DRAFT) ?? '{}') } as Draft;
    return Array.isArray(d.respondents) && Array.isArray(d.witnesses) ? d : empty;
  } catch {
    return empty;
  }
};

/** Whether this server accepts complaints (the discipline routes); until then the draft stays local. */
export const canSend = (): boolean => hasRoute('POST /complaints');

export default function PrivateArea({ path }: { path: string }) {
  useEffect(() => {
    document.title = TITLE;
  });
  const c = matchPath('/app/s/cases/:ref', path);
  if (c) return <OwnCase reference={c.ref} />;
  if (path === '/app/s/new') return <Compose />;
  return <Overview />;
}

function Overview() {
  const hasDraft = !!sessionStorage.getItem(DRAFT);
  const mine = useLoad((signal) => (hasRoute('GET /cases/mine') ? api.get('/cases/mine', { signal }) : Promise.resolve([])), []);
  const own = (mine.data ?? []).filter((c) => PARTY_ROLES.includes(c.role));
  return (
    <>
      <PageHeader title="Your space" docTitle={TITLE} intro="Nothing you write here is sent until you choose to send it." />
      <Card title="Things you are part of">
        <ErrorAlert error={mine.error} />
        {mine.loading && !mine.data ? <Loading /> : null}
        {mine.data && !own.length ? (
          <EmptyState title="Nothing here yet">
            <p>When you send something, you can follow it here: where it has got to, its deadlines, and what happens next.</p>
          </EmptyState>
        ) : null}
        {own.length ? (
          <Table
            caption="Yours"
            rows={own}
            rowKey={(c) => c.reference}
            columns={[
              { header: 'Reference', cell: (c) => <Link to={`/app/s/cases/${encodeURIComponent(c.reference)}`}>{c.reference}</Link> },
              { header: 'You', cell: (c) => ROLE[c.role] ?? c.role },
              { header: 'Where it is', cell: (c) => stage(c.stage) },
              { header: 'Next', cell: (c) => <DeadlineText d={nextDeadline(c.deadlines)} /> },
            ]}
          />
        ) : null}
      </Card>
      <Card title="Start something new">
        <Paths />
        <div className="form-actions">
          <Link to="/app/s/new" className="button">
            {hasDraft ? 'Continue your draft' : 'Start'}
          </Link>
        </div>
      </Card>
    </>
  );
}

/** The three paths, in plain words — shown before anyone chooses. */
export function Paths() {
  return (
    <>
      <p>There are three ways forward. You choose, and nobody else can choose or change it for you.</p>
      <ol className="steps">
        {(Object.keys(PATH_TEXT) as Path[]).map((p) => (
          <li key={p}>
            <strong>{PATH_TEXT[p].title}.</strong> {PATH_TEXT[p].text}
          </li>
        ))}
      </ol>
      <p className="muted">
        Only the organization's elected commission reads what you send, and anyone on it with a link to the people involved is left out automatically. The
        executive and branch officers cannot see it, count it, or learn that it exists.
      </p>
    </>
  );
}

export const PATH_TEXT: Record<Path, { title: string; text: string }> = {
  'record-only': {
    title: 'Only keep a record',
    text: 'Nothing happens to anyone. What you write is kept safely and privately. If you wish, you can be told when someone else names the same person, and be put in touch with them. You can ask for more later.',
  },
  informal: {
    title: 'Try to sort it out, with help',
    text: 'A commissioner helps settle things by agreement. This happens only with your consent, you can stop at any time, and stopping turns it into a full inquiry.',
  },
  formal: {
    title: 'Ask for a full inquiry',
    text: 'A panel of elected commissioners with no connection to anyone involved looks into it, hears everyone once, and decides within set deadlines. The outcome is told to all members — your name and your account never are.',
  },
};

/** Pick a member from the minimal directory (name and branch only), or describe someone who is not a member. */
function PersonPicker({ label, value, onChange, error }: { label: string; value: Person | null; onChange: (p: Person | null) => void; error?: string }) {
  const [q, setQ] = useState('');
  const [describe, setDescribe] = useState(!!value?.description);
  const search = useAction((text: string) => api.get('/complaints/directory', { query: { q: text } }));
  if (value && (value.handle || value.description)) {
    return (
      <div className="field">
        <span className="label">{label}</span>
        <div className="row">
          <span>{value.handle ? value.name : value.description}</span>
          <Button small variant="ghost" onClick={() => onChange(null)}>Change<span className="visually-hidden"> {label}</span></Button>
        </div>
      </div>
    );
  }
  return (
    <fieldset>
      <legend>{label}</legend>
      {error ? <span className="field-error">{error}</span> : null}
      {!describe ? (
        <>
          <div className="row" style={{ alignItems: 'flex-end' }}>
            <div style={{ flex: '1 1 14rem' }}>
              <TextField label="Search by name" hint="At least three letters: the start of their first or last name. At most five people are shown (names and branches only), and searches are limited each day." value={q} onChange={(e) => setQ(e.target.value)} autoComplete="off" onKeyDown={(e) => { if (e.key === 'Enter') { e.preventDefault(); if (q.trim().length >= 3) void search.run(q.trim()); } }} />
            </div>
            <div className="field">
              <Button variant="secondary" disabled={q.trim().length < 3} busy={search.busy} onClick={() => search.run(q.trim())}>Search</Button>
            </div>
          </div>
          <ErrorAlert error={search.error} />
          {search.result ? (
            search.result.length ? (
              <ul className="list" aria-label="People found">
                {search.result.slice(0, 5).map((p) => (
                  <li key={p.handle} className="row" style={{ justifyContent: 'space-between' }}>
                    <span>{p.name}{p.branch ? <span className="muted"> · {p.branch}</span> : null}</span>
                    <Button small variant="secondary" onClick={() => onChange({ handle: p.handle, name: p.name })}>Choose<span className="visually-hidden"> {p.name}</span></Button>
                  </li>
                ))}
              </ul>
            ) : <p className="muted" role="status">Nobody found with that name.</p>
          ) : null}
          <button type="button" className="linkish" onClick={() => setDescribe(true)}>They are not a member, or I cannot find them</button>
        </>
      ) : (
        <>
          <TextArea label="Who they are" hint="A name and anything that helps identify them." rows={2} value={value?.description ?? ''} onChange={(e) => onChange(e.target.value ? { description: e.target.value } : null)} />
          <button type="button" className="linkish" onClick={() => { setDescribe(false); onChange(null); }}>Search the members instead</button>
        </>
      )}
    </fieldset>
  );
}

type Filed = components['schemas']['FiledComplaintResponse'];

function Compose() {
  const [draft, setDraft] = useState<Draft>(load);
  const [saved, setSaved] = useState(false);
  const [errors, setErrors] = useState<Record<string, string>>({});
  const [filed, setFiled] = useState<Filed | null>(null);
  useEffect(() => {
    if (filed) return;
    const t = setTimeout(() => {
      if (isEmpty(draft)) sessionStorage.removeItem(DRAFT);
      else sessionStorage.setItem(DRAFT, JSON.stringify(draft));
      setSaved(true);
    }, 250);
    setSaved(false);
    return () => clearTimeout(t);
  }, [draft, filed]);
  const set = <K extends keyof Draft>(k: K, v: Draft[K]) => setDraft((d) => ({ ...d, [k]: v }));
  const person = (p: Person) => (p.handle ? { handle: p.handle } : { description: p.description ?? '' });
  const send = useAction(() =>
    api.post('/complaints', {
      body: {
        respondents: draft.respondents.map(person),
        narrative: draft.what.trim(),
        path: draft.path as Path,
        ...(draft.path === 'informal' ? { informalConsent: draft.informalConsent } : {}),
        ...(draft.where.trim() ? { where: draft.where.trim() } : {}),
        ...(draft.from ? { when: { from: draft.from, ...(draft.to ? { to: draft.to } : {}) } } : {}),
        ...(draft.witnesses.length ? { witnesses: draft.witnesses.map(person) } : {}),
        ...(draft.support ? { supportPerson: person(draft.support) } : {}),
        ...(draft.violence || draft.sexualMisconduct || draft.threats ? { seriousness: { violence: draft.violence, sexualMisconduct: draft.sexualMisconduct, threats: draft.threats } } : {}),
        matchingOptIn: draft.matching,
      },
    }),
  );
  const validate = () => {
    const e: Record<string, string> = {};
    if (!draft.path) e.path = 'Choose one of the three ways forward.';
    if (draft.path === 'informal' && !draft.informalConsent) e.consent = 'Tick the box to agree to this way, or choose another.';
    if (!draft.respondents.length) e.about = 'Say who this is about.';
    if (!draft.what.trim()) e.what = 'Write what happened, in your own words.';
    if (draft.to && !draft.from) e.from = 'Give the first day too.';
    setErrors(e);
    return !Object.keys(e).length;
  };
  const discard = () => {
    sessionStorage.removeItem(DRAFT);
    setDraft(empty);
    setErrors({});
  };
  if (filed) {
    return (
      <>
        <PageHeader title="Your space" docTitle={TITLE} />
        <Alert kind="success" title="Sent" live>
          <p>
            Your reference is <span className="receipt" data-testid="case-reference">{filed.reference}</span>. Keep it: you can follow what happens from this page.
          </p>
          <p>The draft has been cleared from this browser.</p>
        </Alert>
        <Card title="What happens next">
          <Deadlines list={filed.deadlines} />
          <p>
            <Link to={`/app/s/cases/${encodeURIComponent(filed.reference)}`} className="button">Follow it</Link>
          </p>
        </Card>
      </>
    );
  }
  return (
    <>
      <PageHeader title="Your space" docTitle={TITLE} intro="Take your time. What you type is kept only in this browser tab until you send it; closing the tab forgets it." />
      <p className="muted" aria-live="polite">
        {saved && !isEmpty(draft) ? 'Draft kept in this tab.' : '\u00a0'}
      </p>
      <form
        noValidate
        onSubmit={async (e) => {
          e.preventDefault();
          if (!validate() || !canSend()) return;
          const r = await send.run();
          if (r) {
            sessionStorage.removeItem(DRAFT);
            setFiled(r);
            window.scrollTo(0, 0);
          }
        }}
      >
        <fieldset aria-describedby={errors.path ? 'path-error' : undefined}>
          <legend>1. What would you like to happen?</legend>
          {errors.path ? <span className="field-error" id="path-error">{errors.path}</span> : null}
          {(Object.keys(PATH_TEXT) as Path[]).map((p) => (
            <div className="choice choice--card" key={p}>
              <input type="radio" name="path" id={`path-${p}`} value={p} checked={draft.path === p} onChange={() => set('path', p)} aria-describedby={`path-${p}-text`} />
              <label htmlFor={`path-${p}`}>
                <strong>{PATH_TEXT[p].title}</strong>
                <span className="hint" id={`path-${p}-text`}>{PATH_TEXT[p].text}</span>
              </label>
            </div>
          ))}
          {draft.path === 'informal' ? (
            <>
              <Checkbox label="I agree to try this way. I know I can stop at any time, and that stopping turns it into a full inquiry." checked={draft.informalConsent} onChange={(e) => set('informalConsent', e.target.checked)} />
              {errors.consent ? <span className="field-error">{errors.consent}</span> : null}
            </>
          ) : null}
        </fieldset>
        <fieldset>
          <legend>2. Who and what</legend>
          {draft.respondents.map((p, i) => (
            <PersonPicker key={i} label={i === 0 ? 'Who is it about?' : 'Someone else it is about'} value={p} onChange={(v) => set('respondents', v ? draft.respondents.map((x, j) => (j === i ? v : x)) : draft.respondents.filter((_, j) => j !== i))} />
          ))}
          {!draft.respondents.length ? <PersonPicker label="Who is it about?" value={null} onChange={(v) => v && set('respondents', [v])} error={errors.about} /> : (
            <p><button type="button" className="linkish" onClick={() => set('respondents', [...draft.respondents, {}])}>It is about someone else too</button></p>
          )}
          <TextArea label="What happened?" hint="In your own words. You will only be asked to tell it once." value={draft.what} onChange={(e) => set('what', e.target.value)} error={errors.what} rows={8} />
          <div className="grid grid--2">
            <TextField label="When did it start? (optional)" type="date" value={draft.from} onChange={(e) => set('from', e.target.value)} error={errors.from} />
            <TextField label="Until (optional, if more than one day)" type="date" value={draft.to} onChange={(e) => set('to', e.target.value)} />
          </div>
          <TextField label="Where? (optional)" value={draft.where} onChange={(e) => set('where', e.target.value)} autoComplete="off" />
          <fieldset>
            <legend>Did it involve any of these?</legend>
            <p className="hint">If so, the commission must decide within 72 hours whether to keep the person away from offices, meetings, events, or from you, while it looks into it.</p>
            <Checkbox label="Violence" checked={draft.violence} onChange={(e) => set('violence', e.target.checked)} />
            <Checkbox label="Sexual misconduct" checked={draft.sexualMisconduct} onChange={(e) => set('sexualMisconduct', e.target.checked)} />
            <Checkbox label="Threats" checked={draft.threats} onChange={(e) => set('threats', e.target.checked)} />
          </fieldset>
        </fieldset>
        <fieldset>
          <legend>3. Other people (optional)</legend>
          {draft.witnesses.map((p, i) => (
            <PersonPicker key={i} label="Someone who saw or knows about it" value={p} onChange={(v) => set('witnesses', v ? draft.witnesses.map((x, j) => (j === i ? v : x)) : draft.witnesses.filter((_, j) => j !== i))} />
          ))}
          <p><button type="button" className="linkish" onClick={() => set('witnesses', [...draft.witnesses, {}])}>Add someone who saw or knows about it</button></p>
          {draft.support ? (
            <PersonPicker label="Someone to support you" value={draft.support} onChange={(v) => set('support', v)} />
          ) : (
            <p><button type="button" className="linkish" onClick={() => set('support', {})}>Add someone to support you</button> <span className="muted">— they may come with you to any conversation.</span></p>
          )}
          {draft.path === 'record-only' ? (
            <Checkbox label="Tell me if someone else names the same person, so we can be put in touch" checked={draft.matching} onChange={(e) => set('matching', e.target.checked)} />
          ) : null}
        </fieldset>
        <ErrorAlert error={send.error} title="It was not sent" />
        {!canSend() ? (
          <Alert kind="warning" title="This cannot be sent from here yet">
            <p>This server does not accept it yet. Your draft stays in this tab until you close it or leave quickly.</p>
          </Alert>
        ) : null}
        <div className="form-actions">
          <Button type="submit" busy={send.busy} disabled={!canSend()}>Send</Button>
          <Button variant="ghost" onClick={discard}>Discard the draft</Button>
        </div>
      </form>
    </>
  );
}

type View = Get<'/cases/{reference}'>;

function OwnCase({ reference }: { reference: string }) {
  const view = useLoad((signal) => api.get('/cases/{reference}', { path: { reference }, signal }), [reference]);
  const [newPath, setNewPath] = useState<Path | ''>('');
  const [consent, setConsent] = useState(false);
  const [confirmWithdraw, setConfirmWithdraw] = useState(false);
  const change = useAction(() => api.post('/cases/{reference}/path', { path: { reference }, body: { path: newPath as Path, ...(newPath === 'informal' ? { consent } : {}) } }));
  const confirm = useAction(() => api.post('/cases/{reference}/informal-resolution/confirm', { path: { reference } }));
  const withdraw = useAction(() => api.post('/cases/{reference}/withdraw', { path: { reference } }));
  const after = async (p: Promise<unknown>) => (await p) && view.reload();
  if (view.loading && !view.data) return <><PageHeader title="Your space" docTitle={TITLE} /><Loading /></>;
  if (!view.data) return <><PageHeader title="Your space" docTitle={TITLE} /><ErrorAlert error={view.error} /><p><Link to="/app/s">Back</Link></p></>;
  const c: View = view.data;
  const complainant = c.role === 'complainant';
  const open = !['closed_record_only', 'resolved_informally', 'withdrawn', 'final', 'published'].includes(c.stage ?? '');
  return (
    <>
      <PageHeader title="Your space" docTitle={TITLE}>
        <p><Link to="/app/s">← Back</Link></p>
      </PageHeader>
      <Card title={`Reference ${c.reference}`}>
        <Facts
          items={[
            ['You', ROLE[c.role] ?? c.role],
            ['Where it is', stage(c.stage)],
            ['Way forward', c.path ? PATH[c.path] ?? c.path : '—'],
            ['Received', dateTime(c.receivedAt)],
          ]}
        />
        <h3>Deadlines</h3>
        <Deadlines list={c.deadlines} />
      </Card>
      {c.complaint ? (
        <Card title="What you sent">
          <p style={{ whiteSpace: 'pre-line' }}>{c.complaint.narrative ?? '—'}</p>
          <Facts
            items={[
              ['About', c.complaint.respondents.map((p) => p.name ?? p.description).join(', ') || '—'],
              ['Where', c.complaint.where],
              ['Others', (c.complaint.witnesses ?? []).map((p) => p.name ?? p.description).join(', ') || '—'],
              ['Support', c.complaint.supportPerson ? c.complaint.supportPerson.name ?? c.complaint.supportPerson.description : '—'],
            ]}
          />
        </Card>
      ) : null}
      {c.panel?.length ? (
        <Card title="Who is handling it">
          <ul>{c.panel.map((p) => <li key={p.memberId}>{p.name ?? 'A commissioner'} {p.source !== 'commissioner' ? <Badge>{p.source.replace('_', ' ')}</Badge> : null}</li>)}</ul>
          <p className="muted">If you have a reason to think one of them is not impartial, you can ask for them to stand down; the others decide.</p>
        </Card>
      ) : null}
      {c.timeline?.length ? (
        <Card title="What has happened">
          <ol>{c.timeline.map((t) => <li key={t.seq}>{dateTime(t.at)} — {event(t.kind)}</li>)}</ol>
        </Card>
      ) : null}
      {['investigating', 'finding', 'final', 'published'].includes(c.stage ?? '') ? (
        <>
          <Statements reference={c.reference} canGive={['complainant', 'respondent', 'witness'].includes(c.role)} />
          <Messages reference={c.reference} panel={false} />
        </>
      ) : null}
      {complainant ? <OutcomeReview reference={c.reference} /> : null}
      {['finding', 'final'].includes(c.stage ?? '') && (complainant || c.role === 'respondent') ? <LodgeAppeal reference={c.reference} /> : null}
      {complainant && open ? (
        <Card title="Change what you want to happen">
          <p className="muted">Only you can change this. Choosing a full inquiry is possible at any time.</p>
          <ErrorAlert error={change.error ?? confirm.error ?? withdraw.error} />
          <fieldset>
            <legend>Way forward</legend>
            {(Object.keys(PATH_TEXT) as Path[]).filter((p) => p !== c.path).map((p) => (
              <div className="choice" key={p}>
                <input type="radio" id={`np-${p}`} name="np" checked={newPath === p} onChange={() => setNewPath(p)} />
                <label htmlFor={`np-${p}`}><strong>{PATH_TEXT[p].title}</strong><span className="hint">{PATH_TEXT[p].text}</span></label>
              </div>
            ))}
            {newPath === 'informal' ? <Checkbox label="I agree to try this way; I can stop at any time." checked={consent} onChange={(e) => setConsent(e.target.checked)} /> : null}
          </fieldset>
          <div className="form-actions">
            <Button disabled={!newPath} busy={change.busy} onClick={() => after(change.run())}>Change it</Button>
            {c.path === 'informal' && c.informalResolution ? <Button variant="secondary" busy={confirm.busy} onClick={() => after(confirm.run())}>Confirm it is settled</Button> : null}
          </div>
          <h3>Withdraw</h3>
          {!confirmWithdraw ? (
            <Button variant="ghost" onClick={() => setConfirmWithdraw(true)}>Withdraw…</Button>
          ) : (
            <Alert kind="warning" title="Withdraw it?">
              <p>The record is kept, but nothing more will happen.</p>
              <div className="form-actions">
                <Button variant="danger" busy={withdraw.busy} onClick={() => after(withdraw.run())}>Yes, withdraw</Button>
                <Button variant="ghost" onClick={() => setConfirmWithdraw(false)}>No</Button>
              </div>
            </Alert>
          )}
        </Card>
      ) : null}
      <p className="muted">Received {date(c.receivedAt)}.</p>
    </>
  );
}
