/**
 * The result as pictures, in plain SVG, each with a table beside it for screen readers and for
 * anyone who prefers numbers: the stage-by-stage count (votes per candidate per stage, the quota
 * line, and the transfers between stages) and turnout per branch (small cells shown as
 * "fewer than N", never as a number).
 */
import type { components } from '../../api/schema.gen';

export interface CountStage {
  totals: string[];
  elected: number[];
  excluded: number[];
  nonTransferable?: string;
}

const PALETTE = ['#1b6ca8', '#c0392b', '#2e8b57', '#8e44ad', '#d35400', '#16a085', '#7f8c8d', '#b8860b', '#2c3e50', '#e84393'];
const colour = (i: number) => PALETTE[i % PALETTE.length];
const num = (s: string | undefined) => (s === undefined || s === '' ? 0 : Number(s));
const fmt = (n: number) => (Number.isInteger(n) ? String(n) : n.toFixed(2).replace(/0+$/, '').replace(/\.$/, ''));

/** Grouped bars: one group per stage, one bar per candidate; the quota as a dashed line. */
export function StageChart({ names, stages, quota }: { names: string[]; stages: CountStage[]; quota: string | null }) {
  const width = 680;
  const height = 260;
  const left = 44;
  const bottom = 28;
  const top = 16;
  const q = quota ? Number(quota) : null;
  const max = Math.max(1, q ?? 0, ...stages.flatMap((s) => s.totals.map(num)));
  const plotH = height - top - bottom;
  const y = (v: number) => top + plotH - (v / max) * plotH;
  const groupW = (width - left - 8) / Math.max(1, stages.length);
  const barW = Math.max(2, Math.min(28, (groupW - 10) / Math.max(1, names.length)));
  const ticks = [0, 0.25, 0.5, 0.75, 1].map((f) => max * f);
  return (
    <figure className="chart">
      <svg role="img" aria-labelledby="stage-chart-title stage-chart-desc" viewBox={`0 0 ${width} ${height}`} width="100%" data-testid="stage-chart">
        <title id="stage-chart-title">Votes per candidate, stage by stage</title>
        <desc id="stage-chart-desc">
          {`${stages.length} stages; ${q !== null ? `quota ${fmt(q)}; ` : ''}the table "Round by round" below gives the same numbers.`}
        </desc>
        {ticks.map((t, i) => (
          <g key={i}>
            <line x1={left} x2={width - 4} y1={y(t)} y2={y(t)} stroke="#ddd" />
            <text x={left - 4} y={y(t) + 4} fontSize="10" textAnchor="end">{fmt(Math.round(t * 100) / 100)}</text>
          </g>
        ))}
        {stages.map((s, si) => (
          <g key={si} data-stage={si + 1}>
            {names.map((n, ci) => {
              const v = num(s.totals[ci]);
              const x = left + si * groupW + 5 + ci * barW;
              return (
                <rect key={ci} x={x} y={y(v)} width={barW - 1} height={Math.max(0, top + plotH - y(v))} fill={colour(ci)} opacity={s.excluded.includes(ci) ? 0.35 : 1}>
                  <title>{`${n}, stage ${si + 1}: ${fmt(v)}${s.elected.includes(ci) ? ' (elected)' : ''}${s.excluded.includes(ci) ? ' (excluded)' : ''}`}</title>
                </rect>
              );
            })}
            <text x={left + si * groupW + groupW / 2} y={height - 10} fontSize="11" textAnchor="middle">Stage {si + 1}</text>
          </g>
        ))}
        {q !== null ? (
          <g data-testid="quota-line">
            <line x1={left} x2={width - 4} y1={y(q)} y2={y(q)} stroke="#000" strokeDasharray="6 4" strokeWidth="1.5" />
            <text x={width - 6} y={y(q) - 4} fontSize="11" textAnchor="end">Quota {fmt(q)}</text>
          </g>
        ) : null}
      </svg>
      <figcaption>
        <ul className="chart-legend">
          {names.map((n, ci) => (
            <li key={ci}>
              <span aria-hidden="true" style={{ display: 'inline-block', width: 10, height: 10, background: colour(ci), marginRight: 4 }} />
              {n}
            </li>
          ))}
          {q !== null ? <li>- - - quota</li> : null}
        </ul>
      </figcaption>
    </figure>
  );
}

/** What each candidate gained (+) or lost (−) from one stage to the next: the transfers. */
export function TransferTable({ names, stages }: { names: string[]; stages: CountStage[] }) {
  if (stages.length < 2) return null;
  return (
    <div className="table-wrap">
      <table data-testid="transfers">
        <caption>Transfers between stages</caption>
        <thead>
          <tr>
            <th scope="col">Candidate</th>
            {stages.slice(1).map((_, i) => <th scope="col" className="num" key={i}>Stage {i + 1} → {i + 2}</th>)}
          </tr>
        </thead>
        <tbody>
          {names.map((n, ci) => (
            <tr key={ci}>
              <th scope="row">{n}</th>
              {stages.slice(1).map((s, i) => {
                const d = num(s.totals[ci]) - num(stages[i].totals[ci]);
                return <td className="num" key={i}>{d === 0 ? '—' : `${d > 0 ? '+' : '−'}${fmt(Math.abs(d))}`}</td>;
              })}
            </tr>
          ))}
        </tbody>
      </table>
    </div>
  );
}

type BranchTurnout = components['schemas']['BranchTurnoutResponse'];
const cell = (c: BranchTurnout['voted']) => (c.value !== undefined ? String(c.value) : `fewer than ${c.fewerThan}`);

/** Turnout per branch as horizontal bars; a suppressed branch gets no bar, only "fewer than N". */
export function TurnoutChart({ rows }: { rows: BranchTurnout[] }) {
  if (!rows.length) return null;
  const width = 680;
  const rowH = 24;
  const label = 180;
  const height = rows.length * rowH + 8;
  return (
    <>
      <svg role="img" aria-labelledby="turnout-chart-title" viewBox={`0 0 ${width} ${height}`} width="100%" data-testid="turnout-chart">
        <title id="turnout-chart-title">Turnout per branch (the table below gives the same figures)</title>
        {rows.map((r, i) => {
          const yy = 4 + i * rowH;
          const w = r.percent !== null ? ((width - label - 90) * r.percent) / 100 : 0;
          return (
            <g key={r.branchId ?? i}>
              <text x={label - 6} y={yy + 15} fontSize="12" textAnchor="end">{r.branchName}</text>
              {r.percent !== null ? <rect x={label} y={yy + 3} width={w} height={rowH - 8} fill="#1b6ca8" /> : null}
              <text x={label + w + 6} y={yy + 15} fontSize="12">{r.percent !== null ? `${r.percent}%` : `fewer than ${r.voted.fewerThan} voted (not shown)`}</text>
            </g>
          );
        })}
      </svg>
      <div className="table-wrap">
        <table data-testid="turnout-table">
          <caption>Turnout per branch</caption>
          <thead>
            <tr>
              <th scope="col">Branch</th>
              <th scope="col" className="num">Electors</th>
              <th scope="col" className="num">Voted</th>
              <th scope="col" className="num">Turnout</th>
            </tr>
          </thead>
          <tbody>
            {rows.map((r, i) => (
              <tr key={r.branchId ?? i}>
                <th scope="row">{r.branchName}</th>
                <td className="num">{cell(r.electors)}</td>
                <td className="num">{cell(r.voted)}</td>
                <td className="num">{r.percent !== null ? `${r.percent}%` : '—'}</td>
              </tr>
            ))}
          </tbody>
        </table>
      </div>
      <p className="muted">Figures below {rows[0].voted.fewerThan ?? rows[0].electors.fewerThan ?? 'the threshold'} are shown as "fewer than", so that no small group of voters can be picked out.</p>
    </>
  );
}
