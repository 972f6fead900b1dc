/**
 * S14: the organization's code of conduct on the member's home page, until they acknowledge the
 * current version; then a short line saying when they did (the text stays one click away).
 */
import { api, ApiError } from '../../api/client';
import { useMe } from '../../app/session';
import { date } from '../../ui/format';
import { useAction, useLoad } from '../../ui/hooks';
import { Alert, Button, Card, ErrorAlert } from '../../ui/kit';

export function CodeOfConductCard() {
  const { roles } = useMe();
  const code = useLoad((signal) => api.get('/me/code-of-conduct', { signal }).catch((e) => (e instanceof ApiError && e.status === 404 ? null : Promise.reject(e))), []);
  const ack = useAction(async (version: number) => {
    const r = await api.post('/me/code-of-conduct/acknowledgements', { body: { version } });
    if (code.data) code.set({ ...code.data, acknowledgedAt: r.acknowledgedAt });
    return r;
  });
  const c = code.data;
  if (code.error) return <ErrorAlert error={code.error} title="The code of conduct could not be loaded" />;
  if (!c) return null;
  const text = (
    <div className="code-of-conduct" style={{ maxHeight: '24rem', overflowY: 'auto', whiteSpace: 'pre-wrap' }} tabIndex={0} aria-label={`${c.title}, version ${c.version}`}>
      {c.text}
    </div>
  );
  return (
    <Card title="Our code of conduct">
      {c.acknowledgedAt ? (
        <>
          <p role="status">
            You acknowledged <strong>{c.title}</strong> (version {c.version}) on {date(c.acknowledgedAt)}.
          </p>
          <details>
            <summary>Read it again</summary>
            {text}
          </details>
        </>
      ) : (
        <>
          <p>
            <strong>{c.title}</strong>, version {c.version}, published {date(c.publishedAt)}. Please read it{roles.current ? ' and confirm that you accept it' : ''}.
          </p>
          {text}
          <ErrorAlert error={ack.error} title="Your acknowledgement was not recorded" />
          {roles.current ? (
            <div className="form-actions">
              <Button busy={ack.busy} onClick={() => ack.run(c.version)}>I have read the code of conduct and accept it</Button>
            </div>
          ) : (
            <Alert kind="info">Only current members acknowledge the code of conduct.</Alert>
          )}
        </>
      )}
    </Card>
  );
}
