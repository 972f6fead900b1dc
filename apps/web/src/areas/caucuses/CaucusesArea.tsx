import { useState, type FormEvent } from 'react';
import { api } from '../../api/client';
import type { components } from '../../api/schema.gen';
import { Link, matchPath, navigate } from '../../app/router';
import { dateTime, plural } from '../../ui/format';
import { useAction, useLoad } from '../../ui/hooks';
import { Alert, Badge, Button, Card, EmptyState, ErrorAlert, Facts, Loading, PageHeader, TextArea, TextField } from '../../ui/kit';

type Caucus = components['schemas']['CaucusResponse'];
type Vote = components['schemas']['CaucusVoteResponse'];

/** Caucuses (one lazily loaded chunk): the list, and one caucus's page. */
export default function CaucusesArea({ path }: { path: string }) {
  const one = matchPath('/app/caucuses/:id', path);
  return one ? <CaucusPage id={one.id} /> : <CaucusList />;
}

/** A count as the person may know it: exact, or "fewer than N" — never who. */
const countWords = (c: Caucus): string => (c.count.exact != null ? plural(c.count.exact, "member") : `fewer than ${c.count.fewerThan ?? "a few"} members`);

function CaucusList() {
  const list = useLoad((signal) => api.get('/caucuses', { signal }), []);
  return (
    <>
      <PageHeader
        title="Caucuses"
        intro="Members can form a caucus — a tendency, an identity caucus, a survivors’ caucus — with a public name and purpose. Who belongs is shown only to the caucus’s own members: officers, staff and the executive see the name, purpose and count, never who. Only you can make you join or leave."
      />
      <ErrorAlert error={list.error} />
      {list.loading && !list.data ? <Loading /> : null}
      {list.data && !list.data.length ? <EmptyState title="No caucus yet">Propose one below: it forms when enough members sign.</EmptyState> : null}
      {list.data?.length ? (
        <ul className="stack" aria-label="Caucuses">
          {list.data.map((c) => (
            <li key={c.id}>
              <Card headingLevel={3} title={<Link to={`/app/caucuses/${c.id}`}>{c.name}</Link>}>
                <p>{c.purpose}</p>
                <p className="muted">
                  {c.stage === 'formed' ? <Badge kind="good">Formed</Badge> : <Badge kind="info">Forming: needs {c.threshold} signatures</Badge>} {countWords(c)}
                  {c.youBelong ? <> · <Badge kind="info">You belong</Badge></> : null}
                </p>
              </Card>
            </li>
          ))}
        </ul>
      ) : null}
      <Propose onProposed={(c) => navigate(`/app/caucuses/${c.id}`)} />
    </>
  );
}

function Propose({ onProposed }: { onProposed: (c: Caucus) => void }) {
  const [name, setName] = useState('');
  const [purpose, setPurpose] = useState('');
  const propose = useAction(() => api.post('/caucuses', { body: { name, purpose } }));
  const submit = async (e: FormEvent) => {
    e.preventDefault();
    const c = await propose.run();
    if (c) onProposed(c);
  };
  return (
    <Card title="Propose a caucus">
      <form onSubmit={submit}>
        <p>You sign its formation request first; it forms when the number of signatures the organization sets is reached. Its name and purpose are public, its members are not.</p>
        <ErrorAlert error={propose.error} />
        <TextField label="Name" value={name} onChange={(e) => setName(e.target.value)} maxLength={120} required />
        <TextArea label="Purpose" value={purpose} onChange={(e) => setPurpose(e.target.value)} maxLength={2000} required rows={3} />
        <Button type="submit" busy={propose.busy}>Propose and sign</Button>
      </form>
    </Card>
  );
}

function CaucusPage({ id }: { id: string }) {
  const caucus = useLoad((signal) => api.get('/caucuses/{caucusId}', { path: { caucusId: id }, signal }), [id]);
  const join = useAction(() => api.post('/caucuses/{caucusId}/join', { path: { caucusId: id } }));
  const leave = useAction(() => api.post('/caucuses/{caucusId}/leave', { path: { caucusId: id } }));
  const c = caucus.data;
  const act = async (a: typeof join) => {
    const next = await a.run();
    // A proposal whose last signatory withdraws lapses: back to the list.
    if (next && next.stage === 'forming' && next.count.exact === 0) navigate('/app/caucuses');
    else if (next) caucus.set(next);
  };
  return (
    <>
      <PageHeader title={c?.name ?? 'Caucus'} intro={c?.purpose}>
        <Link to="/app/caucuses">All caucuses</Link>
      </PageHeader>
      <ErrorAlert error={caucus.error} />
      {caucus.loading && !c ? <Loading /> : null}
      {c ? (
        <>
          <Facts
            items={[
              ['Stage', c.stage === 'formed' ? `Formed ${dateTime(c.formedAt)}` : `Forming: it forms at ${plural(c.threshold, 'signature')}`],
              ['Members', countWords(c)],
              ['You', c.youBelong ? (c.stage === 'formed' ? 'belong to it' : 'signed its formation request') : 'do not belong to it'],
            ]}
          />
          <ErrorAlert error={join.error ?? leave.error} />
          {c.youBelong ? (
            <Button variant="secondary" busy={leave.busy} onClick={() => act(leave)}>{c.stage === 'formed' ? 'Leave this caucus' : 'Withdraw my signature'}</Button>
          ) : (
            <Button busy={join.busy} onClick={() => act(join)}>{c.stage === 'formed' ? 'Join this caucus' : 'Sign the formation request'}</Button>
          )}
          {c.youBelong ? (
            <MembersOnly caucus={c} />
          ) : (
            <Alert kind="info" title="Who belongs is for its members only">
              Only the members of this caucus see who belongs to it, its discussion and its votes. No office gives access to them.
            </Alert>
          )}
        </>
      ) : null}
    </>
  );
}

function MembersOnly({ caucus }: { caucus: Caucus }) {
  const roster = useLoad((signal) => api.get('/caucuses/{caucusId}/roster', { path: { caucusId: caucus.id }, signal }), [caucus.id, caucus.count.exact]);
  return (
    <>
      <h2>Who belongs</h2>
      <ErrorAlert error={roster.error} />
      {roster.data ? (
        <ul aria-label="Roster">
          {roster.data.members.map((m) => (
            <li key={m.memberId}>
              {m.name}
              {m.current ? null : <span className="muted"> (no longer a member of the organization)</span>}
            </li>
          ))}
        </ul>
      ) : null}
      {caucus.stage === 'formed' ? (
        <>
          <Discussion caucusId={caucus.id} />
          <Votes caucusId={caucus.id} />
        </>
      ) : (
        <p className="muted">The discussion and votes open once the caucus has formed.</p>
      )}
    </>
  );
}

function Discussion({ caucusId }: { caucusId: string }) {
  const posts = useLoad((signal) => api.get('/caucuses/{caucusId}/posts', { path: { caucusId }, signal }), [caucusId]);
  const [body, setBody] = useState('');
  const post = useAction(() => api.post('/caucuses/{caucusId}/posts', { path: { caucusId }, body: { body } }));
  const submit = async (e: FormEvent) => {
    e.preventDefault();
    if (await post.run()) {
      setBody('');
      posts.reload();
    }
  };
  return (
    <section aria-labelledby="discussion">
      <h2 id="discussion">Discussion</h2>
      <ErrorAlert error={posts.error} />
      {posts.data && !posts.data.length ? <p className="muted">Nothing posted yet.</p> : null}
      <ol className="stack" aria-label="Posts">
        {posts.data?.map((p) => (
          <li key={p.id}>
            <p>
              <strong>{p.author}</strong> <span className="muted">{dateTime(p.postedAt)}</span>
            </p>
            <p style={{ whiteSpace: 'pre-line' }}>{p.body}</p>
          </li>
        ))}
      </ol>
      <form onSubmit={submit}>
        <ErrorAlert error={post.error} />
        <TextArea label="Write to the caucus" hint="Only its members read it." value={body} onChange={(e) => setBody(e.target.value)} maxLength={10000} rows={3} required />
        <Button type="submit" busy={post.busy}>Post</Button>
      </form>
    </section>
  );
}

function Votes({ caucusId }: { caucusId: string }) {
  const votes = useLoad((signal) => api.get('/caucuses/{caucusId}/votes', { path: { caucusId }, signal }), [caucusId]);
  const [question, setQuestion] = useState('');
  const [options, setOptions] = useState('Yes\nNo');
  const open = useAction(() => api.post('/caucuses/{caucusId}/votes', { path: { caucusId }, body: { question, options: options.split('\n').map((o) => o.trim()).filter(Boolean) } }));
  const submit = async (e: FormEvent) => {
    e.preventDefault();
    if (await open.run()) {
      setQuestion('');
      votes.reload();
    }
  };
  return (
    <section aria-labelledby="votes">
      <h2 id="votes">Votes</h2>
      <ErrorAlert error={votes.error} />
      {votes.data?.map((v) => <VoteCard key={v.id} caucusId={caucusId} vote={v} onChange={votes.reload} />)}
      <form onSubmit={submit}>
        <ErrorAlert error={open.error} />
        <TextField label="Question" value={question} onChange={(e) => setQuestion(e.target.value)} maxLength={500} required />
        <TextArea label="Options, one a line" value={options} onChange={(e) => setOptions(e.target.value)} rows={3} required />
        <Button type="submit" variant="secondary" busy={open.busy}>Open a vote</Button>
      </form>
    </section>
  );
}

function VoteCard({ caucusId, vote, onChange }: { caucusId: string; vote: Vote; onChange: () => void }) {
  const cast = useAction((option: number) => api.post('/caucuses/{caucusId}/votes/{voteId}/ballot', { path: { caucusId, voteId: vote.id }, body: { option } }));
  const close = useAction(() => api.post('/caucuses/{caucusId}/votes/{voteId}/close', { path: { caucusId, voteId: vote.id } }));
  const done = async (r: unknown) => r && onChange();
  return (
    <Card headingLevel={3} title={vote.question}>
      <ErrorAlert error={cast.error ?? close.error} />
      {vote.results ? (
        <ul aria-label="Result">
          {vote.results.map((r) => (
            <li key={r.option}>
              {r.option}: {plural(r.votes, 'vote')}
            </li>
          ))}
        </ul>
      ) : (
        <>
          <p className="muted">{plural(vote.votesCast, 'vote')} cast so far; the result is shown when the vote closes.</p>
          {vote.youVoted ? (
            <p>You have voted.</p>
          ) : (
            <p>
              {vote.options.map((o, i) => (
                <Button key={o} small variant="secondary" busy={cast.busy} onClick={async () => done(await cast.run(i))}>
                  {o}
                </Button>
              ))}
            </p>
          )}
          {vote.openedByYou ? (
            <Button small variant="ghost" busy={close.busy} onClick={async () => done(await close.run())}>
              Close the vote
            </Button>
          ) : null}
        </>
      )}
    </Card>
  );
}
