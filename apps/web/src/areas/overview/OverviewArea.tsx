/**
 * EC / CC: the aggregates their mandate allows — membership and standing by branch. Nothing here
 * comes from the disciplinary context except the transparency report every member sees.
 */
import { api } from '../../api/client';
import { useMe } from '../../app/session';
import { plural } from '../../ui/format';
import { useLoad } from '../../ui/hooks';
import { Card, EmptyState, ErrorAlert, Loading, PageHeader, Table } from '../../ui/kit';
import { bodyName } from '../member/Home';
import { CodeOfConductOverview } from './CodeOfConductOverview';
import { TransparencyReport, hasTransparencyReport } from '../member/Transparency';
import { WriteToPanel } from '../cases/Proceedings';

export default function OverviewArea(_: { path: string }) {
  const { roles } = useMe();
  const agg = useLoad((signal) => api.get('/membership/aggregates', { signal }), []);
  const bodies = useLoad((signal) => api.get('/bodies', { signal }), []);
  const denied = agg.error && (agg.error.status === 403 || agg.error.status === 404);
  const a = agg.data;
  return (
    <>
      <PageHeader title="Membership overview" intro="Counts only: how many members, in which status and standing, branch by branch. No names." />
      {agg.loading && !a ? <Loading /> : null}
      {denied ? (
        <EmptyState title="Your mandate does not include the membership figures">
          <p>{roles.cc && !roles.ec ? 'The statutes give these figures to the Executive Committee and the membership secretaries. The transparency report under “Notices and reports” is open to every member.' : agg.error?.message}</p>
        </EmptyState>
      ) : (
        <ErrorAlert error={agg.error} />
      )}
      {a ? (
        <>
          <div className="grid grid--3">
            <Card><p className="stat">{a.total}</p><p className="stat-label">members on the register</p></Card>
            <Card><p className="stat">{a.byStanding.inGoodStanding}</p><p className="stat-label">in good standing</p></Card>
            <Card><p className="stat">{a.byStanding.notInGoodStanding}</p><p className="stat-label">not in good standing ({a.byStanding.notComputed} not computed)</p></Card>
          </div>
          <Card title="By status">
            <Table caption="Members by status" rows={Object.entries(a.byStatus)} rowKey={([k]) => k} columns={[{ header: 'Status', cell: ([k]) => k }, { header: 'Members', num: true, cell: ([, v]) => v }]} />
          </Card>
          <Table
            caption={`By branch (${plural(a.byBranch.length, 'branch', 'branches')})`}
            rows={a.byBranch}
            rowKey={(b) => b.branchId}
            columns={[
              { header: 'Branch', cell: (b) => `${b.name} (${b.code})` },
              { header: 'Members', num: true, cell: (b) => b.total },
              { header: 'Active', num: true, cell: (b) => b.byStatus.active ?? 0 },
              { header: 'Lapsed', num: true, cell: (b) => b.byStatus.lapsed ?? 0 },
              { header: 'Good standing', num: true, cell: (b) => b.inGoodStanding },
              { header: 'Share in good standing', num: true, cell: (b) => (b.total ? `${Math.round((100 * b.inGoodStanding) / b.total)}%` : '—') },
            ]}
          />
        </>
      ) : null}
      {roles.ec ? <CodeOfConductOverview /> : null}
      {hasTransparencyReport() ? (
        <Card title="Disciplinary figures (the transparency report every member sees)">
          <p className="muted">Aggregates only, small counts withheld. No list, count or search of cases exists for the executive or the central committee.</p>
          <TransparencyReport />
        </Card>
      ) : null}
      <WriteToPanel />
      <Card title="Bodies">
        <ErrorAlert error={bodies.error} />
        {bodies.data ? (
          <Table caption="Bodies and seats" rows={bodies.data.filter((b) => !b.branchId)} rowKey={(b) => b.id} columns={[{ header: 'Body', cell: (b) => b.name || bodyName(b.kind) }, { header: 'Seats', num: true, cell: (b) => b.seats }]} />
        ) : null}
      </Card>
    </>
  );
}
