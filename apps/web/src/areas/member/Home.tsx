/**
 * The member home (in the first chunk, so it shows after one download): standing, unread
 * notifications, one's mandates and areas, and — always visible (S14) — how to reach the
 * Control Commission.
 */
import { useEffect } from 'react';
import { api, ApiError, hasRoute } from '../../api/client';
import { menuFor } from '../../app/roles';
import { Link } from '../../app/router';
import { useMe } from '../../app/session';
import { date, money, status } from '../../ui/format';
import { useLoad } from '../../ui/hooks';
import { Badge, Card, ErrorAlert, Loading, PageHeader } from '../../ui/kit';
import { CodeOfConductCard } from './CodeOfConduct';

const optional = <T,>(p: Promise<T>): Promise<T | null> => p.catch((e) => (e instanceof ApiError && (e.status === 404 || e.status === 403) ? null : Promise.reject(e)));

export function Home() {
  const { me, roles } = useMe();
  const data = useLoad(
    async (signal) => {
      const [member, dues, feed, elections] = await Promise.all([
        roles.member ? optional(api.get('/me/member', { signal })) : Promise.resolve(null),
        roles.member ? optional(api.get('/me/dues', { signal })) : Promise.resolve(null),
        optional(api.get('/me/notifications', { query: { unread: true, limit: 5 }, signal })),
        roles.current && hasRoute('GET /elections') ? optional(api.get('/elections', { signal })) : Promise.resolve(null),
      ]);
      return { member, dues, feed, elections };
    },
    [me.accountId],
  );
  useEffect(() => {
    if (data.data) {
      performance.mark('commons:home-ready');
      document.body.dataset.ready = 'home';
    }
  }, [data.data]);

  const name = data.data?.member ? data.data.member.firstName : null;
  const areas = menuFor(roles).filter((g) => g.area !== 'member');
  return (
    <>
      <PageHeader title={name ? `Welcome, ${name}` : 'Welcome'} docTitle="Home — Commons" intro={me.email} />
      <ErrorAlert error={data.error} title="Some of your information could not be loaded" />
      {data.loading && !data.data ? <Loading /> : null}
      {roles.member ? <CodeOfConductCard /> : null}
      {data.data ? (
        <div className="grid grid--3">
          {data.data.member ? (
            <Card title="Membership">
              <p>
                <span className="stat">{status(data.data.member.status)}</span>
                <br />
                <span className="stat-label">
                  Member {data.data.member.memberNumber}
                  {data.data.member.branchCode ? `, branch ${data.data.member.branchCode}` : ''}
                </span>
              </p>
              {data.data.dues ? (
                <p>
                  {data.data.dues.standing.inGoodStanding ? <Badge kind="good">In good standing</Badge> : <Badge kind="bad">Not in good standing</Badge>}{' '}
                  {data.data.dues.level ? (
                    <span className="muted">
                      Subs {money(data.data.dues.level.amountMinor, data.data.dues.level.currency)} {data.data.dues.level.period}
                    </span>
                  ) : null}
                </p>
              ) : null}
              <p>
                <Link to="/app/record">Your record and subs</Link>
              </p>
            </Card>
          ) : null}
          <Card title="Notifications">
            {data.data.feed ? (
              <>
                <p>
                  <span className="stat">{data.data.feed.unreadCount}</span> <span className="stat-label">unread</span>
                </p>
                {data.data.feed.items.length ? (
                  <ul>
                    {data.data.feed.items.slice(0, 3).map((n) => (
                      <li key={n.id}>
                        {n.type === 'case-update' ? <Link to="/app/s">A private update</Link> : n.title} <span className="muted">({date(n.createdAt)})</span>
                      </li>
                    ))}
                  </ul>
                ) : (
                  <p className="muted">Nothing new.</p>
                )}
              </>
            ) : (
              <p className="muted">Your notifications are not available.</p>
            )}
            <p>
              <Link to="/app/notifications">All notifications</Link>
            </p>
          </Card>
          {data.data.elections ? (
            <Card title="Elections">
              {(() => {
                const voting = data.data.elections.filter((e) => e.status === 'voting');
                const nominating = data.data.elections.filter((e) => e.status === 'nominations');
                return voting.length || nominating.length ? (
                  <ul>
                    {voting.map((e) => <li key={e.id}><Link to={`/app/elections/${e.id}`}>{e.title}</Link> — voting open</li>)}
                    {nominating.map((e) => <li key={e.id}><Link to={`/app/elections/${e.id}`}>{e.title}</Link> — nominations open</li>)}
                  </ul>
                ) : <p className="muted">No election is open.</p>;
              })()}
              <p><Link to="/app/elections">All elections and results</Link></p>
            </Card>
          ) : null}
          <Card title="Your mandates">
            {me.mandates.length ? (
              <ul>
                {me.mandates.map((m) => (
                  <li key={m.id}>
                    {bodyName(m.bodyKind)} — {m.role}
                    <span className="muted"> since {date(m.startsOn)}{m.endsOn ? `, until ${date(m.endsOn)}` : ''}</span>
                  </li>
                ))}
              </ul>
            ) : (
              <p className="muted">You hold no office. {roles.current ? 'Every member may stand in elections and nominate candidates.' : ''}</p>
            )}
          </Card>
        </div>
      ) : null}
      {areas.length ? (
        <Card title="Your work">
          <ul>
            {areas.map((g) => (
              <li key={g.area}>
                <strong>{g.title}:</strong>{' '}
                {g.items.map((i, k) => (
                  <span key={i.to}>
                    {k ? ', ' : ''}
                    <Link to={i.to}>{i.label}</Link>
                  </span>
                ))}
              </li>
            ))}
          </ul>
        </Card>
      ) : null}
      <Card title="If something is wrong">
        <p>
          If a member's behaviour has harmed you or someone else, you can tell the <strong>Control Commission</strong>. It is elected separately and works
          independently: your report goes only to it — never to the executive, the central committee or your branch officers — and you decide what happens
          next.
        </p>
        <p>
          <Link to="/app/s" className="button button--secondary">Raise something privately</Link>
        </p>
      </Card>
    </>
  );
}

export function bodyName(kind: string): string {
  return (
    {
      EC: 'Executive Committee',
      CC: 'Central Committee',
      CCOM: 'Control Commission',
      APPEALS: 'Appeals Committee',
      ELECTIONS: 'Elections Committee',
      BRANCH_COMMITTEE: 'Branch committee',
      NATIONAL_OFFICE: 'National office',
      STAFF: 'Staff',
    } as Record<string, string>
  )[kind] ?? kind;
}
