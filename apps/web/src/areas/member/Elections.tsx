/**
 * Elections for members and delegates: open elections, nominations, casting a ballot (numbered
 * ranking for STV; slate with strike/add for block vote; choices; yes/no/abstain), the receipt,
 * checking it after the count, and the round-by-round result.
 */
import { useMemo, useState } from 'react';
import { api, idempotencyKey, type Get } from '../../api/client';
import { Link } from '../../app/router';
import { useMe } from '../../app/session';
import { date, dateTime, plural } from '../../ui/format';
import { useAction, useLoad } from '../../ui/hooks';
import { StageChart, TransferTable, TurnoutChart } from '../elections/ResultCharts';
import { useElectionMethods } from './election-methods';
import { Alert, Badge, Button, Card, EmptyState, ErrorAlert, Facts, Loading, PageHeader, SelectField, Table, TextArea, TextField } from '../../ui/kit';

export type Election = Get<'/elections'>[number];
export type ElectionDetail = Get<'/elections/{electionId}'>;
type Candidate = ElectionDetail['candidates'][number];

export const STATUS: Record<Election['status'], { label: string; kind: 'good' | 'bad' | 'neutral' | 'info' }> = {
  draft: { label: 'Being prepared', kind: 'neutral' },
  nominations: { label: 'Nominations open', kind: 'info' },
  voting: { label: 'Voting open', kind: 'good' },
  closed: { label: 'Closed, being counted', kind: 'neutral' },
  certified: { label: 'Certified', kind: 'neutral' },
  published: { label: 'Result published', kind: 'info' },
};
const ORDER: Election['status'][] = ['voting', 'nominations', 'published', 'certified', 'closed', 'draft'];

export function Elections() {
  const { me } = useMe();
  const list = useLoad((signal) => api.get('/elections', { signal }), []);
  const congressIds = useMemo(() => [...new Set((list.data ?? []).map((e) => e.congressId).filter((x): x is string => !!x))], [list.data]);
  const sorted = [...(list.data ?? [])].filter((e) => e.status !== 'draft').sort((a, b) => ORDER.indexOf(a.status) - ORDER.indexOf(b.status) || b.createdAt.localeCompare(a.createdAt));
  return (
    <>
      <PageHeader title="Elections" intro="Every ballot is secret: who voted is kept apart from what was voted. You get a receipt to check your ballot was counted." />
      <ErrorAlert error={list.error} />
      {list.loading && !list.data ? <Loading /> : null}
      {congressIds.map((id) => (
        <DelegateCard key={id} congressId={id} memberId={me.memberId} />
      ))}
      {list.data && !sorted.length ? <EmptyState title="No elections at the moment">When nominations or voting open, you will be notified and they will appear here.</EmptyState> : null}
      {sorted.length ? (
        <Table
          caption="Elections"
          rows={sorted}
          rowKey={(e) => e.id}
          columns={[
            { header: 'Election', cell: (e) => <Link to={`/app/elections/${e.id}`}>{e.title}</Link> },
            { header: 'State', cell: (e) => <Badge kind={STATUS[e.status].kind}>{STATUS[e.status].label}</Badge> },
            { header: 'Who votes', cell: (e) => (e.scope.kind === 'congress' ? 'Congress delegates' : e.scope.kind === 'branch' ? 'A branch' : 'All members') },
            { header: 'Closes', cell: (e) => (e.status === 'voting' ? dateTime(e.votingClosesAt) : '—') },
          ]}
        />
      ) : null}
    </>
  );
}

function DelegateCard({ congressId, memberId }: { congressId: string; memberId: string | null }) {
  const congress = useLoad((signal) => api.get('/congresses/{congressId}', { path: { congressId }, signal }).catch(() => null), [congressId]);
  const credential = useAction(() => api.post('/congresses/{congressId}/credential', { path: { congressId } }));
  const c = congress.data;
  if (!c) return null;
  const mine = c.delegates.find((d) => d.memberId === memberId);
  return (
    <Card title={`Congress: ${c.title}`}>
      <p>
        Opens {date(c.opensOn)} · {plural(c.delegateSeats, 'delegate seat')} · {c.accredited} accredited, quorum {c.quorum} {c.quorate ? <Badge kind="good">Quorate</Badge> : <Badge>Not yet quorate</Badge>}
      </p>
      {mine ? (
        <>
          <p>
            <strong>You are a delegate.</strong> {mine.accreditedAt ? `You were accredited ${dateTime(mine.accreditedAt)}: you can vote in the congress ballots below.` : 'Present your credential to the returning officer to be accredited; then you can vote in congress ballots.'}
          </p>
          <ErrorAlert error={credential.error} />
          {credential.result ? (
            <Alert kind="success" title="Your credential" live>
              <p>
                <span className="receipt" data-testid="credential-code">{credential.result.credentialCode}</span>
              </p>
              <p>It is shown only once. Asking again replaces it.</p>
            </Alert>
          ) : !mine.accreditedAt ? (
            <Button variant="secondary" busy={credential.busy} onClick={() => credential.run()}>
              {mine.hasCredential ? 'Issue a new credential' : 'Get my credential'}
            </Button>
          ) : null}
        </>
      ) : null}
    </Card>
  );
}

export function ElectionPage({ id }: { id: string }) {
  const e = useLoad((signal) => api.get('/elections/{electionId}', { path: { electionId: id }, signal }), [id]);
  const methods = useElectionMethods();
  if ((e.loading && !e.data) || !methods.ready) return <><PageHeader title="Election" /><Loading /></>;
  if (!e.data) return <><PageHeader title="Election" /><ErrorAlert error={e.error} /></>;
  const d = e.data;
  return (
    <>
      <PageHeader title={d.title} intro={methods.label(d.method)}>
        <p>
          <Badge kind={STATUS[d.status].kind}>{STATUS[d.status].label}</Badge> <Link to="/app/elections">All elections</Link>
        </p>
      </PageHeader>
      <Card title="About this election">
        <Facts
          items={[
            ['Seats', d.purpose === 'motion' ? '—' : d.seats],
            ['Who votes', d.scope.kind === 'congress' ? 'Accredited congress delegates' : d.scope.kind === 'branch' ? 'Members of one branch' : 'All members in good standing'],
            ['Electorate', plural(d.electorateSize, 'voter')],
            ['Voting closes', d.votingClosesAt ? dateTime(d.votingClosesAt) : '—'],
            ...(d.motionText ? [['Motion', d.motionText] as [string, string]] : []),
          ]}
        />
      </Card>
      {d.status === 'nominations' ? <Nominations election={d} onChanged={e.reload} /> : null}
      {d.status === 'voting' ? <Ballot election={d} /> : null}
      {d.status === 'closed' || d.status === 'certified' ? <Alert kind="info" title="Voting has closed">The result will appear here when the returning officer publishes it.</Alert> : null}
      {d.status === 'published' ? <Result election={d} /> : null}
    </>
  );
}

function Nominations({ election, onChanged }: { election: ElectionDetail; onChanged: () => void }) {
  const { me } = useMe();
  const [statement, setStatement] = useState('');
  const [slate, setSlate] = useState('');
  const [newSlate, setNewSlate] = useState('');
  const stand = useAction(async () => {
    const slateId = slate === 'new' ? (await api.post('/slates', { body: { name: newSlate.trim() } })).id : slate;
    return api.post('/elections/{electionId}/nominations', { path: { electionId: election.id }, body: { ...(statement.trim() ? { statement: statement.trim() } : {}), ...(slateId ? { slateId } : {}) } });
  });
  const second = useAction((candidateId: string) => api.post('/elections/{electionId}/candidates/{candidateId}/nominators', { path: { electionId: election.id, candidateId } }));
  const withdraw = useAction((candidateId: string) => api.post('/elections/{electionId}/candidates/{candidateId}/withdraw', { path: { electionId: election.id, candidateId } }));
  const mine = election.candidates.find((c) => c.memberId === me.memberId && c.status !== 'withdrawn');
  const active = election.candidates.filter((c) => c.status !== 'withdrawn');
  return (
    <Card title="Nominations">
      <p className="muted">
        A candidate nominates themself and needs {plural(election.nominatorsRequired, 'member')} to support the nomination.
        {election.acclamationPossibleFrom ? ` If there are no more candidates than seats, they may be declared elected without a vote, but not before ${dateTime(election.acclamationPossibleFrom)}.` : ''}
      </p>
      <ErrorAlert error={stand.error ?? second.error ?? withdraw.error} />
      {second.result ? <Alert kind="success" live>Your support for {second.result.name} has been recorded.</Alert> : null}
      {active.length ? (
        <Table
          caption="Candidates"
          rows={active}
          rowKey={(c) => c.id}
          columns={[
            { header: 'Candidate', cell: (c) => c.name },
            { header: 'Statement', cell: (c) => c.statement ?? '—' },
            { header: 'Nominators', num: true, cell: (c) => `${c.nominatorCount} / ${election.nominatorsRequired}` },
            { header: 'State', cell: (c) => (c.status === 'nominated' ? <Badge kind="good">Validly nominated</Badge> : <Badge>Needs nominators</Badge>) },
            {
              header: 'Action',
              cell: (c) =>
                c.memberId === me.memberId ? (
                  <Button small variant="ghost" busy={withdraw.busy} onClick={async () => (await withdraw.run(c.id)) && onChanged()}>Withdraw</Button>
                ) : (
                  <Button small variant="secondary" busy={second.busy} onClick={async () => (await second.run(c.id)) && onChanged()}>Support<span className="visually-hidden"> {c.name}</span></Button>
                ),
            },
          ]}
        />
      ) : (
        <EmptyState title="No candidates yet" />
      )}
      {!mine ? (
        <form noValidate onSubmit={async (ev) => { ev.preventDefault(); if (await stand.run()) onChanged(); }}>
          <h3>Stand as a candidate</h3>
          <TextArea label="Your statement (optional)" rows={3} value={statement} onChange={(ev) => setStatement(ev.target.value)} />
          {election.method === 'block-vote' ? (
            <>
              <SelectField label="Stand on a slate (optional)" hint="A slate is a named list voters may take as it is, or change. Commission and appeals seats are never on a slate with other bodies' seats." value={slate} onChange={(ev) => setSlate(ev.target.value)}>
                <option value="">No slate</option>
                {election.slates.map((s) => <option key={s.id} value={s.id}>{s.name}</option>)}
                <option value="new">A new slate…</option>
              </SelectField>
              {slate === 'new' ? <TextField label="Name of the new slate" value={newSlate} onChange={(ev) => setNewSlate(ev.target.value)} /> : null}
            </>
          ) : null}
          <Button type="submit" busy={stand.busy}>Nominate myself</Button>
        </form>
      ) : null}
    </Card>
  );
}

type Cast = Parameters<typeof api.post<'/elections/{electionId}/ballots'>>[1]['body'];

function Ballot({ election }: { election: ElectionDetail }) {
  const methods = useElectionMethods();
  const candidates = election.candidates.filter((c) => c.status === 'nominated').sort((a, b) => (a.ballotNumber ?? 0) - (b.ballotNumber ?? 0));
  const [key] = useState(idempotencyKey);
  const [review, setReview] = useState<{ body: Cast; summary: string[] } | null>(null);
  const cast = useAction((body: Cast) => api.post('/elections/{electionId}/ballots', { path: { electionId: election.id }, body, headers: { 'Idempotency-Key': key } }));
  if (cast.result) return <Receipt receipt={cast.result.receiptCode} />;
  return (
    <Card title="Your ballot">
      <ErrorAlert error={cast.error} title="Your ballot was not cast" />
      {election.ballotOrderSeed && candidates.length > 1 ? (
        <p className="muted" data-testid="ballot-order">
          The candidates are listed in an order drawn by lot for this election, not alphabetically (seed <code>{election.ballotOrderSeed}</code>, published so
          anyone can check it).
        </p>
      ) : null}
      {review ? (
        <div>
          <h3>Check your ballot</h3>
          <ol>
            {review.summary.map((s, i) => <li key={i}>{s}</li>)}
          </ol>
          {!review.summary.length ? <p>You are casting an empty ballot.</p> : null}
          <p className="muted">Once cast, a ballot cannot be changed. Nobody can see how you voted.</p>
          <div className="form-actions">
            <Button busy={cast.busy} onClick={() => cast.run(review.body)}>Cast my ballot</Button>
            <Button variant="ghost" onClick={() => setReview(null)}>Change it</Button>
          </div>
        </div>
      ) : methods.ranked(election.method) ? (
        <StvBallot candidates={candidates} seats={election.seats} onReview={setReview} />
      ) : election.method === 'motion' ? (
        <MotionBallot onReview={setReview} />
      ) : election.method === 'block-vote' ? (
        <SlateBallot candidates={candidates} election={election} onReview={setReview} />
      ) : (
        <ChoiceBallot candidates={candidates} max={election.method === 'plurality' ? 1 : election.method === 'approval' ? candidates.length : election.seats} onReview={setReview} />
      )}
    </Card>
  );
}

type Review = (r: { body: Cast; summary: string[] }) => void;

/** Numbered ranking, as on a paper STV ballot: 1 for your first choice, 2 for the next, and so on. */
export function StvBallot({ candidates, seats, onReview }: { candidates: Candidate[]; seats: number; onReview: Review }) {
  const [numbers, setNumbers] = useState<Record<string, string>>({});
  const [error, setError] = useState<string>();
  const [dragging, setDragging] = useState<string | null>(null);
  const ranked = candidates.filter((c) => numbers[c.id]).sort((a, b) => Number(numbers[a.id]) - Number(numbers[b.id]));
  /** Moves a ranked candidate to position `to` and renumbers 1, 2, 3… (drag-and-drop and the arrow buttons). */
  const move = (id: string, to: number) => {
    const order = ranked.map((c) => c.id).filter((x) => x !== id);
    if (!ranked.some((c) => c.id === id)) return;
    order.splice(Math.max(0, Math.min(to, order.length)), 0, id);
    setNumbers(Object.fromEntries(order.map((x, i) => [x, String(i + 1)])));
  };
  const submit = () => {
    const used = ranked.map((c) => Number(numbers[c.id]));
    if (!used.length) return setError('Number at least one candidate: 1 for your first choice.');
    for (let i = 0; i < used.length; i++) if (used[i] !== i + 1) return setError(`Use each number once, without gaps: ${used.includes(i + 1) ? `${i + 1} is used twice` : `${i + 1} is missing`}.`);
    setError(undefined);
    onReview({ body: { ranking: ranked.map((c) => c.id) }, summary: ranked.map((c) => `${numbers[c.id]}. ${c.name}`) });
  };
  return (
    <form noValidate onSubmit={(e) => { e.preventDefault(); submit(); }}>
      <p>
        {plural(seats, 'seat')} to fill. Put <strong>1</strong> next to your first choice, <strong>2</strong> next to your second, and so on. Number as many or
        as few as you like; your vote moves to your next choice if your first is elected with votes to spare or is eliminated.
      </p>
      {error ? <Alert kind="error">{error}</Alert> : null}
      <ol className="rank-list" aria-label="Candidates">
        {candidates.map((c) => (
          <li className="rank-item" key={c.id}>
            <select className="rank-number" id={`rank-${c.id}`} aria-label={`Your number for ${c.name}`} value={numbers[c.id] ?? ''} onChange={(e) => setNumbers({ ...numbers, [c.id]: e.target.value })}>
              <option value="">—</option>
              {candidates.map((_, i) => <option key={i} value={String(i + 1)}>{i + 1}</option>)}
            </select>
            <label className="rank-name" htmlFor={`rank-${c.id}`}>{c.name}</label>
            {c.statement ? <span className="muted">{c.statement}</span> : null}
          </li>
        ))}
      </ol>
      {ranked.length ? <p className="muted" aria-live="polite">Your order: {ranked.map((c) => c.name).join(' → ')}</p> : null}
      {ranked.length > 1 ? (
        <details>
          <summary>Reorder by dragging, or with the arrows</summary>
          <ol className="rank-list" aria-label="Your order">
            {ranked.map((c, i) => (
              <li
                key={c.id}
                className={`rank-item${dragging === c.id ? ' dragging' : ''}`}
                draggable
                onDragStart={(e) => { setDragging(c.id); e.dataTransfer.setData('text/plain', c.id); e.dataTransfer.effectAllowed = 'move'; }}
                onDragEnd={() => setDragging(null)}
                onDragOver={(e) => e.preventDefault()}
                onDrop={(e) => { e.preventDefault(); move(e.dataTransfer.getData('text/plain'), i); setDragging(null); }}
              >
                <span className="rank-number">{i + 1}.</span>
                <span className="rank-name">{c.name}</span>
                <Button small variant="ghost" aria-label={`Move ${c.name} up`} disabled={i === 0} onClick={() => move(c.id, i - 1)}>↑</Button>
                <Button small variant="ghost" aria-label={`Move ${c.name} down`} disabled={i === ranked.length - 1} onClick={() => move(c.id, i + 1)}>↓</Button>
              </li>
            ))}
          </ol>
        </details>
      ) : null}
      <Button type="submit">Review my ballot</Button>
    </form>
  );
}

function ChoiceBallot({ candidates, max, onReview }: { candidates: Candidate[]; max: number; onReview: Review }) {
  const [chosen, setChosen] = useState<string[]>([]);
  const [error, setError] = useState<string>();
  const one = max === 1;
  return (
    <form noValidate onSubmit={(e) => { e.preventDefault(); if (chosen.length > max) return setError(`Choose at most ${max}.`); setError(undefined); onReview({ body: { choices: chosen }, summary: candidates.filter((c) => chosen.includes(c.id)).map((c) => c.name) }); }}>
      <fieldset>
        <legend>{one ? 'Choose one candidate' : `Choose up to ${max}`}</legend>
        {error ? <span className="field-error">{error}</span> : null}
        {candidates.map((c) => (
          <div className="choice" key={c.id}>
            <input type={one ? 'radio' : 'checkbox'} name="choice" id={`c-${c.id}`} checked={chosen.includes(c.id)} onChange={(e) => setChosen(one ? [c.id] : e.target.checked ? [...chosen, c.id] : chosen.filter((x) => x !== c.id))} />
            <label htmlFor={`c-${c.id}`}>{c.name}</label>
          </div>
        ))}
      </fieldset>
      <Button type="submit">Review my ballot</Button>
    </form>
  );
}

function MotionBallot({ onReview }: { onReview: Review }) {
  const [answer, setAnswer] = useState<'yes' | 'no' | 'abstain' | ''>('');
  const [error, setError] = useState<string>();
  return (
    <form noValidate onSubmit={(e) => { e.preventDefault(); if (!answer) return setError('Choose yes, no or abstain.'); onReview({ body: { answer }, summary: [answer === 'yes' ? 'Yes, for the motion' : answer === 'no' ? 'No, against the motion' : 'Abstain'] }); }}>
      <fieldset>
        <legend>Your vote on the motion</legend>
        {error ? <span className="field-error">{error}</span> : null}
        {(['yes', 'no', 'abstain'] as const).map((a) => (
          <div className="choice" key={a}>
            <input type="radio" name="answer" id={`a-${a}`} checked={answer === a} onChange={() => setAnswer(a)} />
            <label htmlFor={`a-${a}`}>{a === 'yes' ? 'Yes' : a === 'no' ? 'No' : 'Abstain'}</label>
          </div>
        ))}
      </fieldset>
      <Button type="submit">Review my ballot</Button>
    </form>
  );
}

/** Block vote: take a slate, strike names from it, add others (panachage) — or choose individuals. */
export function SlateBallot({ candidates, election, onReview }: { candidates: Candidate[]; election: ElectionDetail; onReview: Review }) {
  const [slate, setSlate] = useState('');
  const [chosen, setChosen] = useState<string[]>([]);
  const [error, setError] = useState<string>();
  const slateMembers = election.slates.find((s) => s.id === slate)?.candidateIds.filter((id) => candidates.some((c) => c.id === id)) ?? [];
  const pickSlate = (id: string) => {
    setSlate(id);
    setChosen(election.slates.find((s) => s.id === id)?.candidateIds.filter((x) => candidates.some((c) => c.id === x)) ?? []);
  };
  const struck = slateMembers.filter((id) => !chosen.includes(id));
  const added = chosen.filter((id) => !slateMembers.includes(id));
  const name = (id: string) => candidates.find((c) => c.id === id)?.name ?? id;
  return (
    <form
      noValidate
      onSubmit={(e) => {
        e.preventDefault();
        if (chosen.length > election.seats) return setError(`You have ${chosen.length} names for ${election.seats} seats: strike ${chosen.length - election.seats}.`);
        setError(undefined);
        onReview(
          slate
            ? { body: { slate, struck, added }, summary: [`Slate: ${election.slates.find((s) => s.id === slate)?.name}`, ...struck.map((id) => `Struck: ${name(id)}`), ...added.map((id) => `Added: ${name(id)}`)] }
            : { body: { choices: chosen }, summary: chosen.map(name) },
        );
      }}
    >
      <fieldset>
        <legend>1. Take a slate, or choose individuals</legend>
        <div className="choice">
          <input type="radio" name="slate" id="slate-none" checked={!slate} onChange={() => { setSlate(''); setChosen([]); }} />
          <label htmlFor="slate-none">No slate: I choose individuals</label>
        </div>
        {election.slates.map((s) => (
          <div className="choice" key={s.id}>
            <input type="radio" name="slate" id={`slate-${s.id}`} checked={slate === s.id} onChange={() => pickSlate(s.id)} />
            <label htmlFor={`slate-${s.id}`}>{s.name} <span className="hint">{s.candidateIds.map(name).join(', ')}</span></label>
          </div>
        ))}
      </fieldset>
      <fieldset>
        <legend>2. Your names ({chosen.length} of {election.seats} seats)</legend>
        <p className="hint">{slate ? 'Untick a slate name to strike it; tick another candidate to add them.' : `Tick up to ${election.seats}.`}</p>
        {error ? <span className="field-error" role="alert">{error}</span> : null}
        {candidates.map((c) => {
          const on = chosen.includes(c.id);
          const isStruck = slate && slateMembers.includes(c.id) && !on;
          const isAdded = slate && !slateMembers.includes(c.id) && on;
          return (
            <div className="choice" key={c.id}>
              <input type="checkbox" id={`b-${c.id}`} checked={on} onChange={(e) => setChosen(e.target.checked ? [...chosen, c.id] : chosen.filter((x) => x !== c.id))} />
              <label htmlFor={`b-${c.id}`} className={isStruck ? 'struck' : undefined}>
                {c.name} {isStruck ? <Badge kind="bad">struck</Badge> : null}
                {isAdded ? <Badge kind="info">added</Badge> : null}
              </label>
            </div>
          );
        })}
      </fieldset>
      <Button type="submit">Review my ballot</Button>
    </form>
  );
}

function Receipt({ receipt }: { receipt: string }) {
  const [copied, setCopied] = useState(false);
  return (
    <Alert kind="success" title="Your ballot has been cast" live>
      <p>Your receipt code:</p>
      <p>
        <span className="receipt" data-testid="receipt-code">{receipt}</span>
      </p>
      <p>
        Keep it somewhere safe. After the count, the anonymised ballots are published, and apart from them the list of receipt codes: find yours to check your
        ballot was counted. Nothing links a code to a ballot, so nobody (not even you) can prove how you voted. The code is not stored with your name — if you lose it, nobody can give it back.
      </p>
      <Button
        small
        variant="secondary"
        onClick={async () => {
          try {
            await navigator.clipboard.writeText(receipt);
            setCopied(true);
          } catch {
            setCopied(false);
          }
        }}
      >
        {copied ? 'Copied' : 'Copy the code'}
      </Button>
    </Alert>
  );
}

/** The free-form `result` of GET /elections/:id/result, read defensively. */
interface Stage {
  totals: string[];
  elected: number[];
  excluded: number[];
  nonTransferable?: string;
  action?: { kind: string; candidate?: number };
}
const asArray = <T,>(v: unknown): T[] => (Array.isArray(v) ? (v as T[]) : []);

function Result({ election }: { election: ElectionDetail }) {
  const methods = useElectionMethods();
  const result = useLoad((signal) => api.get('/elections/{electionId}/result', { path: { electionId: election.id }, signal }), [election.id]);
  const ballots = useLoad((signal) => api.get('/elections/{electionId}/ballots', { path: { electionId: election.id }, signal }).catch(() => null), [election.id]);
  const r = result.data?.result as Record<string, unknown> | undefined;
  const count = (r?.count ?? null) as Record<string, unknown> | null;
  const names = asArray<{ id: string; name: string; number: number }>(r?.candidates);
  const elected = asArray<string>(r?.elected);
  const stages = asArray<Stage>(count?.stages);
  const motion = election.method === 'motion';
  const optionNames = motion ? ['Yes', 'No', 'Abstain'] : names.map((c) => c.name);
  const blt = useAction(async () => {
    const text = await api.download('/elections/{electionId}/ballots.blt', { path: { electionId: election.id } });
    const url = URL.createObjectURL(new Blob([text], { type: 'text/plain' }));
    const a = document.createElement('a');
    a.href = url;
    a.download = `${election.title.replace(/[^\w-]+/g, '-')}.blt`;
    a.click();
    setTimeout(() => URL.revokeObjectURL(url), 1000);
  });
  return (
    <>
      <ErrorAlert error={result.error} />
      {r ? (
        <Card title="Result">
          {motion ? (
            <p className="stat">{(count as { carried?: boolean } | null)?.carried ? 'Carried' : 'Not carried'}</p>
          ) : (
            <>
              <h3>Elected, in order</h3>
              <ol>{elected.map((id) => <li key={id}>{names.find((c) => c.id === id)?.name ?? id}</li>)}</ol>
            </>
          )}
          <Facts
            items={[
              ['Voted', `${r.participation as number} of ${r.electorateSize as number}`],
              ['Ballots counted', r.ballotsCounted as number],
              ...(count?.quota ? [['Quota', String(count.quota)] as [string, string]] : []),
              ...(r.acclaimed ? [['Acclaimed', 'Yes, no ballot was needed'] as [string, string]] : []),
              ['Ballot list fingerprint', <code key="h" style={{ overflowWrap: 'anywhere' }}>{String(r.ballotsHash ?? '—')}</code>],
            ]}
          />
        </Card>
      ) : result.loading ? <Loading /> : null}
      {stages.length && !motion ? (
        <Card title="Stage by stage">
          <StageChart names={optionNames} stages={stages} quota={count?.quota ? String(count.quota) : null} />
          <TransferTable names={optionNames} stages={stages} />
        </Card>
      ) : null}
      {result.data?.turnoutByBranch?.length ? (
        <Card title="Turnout per branch">
          <TurnoutChart rows={result.data.turnoutByBranch} />
        </Card>
      ) : null}
      {stages.length ? (
        <div className="table-wrap">
          <table>
            <caption>Round by round</caption>
            <thead>
              <tr>
                <th scope="col">Candidate</th>
                {stages.map((_, i) => <th scope="col" className="num" key={i}>Stage {i + 1}</th>)}
              </tr>
            </thead>
            <tbody>
              {optionNames.map((n, ci) => (
                <tr key={ci}>
                  <th scope="row">{n}</th>
                  {stages.map((s, si) => (
                    <td className="num" key={si}>
                      {s.totals[ci] ?? ''}
                      {s.elected.includes(ci) ? <> <Badge kind="good">elected</Badge></> : null}
                      {s.excluded.includes(ci) ? <> <Badge>excluded</Badge></> : null}
                    </td>
                  ))}
                </tr>
              ))}
              {stages.some((s) => s.nonTransferable !== undefined) ? (
                <tr>
                  <th scope="row">Non-transferable</th>
                  {stages.map((s, si) => <td className="num" key={si}>{s.nonTransferable ?? ''}</td>)}
                </tr>
              ) : null}
            </tbody>
          </table>
        </div>
      ) : null}
      <ReceiptCheckCard electionId={election.id} />
      {ballots.data ? (
        <Card title="Published ballots">
          {ballots.data.individualBallotsPublished ? (
            <p>
              {plural(ballots.data.ballots.length, 'ballot')} published in random order, so anyone can recount them; the receipt codes are published apart, sorted, with nothing linking a code to a ballot.{' '}
              {methods.ranked(election.method) ? <Button small variant="secondary" busy={blt.busy} onClick={() => blt.run()}>Download the BLT file</Button> : null}
            </p>
          ) : (
            <p>Individual ballots are not published: fewer than {ballots.data.minimumPublishedElectorate} people could vote, and a full ranking could identify a voter.</p>
          )}
          <ErrorAlert error={blt.error} />
        </Card>
      ) : null}
    </>
  );
}

export function ReceiptCheckCard({ electionId }: { electionId: string }) {
  const [code, setCode] = useState('');
  const [err, setErr] = useState<string>();
  const check = useAction(() => api.get('/elections/{electionId}/receipts/{receiptCode}', { path: { electionId, receiptCode: code.trim() } }));
  return (
    <Card title="Check your receipt">
      <form noValidate onSubmit={(e) => { e.preventDefault(); if (!code.trim()) return setErr('Type or paste your receipt code.'); setErr(undefined); void check.run(); }}>
        <TextField label="Receipt code" value={code} onChange={(e) => { setCode(e.target.value); check.setResult(undefined); }} error={err} autoComplete="off" spellCheck={false} />
        <Button type="submit" variant="secondary" busy={check.busy}>Check</Button>
      </form>
      <ErrorAlert error={check.error} />
      {check.result ? (
        check.result.counted ? (
          <Alert kind="success" title="Counted" live>A ballot with receipt {check.result.receiptCode} is in the published list and was counted.</Alert>
        ) : (
          <Alert kind="warning" title="Not found" live>No published ballot has this receipt. Check the code; if it is right, tell the returning officer.</Alert>
        )
      ) : null}
    </Card>
  );
}

export function ReceiptCheck() {
  return <Elections />;
}

