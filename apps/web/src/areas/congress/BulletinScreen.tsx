/**
 * The pre-congress discussion bulletin: every contribution, in the order published (withdrawn ones
 * shown as withdrawn); write one — for yourself or for a caucus you belong to — with a live word
 * count against the standing orders' limit; withdraw your own. There is no control to approve,
 * hide, edit or reorder a contribution, for anybody.
 */
import { useState, type FormEvent } from 'react';
import { randomKey } from './bulletin-key';
import { api, type Get } from '../../api/client';
import { Link } from '../../app/router';
import { dateTime } from '../../ui/format';
import { useAction, useLoad } from '../../ui/hooks';
import { Alert, Badge, Button, Card, EmptyState, ErrorAlert, Loading, PageHeader, SelectField, TextArea, TextField } from '../../ui/kit';

type Contribution = Get<'/congresses/{congressId}/bulletin'>['contributions'][number];

/** The same rule as the server's: runs of characters between white space. */
const countWords = (text: string): number => text.split(/\s+/u).filter((w) => w.length > 0).length;

export default function BulletinScreen({ congressId }: { congressId: string }) {
  const bulletin = useLoad((signal) => api.get('/congresses/{congressId}/bulletin', { path: { congressId }, signal }), [congressId]);
  const caucuses = useLoad((signal) => api.get('/caucuses', { signal }), []);
  const withdraw = useAction(async (contributionId: string) => {
    const c = await api.post('/contributions/{contributionId}/withdraw', { path: { contributionId } });
    bulletin.reload();
    return c;
  });
  if (bulletin.error) return <ErrorAlert error={bulletin.error} />;
  if (!bulletin.data) return <Loading />;
  const b = bulletin.data;
  const caucusName = (id: string) => caucuses.data?.find((c) => c.id === id)?.name ?? 'A caucus';
  const mine = (caucuses.data ?? []).filter((c) => c.youBelong && c.stage === 'formed');
  return (
    <>
      <PageHeader
        title="Pre-congress discussion bulletin"
        intro={`Open from ${dateTime(b.orders.opensAt)} until ${dateTime(b.orders.closesAt)}; up to ${b.orders.maxWords} words. Every contribution is published at once, as written: nobody approves, holds back, edits or reorders it.`}
      >
        <Link to={`/app/congress/${congressId}`}>Congress floor</Link>
      </PageHeader>
      {b.phase === 'not-open-yet' ? <Alert kind="info">The bulletin opens {dateTime(b.orders.opensAt)}.</Alert> : null}
      {b.phase === 'closed' ? <Alert kind="info">The bulletin closed {dateTime(b.orders.closesAt)}.</Alert> : null}
      <ErrorAlert error={withdraw.error} />
      {b.contributions.length ? (
        <ol className="stack" aria-label="Contributions">
          {b.contributions.map((c) => (
            <li key={c.id}>
              <ContributionCard c={c} by={c.author.kind === 'caucus' ? caucusName(c.author.caucusId as string) : 'A member'} onWithdraw={b.phase === 'open' && c.yours && !c.withdrawnAt ? () => void withdraw.run(c.id) : undefined} />
            </li>
          ))}
        </ol>
      ) : (
        <EmptyState title="No contribution yet" />
      )}
      {b.phase === 'open' ? <Write congressId={congressId} maxWords={b.orders.maxWords} caucuses={mine} onPublished={() => bulletin.reload()} /> : null}
    </>
  );
}

function ContributionCard({ c, by, onWithdraw }: { c: Contribution; by: string; onWithdraw?: () => void }) {
  return (
    <Card headingLevel={3} title={c.title}>
      <p className="muted">
        {c.author.kind === 'caucus' ? <Badge kind="info">{by}</Badge> : c.yours ? 'You' : by} · {dateTime(c.publishedAt)} · {c.words} words
        {c.withdrawnAt ? <> · <Badge kind="neutral">Withdrawn by its author {dateTime(c.withdrawnAt)}</Badge></> : null}
      </p>
      {c.text ? <div className="contribution-text">{c.text.split(/\n{2,}/).map((para, i) => <p key={i}>{para}</p>)}</div> : null}
      {onWithdraw ? (
        <Button small variant="secondary" onClick={onWithdraw}>
          Withdraw “{c.title}”
        </Button>
      ) : null}
    </Card>
  );
}

function Write({ congressId, maxWords, caucuses, onPublished }: { congressId: string; maxWords: number; caucuses: { id: string; name: string }[]; onPublished: () => void }) {
  const [title, setTitle] = useState('');
  const [text, setText] = useState('');
  const [as, setAs] = useState('');
  const [key, setKey] = useState(randomKey);
  const publish = useAction(() =>
    api.post('/congresses/{congressId}/bulletin/contributions', { path: { congressId }, body: { title, text, ...(as ? { caucusId: as } : {}) }, headers: { 'Idempotency-Key': key } }),
  );
  const words = countWords(text);
  const over = words - maxWords;
  const submit = async (e: FormEvent) => {
    e.preventDefault();
    if (await publish.run()) {
      setTitle('');
      setText('');
      setKey(randomKey());
      onPublished();
    }
  };
  return (
    <Card title="Write a contribution">
      <form onSubmit={(e) => void submit(e)}>
        {caucuses.length ? (
          <SelectField label="Publish as" value={as} onChange={(e) => setAs(e.target.value)} hint="A caucus’s contribution shows the caucus only, never who wrote it.">
            <option value="">Myself</option>
            {caucuses.map((c) => (
              <option key={c.id} value={c.id}>
                {c.name}
              </option>
            ))}
          </SelectField>
        ) : null}
        <TextField label="Title" value={title} onChange={(e) => setTitle(e.target.value)} required minLength={3} maxLength={200} />
        <TextArea label="Contribution" value={text} onChange={(e) => setText(e.target.value)} rows={10} required />
        <p aria-live="polite" className={over > 0 ? 'error' : 'muted'} data-testid="word-count">
          {over > 0 ? `${words} words: ${over} over the limit of ${maxWords}` : `${words} of ${maxWords} words`}
        </p>
        <ErrorAlert error={publish.error} />
        <Button type="submit" busy={publish.busy} disabled={over > 0}>
          Publish
        </Button>
      </form>
    </Card>
  );
}
