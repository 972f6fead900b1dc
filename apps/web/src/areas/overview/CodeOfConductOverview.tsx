/**
 * S14 for officers: the share of current members who acknowledged the current code of conduct,
 * per branch (counts only, no names), and — for the EC chair or secretary — publishing a new
 * version, which every member is then asked to acknowledge.
 */
import { useState } from 'react';
import { api, ApiError } from '../../api/client';
import { useMe } from '../../app/session';
import { today as organizationToday } from '../../ui/format';
import { useAction, useLoad } from '../../ui/hooks';
import { Alert, Button, Card, ErrorAlert, Table, TextArea, TextField } from '../../ui/kit';

const percent = (share: number) => `${Math.round(share * 100)}%`;

export function CodeOfConductOverview() {
  const { me } = useMe();
  const today = organizationToday();
  const canPublish = me.mandates.some((m) => m.bodyKind === 'EC' && ['chair', 'secretary'].includes(m.role) && m.startsOn <= today && (!m.endsOn || m.endsOn >= today));
  const agg = useLoad((signal) => api.get('/code-of-conduct/acknowledgements', { signal }).catch((e) => (e instanceof ApiError && e.code === 'code_of_conduct_not_published' ? null : Promise.reject(e))), []);
  const branches = useLoad((signal) => api.get('/branches', { signal }), []);
  const names = new Map((branches.data ?? []).map((b) => [b.id, `${b.name} (${b.code})`]));
  const [title, setTitle] = useState('');
  const [text, setText] = useState('');
  const publish = useAction(async () => {
    const r = await api.post('/code-of-conduct/versions', { body: { title: title.trim(), text } });
    agg.reload();
    return r;
  });
  const a = agg.data;
  const denied = agg.error && (agg.error.status === 403 || agg.error.status === 404);
  return (
    <Card title="Code of conduct">
      {denied ? <p className="muted">{agg.error?.message}</p> : <ErrorAlert error={agg.error} />}
      {a === null ? <p>No code of conduct has been published yet. Every member receives it in their welcome and is asked to acknowledge it.</p> : null}
      {a ? (
        <>
          <p>
            Version {a.version}: <span className="stat">{percent(a.share)}</span> <span className="stat-label">of {a.members} current members have acknowledged it ({a.acknowledged})</span>
          </p>
          <Table
            caption="Acknowledged, by branch"
            rows={a.branches}
            rowKey={(b) => b.branchId ?? 'none'}
            columns={[
              { header: 'Branch', cell: (b) => (b.branchId ? names.get(b.branchId) ?? b.branchId : 'No branch') },
              { header: 'Members', num: true, cell: (b) => b.members },
              { header: 'Acknowledged', num: true, cell: (b) => b.acknowledged },
              { header: 'Share', num: true, cell: (b) => percent(b.share) },
            ]}
          />
          <p className="muted">Who has not acknowledged is visible only to each branch's own secretary.</p>
        </>
      ) : null}
      {canPublish ? (
        <details>
          <summary>Publish a new version</summary>
          <form
            noValidate
            onSubmit={(e) => {
              e.preventDefault();
              void publish.run();
            }}
          >
            <ErrorAlert error={publish.error} title="The code of conduct was not published" />
            {publish.result ? <Alert kind="success" live>Version {publish.result.version} is published; members are asked to acknowledge it.</Alert> : null}
            <TextField label="Title" value={title} onChange={(e) => setTitle(e.target.value)} />
            <TextArea label="Text" value={text} onChange={(e) => setText(e.target.value)} rows={10} />
            <div className="form-actions">
              <Button type="submit" busy={publish.busy} disabled={!title.trim() || !text.trim()}>Publish this version</Button>
            </div>
          </form>
        </details>
      ) : null}
    </Card>
  );
}
