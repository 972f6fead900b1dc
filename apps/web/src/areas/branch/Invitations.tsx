/**
 * A branch secretary's view of getting members in: the invitations of an import as they go out
 * (progress, sent, failed, without an address), and which members of their own branch have not
 * yet acknowledged the code of conduct (S14) — a list only the branch's own secretary sees.
 */
import { useEffect } from 'react';
import { api, ApiError } from '../../api/client';
import { Link } from '../../app/router';
import { useMe } from '../../app/session';
import { plural } from '../../ui/format';
import { useLoad } from '../../ui/hooks';
import { Alert, Card, EmptyState, ErrorAlert, Loading, PageHeader, Table } from '../../ui/kit';

/** Polls an import's invitation progress every two seconds until every invitation has gone out. */
export function InvitationProgress({ batchId }: { batchId: string }) {
  const p = useLoad((signal) => api.get('/imports/{batchId}/invitations', { path: { batchId }, signal }), [batchId]);
  const { data, reload } = p;
  useEffect(() => {
    if (!data || data.done) return;
    const t = setTimeout(reload, 2000);
    return () => clearTimeout(t);
  }, [data, reload]);
  if (p.error) return <ErrorAlert error={p.error} title="The invitations' progress could not be loaded" />;
  if (!data) return <Loading label="Loading the invitations…" />;
  const withEmail = data.members - data.withoutEmail;
  const handled = data.sent + data.failed;
  return (
    <section aria-labelledby="invitations-progress">
      <h3 id="invitations-progress">Invitations</h3>
      <progress max={Math.max(withEmail, 1)} value={handled} aria-label="Invitations sent" style={{ width: '100%' }} />
      <p role="status" aria-live="polite">
        {data.done ? 'All invitations have gone out: ' : 'Sending the invitations: '}
        {data.sent} sent, {data.failed} failed, {data.queued} waiting; {plural(data.withoutEmail, 'member')} without an e-mail address.
      </p>
      {data.failed > 0 ? <Alert kind="warning">Some invitations could not be delivered. Check those members' addresses, then resend from their member page or print them a letter.</Alert> : null}
      {data.withoutEmail > 0 ? <p className="muted">Members without an e-mail address get in with a printed letter: open their member page and print it.</p> : null}
    </section>
  );
}

/** The branch's own secretary: members who have not acknowledged the current code of conduct. */
export function NotAcknowledged() {
  const { roles } = useMe();
  const branches = roles.secretaryOf.filter((b) => b !== '*');
  const lists = useLoad(
    (signal) =>
      Promise.all(
        branches.map((branchId) =>
          api.get('/branches/{branchId}/code-of-conduct/not-acknowledged', { path: { branchId }, signal }).then(
            (r) => ({ branchId, ...r }),
            (e) => (e instanceof ApiError && e.code === 'code_of_conduct_not_published' ? null : Promise.reject(e)),
          ),
        ),
      ),
    [branches.join(',')],
  );
  return (
    <>
      <PageHeader title="Code of conduct" intro="Members of your branch who have not yet acknowledged the current code of conduct. Only you, as their branch secretary, see this list." />
      <ErrorAlert error={lists.error} />
      {lists.loading && !lists.data ? <Loading /> : null}
      {branches.length === 0 ? <EmptyState title="No branch of your own">This list exists for a branch's own secretary only.</EmptyState> : null}
      {lists.data?.map((l, i) =>
        l === null ? (
          <EmptyState key={i} title="No code of conduct has been published yet" />
        ) : (
          <Card key={l.branchId} title={`Version ${l.version}: ${plural(l.members.length, 'member')} still to acknowledge`}>
            {l.members.length ? (
              <Table
                caption="Not acknowledged"
                rows={l.members}
                rowKey={(m) => m.memberId}
                columns={[
                  { header: 'Name', cell: (m) => <Link to={`/app/branch/members/${m.memberId}`}>{m.name}</Link> },
                  { header: 'Member number', cell: (m) => m.memberNumber },
                ]}
              />
            ) : (
              <p>Every current member of your branch has acknowledged it.</p>
            )}
          </Card>
        ),
      )}
    </>
  );
}
