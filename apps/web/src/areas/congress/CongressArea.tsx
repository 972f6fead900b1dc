/**
 * Congress: the delegates' screen (agenda and reports, motions with their amendments shown as
 * diffs, the speakers' lists, the vote open now) and the projector view, both following the
 * floor live (server-sent events): each counted vote, each speaker called, each outcome.
 */
import { useEffect, useState, type FormEvent } from 'react';
import { api, type Get } from '../../api/client';
import { Link, matchPath } from '../../app/router';
import { dateTime } from '../../ui/format';
import { useAction, useLoad } from '../../ui/hooks';
import { Alert, Badge, Button, Card, EmptyState, ErrorAlert, Loading, PageHeader, SelectField, TextArea, TextField } from '../../ui/kit';
import { Composites } from './Composites';
import { SpeakingClock } from './SpeakingClock';
import { useFloorEvents, type FloorEvent } from './live';
import BulletinScreen from './BulletinScreen';

type Floor = Get<'/congresses/{congressId}/floor'>;
type Motion = Get<'/congresses/{congressId}/motions'>[number];
type Speakers = Get<'/agenda-items/{agendaItemId}/speakers'>;

export default function CongressArea({ path }: { path: string }) {
  const projector = matchPath('/app/congress/:id/projector', path);
  if (projector) return <Projector congressId={projector.id} />;
  const bulletin = matchPath('/app/congress/:id/bulletin', path);
  if (bulletin) return <BulletinScreen congressId={bulletin.id} />;
  const m = matchPath('/app/congress/:id', path);
  if (m) return <DelegateScreen congressId={m.id} />;
  return <Congresses />;
}

function Congresses() {
  const list = useLoad((signal) => api.get('/elections', { signal }), []);
  const ids = [...new Set((list.data ?? []).map((e) => e.congressId).filter((x): x is string => !!x))];
  return (
    <>
      <PageHeader title="Congress" intro="The floor of each congress: agenda, motions, speakers and votes." />
      <ErrorAlert error={list.error} />
      {list.loading && !list.data ? <Loading /> : null}
      {list.data && !ids.length ? <EmptyState title="No congress yet" /> : null}
      <ul>
        {ids.map((id) => (
          <li key={id}>
            <Link to={`/app/congress/${id}`}>Congress floor</Link> · <Link to={`/app/congress/${id}/projector`}>Projector</Link>
            {' · '}<Link to={`/app/congress/${id}/bulletin`}>Discussion bulletin</Link>
          </li>
        ))}
      </ul>
    </>
  );
}

/** Everything a floor screen shows, reloaded on every event. */
function useFloor(congressId: string) {
  const floor = useLoad((signal) => api.get('/congresses/{congressId}/floor', { path: { congressId }, signal }), [congressId]);
  const motions = useLoad((signal) => api.get('/congresses/{congressId}/motions', { path: { congressId }, signal }), [congressId]);
  const [speakers, setSpeakers] = useState<Record<string, Speakers>>({});
  const [tally, setTally] = useState<FloorEvent['tally'] | null>(null);
  const loadSpeakers = async (items: Floor['agenda']) => {
    const out: Record<string, Speakers> = {};
    for (const i of items) out[i.id] = await api.get('/agenda-items/{agendaItemId}/speakers', { path: { agendaItemId: i.id } });
    setSpeakers(out);
  };
  useEffect(() => {
    if (floor.data) void loadSpeakers(floor.data.agenda).catch(() => undefined);
  }, [floor.data]);
  useFloorEvents(congressId, (e) => {
    if (e?.type === 'vote' && e.tally) setTally(e.tally);
    if (!e || e.type === 'motion' || e.type === 'amendment' || e.type === 'vote' || e.type === 'composite') motions.reload();
    if (!e || e.type === 'agenda') floor.reload();
    if (e?.type === 'speakers' && floor.data) void loadSpeakers(floor.data.agenda).catch(() => undefined);
  });
  const openVote = (motions.data ?? []).flatMap((m) => m.votes.map((v) => ({ motion: m, vote: v }))).find((x) => x.vote.closedAt === null) ?? null;
  return { floor, motions, speakers, tally, openVote, reloadSpeakers: () => floor.data && loadSpeakers(floor.data.agenda) };
}

const STAGE: Record<string, 'good' | 'bad' | 'neutral' | 'info'> = { carried: 'good', lost: 'bad', refused: 'bad', withdrawn: 'neutral', referred: 'neutral', voting: 'info', debated: 'info', admitted: 'neutral', submitted: 'neutral', composited: 'neutral', 'awaiting-acceptance': 'info', 'not-accepted': 'bad' };

/** What a vote decides, in words: an amendment, the motion, or accepting an emergency motion onto the agenda. */
const voteSubject = (m: Motion, v: Motion['votes'][number]) =>
  v.acceptance ? `accepting emergency motion ${m.number} onto the agenda` : `${v.amendmentId ? `amendment ${m.amendments.find((a) => a.id === v.amendmentId)?.number} to ` : ''}motion ${m.number}`;

function MotionCard({ m }: { m: Motion }) {
  return (
    <Card title={`Motion ${m.number}: ${m.title}`} headingLevel={3}>
      <p>
        <Badge kind={STAGE[m.stage] ?? 'neutral'}>{m.stage}</Badge> · from {m.submitter.kind}
        {m.emergencyReason !== null ? (
          <>
            {' '}
            <Badge kind="info">emergency motion</Badge>
          </>
        ) : null}
        {m.secondersMissing ? ` · ${m.secondersMissing} seconder(s) missing` : ''}
      </p>
      {m.compositeOf ? <p>Composite of {m.compositeOf.map((o) => `motion ${o.number} (${o.submitter.kind})`).join(', ')}, with each mover's consent.</p> : null}
      {m.compositedInto ? <p>Composited, with its mover's consent, into motion {m.compositedInto.slice(0, 8)}.</p> : null}
      {m.emergencyReason !== null ? <p aria-label={`Why motion ${m.number} is an emergency motion`}>Submitted after the deadline because: {m.emergencyReason}</p> : null}
      {m.admissionReason ? <p aria-label={`Why motion ${m.number} was admitted`}>Admitted by the standing orders committee: {m.admissionReason}</p> : null}
      {m.stage === 'awaiting-acceptance' ? <Alert kind="info" title="Waiting for the congress">The congress votes on accepting this emergency motion onto its agenda before it is debated.</Alert> : null}
      {m.stage === 'not-accepted' ? <Alert kind="warning" title="Not accepted">The congress voted not to accept this emergency motion onto its agenda.</Alert> : null}
      {m.refusalReason ? <Alert kind="warning" title="Refused by the standing orders committee">{m.refusalReason}</Alert> : null}
      <ol className="motion-lines" aria-label={`Text of motion ${m.number}`}>
        {m.text.split('\n').map((l, i) => (
          <li key={i}>{l}</li>
        ))}
      </ol>
      {m.amendments.map((a) => (
        <div key={a.id} className="amendment" data-amendment={a.number}>
          <p>
            <strong>Amendment {a.number}</strong>
            {a.amends ? ` to amendment ${m.amendments.find((x) => x.id === a.amends)?.number}` : ''} (lines {a.fromLine}–{a.toLine}
            {a.amends ? ' of that amendment' : ''}) <Badge kind={STAGE[a.stage] ?? 'neutral'}>{a.stage}</Badge>
          </p>
          <pre aria-label={`Amendment ${a.number} as a diff`}>
            {a.diff.map((d) => `${d.kind === 'removed' ? '−' : d.kind === 'added' ? '+' : ' '} ${d.text}`).join('\n')}
          </pre>
          {a.textAsAmended !== a.text ? (
            <>
              <p>Amendment {a.number} as amended:</p>
              <pre aria-label={`Amendment ${a.number} as amended`}>{a.textAsAmended}</pre>
            </>
          ) : null}
        </div>
      ))}
      {m.amendedText !== null ? (
        <>
          <h4>As adopted</h4>
          <pre aria-label={`Motion ${m.number} as amended`}>{m.amendedText}</pre>
        </>
      ) : null}
    </Card>
  );
}

function SpeakersList({ item, list, onAsk }: { item: Floor['agenda'][number]; list: Speakers | undefined; onAsk?: (listName: 'open' | 'reserved') => void }) {
  const [which, setWhich] = useState<'open' | 'reserved'>('open');
  return (
    <div className="speakers" aria-label={`Speakers: ${item.title}`}>
      {list?.speaking ? (
        <p>
          Speaking: <strong data-speaker={list.speaking.memberId}>{list.speaking.memberId.slice(0, 8)}</strong> ({list.speaking.list}
          {list.speaking.pointOfOrder ? ', point of order' : ''}) — <SpeakingClock key={list.speaking.id} secondsLeft={list.speaking.secondsLeft} /> left
        </p>
      ) : null}
      {list?.waiting.length ? (
        <ol aria-label="Waiting to speak">
          {list.waiting.map((s) => (
            <li key={s.id} data-speaker={s.memberId}>
              {s.memberId.slice(0, 8)} ({s.pointOfOrder ? 'point of order' : s.list}
              {s.firstTime ? ', first time' : ''})
            </li>
          ))}
        </ol>
      ) : (
        <p>Nobody waiting to speak.</p>
      )}
      {onAsk ? (
        <div className="row">
          {list?.alternation === 'alternate-lists' ? (
            <SelectField label="List" value={which} onChange={(e) => setWhich(e.target.value as 'open' | 'reserved')}>
              <option value="open">Open list</option>
              <option value="reserved">Reserved list</option>
            </SelectField>
          ) : null}
          <Button small onClick={() => onAsk(which)}>Ask to speak on {item.title}</Button>
        </div>
      ) : null}
    </div>
  );
}

function DelegateScreen({ congressId }: { congressId: string }) {
  const f = useFloor(congressId);
  const ask = useAction(async (agendaItemId: string, list: 'open' | 'reserved') => {
    await api.post('/agenda-items/{agendaItemId}/speakers', { path: { agendaItemId }, body: { list } });
    await f.reloadSpeakers();
  });
  const cast = useAction(async (voteId: string, answer: 'yes' | 'no' | 'abstain') => api.post('/floor-votes/{voteId}/cards', { path: { voteId }, body: { answer } }));
  if (f.floor.error) return <ErrorAlert error={f.floor.error} />;
  if (!f.floor.data) return <Loading />;
  const byItem = (id: string | null) => (f.motions.data ?? []).filter((m) => m.agendaItemId === id);
  return (
    <>
      <PageHeader title="Congress floor" intro={`Motions close ${dateTime(f.floor.data.standingOrders.motionDeadline)}; votes are ${f.floor.data.standingOrders.voting}.`}>
        <Link to={`/app/congress/${congressId}/projector`}>Projector view</Link>
        {' · '}<Link to={`/app/congress/${congressId}/bulletin`}>Discussion bulletin</Link>
      </PageHeader>
      <ErrorAlert error={ask.error ?? cast.error} />
      {f.openVote ? (
        <Card title={`Vote now: ${voteSubject(f.openVote.motion, f.openVote.vote)}`}>
          {cast.result?.voteId === f.openVote.vote.id ? (
            <Alert kind="success" live>Your vote is counted.</Alert>
          ) : (
            <div className="row">
              {(['yes', 'no', 'abstain'] as const).map((a) => (
                <Button key={a} busy={cast.busy} onClick={() => void cast.run(f.openVote!.vote.id, a)}>
                  {a === 'yes' ? 'For' : a === 'no' ? 'Against' : 'Abstain'}
                </Button>
              ))}
            </div>
          )}
        </Card>
      ) : null}
      <Composites congressId={congressId} version={f.motions.data} />
      {new Date(f.floor.data.standingOrders.motionDeadline).getTime() <= Date.now() ? <EmergencyMotion congressId={congressId} onSubmitted={f.motions.reload} /> : null}
      {f.floor.data.agenda.map((item) => (
        <Card key={item.id} title={`${item.position}. ${item.title}`}>
          <p>
            {dateTime(item.startsAt)} · {item.minutes} min{item.presentedBy ? ` · presented by ${item.presentedBy}` : ''}
          </p>
          {item.reportText ? (
            <details>
              <summary>Report</summary>
              <p>{item.reportText}</p>
            </details>
          ) : null}
          <SpeakersList item={item} list={f.speakers[item.id]} onAsk={(list) => void ask.run(item.id, list)} />
          {byItem(item.id).map((m) => (
            <MotionCard key={m.id} m={m} />
          ))}
        </Card>
      ))}
      {byItem(null).length ? (
        <Card title="Other motions">
          {byItem(null).map((m) => (
            <MotionCard key={m.id} m={m} />
          ))}
        </Card>
      ) : null}
    </>
  );
}

/**
 * After the deadline a member submits a motion only as an emergency motion, saying what happened
 * after the deadline; the standing orders committee then admits or refuses it (the server decides).
 */
function EmergencyMotion({ congressId, onSubmitted }: { congressId: string; onSubmitted: () => void }) {
  const [title, setTitle] = useState('');
  const [text, setText] = useState('');
  const [reason, setReason] = useState('');
  const submit = useAction(() => api.post('/congresses/{congressId}/motions', { path: { congressId }, body: { title, text, submitter: { kind: 'member' }, emergency: { reason } } }));
  const send = async (e: FormEvent) => {
    e.preventDefault();
    if (await submit.run()) {
      setTitle('');
      setText('');
      setReason('');
      onSubmitted();
    }
  };
  return (
    <Card title="Submit an emergency motion">
      <p>The deadline for motions has passed. A motion on something that happened after it can still be submitted as an emergency motion; the standing orders committee decides whether it is admitted, and publishes why.</p>
      <form onSubmit={(e) => void send(e)}>
        <TextField label="Title" value={title} onChange={(e) => setTitle(e.target.value)} required minLength={3} maxLength={200} />
        <TextArea label="Motion" value={text} onChange={(e) => setText(e.target.value)} rows={6} required />
        <TextArea label="Why it could not be submitted before the deadline" hint="What happened after the deadline, and when." value={reason} onChange={(e) => setReason(e.target.value)} rows={3} required minLength={10} />
        <ErrorAlert error={submit.error} />
        <Button type="submit" busy={submit.busy}>
          Submit emergency motion
        </Button>
      </form>
    </Card>
  );
}

function Projector({ congressId }: { congressId: string }) {
  const f = useFloor(congressId);
  if (f.floor.error) return <ErrorAlert error={f.floor.error} />;
  if (!f.floor.data) return <Loading />;
  const lastClosed = (f.motions.data ?? []).flatMap((m) => m.votes.map((v) => ({ m, v }))).filter((x) => x.v.closedAt).sort((a, b) => (b.v.closedAt as string).localeCompare(a.v.closedAt as string))[0];
  const live = f.openVote ? (f.tally && !f.tally.closed ? f.tally : { ...f.openVote.vote, voted: f.openVote.vote.voted ?? 0 }) : null;
  const speaking = f.floor.data.agenda.map((i) => ({ i, s: f.speakers[i.id] })).find((x) => x.s?.speaking || x.s?.waiting.length);
  return (
    <div className="projector" aria-label="Projector">
      <h1>Congress floor</h1>
      {f.openVote && live ? (
        <section aria-label="Vote in progress">
          <h2>
            Voting: {voteSubject(f.openVote.motion, f.openVote.vote)} — {f.openVote.motion.title}
          </h2>
          <p className="tally" data-voted={live.voted}>
            Voted {live.voted} of {live.electorate} · For {live.yes} · Against {live.no} · Abstain {live.abstain}
          </p>
        </section>
      ) : lastClosed ? (
        <section aria-label="Last result">
          <h2>
            Result:{' '}
            {lastClosed.v.acceptance
              ? `accepting emergency motion ${lastClosed.m.number} onto the agenda — ${lastClosed.v.carried ? 'ACCEPTED' : 'NOT ACCEPTED'}`
              : `${lastClosed.v.amendmentId ? 'amendment to ' : ''}motion ${lastClosed.m.number} — ${lastClosed.v.carried ? 'CARRIED' : 'LOST'}`}
          </h2>
          <p className="tally">For {lastClosed.v.yes} · Against {lastClosed.v.no} · Abstain {lastClosed.v.abstain}</p>
          <p>
            {lastClosed.v.byCard ? 'By card, every card published · ' : ''}
            {lastClosed.v.electorate} delegates present{lastClosed.v.quorum !== null ? ` · quorum ${lastClosed.v.quorum}` : ''}
          </p>
        </section>
      ) : (
        <p>No vote yet.</p>
      )}
      {speaking ? (
        <section aria-label="Speakers">
          <h2>{speaking.i.title}</h2>
          <SpeakersList item={speaking.i} list={speaking.s} />
        </section>
      ) : null}
    </div>
  );
}
