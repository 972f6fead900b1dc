/**
 * Treasurer: record a payment, a member's payments and standing at a date, hardship waivers, the
 * bank-file import (dry run row by row, then apply), and the standing runs.
 */
import { useState } from 'react';
import { api, idempotencyKey } from '../../api/client';
import { Link, navigate, useLocation } from '../../app/router';
import { date, dateTime, money, parseMoney, plural, today } from '../../ui/format';
import { useAction, useLoad } from '../../ui/hooks';
import { Alert, Badge, Button, Card, EmptyState, ErrorAlert, Facts, PageHeader, Table, TextArea, TextField } from '../../ui/kit';
import { MappingChoice } from '../../ui/mapping-choice';

export default function TreasuryArea({ path }: { path: string }) {
  if (path === '/app/treasury/bank') return <BankImport />;
  return <Payments />;
}

const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;

function Payments() {
  const { search } = useLocation();
  const [q, setQ] = useState('');
  const [asked, setAsked] = useState<string | null>(null);
  // The open member is in the address (?member=), so a result is a link and Back works.
  const current = UUID.test(search.get('member') ?? '') ? search.get('member') : null;
  const [err, setErr] = useState<string>();
  const plans = useLoad((signal) => api.get('/dues/plans', { signal }), []);
  const found = useLoad((signal) => (asked ? api.get('/dues/members', { query: { q: asked, limit: 20 }, signal }) : Promise.resolve(null)), [asked]);
  const currency = plans.data?.find((p) => p.isDefault)?.currency ?? plans.data?.[0]?.currency ?? 'EUR';
  const open = (id: string) => navigate(`/app/treasury?member=${id}`);
  return (
    <>
      <PageHeader title="Payments and standing" intro="Record subs paid in cash or by cheque, see a member's payments, and check standing at any date." />
      <form
        className="card"
        noValidate
        role="search"
        onSubmit={(e) => {
          e.preventDefault();
          const text = q.trim();
          if (!text) return setErr('Type part of a name or a member number.');
          setErr(undefined);
          if (UUID.test(text)) return open(text);
          setAsked(text);
        }}
      >
        <TextField label="Find a member" hint="Part of a name, or a member number (members of the branches you are treasurer of)." value={q} onChange={(e) => setQ(e.target.value)} error={err} spellCheck={false} autoComplete="off" />
        <Button type="submit">Find</Button>
      </form>
      <ErrorAlert error={found.error} />
      {asked && found.data && !found.data.length ? <EmptyState title={`Nobody matches “${asked}”`}>Check the spelling, or try the member number.</EmptyState> : null}
      {found.data?.length ? (
        <Table
          caption="Members found"
          rows={found.data}
          rowKey={(m) => m.id}
          columns={[
            { header: 'Member', cell: (m) => <Link to={`/app/treasury?member=${m.id}`}>{m.firstName} {m.lastName}</Link> },
            { header: 'Number', cell: (m) => m.memberNumber },
            { header: 'Status', cell: (m) => m.status },
            { header: 'Standing', cell: (m) => (m.standing ? <Badge kind={m.standing.inGoodStanding ? 'good' : 'bad'}>{m.standing.inGoodStanding ? 'In good standing' : `${plural(m.standing.arrearsMonths, 'month')} behind`}</Badge> : '—') },
            { header: 'Subs level', cell: (m) => (m.level ? `${money(m.level.amountMinor, m.level.currency)} ${m.level.period}${m.level.chosenByMember ? '' : ' (default)'}` : '—') },
          ]}
        />
      ) : null}
      {current ? <MemberLedger key={current} memberId={current} currency={currency} /> : <EmptyState title="No member open">Find a member to record a payment or check their standing.</EmptyState>}
      <StandingRuns />
    </>
  );
}

function MemberLedger({ memberId, currency }: { memberId: string; currency: string }) {
  const payments = useLoad((signal) => api.get('/dues/members/{memberId}/payments', { path: { memberId }, signal }), [memberId]);
  const waivers = useLoad((signal) => api.get('/dues/members/{memberId}/waivers', { path: { memberId }, signal }), [memberId]);
  const [asOf, setAsOf] = useState(today());
  const standing = useLoad((signal) => api.get('/dues/members/{memberId}/standing', { path: { memberId }, query: { asOf }, signal }), [memberId, asOf]);
  const [amount, setAmount] = useState('');
  const [paidOn, setPaidOn] = useState(today());
  const [receipt, setReceipt] = useState('');
  const [amountErr, setAmountErr] = useState<string>();
  const [key, setKey] = useState(idempotencyKey);
  const record = useAction(() =>
    api.post('/dues/payments', { body: { memberId, amountMinor: parseMoney(amount)!, currency, paidOn, ...(receipt.trim() ? { receiptRef: receipt.trim() } : {}) }, headers: { 'Idempotency-Key': key } }),
  );
  const [wFrom, setWFrom] = useState(today());
  const [wTo, setWTo] = useState('');
  const [wReason, setWReason] = useState('');
  const waive = useAction(() => api.post('/dues/members/{memberId}/waivers', { path: { memberId }, body: { from: wFrom, to: wTo, reason: wReason } }));
  const s = standing.data;
  return (
    <>
      <div className="grid grid--2">
        <Card title="Record a payment">
          <ErrorAlert error={record.error} />
          {record.result ? (
            <Alert kind="success" live>
              Recorded {money(record.result.payment.amountMinor, record.result.payment.currency)} paid on {date(record.result.payment.paidOn)}. The member is now{' '}
              {record.result.standing.inGoodStanding ? 'in good standing' : 'not in good standing'}.
            </Alert>
          ) : null}
          <form
            noValidate
            onSubmit={async (e) => {
              e.preventDefault();
              if (parseMoney(amount) === null || parseMoney(amount) === 0) return setAmountErr('Write the amount like 12.50.');
              setAmountErr(undefined);
              if (await record.run()) {
                setAmount('');
                setReceipt('');
                setKey(idempotencyKey());
                payments.reload();
                standing.reload();
              }
            }}
          >
            <TextField label={`Amount (${currency})`} inputMode="decimal" value={amount} onChange={(e) => setAmount(e.target.value)} error={amountErr} />
            <TextField label="Paid on" type="date" max={today()} value={paidOn} onChange={(e) => setPaidOn(e.target.value)} />
            <TextField label="Receipt number (optional)" hint="The same receipt number twice is refused." value={receipt} onChange={(e) => setReceipt(e.target.value)} />
            <Button type="submit" busy={record.busy}>Record the payment</Button>
          </form>
        </Card>
        <Card title="Standing">
          <TextField label="At the date" type="date" value={asOf} onChange={(e) => setAsOf(e.target.value)} />
          <ErrorAlert error={standing.error} />
          {s ? (
            <div aria-live="polite">
              <p>{s.inGoodStanding ? <Badge kind="good">In good standing</Badge> : <Badge kind="bad">Not in good standing</Badge>} <span className="muted">{s.reason.replace(/_/g, ' ')}</span></p>
              <Facts
                items={[
                  ['Months behind', `${s.arrearsMonths} (grace ${s.graceMonths})`],
                  ['Owed', money(s.owedMinor, s.currency)],
                  ['Counted', money(s.countedMinor, s.currency)],
                  ['Outstanding', money(s.outstandingMinor, s.currency)],
                  ['Held (paid while suspended)', money(s.heldMinor, s.currency)],
                ]}
              />
            </div>
          ) : null}
        </Card>
      </div>
      <Card title="Payments">
        <ErrorAlert error={payments.error} />
        {payments.data && !payments.data.length ? <EmptyState title="No payments recorded" /> : null}
        {payments.data?.length ? (
          <Table
            caption={plural(payments.data.length, 'payment')}
            rows={[...payments.data].reverse()}
            rowKey={(p) => p.id}
            columns={[
              { header: 'Paid on', cell: (p) => date(p.paidOn) },
              { header: 'Amount', num: true, cell: (p) => money(p.amountMinor, p.currency) },
              { header: 'Source', cell: (p) => p.source },
              { header: 'Reference', cell: (p) => p.externalRef ?? '—' },
            ]}
          />
        ) : null}
      </Card>
      <Card title="Hardship waivers">
        <p className="muted">A waiver keeps a member in good standing without paying. The reason is seen by treasurers only.</p>
        <ErrorAlert error={waivers.error ?? waive.error} />
        {waivers.data?.length ? (
          <Table caption="Waivers" rows={waivers.data} rowKey={(w) => w.id} columns={[{ header: 'From', cell: (w) => date(w.from) }, { header: 'Until', cell: (w) => date(w.to) }, { header: 'Granted', cell: (w) => date(w.grantedOn) }]} />
        ) : null}
        <form noValidate onSubmit={async (e) => { e.preventDefault(); if (await waive.run()) waivers.reload(); }}>
          <div className="grid grid--2">
            <TextField label="First day covered" type="date" value={wFrom} onChange={(e) => setWFrom(e.target.value)} />
            <TextField label="First day no longer covered" type="date" value={wTo} onChange={(e) => setWTo(e.target.value)} />
          </div>
          <TextArea label="Reason (treasurers only)" rows={2} value={wReason} onChange={(e) => setWReason(e.target.value)} />
          <Button type="submit" variant="secondary" busy={waive.busy}>Grant a waiver</Button>
        </form>
      </Card>
    </>
  );
}

function StandingRuns() {
  const runs = useLoad((signal) => api.get('/dues/standing/runs', { signal }), []);
  const recompute = useAction(() => api.post('/dues/standing/recompute', { body: {} }));
  return (
    <Card title="Standing computations">
      <ErrorAlert error={runs.error ?? recompute.error} />
      {recompute.result ? <Alert kind="success" live>Recomputed: {recompute.result.inGoodStanding} of {recompute.result.members} in good standing.</Alert> : null}
      {runs.data?.length ? (
        <Table
          caption="Recent runs"
          rows={runs.data.slice(0, 5)}
          rowKey={(r) => r.id}
          columns={[
            { header: 'As of', cell: (r) => date(r.asOf) },
            { header: 'Members', num: true, cell: (r) => r.members },
            { header: 'Good standing', num: true, cell: (r) => r.inGoodStanding },
            { header: 'Lapsed', num: true, cell: (r) => r.lapsed },
            { header: 'Run', cell: (r) => `${r.trigger}` },
          ]}
        />
      ) : runs.data ? <EmptyState title="No runs yet" /> : null}
      <Button variant="secondary" busy={recompute.busy} onClick={async () => (await recompute.run()) && runs.reload()}>Recompute standing now</Button>
    </Card>
  );
}

const MAPPING_EXAMPLE = JSON.stringify(
  {
    description: 'Our bank, statement export',
    fields: { date: { column: 'Booking date', dateFormats: ['DD.MM.YYYY'] }, amount: { column: 'Credit' }, reference: { column: 'Purpose' }, transaction_id: { column: 'Ref', optional: true } },
  },
  null,
  2,
);

function BankImport() {
  const [text, setText] = useState('');
  const [skip, setSkip] = useState(false);
  const [mapping, setMapping] = useState('');
  const mappings = useLoad((signal) => api.get('/dues/import-mappings', { signal }), []);
  const preview = useAction(() => api.upload('/dues/bank-imports', text, { query: { mode: 'dry-run', mapping: mapping || undefined } }));
  const apply = useAction(() => api.upload('/dues/bank-imports', text, { query: { mode: 'apply', skipRejected: skip ? 'true' : 'false', mapping: mapping || undefined } }));
  const r = preview.result;
  const reset = () => { preview.setResult(undefined); apply.setResult(undefined); };
  const outcome = { new: <Badge kind="good">New</Badge>, 'already-imported': <Badge>Already imported</Badge>, 'duplicate-in-file': <Badge kind="info">Duplicate in file</Badge>, rejected: <Badge kind="bad">Rejected</Badge> };
  return (
    <>
      <PageHeader title="Bank file" intro="Import the bank's export of incoming transfers. Rows already imported are recognised and never counted twice." />
      <Card title="1. The file">
        <MappingChoice
          hint="The bank or tool the file comes from. A mapping reads its columns as they are, so the file needs no editing."
          value={mapping}
          mappings={mappings}
          onChange={(name) => { setMapping(name); reset(); }}
        >
          <p>
            A CSV with the header <code>date,amount,currency,reference,transaction_id</code>. The reference must contain the member number or e-mail address.
          </p>
        </MappingChoice>
        <div className="field">
          <label htmlFor="bank-file">Choose the bank export</label>
          <input id="bank-file" type="file" accept=".csv,text/csv" onChange={async (e) => { const f = e.target.files?.[0]; if (f) { setText(await f.text()); reset(); } }} />
        </div>
        <TextArea label="Or paste it" rows={5} value={text} onChange={(e) => { setText(e.target.value); preview.setResult(undefined); apply.setResult(undefined); }} spellCheck={false} style={{ fontFamily: 'var(--mono)' }} />
        <Button disabled={!text.trim()} busy={preview.busy} onClick={() => preview.run()}>Check the file (dry run)</Button>
      </Card>
      <ErrorAlert error={preview.error} title="The file could not be checked" />
      {r ? (
        <Card title="2. Dry run">
          <Alert kind={r.rejected ? 'warning' : 'success'} live>
            {plural(r.newPayments, 'new payment')}, {r.alreadyImported} already imported, {r.rejected} rejected. Nothing has been changed yet.
          </Alert>
          <Table
            caption="Rows"
            rows={r.rows}
            rowKey={(x) => String(x.row)}
            rowClass={(x) => (x.outcome === 'rejected' ? 'row--bad' : undefined)}
            columns={[
              { header: 'Row', num: true, cell: (x) => x.row },
              { header: 'Outcome', cell: (x) => outcome[x.outcome] },
              { header: 'Member id', cell: (x) => (x.memberId ? <code>{x.memberId}</code> : '—') },
              { header: 'Problems', cell: (x) => (x.errors.length ? x.errors.map((e) => `${e.field}: ${e.message}`).join('; ') : '—') },
            ]}
          />
          {r.rejected ? (
            <label className="choice">
              <input type="checkbox" checked={skip} onChange={(e) => setSkip(e.target.checked)} /> Import the good rows and skip the rejected ones
            </label>
          ) : null}
          <ErrorAlert error={apply.error} title="Nothing was imported" />
          {apply.result ? (
            <Alert kind="success" live>Added {plural(apply.result.added, 'payment')} to the ledger.</Alert>
          ) : (
            <Button busy={apply.busy} disabled={!!r.rejected && !skip} onClick={() => apply.run()}>Import {plural(r.newPayments, 'payment')}</Button>
          )}
          <p className="muted">Checked {dateTime(new Date())}</p>
        </Card>
      ) : null}
      <SavePaymentMapping onSaved={(name) => { mappings.reload(); setMapping(name); reset(); }} />
    </>
  );
}

/** Saves a column mapping by name for the whole organization (a new version when the name exists). */
function SavePaymentMapping({ onSaved }: { onSaved: (name: string) => void }) {
  const [name, setName] = useState('');
  const [json, setJson] = useState(MAPPING_EXAMPLE);
  const [parseError, setParseError] = useState<string>();
  const save = useAction((definition: { description?: string; fields: Record<string, never> }) => api.put('/dues/import-mappings/{name}', { path: { name }, body: definition }));
  return (
    <Card title="Save a column mapping">
      <p>
        For a bank or tool whose export has other column names: say, for each of <code>date</code>, <code>amount</code>, <code>reference</code> (required) and{' '}
        <code>currency</code>, <code>transaction_id</code>, <code>status</code>, which column it comes from. Saved by name, every treasurer can then choose it above.
      </p>
      <TextField label="Name" hint="Lower-case letters, digits, - or _ (e.g. our-bank)." value={name} onChange={(e) => setName(e.target.value.trim())} />
      <TextArea label="Mapping (JSON)" rows={9} value={json} onChange={(e) => { setJson(e.target.value); setParseError(undefined); }} spellCheck={false} style={{ fontFamily: 'var(--mono)' }} error={parseError} />
      <ErrorAlert error={save.error} title="The mapping was not saved" />
      {save.result ? <Alert kind="success" live>Saved “{save.result.name}” (version {save.result.version}).</Alert> : null}
      <Button
        variant="secondary"
        disabled={!name || !json.trim()}
        busy={save.busy}
        onClick={async () => {
          let definition: { description?: string; fields: Record<string, never> };
          try {
            definition = JSON.parse(json);
          } catch {
            setParseError('This is not valid JSON: check the commas, quotes and braces.');
            return;
          }
          const saved = await save.run(definition);
          if (saved) onSaved(saved.name);
        }}
      >
        Save the mapping
      </Button>
    </Card>
  );
}
