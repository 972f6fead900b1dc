/**
 * Branch meetings and their speakers' lists (S5). The branch's chair or secretary schedules a
 * meeting with a host, names speakers on the agenda and takes anyone off the list; members ask to
 * speak through the API. A member the platform must not let speak is refused with the message the
 * API gives — that a confidential restriction applies, never why.
 */
import { useState, type FormEvent, type ReactNode } from 'react';
import { api, type Get } from '../../api/client';
import { Link, navigate } from '../../app/router';
import { useMe } from '../../app/session';
import { dateTime, instantFromZonedInput, plural, zonedInput } from '../../ui/format';
import { useAction, useLoad } from '../../ui/hooks';
import { Alert, Badge, Button, Card, EmptyState, ErrorAlert, Loading, PageHeader, SelectField, Table, TextField } from '../../ui/kit';

type Speakers = Get<'/branches/{branchId}/meetings/{meetingId}/speakers'>;
type Found = Get<'/members'>['items'][number];

/** The branches whose meetings this secretary manages (the national membership secretary: any branch, chosen). */
function useBranchChoice(): { branchId: string | undefined; choice: ReactNode } {
  const { roles } = useMe();
  const own = roles.secretaryOf.filter((b) => b !== '*');
  const all = roles.secretaryOf.includes('*');
  const branches = useLoad((signal) => api.get('/branches', { signal }), []);
  const options = (branches.data ?? []).filter((b) => b.status === 'active' && (all || own.includes(b.id)));
  const [picked, setPicked] = useState<string | undefined>(undefined);
  const branchId = picked ?? own[0] ?? options[0]?.id;
  const choice =
    options.length > 1 ? (
      <SelectField label="Branch" value={branchId ?? ''} onChange={(e) => setPicked(e.target.value)}>
        {options.map((b) => (
          <option key={b.id} value={b.id}>
            {b.name} ({b.code})
          </option>
        ))}
      </SelectField>
    ) : null;
  return { branchId, choice };
}

/** Finds an active member of the branch by name and hands back their id. */
function MemberPicker({ label, branchId, onPick, picked }: { label: string; branchId: string; onPick: (m: Found | null) => void; picked: Found | null }) {
  const [name, setName] = useState('');
  const find = useAction((n: string) => api.get('/members', { query: { name: n, branchId, status: 'active', pageSize: '20' } }));
  if (picked)
    return (
      <p>
        {label}: <strong>{picked.firstName} {picked.lastName}</strong>{' '}
        <Button small variant="ghost" onClick={() => onPick(null)}>
          Choose someone else
        </Button>
      </p>
    );
  return (
    <div>
      <TextField label={label} type="search" hint="Type part of a name, then Find." value={name} onChange={(e) => setName(e.target.value)} />
      <Button small variant="secondary" busy={find.busy} onClick={() => name.trim() && void find.run(name.trim())}>
        Find
      </Button>
      <ErrorAlert error={find.error} />
      {find.result && !find.result.items.length ? <p className="muted">No active member of the branch matches.</p> : null}
      {find.result?.items.length ? (
        <ul>
          {find.result.items.map((m) => (
            <li key={m.id}>
              <Button small variant="secondary" onClick={() => onPick(m)}>
                Choose {m.firstName} {m.lastName}
              </Button>{' '}
              <span className="muted">No. {m.memberNumber}</span>
            </li>
          ))}
        </ul>
      ) : null}
    </div>
  );
}

export function Meetings() {
  const { branchId, choice } = useBranchChoice();
  const list = useLoad((signal) => (branchId ? api.get('/branches/{branchId}/meetings', { path: { branchId }, signal }) : Promise.resolve([])), [branchId]);
  const [host, setHost] = useState<Found | null>(null);
  const [title, setTitle] = useState('');
  const [startsAt, setStartsAt] = useState(() => zonedInput(new Date(Date.now() + 7 * 86_400_000)));
  const [err, setErr] = useState<string>();
  const schedule = useAction((body: { hostMemberId: string; title: string; startsAt: string }) => api.post('/branches/{branchId}/meetings', { path: { branchId: branchId as string }, body }));
  const submit = async (e: FormEvent) => {
    e.preventDefault();
    const at = instantFromZonedInput(startsAt);
    if (!host || !title.trim() || !at) return setErr('Choose a host, give the meeting a title and a date and time.');
    setErr(undefined);
    const r = await schedule.run({ hostMemberId: host.id, title: title.trim(), startsAt: at });
    if (r) navigate(`/app/branch/meetings/${branchId}/${r.id}`);
  };
  return (
    <>
      <PageHeader title="Meetings" intro="Your branch's meetings, with who hosts them and who speaks. Open a meeting to name its speakers." />
      {choice}
      <ErrorAlert error={list.error} />
      {list.loading && !list.data ? <Loading /> : null}
      {list.data && !list.data.length ? <EmptyState title="No meetings yet">Schedule the branch's next meeting below.</EmptyState> : null}
      {list.data?.length ? (
        <Table
          caption={plural(list.data.length, 'meeting')}
          rows={list.data}
          rowKey={(g) => g.id}
          columns={[
            { header: 'Meeting', cell: (g) => <Link to={`/app/branch/meetings/${g.branchId}/${g.id}`}>{g.title}</Link> },
            { header: 'When', cell: (g) => dateTime(g.startsAt) },
            { header: 'Host', cell: (g) => g.hostName },
            { header: 'Speakers', cell: (g) => g.speakerCount },
          ]}
        />
      ) : null}
      {branchId ? (
        <Card title="Schedule a meeting">
          <form noValidate onSubmit={submit}>
            <ErrorAlert error={schedule.error} />
            {err ? <Alert kind="error">{err}</Alert> : null}
            <TextField label="Title" value={title} onChange={(e) => setTitle(e.target.value)} maxLength={200} />
            <TextField label="Starts" type="datetime-local" value={startsAt} onChange={(e) => setStartsAt(e.target.value)} />
            <MemberPicker label="Host" branchId={branchId} picked={host} onPick={setHost} />
            <div className="form-actions">
              <Button type="submit" busy={schedule.busy}>
                Schedule the meeting
              </Button>
            </div>
          </form>
        </Card>
      ) : null}
    </>
  );
}

export function MeetingPage({ branchId, meetingId }: { branchId: string; meetingId: string }) {
  const view = useLoad((signal) => api.get('/branches/{branchId}/meetings/{meetingId}/speakers', { path: { branchId, meetingId }, signal }), [branchId, meetingId]);
  const [speaker, setSpeaker] = useState<Found | null>(null);
  const [topic, setTopic] = useState('');
  const [added, setAdded] = useState<string>();
  // A new picker after each addition, so the last search's results do not linger.
  const [round, setRound] = useState(0);
  const add = useAction((memberId: string, t: string) => api.post('/branches/{branchId}/meetings/{meetingId}/speakers', { path: { branchId, meetingId }, body: { memberId, ...(t ? { topic: t } : {}) } }));
  const withdraw = useAction((speakerId: string) => api.post('/branches/{branchId}/meetings/{meetingId}/speakers/{speakerId}/withdraw', { path: { branchId, meetingId, speakerId } }));
  const show = (v: Speakers | undefined) => v && view.set(v);
  if (view.loading && !view.data) return <><PageHeader title="Meeting" /><Loading /></>;
  if (!view.data) return <><PageHeader title="Meeting" /><ErrorAlert error={view.error} /></>;
  const g = view.data;
  const submit = async (e: FormEvent) => {
    e.preventDefault();
    if (!speaker) return;
    setAdded(undefined);
    const r = await add.run(speaker.id, topic.trim());
    if (r) {
      show(r);
      setAdded(`${speaker.firstName} ${speaker.lastName} is on the speakers' list.`);
      setSpeaker(null);
      setTopic('');
      setRound((n) => n + 1);
    }
  };
  return (
    <>
      <PageHeader title={g.title} intro={`${dateTime(g.startsAt)} · hosted by ${g.hostName}`}>
        <p>
          <Link to="/app/branch/meetings">← All meetings</Link>
        </p>
      </PageHeader>
      <Card title="Speakers' list">
        <ErrorAlert error={withdraw.error} />
        {g.speakers.length ? (
          <Table
            caption={plural(g.speakers.length, 'speaker')}
            rows={g.speakers}
            rowKey={(s) => s.id}
            columns={[
              { header: 'Order', cell: (s) => g.speakers.indexOf(s) + 1 },
              { header: 'Speaker', cell: (s) => s.name },
              { header: 'On', cell: (s) => s.topic ?? '—' },
              { header: 'Listed', cell: (s) => (s.addedBy === 'self' ? <Badge kind="info">Asked to speak</Badge> : <Badge>Named by an officer</Badge>) },
              ...(g.mayManage
                ? [
                    {
                      header: 'Remove',
                      cell: (s: Speakers['speakers'][number]) => (
                        <Button small variant="secondary" busy={withdraw.busy} onClick={async () => show(await withdraw.run(s.id))}>
                          Take off the list<span className="visually-hidden"> {s.name}</span>
                        </Button>
                      ),
                    },
                  ]
                : []),
            ]}
          />
        ) : (
          <EmptyState title="Nobody on the list yet">Members of the branch can ask to speak; you can name speakers for the agenda below.</EmptyState>
        )}
        {g.withdrawn.length ? <p className="muted">Taken off the list: {g.withdrawn.map((s) => s.name).join(', ')}.</p> : null}
      </Card>
      {g.mayManage ? (
        <Card title="Name a speaker">
          <form noValidate onSubmit={submit}>
            {added ? <Alert kind="success" live>{added}</Alert> : null}
            <ErrorAlert error={add.error} />
            <MemberPicker key={round} label="Speaker" branchId={branchId} picked={speaker} onPick={setSpeaker} />
            <TextField label="Speaks on (optional)" value={topic} onChange={(e) => setTopic(e.target.value)} maxLength={200} />
            <div className="form-actions">
              <Button type="submit" busy={add.busy} disabled={!speaker}>
                Add to the speakers' list
              </Button>
            </div>
          </form>
        </Card>
      ) : null}
    </>
  );
}
