import { BODY_KINDS, MANDATE_ROLES, assertCompatible, assertSeatAvailable, type BodyKind, type MandateRole } from '@org/identity';
import { DomainError, isIsoDate } from '@org/kernel';
import { Branch, MemberProfile } from '../../domain';

/**
 * The founding file (`npm run org:init -- --file founding.json`): an organization's founding act
 * written by hand. Format and every field: docs/examples/README.md. `checkFoundingFile` checks
 * the whole file at once and returns every problem, each naming the field (`bodies[2].seats[0].holder`),
 * what is wrong and what to do; it never stops at the first one.
 */
export interface FoundingFile {
  organization: { name: string; timeZone: string; locale: string; currency: string };
  regions: { code: string; name: string }[];
  branches: { code: string; name: string; region: string | null; foundedOn: string }[];
  members: { firstName: string; lastName: string; email: string; branch: string; joinedOn: string | null; phone: string | null }[];
  bodies: { kind: BodyKind; name: string; branch: string | null; seats: FoundingSeat[] }[];
  formerMandates: (FoundingMandate & { body: string })[];
  /** Published as version 1 in the founding act (S14: every welcome carries it); null: published later by the EC. */
  codeOfConduct: { title: string; text: string } | null;
}

/** The limits of the EC's publishing route (`POST /code-of-conduct/versions`). */
const CODE_TITLE_MAX = 200;
const CODE_TEXT_MAX = 100_000;

export interface FoundingMandate {
  role: MandateRole;
  holder: string;
  from: string;
  until: string | null;
  /** Which election or congress filled the seat ("Congress 2025, Control Commission ballot"). */
  elected: string;
}

/** A seat of a body: vacant (`holder` null) or held by a mandate. */
export type FoundingSeat = { role: MandateRole; vacant: true } | (FoundingMandate & { vacant: false });

export interface FoundingProblem {
  /** Where: `bodies[2].seats[0].holder` (or `(file)` for the file as a whole). */
  path: string;
  problem: string;
  fix: string;
}

/** A mandate of the file with where it was written, in the order the founding act creates them. */
export interface PlannedMandate extends FoundingMandate {
  path: string;
  bodyIndex: number;
  kind: BodyKind;
}

/** Bodies that must exist from the first day: complaints go only to the commission (S1), appeals only to the Appeals Committee (S7). */
const REQUIRED_BODIES: readonly BodyKind[] = ['CCOM', 'APPEALS'];
const BODY_NAMES: Record<BodyKind, string> = {
  EC: 'Executive Committee',
  CC: 'Central Committee',
  CCOM: 'Control Commission',
  APPEALS: 'Appeals Committee',
  ELECTIONS: 'Elections Committee',
  BRANCH_COMMITTEE: 'a branch committee',
  STAFF: 'Staff',
  NATIONAL_OFFICE: 'a one-seat staff office',
};

type Json = unknown;
const isObject = (v: Json): v is Record<string, Json> => typeof v === 'object' && v !== null && !Array.isArray(v);

class Checker {
  readonly problems: FoundingProblem[] = [];
  add(path: string, problem: string, fix: string): void {
    this.problems.push({ path, problem, fix });
  }
  /** Fields the file may not carry (a typo would otherwise be silently ignored). */
  unknownKeys(path: string, o: Record<string, Json>, allowed: readonly string[]): void {
    for (const k of Object.keys(o)) {
      if (!allowed.includes(k) && k !== '$comment') this.add(`${path}.${k}`, `is not a field of this object`, `remove it or correct its name (allowed: ${allowed.join(', ')})`);
    }
  }
  text(path: string, v: Json, o: { max?: number; required?: boolean } = {}): string | null {
    if (v === undefined || v === null || v === '') {
      if (o.required !== false) this.add(path, 'is missing', 'write it as text');
      return null;
    }
    if (typeof v !== 'string') {
      this.add(path, `must be text, not ${JSON.stringify(v)}`, 'write it between double quotes');
      return null;
    }
    const t = v.trim();
    if (t === '' || t.length > (o.max ?? 200)) {
      this.add(path, `must be 1 to ${o.max ?? 200} characters`, 'shorten it or fill it in');
      return null;
    }
    return t;
  }
  date(path: string, v: Json, required: boolean): string | null {
    if (v === undefined || v === null) {
      if (required) this.add(path, 'is missing', 'write the date as "YYYY-MM-DD"');
      return null;
    }
    if (typeof v !== 'string' || !isIsoDate(v)) {
      this.add(path, `${JSON.stringify(v)} is not a date`, 'write it as "YYYY-MM-DD", e.g. "2025-05-17"');
      return null;
    }
    return v;
  }
  list(path: string, v: Json, required: boolean): Json[] {
    if (v === undefined && !required) return [];
    if (!Array.isArray(v)) {
      this.add(path, v === undefined ? 'is missing' : 'must be a list', `write it as a list: "${path.split('.').pop()}": [ … ]`);
      return [];
    }
    return v;
  }
  object(path: string, v: Json): Record<string, Json> | null {
    if (!isObject(v)) {
      this.add(path, v === undefined ? 'is missing' : 'must be an object', 'write it as { "field": value, … }');
      return null;
    }
    return v;
  }
}

const validTimeZone = (tz: string): boolean => {
  try {
    new Intl.DateTimeFormat('en', { timeZone: tz });
    return true;
  } catch {
    return false;
  }
};
const validLocale = (l: string): boolean => {
  try {
    return Intl.getCanonicalLocales(l).length === 1;
  } catch {
    return false;
  }
};
const CURRENCIES = new Set<string>(typeof Intl.supportedValuesOf === 'function' ? Intl.supportedValuesOf('currency') : []);

/**
 * Checks a parsed founding file against the rules the founding act will enforce (structure,
 * references, seat limits, S2 incompatibility and cooling-off), without a database.
 */
export function checkFoundingFile(raw: Json, o: { today: string; coolingOffMonths: number }): { problems: FoundingProblem[]; file?: FoundingFile; mandates?: PlannedMandate[] } {
  const c = new Checker();
  const root = c.object('(file)', raw);
  if (!root) return { problems: c.problems };
  c.unknownKeys('(file)', root, ['$schema', 'organization', 'regions', 'branches', 'members', 'bodies', 'formerMandates', 'codeOfConduct']);

  // Organization
  const org = c.object('organization', root.organization);
  const organization = { name: '', timeZone: '', locale: '', currency: '' };
  if (org) {
    c.unknownKeys('organization', org, ['name', 'timeZone', 'locale', 'currency']);
    organization.name = c.text('organization.name', org.name) ?? '';
    const tz = c.text('organization.timeZone', org.timeZone);
    if (tz && !validTimeZone(tz)) c.add('organization.timeZone', `"${tz}" is not a time zone`, 'use an IANA time zone name, e.g. "Europe/Dublin" or "America/Chicago"');
    organization.timeZone = tz ?? '';
    const locale = c.text('organization.locale', org.locale, { max: 35 });
    if (locale && !validLocale(locale)) c.add('organization.locale', `"${locale}" is not a locale`, 'use a BCP 47 language tag, e.g. "en-IE" or "de-DE"');
    organization.locale = locale ?? '';
    const cur = c.text('organization.currency', org.currency, { max: 3 });
    if (cur && (!/^[A-Z]{3}$/.test(cur) || (CURRENCIES.size > 0 && !CURRENCIES.has(cur)))) c.add('organization.currency', `"${cur}" is not a currency code`, 'use the three capital letters of ISO 4217, e.g. "EUR", "GBP", "USD"');
    organization.currency = cur ?? '';
  }

  // Regions
  const regions: FoundingFile['regions'] = [];
  const regionCodes = new Set<string>();
  c.list('regions', root.regions, false).forEach((r, i) => {
    const p = `regions[${i}]`;
    const x = c.object(p, r);
    if (!x) return;
    c.unknownKeys(p, x, ['code', 'name']);
    const code = c.text(`${p}.code`, x.code, { max: 32 })?.toUpperCase() ?? null;
    const name = c.text(`${p}.name`, x.name, { max: 120 });
    if (code && regionCodes.has(code)) c.add(`${p}.code`, `region code ${code} is used twice`, 'give each region its own code');
    if (code) regionCodes.add(code);
    if (code && name) regions.push({ code, name });
  });

  // Branches
  const branches: FoundingFile['branches'] = [];
  const branchCodes = new Set<string>();
  const branchList = c.list('branches', root.branches, true);
  if (Array.isArray(root.branches) && branchList.length === 0) c.add('branches', 'is empty', 'list at least one branch: every member belongs to one');
  branchList.forEach((b, i) => {
    const p = `branches[${i}]`;
    const x = c.object(p, b);
    if (!x) return;
    c.unknownKeys(p, x, ['code', 'name', 'region', 'foundedOn']);
    const foundedOn = c.date(`${p}.foundedOn`, x.foundedOn, true);
    if (foundedOn && foundedOn > o.today) c.add(`${p}.foundedOn`, `${foundedOn} is in the future`, 'use the date the branch was founded');
    let branch: Branch | null = null;
    try {
      branch = Branch.create({ id: `branch-${i}`, code: typeof x.code === 'string' ? x.code : '', name: typeof x.name === 'string' ? x.name : '', createdOn: foundedOn ?? o.today }).branch;
    } catch (e) {
      for (const fe of ((e as DomainError).details as { field: string; message: string }[]) ?? []) {
        if (fe.field === 'code' || fe.field === 'name') c.add(`${p}.${fe.field}`, fe.message, fe.field === 'code' ? 'e.g. "DUB-N" or "RIVERSIDE"' : 'write the branch name');
      }
    }
    const region = x.region === undefined || x.region === null ? null : c.text(`${p}.region`, x.region, { max: 32 })?.toUpperCase() ?? null;
    if (region && !regionCodes.has(region)) c.add(`${p}.region`, `no region has the code ${region}`, `use one of the codes under "regions" (${[...regionCodes].join(', ') || 'none listed'}), or add the region`);
    if (branch && branchCodes.has(branch.code)) c.add(`${p}.code`, `branch code ${branch.code} is used twice`, 'give each branch its own code');
    if (branch && foundedOn) {
      branchCodes.add(branch.code);
      branches.push({ code: branch.code, name: branch.name, region, foundedOn });
    }
  });

  // Members (the holders of the founding mandates: name, e-mail, branch; the full register comes later by CSV import)
  const members: FoundingFile['members'] = [];
  const memberByEmail = new Map<string, number>();
  c.list('members', root.members, true).forEach((mb, i) => {
    const p = `members[${i}]`;
    const x = c.object(p, mb);
    if (!x) return;
    c.unknownKeys(p, x, ['firstName', 'lastName', 'email', 'branch', 'joinedOn', 'phone']);
    const { profile, errors } = MemberProfile.check({ firstName: x.firstName as string, lastName: x.lastName as string, email: x.email as string, phone: (x.phone as string) ?? null, address: null });
    for (const fe of errors) c.add(`${p}.${fe.field}`, fe.message, fe.field === 'email' ? 'every founding officer needs an e-mail address: their sign-in link goes there' : 'correct it');
    if (profile && !profile.email) c.add(`${p}.email`, 'is missing', 'every founding officer needs an e-mail address: their sign-in link goes there');
    const branch = c.text(`${p}.branch`, x.branch, { max: 32 })?.toUpperCase() ?? null;
    if (branch && !branchCodes.has(branch)) c.add(`${p}.branch`, `no branch has the code ${branch}`, `use one of the codes under "branches" (${[...branchCodes].slice(0, 10).join(', ')})`);
    const joinedOn = c.date(`${p}.joinedOn`, x.joinedOn, false);
    if (joinedOn && joinedOn > o.today) c.add(`${p}.joinedOn`, `${joinedOn} is in the future`, 'use the date the person joined');
    const email = profile?.email?.toLowerCase();
    if (email && memberByEmail.has(email)) c.add(`${p}.email`, `${email} is already used by members[${memberByEmail.get(email)}]`, 'list each person once; one person may hold several seats');
    if (profile && email && branch && !memberByEmail.has(email)) {
      memberByEmail.set(email, members.length);
      members.push({ firstName: profile.firstName, lastName: profile.lastName, email: profile.email!, branch, joinedOn, phone: profile.phone ?? null });
    }
  });

  // Bodies and their seats
  const bodies: FoundingFile['bodies'] = [];
  const mandates: PlannedMandate[] = [];
  const bodyByName = new Map<string, number>();
  const nationalKinds = new Map<BodyKind, number>();
  const branchKinds = new Set<string>();
  const mandate = (p: string, x: Record<string, Json>, bodyIndex: number, kind: BodyKind, role: MandateRole): PlannedMandate | null => {
    const holder = c.text(`${p}.holder`, x.holder, { max: 254 })?.toLowerCase() ?? null;
    if (holder && !memberByEmail.has(holder)) c.add(`${p}.holder`, `no member has the e-mail ${holder}`, 'write the e-mail of one of the people under "members", or add them there');
    const from = c.date(`${p}.from`, x.from, true);
    const until = c.date(`${p}.until`, x.until, false);
    if (from && until && until <= from) c.add(`${p}.until`, `${until} is not after from (${from})`, 'a mandate ends after it starts; leave "until" out for a term without a set end');
    const elected = c.text(`${p}.elected`, x.elected, { max: 200 });
    if (!elected) c.problems[c.problems.length - 1].fix = 'name the election or congress that filled the seat, e.g. "Congress 2025, Control Commission ballot"';
    return holder && from && elected && memberByEmail.has(holder) && !(until && until <= from) ? { role, holder, from, until, elected, path: p, bodyIndex, kind } : null;
  };
  const role = (p: string, v: Json): MandateRole | null => {
    if (v === undefined || v === null) return 'member';
    if (typeof v !== 'string' || !(MANDATE_ROLES as readonly string[]).includes(v)) {
      c.add(p, `${JSON.stringify(v)} is not a role`, `use one of: ${MANDATE_ROLES.join(', ')}`);
      return null;
    }
    return v as MandateRole;
  };
  c.list('bodies', root.bodies, true).forEach((b, i) => {
    const p = `bodies[${i}]`;
    const x = c.object(p, b);
    if (!x) return;
    c.unknownKeys(p, x, ['kind', 'name', 'branch', 'seats']);
    let kind: BodyKind | null = null;
    if (typeof x.kind !== 'string' || !(BODY_KINDS as readonly string[]).includes(x.kind)) {
      c.add(`${p}.kind`, x.kind === undefined ? 'is missing' : `${JSON.stringify(x.kind)} is not a kind of body`, `use one of: ${BODY_KINDS.map((k) => `${k} (${BODY_NAMES[k]})`).join(', ')}`);
    } else kind = x.kind as BodyKind;
    const name = c.text(`${p}.name`, x.name, { max: 120 });
    if (name && bodyByName.has(name.toLowerCase())) c.add(`${p}.name`, `"${name}" is the name of bodies[${bodyByName.get(name.toLowerCase())}] too`, 'give each body its own name');
    const branch = x.branch === undefined || x.branch === null ? null : c.text(`${p}.branch`, x.branch, { max: 32 })?.toUpperCase() ?? null;
    if (kind === 'BRANCH_COMMITTEE') {
      if (!x.branch) c.add(`${p}.branch`, 'is missing', 'a branch committee names its branch: write the branch code');
      else if (branch && !branchCodes.has(branch)) c.add(`${p}.branch`, `no branch has the code ${branch}`, 'use one of the codes under "branches"');
      if (branch && branchKinds.has(branch)) c.add(`${p}.branch`, `branch ${branch} has two committees`, 'list one committee per branch, with all its seats');
      if (branch) branchKinds.add(branch);
    } else if (kind && x.branch !== undefined && x.branch !== null) {
      c.add(`${p}.branch`, `a ${BODY_NAMES[kind]} is not a branch body`, 'remove "branch" (only BRANCH_COMMITTEE bodies belong to a branch)');
    }
    if (kind && kind !== 'BRANCH_COMMITTEE' && kind !== 'NATIONAL_OFFICE') {
      if (nationalKinds.has(kind)) c.add(`${p}.kind`, `there is already a ${BODY_NAMES[kind]} (bodies[${nationalKinds.get(kind)}])`, `list it once, with all its seats (several one-seat offices: kind NATIONAL_OFFICE)`);
      else nationalKinds.set(kind, i);
    }
    const seatList = c.list(`${p}.seats`, x.seats, true);
    const seats: FoundingSeat[] = [];
    seatList.forEach((s, k) => {
      const sp = `${p}.seats[${k}]`;
      const sx = c.object(sp, s);
      if (!sx) return;
      c.unknownKeys(sp, sx, ['role', 'holder', 'from', 'until', 'elected']);
      const r = role(`${sp}.role`, sx.role);
      if (!r || !kind) return;
      if (sx.holder === null || sx.holder === undefined) {
        for (const f of ['from', 'until', 'elected']) if (sx[f] !== undefined && sx[f] !== null) c.add(`${sp}.${f}`, 'belongs to a vacant seat (no holder)', 'name the holder, or remove the field');
        seats.push({ role: r, vacant: true });
        return;
      }
      const md = mandate(sp, sx, i, kind, r);
      if (md) {
        seats.push({ ...md, vacant: false });
        mandates.push(md);
      }
    });
    const seated = seatList.filter((s) => isObject(s) && s.role !== 'alternate').length;
    if (Array.isArray(x.seats) && seated === 0) c.add(`${p}.seats`, 'has no seat (alternates do not count)', 'list each seat of the body, e.g. { "role": "member", "holder": null } for a vacant one');
    if (kind === 'NATIONAL_OFFICE' && seated > 1) c.add(`${p}.seats`, `a staff office has one seat, this lists ${seated}`, 'list each office as its own body, or use kind STAFF for a team');
    if (kind && name) {
      bodyByName.set(name.toLowerCase(), i);
      bodies.push({ kind, name, branch, seats });
    }
  });
  for (const k of REQUIRED_BODIES) {
    if (Array.isArray(root.bodies) && ![...nationalKinds.keys()].includes(k)) c.add('bodies', `there is no ${BODY_NAMES[k]} (kind ${k})`, `add it with its seats: ${k === 'CCOM' ? 'complaints go only to the Control Commission (S1)' : 'appeals go only to the Appeals Committee (S7)'}`);
  }

  // Mandates that have ended but still count (S2 cooling-off: a former EC/CC member on the commission)
  c.list('formerMandates', root.formerMandates, false).forEach((f, i) => {
    const p = `formerMandates[${i}]`;
    const x = c.object(p, f);
    if (!x) return;
    c.unknownKeys(p, x, ['body', 'role', 'holder', 'from', 'until', 'elected']);
    const bodyName = c.text(`${p}.body`, x.body, { max: 120 });
    const bodyIndex = bodyName ? bodyByName.get(bodyName.toLowerCase()) : undefined;
    if (bodyName && bodyIndex === undefined) c.add(`${p}.body`, `no body is named "${bodyName}"`, 'use the "name" of one of the bodies in the file');
    const r = role(`${p}.role`, x.role);
    if (x.until === undefined || x.until === null) c.add(`${p}.until`, 'is missing', 'a former mandate has ended: write the day it ended; a sitting one belongs under its body\'s "seats"');
    const until = c.date(`${p}.until`, x.until ?? undefined, false);
    if (until && until > o.today) c.add(`${p}.until`, `${until} is after today`, 'a mandate still running belongs under its body\'s "seats"');
    if (bodyIndex === undefined || !r) return;
    const md = mandate(p, x, bodyIndex, bodies.find((_, j) => j === bodyIndex)?.kind ?? 'EC', r);
    if (md && md.until && md.until <= o.today) mandates.push(md);
  });

  // The code of conduct (optional): a title and its text, as one string or a list of paragraphs.
  let codeOfConduct: FoundingFile['codeOfConduct'] = null;
  if (root.codeOfConduct !== undefined && root.codeOfConduct !== null) {
    const x = c.object('codeOfConduct', root.codeOfConduct);
    if (x) {
      c.unknownKeys('codeOfConduct', x, ['title', 'text']);
      const title = c.text('codeOfConduct.title', x.title, { max: CODE_TITLE_MAX });
      let text: string | null = null;
      if (Array.isArray(x.text)) {
        const paragraphs = x.text.map((para, i) => c.text(`codeOfConduct.text[${i}]`, para, { max: CODE_TEXT_MAX }));
        if (x.text.length === 0) c.add('codeOfConduct.text', 'is an empty list', "write the code's text: one string, or a list with one string per paragraph");
        else if (paragraphs.every((para): para is string => para !== null)) text = paragraphs.join('\n\n');
      } else {
        text = c.text('codeOfConduct.text', x.text, { max: CODE_TEXT_MAX });
      }
      if (text !== null && text.length > CODE_TEXT_MAX) {
        c.add('codeOfConduct.text', `is ${text.length} characters long, more than ${CODE_TEXT_MAX}`, 'shorten it, or leave "codeOfConduct" out and have the Executive Committee publish the full text in the platform');
        text = null;
      }
      if (title && text) codeOfConduct = { title, text };
    }
  }

  // Rules the founding act enforces again in its transaction: seat limits per body, S2 per person.
  for (const [i, body] of bodies.entries()) {
    const held = mandates.filter((x) => x.bodyIndex === i).sort((a, b) => (a.from < b.from ? -1 : 1));
    const seatCount = Math.max(1, body.seats.filter((s) => s.role !== 'alternate').length);
    held.forEach((x, k) => {
      try {
        assertSeatAvailable({ body: { kind: body.kind, name: body.name, seats: seatCount }, role: x.role, startsOn: x.from, endsOn: x.until, existing: held.slice(0, k).map((h) => ({ role: h.role, startsOn: h.from, endsOn: h.until })) });
      } catch (e) {
        c.add(`${x.path}.role`, (e as DomainError).message, 'give the role to one person at a time, or add a seat to the body');
      }
    });
  }
  const byHolder = new Map<string, PlannedMandate[]>();
  for (const x of mandates) byHolder.set(x.holder, [...(byHolder.get(x.holder) ?? []), x]);
  for (const list of byHolder.values()) {
    for (const [a, x] of list.entries()) {
      for (const y of list.slice(a + 1)) {
        // The commission/appeals side first: that is the seat the rule protects.
        const [first, second] = ['CCOM', 'APPEALS'].includes(y.kind) && !['CCOM', 'APPEALS'].includes(x.kind) ? [y, x] : [x, y];
        for (const [seat, other] of [[first, second], [second, first]]) {
          try {
            assertCompatible({ bodyKind: seat.kind, startsOn: seat.from, endsOn: seat.until, held: [{ bodyKind: other.kind, startsOn: other.from, endsOn: other.until }], coolingOffMonths: o.coolingOffMonths });
          } catch (e) {
            c.add(
              `${seat.path}.holder`,
              `${seat.holder} also holds ${other.path} (${bodies[other.bodyIndex].name}, ${other.from}${other.until ? ` to ${other.until}` : ' onwards'}): ${(e as DomainError).message}`,
              (e as DomainError).code === 'cooling_off_period'
                ? `seat someone else, or start this mandate on ${(e as DomainError & { details: { availableFrom: string } }).details.availableFrom} or later (S2 cooling-off)`
                : 'seat someone else on one of the two bodies (S2: the commission and the appeals committee are independent of the leadership and of each other)',
            );
            break;
          }
        }
      }
    }
  }

  if (c.problems.length > 0) return { problems: c.problems };
  mandates.sort((a, b) => (a.from < b.from ? -1 : a.from > b.from ? 1 : 0));
  return {
    problems: [],
    file: { organization, regions, branches, members, bodies, formerMandates: [], codeOfConduct },
    mandates,
  };
}

/** `JSON.parse` with the line and column of a syntax error. */
export function parseFoundingJson(text: string): { value?: unknown; problem?: FoundingProblem } {
  try {
    return { value: JSON.parse(text) };
  } catch (e) {
    const msg = e instanceof Error ? e.message : String(e);
    let where = '(file)';
    const pos = /position (\d+)/.exec(msg);
    const lc = /line (\d+) column (\d+)/.exec(msg);
    if (lc) where = `(file) line ${lc[1]}, column ${lc[2]}`;
    else if (pos) {
      const before = text.slice(0, Number(pos[1]));
      where = `(file) line ${before.split('\n').length}, column ${Number(pos[1]) - before.lastIndexOf('\n')}`;
    }
    return { problem: { path: where, problem: `is not valid JSON (${msg})`, fix: 'check the commas, quotes and brackets around that place (a JSON validator or editor shows it)' } };
  }
}

/**
 * The line on which each place of a (valid) JSON text starts — `bodies[2].seats[0].holder` → 41
 * — so that a problem is named by line as well as by field. A field that is missing is placed on
 * the line of the object that lacks it.
 */
export function foundingFileLines(text: string): (path: string) => number | null {
  const lines = new Map<string, number>();
  let i = 0;
  let line = 1;
  const ws = () => {
    while (i < text.length && /\s/.test(text[i])) {
      if (text[i] === '\n') line++;
      i++;
    }
  };
  const str = (): string => {
    i++;
    let out = '';
    while (i < text.length && text[i] !== '"') {
      if (text[i] === '\\') {
        out += text[i + 1] ?? '';
        i += 2;
        continue;
      }
      out += text[i++];
    }
    i++;
    return out;
  };
  const value = (path: string): void => {
    ws();
    if (!lines.has(path)) lines.set(path, line);
    const c = text[i];
    if (c === '{' || c === '[') {
      const close = c === '{' ? '}' : ']';
      i++;
      ws();
      if (text[i] === close) {
        i++;
        return;
      }
      for (let n = 0; i < text.length; n++) {
        ws();
        let p = `${path}[${n}]`;
        if (c === '{') {
          const keyLine = line;
          const k = str();
          p = path ? `${path}.${k}` : k;
          lines.set(p, keyLine);
          ws();
          i++; // the colon
        }
        value(p);
        ws();
        if (text[i] === ',') {
          i++;
          continue;
        }
        i++;
        return;
      }
      return;
    }
    if (c === '"') {
      str();
      return;
    }
    while (i < text.length && !/[,\]}\s]/.test(text[i])) i++;
  };
  try {
    value('');
  } catch {
    // A text that is not valid JSON has no places: its problem names line and column already.
  }
  return (path: string) => {
    let p = path;
    for (;;) {
      const l = lines.get(p);
      if (l !== undefined) return l;
      const shorter = p.replace(/(\.[^.[\]]+|\[\d+\])$/, '');
      if (shorter === p || shorter === '') return null;
      p = shorter;
    }
  };
}
