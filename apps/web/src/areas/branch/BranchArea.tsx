/**
 * Branch secretary: member search and pages, admissions, transfers, CSV import (dry run shown row
 * by row before anything is applied), standing at a date, the branch's roll, and its meetings with
 * their speakers' lists (Meetings.tsx).
 * The API scopes every answer to the secretary's own branch.
 */
import { useMemo, useState, type FormEvent } from 'react';
import { api, idempotencyKey, type Get } from '../../api/client';
import { Link, matchPath, useLocation } from '../../app/router';
import { useMe } from '../../app/session';
import { date, plural, status, today } from '../../ui/format';
import { useAction, useLoad } from '../../ui/hooks';
import { Alert, Badge, Button, Card, EmptyState, ErrorAlert, Facts, Loading, PageHeader, SelectField, Table, TextArea, TextField } from '../../ui/kit';
import { MappingChoice } from '../../ui/mapping-choice';
import { InvitationProgress, NotAcknowledged } from './Invitations';
import { MeetingPage, Meetings } from './Meetings';

type Summary = Get<'/members'>['items'][number];

export default function BranchArea({ path }: { path: string }) {
  const m = matchPath('/app/branch/members/:id', path);
  if (m) return <MemberPage id={m.id} />;
  const meeting = matchPath('/app/branch/meetings/:branchId/:meetingId', path);
  if (meeting) return <MeetingPage branchId={meeting.branchId} meetingId={meeting.meetingId} />;
  if (path === '/app/branch/meetings') return <Meetings />;
  if (path === '/app/branch/admissions') return <Admissions />;
  if (path === '/app/branch/transfers') return <Transfers />;
  if (path === '/app/branch/import') return <Import />;
  if (path === '/app/branch/roll') return <Roll />;
  if (path === '/app/branch/code-of-conduct') return <NotAcknowledged />;
  return <Members />;
}

function StandingBadge({ good }: { good: boolean | null }) {
  if (good === null) return <Badge>Not computed</Badge>;
  return good ? <Badge kind="good">Good standing</Badge> : <Badge kind="bad">Not in good standing</Badge>;
}

function useBranches() {
  return useLoad((signal) => api.get('/branches', { signal }), []);
}

function Members() {
  const { search } = useLocation();
  const [name, setName] = useState(search.get('name') ?? '');
  const [st, setSt] = useState(search.get('status') ?? 'active,lapsed');
  const [standing, setStanding] = useState(search.get('standing') ?? '');
  const [query, setQuery] = useState({ name: search.get('name') ?? '', status: search.get('status') ?? 'active,lapsed', standing: search.get('standing') ?? '' });
  const [pages, setPages] = useState<Summary[]>([]);
  const [cursor, setCursor] = useState<string | null>(null);
  const result = useLoad(
    async (signal) => {
      const r = await api.get('/members', { query: { pageSize: '50', ...(query.name ? { name: query.name } : {}), ...(query.status ? { status: query.status } : {}), ...(query.standing ? { standing: query.standing as 'good' | 'not-good' } : {}) }, signal });
      setPages([]);
      setCursor(r.nextCursor);
      return r;
    },
    [query.name, query.status, query.standing],
  );
  const more = useAction(async () => {
    const r = await api.get('/members', { query: { pageSize: '50', cursor: cursor ?? undefined, ...(query.name ? { name: query.name } : {}), ...(query.status ? { status: query.status } : {}), ...(query.standing ? { standing: query.standing as 'good' | 'not-good' } : {}) } });
    setPages((p) => [...p, ...r.items]);
    setCursor(r.nextCursor);
  });
  const submit = (e: FormEvent) => {
    e.preventDefault();
    const q = { name: name.trim(), status: st, standing };
    history.replaceState(null, '', `/app/branch?${new URLSearchParams(Object.entries(q).filter(([, v]) => v)).toString()}`);
    setQuery(q);
  };
  const rows = [...(result.data?.items ?? []), ...pages];
  return (
    <>
      <PageHeader title="Members" intro="Search your branch's register. Contact details are for branch business only." />
      <form className="card" role="search" onSubmit={submit}>
        <div className="grid grid--3">
          <TextField label="Name" type="search" value={name} onChange={(e) => setName(e.target.value)} />
          <SelectField label="Status" value={st} onChange={(e) => setSt(e.target.value)}>
            <option value="active,lapsed">Current members (active or lapsed)</option>
            <option value="active">Active</option>
            <option value="lapsed">Lapsed</option>
            <option value="applicant">Applicants</option>
            <option value="suspended">Suspended</option>
            <option value="resigned">Resigned</option>
            <option value="">Any status</option>
          </SelectField>
          <SelectField label="Standing" value={standing} onChange={(e) => setStanding(e.target.value)}>
            <option value="">Any</option>
            <option value="good">In good standing</option>
            <option value="not-good">Not in good standing</option>
          </SelectField>
        </div>
        <div className="form-actions">
          <Button type="submit">Search</Button>
        </div>
      </form>
      <ErrorAlert error={result.error ?? more.error} />
      {result.loading && !result.data ? <Loading /> : null}
      {result.data && !rows.length ? <EmptyState title="No members match">Try another name or status.</EmptyState> : null}
      {rows.length ? (
        <Table
          caption={`${rows.length}${cursor ? '+' : ''} members`}
          rows={rows}
          rowKey={(m) => m.id}
          columns={[
            { header: 'Name', cell: (m) => <Link to={`/app/branch/members/${m.id}`}>{m.firstName} {m.lastName}</Link> },
            { header: 'Number', cell: (m) => m.memberNumber },
            { header: 'Status', cell: (m) => status(m.status) },
            { header: 'Standing', cell: (m) => <StandingBadge good={m.inGoodStanding} /> },
            { header: 'E-mail', cell: (m) => m.email ?? '—' },
          ]}
        />
      ) : null}
      {cursor ? <Button variant="secondary" busy={more.busy} onClick={() => more.run()}>Show more</Button> : null}
    </>
  );
}

function MemberPage({ id }: { id: string }) {
  const member = useLoad((signal) => api.get('/members/{memberId}', { path: { memberId: id }, signal }), [id]);
  const branches = useBranches();
  const [asOf, setAsOf] = useState(today());
  const standing = useAction((d: string) => api.get('/dues/members/{memberId}/standing', { path: { memberId: id }, query: { asOf: d } }));
  const [editing, setEditing] = useState(false);
  if (member.loading && !member.data) return <><PageHeader title="Member" /><Loading /></>;
  if (!member.data) return <><PageHeader title="Member" /><ErrorAlert error={member.error} /></>;
  const m = member.data;
  const branchName = (bid: string | null) => branches.data?.find((b) => b.id === bid)?.name ?? bid ?? '—';
  return (
    <>
      <PageHeader title={`${m.firstName} ${m.lastName}`} intro={`Member ${m.memberNumber} · ${status(m.status)}`}>
        <p>
          <Link to="/app/branch">← All members</Link>
        </p>
      </PageHeader>
      {m.status === 'applicant' ? <Decide member={m} onDone={member.reload} /> : null}
      <div className="grid grid--2">
        <Card title="Record">
          {editing ? (
            <EditMember member={m} onDone={() => { setEditing(false); member.reload(); }} />
          ) : (
            <>
              <Facts
                items={[
                  ['Status', status(m.status)],
                  ['Branch', m.branchCode ?? branchName(m.branchId)],
                  ['Applied', date(m.appliedOn)],
                  ['Joined', date(m.joinedOn)],
                  ['E-mail', m.email],
                  ['Phone', m.phone],
                  ['Address', m.address],
                  ['E-mail consent', m.emailConsent ? (m.emailConsent.given ? `Given ${date(m.emailConsent.at)}` : 'Withdrawn') : 'Not asked'],
                ]}
              />
              <div className="form-actions">
                <Button variant="secondary" onClick={() => setEditing(true)}>Correct contact details</Button>
              </div>
            </>
          )}
        </Card>
        <Card title="Standing">
          <p>
            <StandingBadge good={m.inGoodStanding} />{' '}
            {m.standing ? <span className="muted">as of {date(m.standing.asOf)}, {plural(m.standing.arrearsMonths, 'month')} behind</span> : null}
          </p>
          <form
            noValidate
            onSubmit={(e) => {
              e.preventDefault();
              void standing.run(asOf);
            }}
          >
            <TextField label="Standing at a date" type="date" value={asOf} onChange={(e) => setAsOf(e.target.value)} />
            <Button type="submit" variant="secondary" busy={standing.busy}>Check</Button>
          </form>
          <ErrorAlert error={standing.error} />
          {standing.result ? (
            <div role="status">
              <p>
                On {date(standing.result.asOf)}: {standing.result.inGoodStanding ? <Badge kind="good">In good standing</Badge> : <Badge kind="bad">Not in good standing</Badge>}
              </p>
              <p className="muted">
                {standing.result.reason.replace(/_/g, ' ')} · {plural(standing.result.arrearsMonths, 'month')} behind (grace {standing.result.graceMonths})
              </p>
            </div>
          ) : null}
        </Card>
      </div>
      <Card title="History">
        <Table
          caption="Status"
          rows={m.statusHistory}
          rowKey={(_, i) => String(i)}
          columns={[
            { header: 'Date', cell: (h) => date(h.on) },
            { header: 'Change', cell: (h) => `${h.from ? `${status(h.from)} → ` : ''}${status(h.to)}` },
            { header: 'By', cell: (h) => h.source },
            { header: 'Note', cell: (h) => h.reason ?? '—' },
          ]}
        />
        <Table
          caption="Branches"
          rows={m.branchHistory}
          rowKey={(_, i) => String(i)}
          columns={[
            { header: 'Branch', cell: (p) => branchName(p.branchId) },
            { header: 'From', cell: (p) => date(p.from) },
            { header: 'Until', cell: (p) => (p.to ? date(p.to) : 'now') },
          ]}
        />
      </Card>
    </>
  );
}

function EditMember({ member, onDone }: { member: Get<'/members/{memberId}'>; onDone: () => void }) {
  const [f, setF] = useState({ firstName: member.firstName, lastName: member.lastName, email: member.email ?? '', phone: member.phone ?? '', address: member.address ?? '' });
  const save = useAction(() => api.patch('/members/{memberId}', { path: { memberId: member.id }, body: { firstName: f.firstName, lastName: f.lastName, email: f.email || null, phone: f.phone || null, address: f.address || null } }));
  const set = (k: keyof typeof f) => (e: { target: { value: string } }) => setF({ ...f, [k]: e.target.value });
  return (
    <form noValidate onSubmit={async (e) => { e.preventDefault(); if (await save.run()) onDone(); }}>
      <ErrorAlert error={save.error} />
      <TextField label="First name" value={f.firstName} onChange={set('firstName')} />
      <TextField label="Last name" value={f.lastName} onChange={set('lastName')} />
      <TextField label="E-mail" type="email" value={f.email} onChange={set('email')} />
      <TextField label="Phone" type="tel" value={f.phone} onChange={set('phone')} />
      <TextField label="Address" value={f.address} onChange={set('address')} />
      <div className="form-actions">
        <Button type="submit" busy={save.busy}>Save</Button>
        <Button variant="ghost" onClick={onDone}>Cancel</Button>
      </div>
    </form>
  );
}

function Decide({ member, onDone }: { member: { id: string; firstName: string; lastName: string }; onDone: () => void }) {
  const [note, setNote] = useState('');
  const [reason, setReason] = useState('');
  const [declining, setDeclining] = useState(false);
  const [err, setErr] = useState<string>();
  const admit = useAction(() => api.post('/members/{memberId}/admit', { path: { memberId: member.id }, body: note.trim() ? { reason: note.trim() } : {} }));
  const decline = useAction(() => api.post('/members/{memberId}/decline', { path: { memberId: member.id }, body: { reason: reason.trim() } }));
  const done = admit.result ?? decline.result;
  if (done) return <Alert kind="success" live>{member.firstName} {member.lastName} is now {status(done.status).toLowerCase()}.</Alert>;
  return (
    <Card title="Application">
      <ErrorAlert error={admit.error ?? decline.error} />
      {!declining ? (
        <>
          <TextField label="Note for the record (optional)" value={note} onChange={(e) => setNote(e.target.value)} />
          <div className="form-actions">
            <Button busy={admit.busy} onClick={async () => (await admit.run()) && onDone()}>Admit</Button>
            <Button variant="secondary" onClick={() => setDeclining(true)}>Decline…</Button>
          </div>
        </>
      ) : (
        <>
          <TextArea label="Why the application is declined" hint="The applicant will see this." value={reason} onChange={(e) => setReason(e.target.value)} error={err} rows={3} />
          <div className="form-actions">
            <Button
              variant="danger"
              busy={decline.busy}
              onClick={async () => {
                if (!reason.trim()) return setErr('Give a reason; the applicant will see it.');
                setErr(undefined);
                if (await decline.run()) onDone();
              }}
            >
              Decline the application
            </Button>
            <Button variant="ghost" onClick={() => setDeclining(false)}>Cancel</Button>
          </div>
        </>
      )}
    </Card>
  );
}

function Admissions() {
  const list = useLoad((signal) => api.get('/members', { query: { status: 'applicant', pageSize: '200' }, signal }), []);
  return (
    <>
      <PageHeader title="Admissions" intro="People who have applied to join your branch and confirmed their e-mail address (an application nobody confirms is discarded after two days). Admitting someone sends them the code of conduct and how to reach the Control Commission." />
      <ErrorAlert error={list.error} />
      {list.loading && !list.data ? <Loading /> : null}
      {list.data && !list.data.items.length ? <EmptyState title="No applications waiting">New applications appear here once the applicant has confirmed their e-mail address.</EmptyState> : null}
      {list.data?.items.length ? (
        <Table
          caption={plural(list.data.items.length, 'application')}
          rows={list.data.items}
          rowKey={(m) => m.id}
          columns={[
            { header: 'Name', cell: (m) => `${m.firstName} ${m.lastName}` },
            { header: 'E-mail', cell: (m) => m.email ?? '—' },
            { header: 'Decide', cell: (m) => <Link className="button button--small" to={`/app/branch/members/${m.id}`}>Review<span className="visually-hidden"> {m.firstName} {m.lastName}</span></Link> },
          ]}
        />
      ) : null}
    </>
  );
}

function Transfers() {
  const list = useLoad((signal) => api.get('/transfers/incoming', { signal }), []);
  const branches = useBranches();
  const [declining, setDeclining] = useState<string | null>(null);
  const [reason, setReason] = useState('');
  const [err, setErr] = useState<string>();
  const accept = useAction((id: string) => api.post('/transfers/{transferId}/accept', { path: { transferId: id } }));
  const decline = useAction((id: string) => api.post('/transfers/{transferId}/decline', { path: { transferId: id }, body: { reason: reason.trim() } }));
  const name = (id: string) => branches.data?.find((b) => b.id === id)?.name ?? '—';
  return (
    <>
      <PageHeader title="Transfers" intro="Members asking to move into your branch." />
      <ErrorAlert error={list.error ?? accept.error ?? decline.error} />
      {accept.result ? <Alert kind="success" live>Transfer accepted{accept.result.effectiveOn ? `, effective ${date(accept.result.effectiveOn)}` : ''}.</Alert> : null}
      {decline.result ? <Alert kind="success" live>Transfer declined. The member has been told why.</Alert> : null}
      {list.loading && !list.data ? <Loading /> : null}
      {list.data && !list.data.length ? <EmptyState title="No transfer requests">Requests to move into your branch will appear here.</EmptyState> : null}
      {list.data?.length ? (
        <Table
          caption={plural(list.data.length, 'request')}
          rows={list.data}
          rowKey={(t) => t.id}
          columns={[
            { header: 'Member', cell: (t) => t.memberName },
            { header: 'From', cell: (t) => name(t.fromBranchId) },
            { header: 'Asked on', cell: (t) => date(t.requestedOn) },
            { header: 'Note', cell: (t) => t.reason ?? '—' },
            {
              header: 'Decide',
              cell: (t) =>
                declining === t.id ? (
                  <div>
                    <TextField label="Why (the member will see it)" value={reason} onChange={(e) => setReason(e.target.value)} error={err} />
                    <div className="row">
                      <Button small variant="danger" busy={decline.busy} onClick={async () => {
                        if (!reason.trim()) return setErr('Give a reason.');
                        setErr(undefined);
                        if (await decline.run(t.id)) { setDeclining(null); list.reload(); }
                      }}>Decline</Button>
                      <Button small variant="ghost" onClick={() => setDeclining(null)}>Cancel</Button>
                    </div>
                  </div>
                ) : (
                  <div className="row">
                    <Button small busy={accept.busy} onClick={async () => (await accept.run(t.id)) && list.reload()}>Accept<span className="visually-hidden"> {t.memberName}</span></Button>
                    <Button small variant="secondary" onClick={() => { setDeclining(t.id); setReason(''); }}>Decline…<span className="visually-hidden"> {t.memberName}</span></Button>
                  </div>
                ),
            },
          ]}
        />
      ) : null}
    </>
  );
}

const IMPORT_COLUMNS = 'first_name,last_name,email,phone,branch_code,joined_on,status';

function Import() {
  const [text, setText] = useState('');
  const [fileName, setFileName] = useState<string | null>(null);
  const [mapping, setMapping] = useState('');
  const mappings = useLoad((signal) => api.get('/imports/mappings', { signal }), []);
  const preview = useAction(() => api.upload('/members/import', text, { query: { mode: 'dry-run', mapping: mapping || undefined } }));
  const apply = useAction(() => api.upload('/members/import', text, { query: { mode: 'apply', mapping: mapping || undefined } }));
  const [showWarned, setShowWarned] = useState(true);
  const lines = useMemo(() => text.split(/\r?\n/), [text]);
  const report = preview.result;
  // The report lists the rows with a problem only: rejected ones, and accepted ones with a warning.
  const rows = report ? (showWarned ? report.rows : report.rows.filter((r) => !r.ok)) : [];
  const warned = report ? report.rows.filter((r) => r.ok).length : 0;
  return (
    <>
      <PageHeader title="Import members" intro="Bring in a spreadsheet of members. First a dry run checks every row and changes nothing; then you apply it — all rows or none." />
      <Card title="1. The file">
        <MappingChoice
          hint="The tool the file comes from. A mapping reads its columns as they are, so the file needs no editing."
          value={mapping}
          mappings={mappings}
          onChange={(name) => { setMapping(name); preview.setResult(undefined); apply.setResult(undefined); }}
        >
          <p>
            A CSV file (UTF-8, commas), with a header row: <code>{IMPORT_COLUMNS}</code>, and optionally <code>member_number,address,email_consent</code>. Status is
            active, lapsed or applicant; dates are YYYY-MM-DD.
          </p>
        </MappingChoice>
        <div className="field">
          <label htmlFor="import-file">Choose a file</label>
          <input
            id="import-file"
            type="file"
            accept=".csv,text/csv"
            onChange={async (e) => {
              const f = e.target.files?.[0];
              if (!f) return;
              setFileName(f.name);
              setText(await f.text());
              preview.setResult(undefined);
              apply.setResult(undefined);
            }}
          />
        </div>
        <TextArea label="Or paste the rows" value={text} onChange={(e) => { setText(e.target.value); setFileName(null); preview.setResult(undefined); apply.setResult(undefined); }} rows={6} spellCheck={false} style={{ fontFamily: 'var(--mono)' }} />
        <div className="form-actions">
          <Button disabled={!text.trim()} busy={preview.busy} onClick={() => { apply.setResult(undefined); void preview.run(); }}>Check the file (dry run)</Button>
        </div>
      </Card>
      <ErrorAlert error={preview.error} title="The file could not be checked" />
      {report ? (
        <Card title="2. Dry run">
          <div role="status" aria-live="polite">
            {report.ok ? (
              <Alert kind="success" title={`All ${plural(report.accepted, 'row')} can be imported`}>Nothing has been changed yet.</Alert>
            ) : (
              <Alert kind="warning" title={`${plural(report.rejected, 'row')} rejected, ${report.accepted} accepted`}>
                Nothing will be imported until every row is correct. Fix the rows below in your file and check it again.
              </Alert>
            )}
          </div>
          {report.skipped ? (
            <details>
              <summary>{plural(report.skipped, 'row')} left out by the mapping</summary>
              <ul>
                {report.skippedRows.map((r) => (
                  <li key={r.row}>
                    Row {r.row}: {r.reason}
                  </li>
                ))}
              </ul>
              {report.skippedRowsNotShown ? <p className="muted">and {plural(report.skippedRowsNotShown, 'more row')}, not listed</p> : null}
            </details>
          ) : null}
          <p className="muted">
            {fileName ? `${fileName} · ` : ''}{report.mapping ? `mapping ${report.mapping} · ` : ''}fingerprint <code>{report.fileSha256.slice(0, 12)}</code>
          </p>
          {warned ? (
            <label className="choice">
              <input type="checkbox" checked={showWarned} onChange={(e) => setShowWarned(e.target.checked)} /> Show accepted rows with a warning too ({warned})
            </label>
          ) : null}
          {rows.length ? (
            <Table
              caption="Rows with a problem"
              rows={rows}
              rowKey={(r) => String(r.row)}
              rowClass={(r) => (r.ok ? undefined : 'row--bad')}
              columns={[
                { header: 'Row', num: true, cell: (r) => r.row },
                { header: 'Result', cell: (r) => (r.ok ? <Badge kind="info">Accepted, check</Badge> : <Badge kind="bad">Rejected</Badge>) },
                {
                  header: 'Problems',
                  cell: (r) => {
                    const problems = [...r.errors, ...(r.warnings ?? [])];
                    return problems.length ? <ul style={{ margin: 0, paddingLeft: '1.1rem' }}>{problems.map((e, i) => <li key={i}><strong>{e.field}</strong>: {e.message}</li>)}</ul> : '—';
                  },
                },
                { header: 'Line', cell: (r) => <code style={{ overflowWrap: 'anywhere' }}>{lines[r.row - 1] ?? ''}</code> },
              ]}
            />
          ) : null}
          {report.rowsNotShown ? (
            <p role="note">
              {plural(report.rowsNotShown, 'more row')} with a problem {report.rowsNotShown === 1 ? 'is' : 'are'} not listed: fix the rows above and check the file again to see them.
            </p>
          ) : null}
          {report.ok ? (
            <div className="form-actions">
              <Button busy={apply.busy} disabled={!!apply.result} onClick={() => apply.run()}>Import {plural(report.accepted, 'member')}</Button>
            </div>
          ) : null}
          <ErrorAlert error={apply.error} title="Nothing was imported" />
          {apply.result ? (
            <Alert kind="success" title={apply.result.alreadyApplied ? 'This file was already imported' : `Imported ${plural(apply.result.accepted, 'member')}`} live>
              <p>
                <Link to="/app/branch">See the members</Link>
              </p>
            </Alert>
          ) : null}
          {apply.result?.batchId ? <InvitationProgress batchId={apply.result.batchId} /> : null}
        </Card>
      ) : null}
    </>
  );
}

function Roll() {
  const { me, roles } = useMe();
  const branchId = roles.secretaryOf.find((b) => b !== '*') ?? me.branchId ?? undefined;
  const members = useLoad(async (signal) => {
    const all: Summary[] = [];
    let cursor: string | undefined;
    for (let i = 0; i < 20; i++) {
      const r = await api.get('/members', { query: { status: 'active,lapsed,suspended', pageSize: '200', ...(cursor ? { cursor } : {}) }, signal });
      all.push(...r.items);
      if (!r.nextCursor) break;
      cursor = r.nextCursor;
    }
    return all;
  }, []);
  const rolls = useLoad((signal) => api.get('/electoral-rolls', { signal }), []);
  const [asOf, setAsOf] = useState(today());
  const [label, setLabel] = useState('');
  const freeze = useAction(() =>
    api.post('/electoral-rolls', { body: { asOf, scope: 'branch', branchId, ...(label.trim() ? { label: label.trim() } : {}) }, headers: { 'Idempotency-Key': idempotencyKey() } }),
  );
  const exportCsv = useAction(async () => {
    const csv = await api.download('/members/export');
    const url = URL.createObjectURL(new Blob([csv], { type: 'text/csv' }));
    const a = document.createElement('a');
    a.href = url;
    a.download = 'members.csv';
    a.click();
    setTimeout(() => URL.revokeObjectURL(url), 1000);
  });
  const good = members.data?.filter((m) => m.inGoodStanding).length ?? 0;
  return (
    <>
      <PageHeader title="Branch roll" intro="Your branch's current members and their standing, and the electoral rolls frozen from it." />
      <ErrorAlert error={members.error} />
      {members.loading && !members.data ? <Loading /> : null}
      {members.data ? (
        <>
          <div className="grid grid--3">
            <Card><p className="stat">{members.data.length}</p><p className="stat-label">current members</p></Card>
            <Card><p className="stat">{good}</p><p className="stat-label">in good standing</p></Card>
            <Card>
              <Button variant="secondary" busy={exportCsv.busy} onClick={() => exportCsv.run()}>Download the register (CSV)</Button>
              <ErrorAlert error={exportCsv.error} />
            </Card>
          </div>
          {members.data.length ? (
            <Table
              caption="Current members"
              rows={members.data}
              rowKey={(m) => m.id}
              columns={[
                { header: 'Number', cell: (m) => m.memberNumber },
                { header: 'Name', cell: (m) => <Link to={`/app/branch/members/${m.id}`}>{m.firstName} {m.lastName}</Link> },
                { header: 'Status', cell: (m) => status(m.status) },
                { header: 'Standing', cell: (m) => <StandingBadge good={m.inGoodStanding} /> },
              ]}
            />
          ) : (
            <EmptyState title="No current members" />
          )}
        </>
      ) : null}
      <Card title="Electoral rolls">
        <p className="muted">Freezing a roll fixes who may vote: status, branch and standing as they stood on the freeze date.</p>
        <ErrorAlert error={rolls.error ?? freeze.error} />
        {freeze.result ? <Alert kind="success" live>Roll frozen: {plural(freeze.result.entryCount, 'voter')} as of {date(freeze.result.asOf)}.</Alert> : null}
        {rolls.data?.length ? (
          <Table
            caption="Frozen rolls"
            rows={rolls.data}
            rowKey={(r) => r.id}
            columns={[
              { header: 'Label', cell: (r) => r.label ?? '—' },
              { header: 'As of', cell: (r) => date(r.asOf) },
              { header: 'Voters', num: true, cell: (r) => r.entryCount },
              { header: 'Frozen', cell: (r) => date(r.frozenAt) },
            ]}
          />
        ) : rolls.data ? (
          <EmptyState title="No rolls frozen yet" />
        ) : null}
        <form
          noValidate
          onSubmit={async (e) => {
            e.preventDefault();
            if (await freeze.run()) rolls.reload();
          }}
        >
          <div className="grid grid--2">
            <TextField label="Freeze date" type="date" value={asOf} onChange={(e) => setAsOf(e.target.value)} />
            <TextField label="Label (optional)" value={label} onChange={(e) => setLabel(e.target.value)} hint="For example: branch AGM 2026" />
          </div>
          <Button type="submit" variant="secondary" busy={freeze.busy}>Freeze a branch roll</Button>
        </form>
      </Card>
    </>
  );
}

