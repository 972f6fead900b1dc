import { api, hasRoute } from '../../api/client';
import { dateTime } from '../../ui/format';
import { useLoad } from '../../ui/hooks';
import { Card, EmptyState, ErrorAlert, Loading, NotAvailable, PageHeader } from '../../ui/kit';
import { TransparencyReport, hasTransparencyReport } from './Transparency';

/**
 * Published outcome notices (S8: every member in good standing is told; nobody can suppress
 * them) and the transparency report.
 */
export function Notices() {
  const outcomes = useLoad(async (signal) => (hasRoute('GET /outcomes') ? (await api.get('/outcomes', { query: { limit: 50 }, signal })).items : null), []);
  return (
    <>
      <PageHeader
        title="Notices and reports"
        intro="When a disciplinary finding is final, every member in good standing is told the outcome: who, which rule, what sanction, and how the panel voted. Nobody can suppress it. The transparency report gives the figures for all cases."
      />
      <h2>Outcome notices</h2>
      <ErrorAlert error={outcomes.error} />
      {outcomes.loading && !outcomes.data ? <Loading /> : null}
      {outcomes.data === null ? <NotAvailable what="Outcome notices" /> : null}
      {outcomes.data && !outcomes.data.length ? <EmptyState title="No outcome has been published">They also arrive in your notifications.</EmptyState> : null}
      {outcomes.data?.map((n) => (
        <Card key={n.id} headingLevel={3} title={`Published ${dateTime(n.publishedAt)}`}>
          <p style={{ whiteSpace: 'pre-line' }}>{n.text}</p>
          {n.recipients !== null ? <p className="muted">Sent to {n.recipients} members.</p> : null}
        </Card>
      ))}
      <h2>Transparency report</h2>
      {hasTransparencyReport() ? <TransparencyReport /> : <NotAvailable what="The transparency report" />}
    </>
  );
}
