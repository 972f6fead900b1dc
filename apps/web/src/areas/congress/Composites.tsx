/**
 * Composites on the delegates' screen: each composite the standing orders committee proposed, the
 * motions it would replace with each mover's answer, and — for a mover — consent or refusal.
 * The server decides who moved what; a composite replaces its motions only when all consent, and
 * its motion is withdrawn only when every mover consents to that too.
 */
import { api, type Get } from '../../api/client';
import { useAction, useLoad } from '../../ui/hooks';
import { Badge, Button, Card, ErrorAlert } from '../../ui/kit';

type Composite = Get<'/congresses/{congressId}/composites'>[number];

const ANSWER = (c: boolean | null) => (c === null ? 'waiting' : c ? 'consented' : 'refused');

export function Composites({ congressId, version }: { congressId: string; version: unknown }) {
  const list = useLoad((signal) => api.get('/congresses/{congressId}/composites', { path: { congressId }, signal }), [congressId, version]);
  const answer = useAction(async (compositeId: string, motionId: string, consent: boolean) => {
    await api.post('/composites/{compositeId}/answers', { path: { compositeId }, body: { motionId, consent } });
    list.reload();
  });
  const withdraw = useAction(async (compositeId: string, motionId: string) => {
    await api.post('/composites/{compositeId}/withdrawals', { path: { compositeId }, body: { motionId } });
    list.reload();
  });
  if (!list.data?.length) return null;
  return (
    <Card title="Composites">
      <ErrorAlert error={list.error ?? answer.error ?? withdraw.error} />
      {list.data.map((c: Composite) => (
        <section key={c.id} aria-label={`Composite: ${c.title}`} data-composite={c.state}>
          <h3>
            {c.title} <Badge kind={c.state === 'agreed' ? 'good' : c.state === 'refused' ? 'bad' : c.state === 'withdrawn' ? 'neutral' : 'info'}>{c.state}</Badge>
          </h3>
          <pre>{c.text}</pre>
          <ul aria-label="Motions it would replace">
            {c.originals.map((o) => (
              <li key={o.motionId} data-motion={o.number}>
                Motion {o.number} (moved by {o.submitter.kind}) — {ANSWER(o.consent)}
                {c.state === 'proposed' && o.consent === null ? (
                  <>
                    {' '}
                    <Button small busy={answer.busy} onClick={() => void answer.run(c.id, o.motionId, true)}>
                      Consent for motion {o.number}
                    </Button>{' '}
                    <Button small busy={answer.busy} onClick={() => void answer.run(c.id, o.motionId, false)}>
                      Refuse for motion {o.number}
                    </Button>
                  </>
                ) : null}
                {c.state === 'agreed' || c.state === 'withdrawn' ? (
                  <>
                    {' · '}
                    {o.withdrawalAt ? 'consented to withdrawing the composite' : c.state === 'agreed' ? (
                      <Button small busy={withdraw.busy} onClick={() => void withdraw.run(c.id, o.motionId)}>
                        Consent to withdraw, for motion {o.number}
                      </Button>
                    ) : null}
                  </>
                ) : null}
              </li>
            ))}
          </ul>
        </section>
      ))}
    </Card>
  );
}
