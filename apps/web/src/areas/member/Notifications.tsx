import { useState } from 'react';
import { api, type Get } from '../../api/client';
import { Link, emailLinkTarget } from '../../app/router';
import { dateTime } from '../../ui/format';
import { useAction, useLoad } from '../../ui/hooks';
import { Alert, Badge, Button, Card, Checkbox, EmptyState, ErrorAlert, Loading, PageHeader } from '../../ui/kit';

type Item = Get<'/me/notifications'>['items'][number];

/** A feed link (an absolute URL of the platform, as in the e-mail) as a page of the interface. */
const appLink = (link: string): string => {
  const path = link.startsWith('/') ? link : (() => { try { return new URL(link).pathname; } catch { return '/app'; } })();
  return emailLinkTarget(path) ?? (path.startsWith('/app') ? path : '/app');
};

export function Notifications() {
  const [onlyUnread, setOnlyUnread] = useState(false);
  const [extra, setExtra] = useState<Item[]>([]);
  const [cursor, setCursor] = useState<string | null>(null);
  const feed = useLoad(
    async (signal) => {
      const r = await api.get('/me/notifications', { query: { limit: 20, ...(onlyUnread ? { unread: true } : {}) }, signal });
      setExtra([]);
      setCursor(r.nextCursor);
      return r;
    },
    [onlyUnread],
  );
  const more = useAction(async () => {
    const r = await api.get('/me/notifications', { query: { limit: 20, cursor: cursor ?? undefined, ...(onlyUnread ? { unread: true } : {}) } });
    setExtra((x) => [...x, ...r.items]);
    setCursor(r.nextCursor);
  });
  const [readIds, setReadIds] = useState<Set<string>>(new Set());
  const mark = useAction(async (id: string) => {
    await api.post('/me/notifications/{id}/read', { path: { id } });
    setReadIds((s) => new Set(s).add(id));
  });
  const items = [...(feed.data?.items ?? []), ...extra];
  const unread = Math.max(0, (feed.data?.unreadCount ?? 0) - [...readIds].filter((id) => items.some((i) => i.id === id && !i.read)).length);
  return (
    <>
      <PageHeader title="Notifications" intro="Everything the organization has sent you. Important notices are also e-mailed." />
      <div className="row">
        <Checkbox label="Show only unread" checked={onlyUnread} onChange={(e) => setOnlyUnread(e.target.checked)} />
        {feed.data ? <p className="muted" aria-live="polite">{unread} unread</p> : null}
      </div>
      <ErrorAlert error={feed.error ?? mark.error ?? more.error} />
      {feed.loading && !feed.data ? <Loading /> : null}
      {feed.data && !items.length ? <EmptyState title={onlyUnread ? 'No unread notifications' : 'No notifications yet'}>Notices, election news and reminders will appear here.</EmptyState> : null}
      <ul className="list" aria-label="Notifications">
        {items.map((n) => {
          const read = n.read || readIds.has(n.id);
          // Updates about a case are shown discreetly: an onlooker learns nothing from this list.
          const discreet = n.type === 'case-update';
          return (
            <li key={n.id} className={read ? undefined : 'unread'}>
              <div className="row" style={{ justifyContent: 'space-between' }}>
                <h2 style={{ margin: 0, fontSize: '1.05rem' }}>{discreet ? 'A private update' : n.title}</h2>
                {read ? <Badge>Read</Badge> : <Badge kind="info">Unread</Badge>}
              </div>
              <p className="muted">{dateTime(n.createdAt)}</p>
              {discreet ? null : <p style={{ whiteSpace: 'pre-line' }}>{n.body}</p>}
              <div className="row">
                {discreet ? <Link to="/app/s">Open your space</Link> : n.link ? <Link to={appLink(n.link)}>Open</Link> : null}
                {!read ? (
                  <Button small variant="secondary" onClick={() => mark.run(n.id)}>
                    Mark as read<span className="visually-hidden">: {discreet ? 'A private update' : n.title}</span>
                  </Button>
                ) : null}
              </div>
            </li>
          );
        })}
      </ul>
      {cursor ? <Button variant="secondary" busy={more.busy} onClick={() => more.run()}>Show older</Button> : null}
      <Preferences />
    </>
  );
}

function Preferences() {
  const prefs = useLoad((signal) => api.get('/me/notification-preferences', { signal }), []);
  const save = useAction((on: boolean) => api.put('/me/notification-preferences', { body: { emailNonEssential: on } }));
  if (!prefs.data) return prefs.error ? <ErrorAlert error={prefs.error} /> : null;
  const p = save.result ?? prefs.data;
  return (
    <Card title="E-mail">
      <ErrorAlert error={save.error} />
      {save.result ? <Alert kind="success" live>Saved.</Alert> : null}
      <Checkbox
        label="Also e-mail me announcements and subs reminders"
        hint="Essential notices (outcomes, ballots, password resets) are always e-mailed; everything reaches this page either way."
        checked={p.emailNonEssential}
        disabled={save.busy}
        onChange={(e) => save.run(e.target.checked)}
      />
      {!p.emailConsent ? <p className="muted">You have not agreed to e-mail from the organization, so only essential notices are e-mailed.</p> : null}
    </Card>
  );
}
