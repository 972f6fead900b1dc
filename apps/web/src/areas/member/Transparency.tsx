/**
 * The transparency report (S8): aggregate figures for one published period — received by path
 * and stage, median days to a finding, overdue cases, recusals, challenges, outcomes, appeals.
 * Small counts are shown as the API words them ("fewer than 3"), never as exact numbers.
 *
 * The report is published for fixed periods only (a quarter by default), computed and frozen
 * after each period closes; the interface offers the published periods, never a date range.
 */
import { useState } from 'react';
import { api, hasRoute } from '../../api/client';
import { date } from '../../ui/format';
import { useLoad } from '../../ui/hooks';
import { Card, ErrorAlert, Loading, SelectField, Table } from '../../ui/kit';

export const hasTransparencyReport = (): boolean => hasRoute('GET /transparency-report');

type Obj = Record<string, unknown>;
const isObj = (v: unknown): v is Obj => !!v && typeof v === 'object' && !Array.isArray(v);
export const cell = (v: unknown): string => (isObj(v) && typeof v.display === 'string' ? v.display : v === null || v === undefined ? '—' : typeof v === 'object' ? '…' : String(v));
const words = (k: string) => k.replace(/_/g, ' ').replace(/([a-z])([A-Z])/g, '$1 $2').toLowerCase();

function Breakdown({ title, value }: { title: string; value: unknown }) {
  if (!isObj(value)) return null;
  const by = isObj(value.by) ? Object.entries(value.by) : [];
  return (
    <Card title={title} headingLevel={3}>
      <p>
        <span className="stat">{cell(value.total)}</span> <span className="stat-label">in total</span>
      </p>
      {by.length ? <Table caption={title} rows={by} rowKey={([k]) => k} columns={[{ header: 'Kind', cell: ([k]) => words(k) }, { header: 'Count', num: true, cell: ([, v]) => cell(v) }]} /> : null}
    </Card>
  );
}

export function TransparencyReport() {
  const [period, setPeriod] = useState('');
  const report = useLoad((signal) => api.get('/transparency-report', { query: period ? { period } : {}, signal }) as Promise<unknown>, [period]);
  const index = isObj(report.data) ? report.data : null;
  const r = index && isObj(index.report) ? index.report : null;
  const received = r && isObj(r.complaintsReceived) ? r.complaintsReceived : null;
  const periods = index && Array.isArray(index.periods) ? (index.periods as Obj[]) : [];
  const next = index && isObj(index.nextPublication) ? index.nextPublication : null;
  return (
    <>
      {periods.length ? (
        <SelectField label="Period" value={period || String(r?.periodId ?? '')} onChange={(e) => setPeriod(e.target.value)}>
          {periods.map((p) => (
            <option key={String(p.periodId)} value={String(p.periodId)}>
              {String(p.periodId)}
            </option>
          ))}
        </SelectField>
      ) : null}
      {next ? (
        <p className="muted">
          Published for each {String(index?.periodKind ?? 'period')}, {String(index?.publicationLagDays ?? '')} days after it ends, and never changed afterwards. Next: {String(next.periodId)}, on {date(String(next.publishesOn))}.
        </p>
      ) : null}
      {index && !r ? <p>No report has been published yet.</p> : null}
      <ErrorAlert error={report.error} />
      {report.loading && !r ? <Loading /> : null}
      {r ? (
        <div data-testid="transparency-report">
          <div className="grid grid--3">
            <Card><p className="stat">{cell(received?.total)}</p><p className="stat-label">cases received</p></Card>
            <Card><p className="stat">{cell(r.medianDaysToFinding)}</p><p className="stat-label">median days to a finding</p></Card>
            <Card><p className="stat">{cell(r.overdueCases)}</p><p className="stat-label">cases with a missed deadline</p></Card>
          </div>
          {received ? (
            <div className="grid grid--2">
              <Breakdown title="Received, by the path chosen" value={{ total: received.total, by: received.byPath }} />
              <Breakdown title="Received, by where they are now" value={{ total: received.total, by: received.byStage }} />
            </div>
          ) : null}
          <div className="grid grid--2">
            <Breakdown title="Outcomes" value={r.outcomes} />
            <Breakdown title="Appeals" value={r.appeals} />
            <Breakdown title="Recusals" value={r.recusals} />
            <Breakdown title="Challenges to panelists" value={r.challenges} />
          </div>
          {Array.isArray(r.notes) && r.notes.length ? (
            <ul className="muted">{r.notes.map((n, i) => <li key={i}>{String(n)}</li>)}</ul>
          ) : null}
        </div>
      ) : null}
    </>
  );
}
