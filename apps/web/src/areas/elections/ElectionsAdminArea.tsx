/**
 * Returning officers: create an election and run it — nominations, acclamation (the E1 rule is
 * explained when it blocks), open voting, close, certify, publish — and congresses (apportioned
 * delegates, delegate elections, accreditation).
 */
import { useState } from 'react';
import { api, idempotencyKey } from '../../api/client';
import { Link, matchPath, navigate } from '../../app/router';
import { date, dateTime, instantFromZonedInput, organizationSettings, plural, today, zonedInput } from '../../ui/format';
import { useAction, useLoad } from '../../ui/hooks';
import { Alert, Badge, Button, Card, EmptyState, ErrorAlert, Facts, Loading, PageHeader, SelectField, Table, TextArea, TextField } from '../../ui/kit';
import { STATUS, type Election, type ElectionDetail } from '../member/Elections';
import { useElectionMethods } from '../member/election-methods';
import { StageChart, type CountStage } from './ResultCharts';

export default function ElectionsAdminArea({ path }: { path: string }) {
  const m = matchPath('/app/run-elections/:id', path);
  if (path === '/app/run-elections/new') return <Create />;
  if (path === '/app/run-elections/congress') return <Congress />;
  if (m) return <Run id={m.id} />;
  return <List />;
}

function List() {
  const list = useLoad((signal) => api.get('/elections', { signal }), []);
  const methods = useElectionMethods();
  return (
    <>
      <PageHeader title="Run elections" intro="Create an election, take nominations, open and close voting, certify and publish the result." />
      <div className="row">
        <Link to="/app/run-elections/new" className="button">New election</Link>
        <Link to="/app/run-elections/congress" className="button button--secondary">Congress and delegates</Link>
      </div>
      <ErrorAlert error={list.error} />
      {list.loading && !list.data ? <Loading /> : null}
      {list.data && !list.data.length ? <EmptyState title="No elections yet">Create one to start.</EmptyState> : null}
      {list.data?.length ? (
        <Table
          caption={plural(list.data.length, 'election')}
          rows={[...list.data].sort((a, b) => b.createdAt.localeCompare(a.createdAt))}
          rowKey={(e) => e.id}
          columns={[
            { header: 'Election', cell: (e) => <Link to={`/app/run-elections/${e.id}`}>{e.title}</Link> },
            { header: 'Method', cell: (e) => methods.label(e.method) },
            { header: 'State', cell: (e) => <Badge kind={STATUS[e.status].kind}>{STATUS[e.status].label}</Badge> },
            { header: 'Electorate', num: true, cell: (e) => e.electorateSize },
          ]}
        />
      ) : null}
    </>
  );
}

function Create() {
  const methods = useElectionMethods();
  const bodies = useLoad((signal) => api.get('/bodies', { signal }), []);
  const branches = useLoad((signal) => api.get('/branches', { signal }), []);
  const rolls = useLoad((signal) => api.get('/electoral-rolls', { signal }).catch(() => []), []);
  const [f, setF] = useState({ title: '', purpose: 'body' as 'body' | 'motion', scope: 'organization' as 'organization' | 'branch' | 'congress', branchId: '', congressId: '', bodyId: '', seats: '1', method: 'scottish-stv' as Election['method'], motionText: '', motionThreshold: 'simple' as 'simple' | 'two-thirds', rollId: '', electorateAsOf: today() });
  const [errors, setErrors] = useState<Record<string, string>>({});
  const set = (k: keyof typeof f) => (e: { target: { value: string } }) => setF({ ...f, [k]: e.target.value } as typeof f);
  const create = useAction(() =>
    api.post('/elections', {
      body: {
        title: f.title.trim(),
        purpose: f.purpose,
        scope: f.scope,
        ...(f.scope === 'branch' ? { branchId: f.branchId } : {}),
        ...(f.scope === 'congress' ? { congressId: f.congressId.trim() } : {}),
        ...(f.purpose === 'body' ? { bodyId: f.bodyId } : { motionText: f.motionText, motionThreshold: f.motionThreshold }),
        seats: Number(f.seats),
        method: f.purpose === 'motion' ? 'motion' : f.method,
        ...(f.rollId ? { rollId: f.rollId } : f.scope !== 'congress' ? { electorateAsOf: f.electorateAsOf } : {}),
      },
    }),
  );
  const body = bodies.data?.find((b) => b.id === f.bodyId);
  const commission = body && (body.kind === 'CCOM' || body.kind === 'APPEALS');
  return (
    <>
      <PageHeader title="New election" intro="The electorate is frozen when the election is created: status, branch and standing as of the freeze date." />
      <form
        className="card"
        noValidate
        onSubmit={async (e) => {
          e.preventDefault();
          const errs: Record<string, string> = {};
          if (!f.title.trim()) errs.title = 'Give the election a title.';
          if (f.purpose === 'body' && !f.bodyId) errs.bodyId = 'Choose the body whose seats are filled.';
          if (f.purpose === 'motion' && !f.motionText.trim()) errs.motionText = 'Write the motion.';
          if (f.scope === 'branch' && !f.branchId) errs.branchId = 'Choose the branch.';
          if (f.scope === 'congress' && !f.congressId.trim()) errs.congressId = 'Give the congress id.';
          if (!(Number(f.seats) >= 1)) errs.seats = 'At least one seat.';
          setErrors(errs);
          if (Object.keys(errs).length) return;
          const created = await create.run();
          if (created) navigate(`/app/run-elections/${created.id}`);
        }}
      >
        <ErrorAlert error={create.error} title="The election was not created" />
        <TextField label="Title" value={f.title} onChange={set('title')} error={errors.title} />
        <SelectField label="What is decided" value={f.purpose} onChange={set('purpose')}>
          <option value="body">Seats on a body</option>
          <option value="motion">A motion or a recall (yes / no / abstain)</option>
        </SelectField>
        {f.purpose === 'body' ? (
          <>
            <SelectField label="Body" value={f.bodyId} onChange={set('bodyId')} error={errors.bodyId}>
              <option value="">Choose a body</option>
              {bodies.data?.map((b) => <option key={b.id} value={b.id}>{b.name} ({b.seats} seats)</option>)}
            </SelectField>
            {commission ? <Alert kind="info">Control Commission and Appeals Committee seats are filled only by their own secret ballot: candidates nominated by members, never by a body or on a slate with other bodies' seats, and never by acclamation.</Alert> : null}
            <TextField label="Seats to fill" type="number" min={1} value={f.seats} onChange={set('seats')} error={errors.seats} />
            <SelectField label="Counting method" value={f.method} onChange={set('method')} hint="Multi-seat bodies: single transferable vote gives proportional results.">
              {methods.methods?.filter((m) => m.electsCandidates).map((m) => <option key={m.id} value={m.id}>{m.label}</option>)}
            </SelectField>
          </>
        ) : (
          <>
            <TextArea label="Motion" rows={3} value={f.motionText} onChange={set('motionText')} error={errors.motionText} />
            <SelectField label="Needed to carry" value={f.motionThreshold} onChange={set('motionThreshold')}>
              <option value="simple">More than half of yes + no</option>
              <option value="two-thirds">Two thirds</option>
            </SelectField>
          </>
        )}
        <SelectField label="Who votes" value={f.scope} onChange={set('scope')}>
          <option value="organization">All members</option>
          <option value="branch">One branch</option>
          <option value="congress">Congress delegates</option>
        </SelectField>
        {f.scope === 'branch' ? (
          <SelectField label="Branch" value={f.branchId} onChange={set('branchId')} error={errors.branchId}>
            <option value="">Choose a branch</option>
            {branches.data?.filter((b) => b.status === 'active').map((b) => <option key={b.id} value={b.id}>{b.name}</option>)}
          </SelectField>
        ) : null}
        {f.scope === 'congress' ? <TextField label="Congress id" value={f.congressId} onChange={set('congressId')} error={errors.congressId} /> : null}
        {f.scope !== 'congress' ? (
          <>
            <SelectField label="Electorate" value={f.rollId} onChange={set('rollId')}>
              <option value="">Freeze it now, as of the date below</option>
              {rolls.data?.map((r) => <option key={r.id} value={r.id}>{r.label ?? 'Roll'} — as of {date(r.asOf)} ({r.entryCount})</option>)}
            </SelectField>
            {!f.rollId ? <TextField label="Freeze date" type="date" value={f.electorateAsOf} onChange={set('electorateAsOf')} /> : null}
          </>
        ) : null}
        <Button type="submit" busy={create.busy}>Create the election</Button>
      </form>
    </>
  );
}

/** A moment from now, as the organization's wall clock for a `datetime-local` field. */
const localNow = (plusMinutes: number) => zonedInput(new Date(Date.now() + plusMinutes * 60_000));

function Run({ id }: { id: string }) {
  const e = useLoad((signal) => api.get('/elections/{electionId}', { path: { electionId: id }, signal }), [id]);
  const methods = useElectionMethods();
  const [closesAt, setClosesAt] = useState(localNow(60 * 24 * 7));
  const [seed, setSeed] = useState('');
  const step = useAction(async (what: 'open-nominations' | 'acclaim' | 'open-voting' | 'close' | 'certify' | 'publish') => {
    const path = { electionId: id };
    switch (what) {
      case 'open-nominations':
        return api.post('/elections/{electionId}/open-nominations', { path });
      case 'acclaim':
        return api.post('/elections/{electionId}/acclaim', { path });
      case 'open-voting':
        return api.post('/elections/{electionId}/open-voting', { path, body: { closesAt: instantFromZonedInput(closesAt) ?? closesAt } });
      case 'close':
        return api.post('/elections/{electionId}/close', { path, body: seed.trim() ? { tieBreakSeed: seed.trim() } : {} });
      case 'certify':
        return api.post('/elections/{electionId}/certify', { path });
      case 'publish':
        return api.post('/elections/{electionId}/publish', { path });
    }
  });
  const go = async (what: Parameters<typeof step.run>[0]) => {
    if (await step.run(what)) e.reload();
  };
  if (e.loading && !e.data) return <><PageHeader title="Election" /><Loading /></>;
  if (!e.data) return <><PageHeader title="Election" /><ErrorAlert error={e.error} /></>;
  const d: ElectionDetail = e.data;
  const nominated = d.candidates.filter((c) => c.status === 'nominated');
  const acclaimFrom = d.acclamationPossibleFrom ? new Date(d.acclamationPossibleFrom) : null;
  const commission = d.bodyKind === 'CCOM' || d.bodyKind === 'APPEALS';
  const acclaimBlocked = commission
    ? 'Commission and appeals seats are never filled by acclamation (S2): open voting.'
    : nominated.length > d.seats
      ? `There are ${nominated.length} candidates for ${d.seats} seats: a secret ballot is required (E1).`
      : acclaimFrom && acclaimFrom.getTime() > Date.now()
        ? `Nominations must be open for the statutory period first (E1): acclamation is possible from ${dateTime(d.acclamationPossibleFrom)}. Until then, or if anyone objects, hold a ballot.`
        : null;
  return (
    <>
      <PageHeader title={d.title} intro={methods.label(d.method)}>
        <p><Badge kind={STATUS[d.status].kind}>{STATUS[d.status].label}</Badge> <Link to="/app/run-elections">All elections</Link></p>
      </PageHeader>
      <ErrorAlert error={step.error} title="That step was refused" />
      <Card title="The election">
        <Facts
          items={[
            ['Seats', d.seats],
            ['Electorate', plural(d.electorateSize, 'voter')],
            ['Nominations opened', dateTime(d.nominationsOpenedAt)],
            ['Voting', d.votingOpenedAt ? `${dateTime(d.votingOpenedAt)} – ${dateTime(d.votingClosesAt)}` : '—'],
            ['Turnout', d.turnout ?? '—'],
            ['Ballot list fingerprint', d.ballotsHash ? <code key="h" style={{ overflowWrap: 'anywhere' }}>{d.ballotsHash}</code> : '—'],
          ]}
        />
      </Card>
      <Card title="Next step">
        {d.status === 'draft' ? (
          d.method === 'motion' ? (
            <OpenVoting closesAt={closesAt} setClosesAt={setClosesAt} busy={step.busy} onOpen={() => go('open-voting')} />
          ) : (
            <Button busy={step.busy} onClick={() => go('open-nominations')}>Open nominations</Button>
          )
        ) : null}
        {d.status === 'nominations' ? (
          <>
            <p>{plural(nominated.length, 'candidate')} validly nominated for {plural(d.seats, 'seat')}.</p>
            <h3>Declare elected without a vote (acclamation)</h3>
            <p className="muted">Only when nominations have been open for the statutory period and there are no more candidates than seats.</p>
            {acclaimBlocked ? <Alert kind="warning" title="Acclamation is not possible">{acclaimBlocked}</Alert> : null}
            <Button variant="secondary" busy={step.busy} aria-disabled={!!acclaimBlocked} onClick={() => (acclaimBlocked ? undefined : go('acclaim'))}>Declare elected by acclamation</Button>
            <h3>Hold a secret ballot</h3>
            <OpenVoting closesAt={closesAt} setClosesAt={setClosesAt} busy={step.busy} onOpen={() => go('open-voting')} />
          </>
        ) : null}
        {d.status === 'voting' ? (
          <>
            <p>Voting closes {dateTime(d.votingClosesAt)}; it cannot be closed earlier.</p>
            <TextField label="Tie-break seed (optional)" hint="A publicly drawn value for ties the rules leave to lot; by default the ballot list's fingerprint." value={seed} onChange={(ev) => setSeed(ev.target.value)} />
            <Button busy={step.busy} onClick={() => go('close')}>Close the poll</Button>
          </>
        ) : null}
        {d.status === 'closed' ? (
          <>
            <p>The ballot list's fingerprint was committed at the close. Certifying counts the ballots and fills the seats.</p>
            <Button busy={step.busy} onClick={() => go('certify')}>Count and certify</Button>
          </>
        ) : null}
        {d.status === 'certified' ? (
          <>
            <CertifiedResult electionId={d.id} motion={d.method === 'motion'} />
            <p>Publishing tells every member in the electorate the result, with the round-by-round count and the anonymised ballots.</p>
            <Button busy={step.busy} onClick={() => go('publish')}>Publish the result</Button>
          </>
        ) : null}
        {d.status === 'published' ? <p>Published {dateTime(d.publishedAt)}. <Link to={`/app/elections/${d.id}`}>See the result as members see it</Link>.</p> : null}
      </Card>
      <Card title="Candidates">
        {d.candidates.length ? (
          <Table
            caption="Candidates"
            rows={d.candidates}
            rowKey={(c) => c.id}
            columns={[
              { header: 'No.', num: true, cell: (c) => c.ballotNumber ?? '—' },
              { header: 'Name', cell: (c) => c.name },
              { header: 'Nominated by', cell: (c) => (c.nominatedBy === 'self' ? `self + ${c.nominatorCount} members` : 'a body') },
              { header: 'State', cell: (c) => c.status },
            ]}
          />
        ) : <EmptyState title="No candidates yet" />}
      </Card>
    </>
  );
}

function OpenVoting({ closesAt, setClosesAt, busy, onOpen }: { closesAt: string; setClosesAt: (v: string) => void; busy: boolean; onOpen: () => void }) {
  return (
    <div>
      <TextField label={`Voting closes at (${organizationSettings().timeZone} time)`} type="datetime-local" value={closesAt} onChange={(e) => setClosesAt(e.target.value)} />
      <Button busy={busy} onClick={onOpen}>Open voting</Button>
    </div>
  );
}

function Congress() {
  const [congressId, setCongressId] = useState('');
  const [open, setOpen] = useState<string | null>(null);
  const [asOf, setAsOf] = useState(today());
  const [seats, setSeats] = useState('30');
  const [title, setTitle] = useState('');
  const [opensOn, setOpensOn] = useState(today());
  const [code, setCode] = useState('');
  const congress = useLoad((signal) => (open ? api.get('/congresses/{congressId}', { path: { congressId: open }, signal }) : Promise.resolve(null)), [open]);
  const prepare = useAction(async () => {
    const roll = await api.post('/electoral-rolls', { body: { asOf, scope: 'organization', label: `Congress roll ${date(asOf)}` }, headers: { 'Idempotency-Key': idempotencyKey() } });
    const app = await api.post('/electoral-rolls/{rollId}/apportionment', { path: { rollId: roll.id }, body: { seats: Number(seats) } });
    const c = await api.post('/congresses', { body: { title: title.trim() || `Congress ${date(opensOn)}`, apportionmentId: app.id, opensOn } });
    setOpen(c.id);
    return c;
  });
  const delegates = useAction(() => api.post('/congresses/{congressId}/delegate-elections', { path: { congressId: open! }, body: {} }));
  const accredit = useAction(() => api.post('/congresses/{congressId}/accreditations', { path: { congressId: open! }, body: { credentialCode: code.trim() } }));
  const c = congress.data;
  return (
    <>
      <PageHeader title="Congress and delegates" intro="Delegates are apportioned to branches by their good-standing membership on the freeze date, elected by their branches, then accredited with their credential." />
      <div className="grid grid--2">
        <Card title="Open a congress">
          <ErrorAlert error={prepare.error} />
          <TextField label="Title" value={title} onChange={(e) => setTitle(e.target.value)} />
          <TextField label="Freeze date of the roll" type="date" value={asOf} onChange={(e) => setAsOf(e.target.value)} />
          <TextField label="Delegate seats" type="number" value={seats} onChange={(e) => setSeats(e.target.value)} />
          <TextField label="Congress opens on" type="date" value={opensOn} onChange={(e) => setOpensOn(e.target.value)} />
          <Button busy={prepare.busy} onClick={() => prepare.run()}>Freeze, apportion and create</Button>
        </Card>
        <Card title="Find a congress">
          <form noValidate onSubmit={(e) => { e.preventDefault(); setOpen(congressId.trim() || null); }}>
            <TextField label="Congress id" value={congressId} onChange={(e) => setCongressId(e.target.value)} />
            <Button type="submit" variant="secondary">Open</Button>
          </form>
        </Card>
      </div>
      <ErrorAlert error={congress.error} />
      {c ? (
        <Card title={c.title}>
          <Facts items={[['Id', <code key="i">{c.id}</code>], ['Opens', date(c.opensOn)], ['Delegate seats', c.delegateSeats], ['Accredited', `${c.accredited} (quorum ${c.quorum})`], ['Quorate', c.quorate ? 'Yes' : 'No']]} />
          <h3>Delegate elections</h3>
          {c.elections.length ? (
            <ul>{c.elections.map((e) => <li key={e.id}><Link to={`/app/run-elections/${e.id}`}>{e.title}</Link> — {STATUS[e.status].label}</li>)}</ul>
          ) : (
            <>
              <ErrorAlert error={delegates.error} />
              <Button variant="secondary" busy={delegates.busy} onClick={async () => (await delegates.run()) && congress.reload()}>Create one delegate election per branch</Button>
            </>
          )}
          <h3>Accredit a delegate</h3>
          <ErrorAlert error={accredit.error} />
          {accredit.result ? <Alert kind="success" live>Accredited. {accredit.result.accredited} of quorum {accredit.result.quorum}.</Alert> : null}
          <form noValidate onSubmit={async (e) => { e.preventDefault(); if (await accredit.run()) { setCode(''); congress.reload(); } }}>
            <TextField label="Credential code the delegate presents" value={code} onChange={(e) => setCode(e.target.value)} autoComplete="off" />
            <Button type="submit" busy={accredit.busy}>Accredit</Button>
          </form>
        </Card>
      ) : null}
    </>
  );
}

/** Before publishing, the returning officer sees who was elected and the count, stage by stage. */
function CertifiedResult({ electionId, motion }: { electionId: string; motion: boolean }) {
  const result = useLoad((signal) => api.get('/elections/{electionId}/result', { path: { electionId }, signal }), [electionId]);
  const r = result.data?.result as { candidates?: { id: string; name: string }[]; elected?: string[]; count?: { quota?: string; stages?: CountStage[]; carried?: boolean } | null } | undefined;
  if (result.loading) return <Loading />;
  if (!r) return <ErrorAlert error={result.error} />;
  const names = (r.candidates ?? []).map((c) => c.name);
  return (
    <div data-testid="certified-result">
      {motion ? (
        <p>Certified: the motion was {r.count?.carried ? 'carried' : 'not carried'} (not yet published).</p>
      ) : (
        <>
          <h3>Elected (certified, not yet published)</h3>
          <ol>{(r.elected ?? []).map((id) => <li key={id}>{r.candidates?.find((c) => c.id === id)?.name ?? id}</li>)}</ol>
          {r.count?.stages?.length ? <StageChart names={names} stages={r.count.stages} quota={r.count.quota ?? null} /> : null}
        </>
      )}
    </div>
  );
}
