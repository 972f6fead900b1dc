/**
 * A member's branch meetings: who hosts, who is on the speakers' list, and asking to speak (or
 * withdrawing). A member the platform must not let speak (S5) sees the API's answer: that a
 * confidential restriction applies, never why.
 */
import { useState } from 'react';
import { api } from '../../api/client';
import { Link } from '../../app/router';
import { useMe } from '../../app/session';
import { dateTime, plural } from '../../ui/format';
import { useAction, useLoad } from '../../ui/hooks';
import { Alert, Button, Card, EmptyState, ErrorAlert, Loading, PageHeader, Table, TextField } from '../../ui/kit';

export function BranchMeetings() {
  const { roles } = useMe();
  const branchId = roles.meetingsBranch as string;
  const list = useLoad((signal) => api.get('/branches/{branchId}/meetings', { path: { branchId }, signal }), [branchId]);
  return (
    <>
      <PageHeader title="Branch meetings" intro="Your branch's meetings. Open one to see who speaks, and to ask to speak yourself." />
      <ErrorAlert error={list.error} />
      {list.loading && !list.data ? <Loading /> : null}
      {list.data && !list.data.length ? <EmptyState title="No meetings scheduled">Your branch's chair or secretary schedules them.</EmptyState> : null}
      {list.data?.length ? (
        <Table
          caption={plural(list.data.length, 'meeting')}
          rows={list.data}
          rowKey={(g) => g.id}
          columns={[
            { header: 'Meeting', cell: (g) => <Link to={`/app/meetings/${g.id}`}>{g.title}</Link> },
            { header: 'When', cell: (g) => dateTime(g.startsAt) },
            { header: 'Host', cell: (g) => g.hostName },
            { header: 'Speakers', cell: (g) => g.speakerCount },
          ]}
        />
      ) : null}
    </>
  );
}

export function BranchMeetingPage({ id }: { id: string }) {
  const { me, roles } = useMe();
  const branchId = roles.meetingsBranch as string;
  const view = useLoad((signal) => api.get('/branches/{branchId}/meetings/{meetingId}/speakers', { path: { branchId, meetingId: id }, signal }), [branchId, id]);
  const [topic, setTopic] = useState('');
  const ask = useAction(() => api.post('/branches/{branchId}/meetings/{meetingId}/speakers', { path: { branchId, meetingId: id }, body: topic.trim() ? { topic: topic.trim() } : {} }));
  const withdraw = useAction((speakerId: string) => api.post('/branches/{branchId}/meetings/{meetingId}/speakers/{speakerId}/withdraw', { path: { branchId, meetingId: id, speakerId } }));
  if (view.loading && !view.data) return <><PageHeader title="Meeting" /><Loading /></>;
  if (!view.data) return <><PageHeader title="Meeting" /><ErrorAlert error={view.error} /></>;
  const g = view.data;
  const mine = g.speakers.find((s) => s.memberId === me.memberId);
  return (
    <>
      <PageHeader title={g.title} intro={`${dateTime(g.startsAt)} · hosted by ${g.hostName}`}>
        <p>
          <Link to="/app/meetings">← Branch meetings</Link>
        </p>
      </PageHeader>
      <Card title="Speakers' list">
        {g.speakers.length ? (
          <Table
            caption={plural(g.speakers.length, 'speaker')}
            rows={g.speakers}
            rowKey={(s) => s.id}
            columns={[
              { header: 'Order', cell: (s) => g.speakers.indexOf(s) + 1 },
              { header: 'Speaker', cell: (s) => s.name },
              { header: 'On', cell: (s) => s.topic ?? '—' },
            ]}
          />
        ) : (
          <EmptyState title="Nobody on the list yet" />
        )}
      </Card>
      <Card title={mine ? 'You are on the list' : 'Ask to speak'}>
        <ErrorAlert error={ask.error ?? withdraw.error} />
        {mine ? (
          <>
            <Alert kind="success" live>You are number {g.speakers.indexOf(mine) + 1} on the speakers' list.</Alert>
            <Button variant="secondary" busy={withdraw.busy} onClick={async () => { const r = await withdraw.run(mine.id); if (r) view.set(r); }}>
              Withdraw my request
            </Button>
          </>
        ) : (
          <form noValidate onSubmit={async (e) => { e.preventDefault(); const r = await ask.run(); if (r) { view.set(r); setTopic(''); } }}>
            <TextField label="What you will speak on (optional)" value={topic} onChange={(e) => setTopic(e.target.value)} maxLength={200} />
            <div className="form-actions">
              <Button type="submit" busy={ask.busy}>Ask to speak</Button>
            </div>
          </form>
        )}
      </Card>
    </>
  );
}
