import { useState, type FormEvent } from 'react';
import { api, type Get } from '../../api/client';
import { useMe } from '../../app/session';
import { date, money, parseMoney, status } from '../../ui/format';
import { useAction, useLoad } from '../../ui/hooks';
import { Alert, Badge, Button, Card, Checkbox, EmptyState, ErrorAlert, Facts, Loading, PageHeader, SelectField, Table, TextField } from '../../ui/kit';

type Member = Get<'/me/member'>;
type Dues = Get<'/me/dues'>;
type Plan = Get<'/dues/plans'>[number];
type Branch = Get<'/branches'>[number];

export function MyRecord() {
  const { roles } = useMe();
  const data = useLoad(async (signal) => {
    const [member, dues, plans, branches, transfers] = await Promise.all([
      api.get('/me/member', { signal }),
      api.get('/me/dues', { signal }).catch(() => null),
      api.get('/dues/plans', { signal }).catch(() => [] as Plan[]),
      api.get('/branches', { signal }).catch(() => [] as Branch[]),
      roles.current ? api.get('/me/transfers', { signal }).catch(() => []) : Promise.resolve([]),
    ]);
    return { member, dues, plans, branches, transfers };
  }, []);
  if (data.loading && !data.data) return <><PageHeader title="My record and subs" /><Loading /></>;
  if (!data.data) return <><PageHeader title="My record and subs" /><ErrorAlert error={data.error} /></>;
  const { member, dues, plans, branches, transfers } = data.data;
  const branchName = (id: string | null) => branches.find((b) => b.id === id)?.name ?? (id ? 'another branch' : '—');
  return (
    <>
      <PageHeader title="My record and subs" intro="What the organization holds about you. You can correct your contact details and change your subs yourself." />
      <div className="grid grid--2">
        <RecordCard member={member} branchName={branchName(member.branchId)} onSaved={data.reload} />
        {dues ? <SubsCard dues={dues} plans={plans} onSaved={data.reload} /> : <Card title="Subs"><EmptyState title="No subs record">Subs are recorded once you are admitted.</EmptyState></Card>}
      </div>
      {dues ? <StandingCard dues={dues} /> : null}
      {roles.current ? <TransfersCard transfers={transfers} branches={branches} currentBranch={member.branchId} onChanged={data.reload} /> : null}
      <Card title="History">
        <Table
          caption="Status history"
          rows={member.statusHistory}
          rowKey={(_, i) => String(i)}
          columns={[
            { header: 'Date', cell: (h) => date(h.on) },
            { header: 'Status', cell: (h) => `${h.from ? `${status(h.from)} → ` : ''}${status(h.to)}` },
            { header: 'Note', cell: (h) => h.reason ?? '—' },
          ]}
        />
        <Table
          caption="Branches"
          rows={member.branchHistory}
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

function RecordCard({ member, branchName, onSaved }: { member: Member; branchName: string; onSaved: () => void }) {
  const [editing, setEditing] = useState(false);
  const [form, setForm] = useState({ firstName: member.firstName, lastName: member.lastName, email: member.email ?? '', phone: member.phone ?? '', address: member.address ?? '', emailConsent: member.emailConsent?.given ?? false });
  const save = useAction(() =>
    api.patch('/me/member', {
      body: { firstName: form.firstName, lastName: form.lastName, email: form.email || null, phone: form.phone || null, address: form.address || null, emailConsent: form.emailConsent },
    }),
  );
  const submit = async (e: FormEvent) => {
    e.preventDefault();
    if (await save.run()) {
      setEditing(false);
      onSaved();
    }
  };
  const set = (k: keyof typeof form) => (e: { target: { value: string } }) => setForm({ ...form, [k]: e.target.value });
  return (
    <Card title="Your record">
      {save.result && !editing ? <Alert kind="success" live>Your record has been updated.</Alert> : null}
      {!editing ? (
        <>
          <Facts
            items={[
              ['Name', `${member.firstName} ${member.lastName}`],
              ['Member number', member.memberNumber],
              ['Status', status(member.status)],
              ['Branch', branchName],
              ['Joined', date(member.joinedOn)],
              ['E-mail', member.email],
              ['Phone', member.phone],
              ['Address', member.address],
              ['E-mail from the organization', member.emailConsent?.given ? 'Yes' : 'No'],
            ]}
          />
          <div className="form-actions">
            <Button variant="secondary" onClick={() => setEditing(true)}>Correct my details</Button>
          </div>
        </>
      ) : (
        <form onSubmit={submit} noValidate>
          <ErrorAlert error={save.error} />
          <TextField label="First name" value={form.firstName} onChange={set('firstName')} autoComplete="given-name" />
          <TextField label="Last name" value={form.lastName} onChange={set('lastName')} autoComplete="family-name" />
          <TextField label="E-mail" type="email" value={form.email} onChange={set('email')} autoComplete="email" />
          <TextField label="Phone" type="tel" value={form.phone} onChange={set('phone')} autoComplete="tel" />
          <TextField label="Address" value={form.address} onChange={set('address')} autoComplete="street-address" />
          <Checkbox label="I agree to receive e-mail from the organization" checked={form.emailConsent} onChange={(e) => setForm({ ...form, emailConsent: e.target.checked })} />
          <div className="form-actions">
            <Button type="submit" busy={save.busy}>Save</Button>
            <Button variant="ghost" onClick={() => setEditing(false)}>Cancel</Button>
          </div>
        </form>
      )}
    </Card>
  );
}

/** Changing one's subs asks no questions: no reason, no approval, nobody is told. */
function SubsCard({ dues, plans, onSaved }: { dues: Dues; plans: Plan[]; onSaved: () => void }) {
  const plan = plans.find((p) => p.id === dues.planId) ?? plans.find((p) => p.isDefault);
  const [band, setBand] = useState(dues.level?.bandCode ?? '');
  const [amount, setAmount] = useState('');
  const [amountError, setAmountError] = useState<string>();
  const save = useAction(async () => {
    const custom = amount.trim() ? parseMoney(amount) : null;
    return api.put('/me/dues-level', { body: custom !== null ? { amountMinor: custom, ...(band ? { bandCode: band } : {}) } : band ? { bandCode: band } : {} });
  });
  const submit = async (e: FormEvent) => {
    e.preventDefault();
    if (amount.trim() && parseMoney(amount) === null) return setAmountError('Write the amount like 12.50.');
    setAmountError(undefined);
    if (await save.run()) {
      setAmount('');
      onSaved();
    }
  };
  return (
    <Card title="Your subs">
      <p>
        {dues.level ? (
          <>
            <span className="stat">{money(dues.level.amountMinor, dues.level.currency)}</span> <span className="stat-label">{dues.level.period}, since {date(dues.level.effectiveFrom)}</span>
          </>
        ) : (
          'No level set yet.'
        )}
      </p>
      <p className="muted">You can raise or lower your subs at any time. Nobody approves it, nobody is told, and you are not asked why.</p>
      {save.result ? <Alert kind="success" live>Your subs are now {money(save.result.amountMinor, save.result.currency)} {save.result.period} from {date(save.result.effectiveFrom)}.</Alert> : null}
      <form onSubmit={submit} noValidate>
        <ErrorAlert error={save.error} />
        {plan && plan.bands.length ? (
          <SelectField label="Income band" hint="Subs are set by what you earn; choose your band." value={band} onChange={(e) => setBand(e.target.value)}>
            <option value="">(keep as it is)</option>
            {plan.bands.map((b) => (
              <option key={b.code} value={b.code}>
                {b.label} — {money(b.amountMinor, plan.currency)}
              </option>
            ))}
          </SelectField>
        ) : null}
        <TextField
          label="Or a different amount per period"
          hint={plan ? `Optional. At least ${money(plan.minimumMinor, plan.currency)}.` : 'Optional.'}
          inputMode="decimal"
          value={amount}
          onChange={(e) => setAmount(e.target.value)}
          error={amountError}
        />
        <div className="form-actions">
          <Button type="submit" busy={save.busy}>Change my subs</Button>
        </div>
      </form>
    </Card>
  );
}

function StandingCard({ dues }: { dues: Dues }) {
  const s = dues.standing;
  const reasons: Record<string, string> = {
    in_good_standing: 'Your subs are up to date.',
    arrears: `You are ${s.arrearsMonths} month(s) behind (${s.graceMonths} months of grace).`,
    suspended: 'Your membership is suspended.',
    expelled: 'You are not a member.',
    not_a_member: 'You are not a member.',
  };
  return (
    <Card title="Standing">
      <p>
        {s.inGoodStanding ? <Badge kind="good">In good standing</Badge> : <Badge kind="bad">Not in good standing</Badge>} <span>{reasons[s.reason] ?? s.reason}</span>
      </p>
      <Facts
        items={[
          ['As of', date(s.asOf)],
          ['Owed to date', money(s.owedMinor, s.currency)],
          ['Paid and counted', money(s.countedMinor, s.currency)],
          ['Outstanding', money(s.outstandingMinor, s.currency)],
          ['Paid ahead', money(s.prepaidMinor, s.currency)],
        ]}
      />
      {dues.payments.length ? (
        <Table
          caption="Recent payments"
          rows={[...dues.payments].reverse().slice(0, 12)}
          rowKey={(p) => p.id}
          columns={[
            { header: 'Paid on', cell: (p) => date(p.paidOn) },
            { header: 'Amount', num: true, cell: (p) => money(p.amountMinor, p.currency) },
            { header: 'How', cell: (p) => ({ treasurer: 'Recorded by the treasurer', 'bank-import': 'Bank transfer', seed: 'Earlier records' })[p.source] ?? p.source },
          ]}
        />
      ) : (
        <EmptyState title="No payments yet" />
      )}
    </Card>
  );
}

function TransfersCard({ transfers, branches, currentBranch, onChanged }: { transfers: Get<'/me/transfers'>; branches: Branch[]; currentBranch: string | null; onChanged: () => void }) {
  const [to, setTo] = useState('');
  const [reason, setReason] = useState('');
  const [err, setErr] = useState<string>();
  const ask = useAction(() => api.post('/me/transfers', { body: { toBranchId: to, ...(reason.trim() ? { reason: reason.trim() } : {}) } }));
  const withdraw = useAction((id: string) => api.post('/me/transfers/{transferId}/withdraw', { path: { transferId: id } }));
  const name = (id: string) => branches.find((b) => b.id === id)?.name ?? 'another branch';
  const open = transfers.filter((t) => t.status === 'requested');
  return (
    <Card title="Moving branch">
      <ErrorAlert error={withdraw.error} />
      {transfers.length ? (
        <Table
          caption="Your transfer requests"
          rows={transfers}
          rowKey={(t) => t.id}
          columns={[
            { header: 'To', cell: (t) => name(t.toBranchId) },
            { header: 'Asked on', cell: (t) => date(t.requestedOn) },
            { header: 'State', cell: (t) => `${t.status}${t.declineReason ? ` — ${t.declineReason}` : ''}` },
            {
              header: 'Action',
              cell: (t) =>
                t.status === 'requested' ? (
                  <Button small variant="secondary" busy={withdraw.busy} onClick={async () => (await withdraw.run(t.id)) && onChanged()}>
                    Withdraw
                  </Button>
                ) : null,
            },
          ]}
        />
      ) : null}
      {open.length ? null : (
        <form
          noValidate
          onSubmit={async (e) => {
            e.preventDefault();
            if (!to) return setErr('Choose the branch you want to move to.');
            setErr(undefined);
            if (await ask.run()) {
              setTo('');
              setReason('');
              onChanged();
            }
          }}
        >
          <ErrorAlert error={ask.error} />
          {ask.result ? <Alert kind="success" live>Your request has been sent to the receiving branch's secretary.</Alert> : null}
          <SelectField label="Move to" value={to} onChange={(e) => setTo(e.target.value)} error={err}>
            <option value="">Choose a branch</option>
            {branches
              .filter((b) => b.status === 'active' && b.id !== currentBranch)
              .map((b) => (
                <option key={b.id} value={b.id}>
                  {b.name} ({b.code})
                </option>
              ))}
          </SelectField>
          <TextField label="A note for the secretary (optional)" value={reason} onChange={(e) => setReason(e.target.value)} />
          <div className="form-actions">
            <Button type="submit" busy={ask.busy}>Ask to move</Button>
          </div>
        </form>
      )}
    </Card>
  );
}
