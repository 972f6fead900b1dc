import { checkMappingDefinition, type ColumnMappingDefinition, type FieldRule } from '@org/kernel';

/**
 * A saved column mapping for the member import: how another tool's export (CiviCRM, Action
 * Network, a spreadsheet) reads as the platform's member file. The platform's fields are the
 * member file's columns (`first_name` … `dues_level`); each comes from a source column (or
 * several joined, e.g. an address), with date formats and value lists (statuses, dues levels).
 *
 * Beyond the kernel's rules:
 * - `branchBy`: the branch column holds branch codes (default), names, or either;
 * - `pastBranches`: groups of source columns (branch, from, until) for earlier branch periods —
 *   stored as the member's branch history, which the recusal window reads (S3).
 */
export interface PastBranchColumns {
  branch: string;
  from: string;
  until: string;
  /** Default: the formats of `joined_on`, else YYYY-MM-DD. */
  dateFormats?: string[];
  /** The file may lack these columns (no earlier period then). */
  optional?: boolean;
}

export interface MemberImportMapping extends ColumnMappingDefinition {
  description?: string;
  branchBy?: 'code' | 'name' | 'name-or-code';
  pastBranches?: PastBranchColumns[];
}

/** The member file's columns a mapping may fill (`past_branches` comes from `pastBranches`). */
export const MEMBER_MAPPING_FIELDS: readonly string[] = [
  'first_name',
  'last_name',
  'email',
  'phone',
  'branch_code',
  'joined_on',
  'status',
  'member_number',
  'address',
  'email_consent',
  'date_of_birth',
  'dues_level',
];
const REQUIRED: readonly string[] = ['first_name', 'branch_code', 'joined_on', 'status'];

/** Every problem of a mapping definition, in words; empty when it can be saved. */
export function checkMemberImportMapping(def: unknown): string[] {
  const problems = checkMappingDefinition(def, { known: MEMBER_MAPPING_FIELDS, required: REQUIRED });
  if (problems.length > 0 && problems[0].startsWith('a mapping needs')) return problems;
  const d = def as MemberImportMapping;
  if (d.branchBy !== undefined && !['code', 'name', 'name-or-code'].includes(d.branchBy)) problems.push('"branchBy" is "code", "name" or "name-or-code"');
  if (d.description !== undefined && (typeof d.description !== 'string' || d.description.length > 500)) problems.push('"description" is text of up to 500 characters');
  if (d.pastBranches !== undefined) {
    if (!Array.isArray(d.pastBranches) || d.pastBranches.length > 20) problems.push('"pastBranches" is a list of up to 20 groups {branch, from, until}');
    else
      d.pastBranches.forEach((g, i) => {
        if (!g || typeof g !== 'object' || [g.branch, g.from, g.until].some((c) => typeof c !== 'string' || c.trim() === '')) {
          problems.push(`"pastBranches"[${i}] needs the columns "branch", "from" and "until"`);
        }
        if (g && g.optional !== undefined && typeof g.optional !== 'boolean') problems.push(`"pastBranches"[${i}]: optional is true or false`);
        const dates = g?.dateFormats;
        if (dates !== undefined) {
          const p = checkMappingDefinition({ fields: { joined_on: { column: 'x', dateFormats: dates } } }, { known: ['joined_on'], required: [] });
          if (p.length) problems.push(`"pastBranches"[${i}]: ${p.join('; ').replace('"joined_on": ', '')}`);
        }
      });
  }
  return problems;
}

/**
 * The kernel mapping the parser binds: the member fields, plus one synthetic field per past
 * branch column (`past.<n>.branch|from|until`), assembled by the parser into periods.
 */
export function expandMemberMapping(def: MemberImportMapping): ColumnMappingDefinition {
  const fields: Record<string, FieldRule> = { ...def.fields };
  const defaultDates = def.fields.joined_on?.dateFormats ?? ['YYYY-MM-DD'];
  (def.pastBranches ?? []).forEach((g, i) => {
    const optional = g.optional === true;
    fields[`past.${i}.branch`] = { column: g.branch, optional };
    fields[`past.${i}.from`] = { column: g.from, dateFormats: g.dateFormats ?? defaultDates, optional };
    fields[`past.${i}.until`] = { column: g.until, dateFormats: g.dateFormats ?? defaultDates, optional };
  });
  return { fields };
}

const CIVICRM_DATES = ['YYYY-MM-DD', 'MM/DD/YYYY', 'DD/MM/YYYY'];

/**
 * Built-in mappings, usable by name without saving (a saved mapping of the same name wins).
 * Sample files: test/fixtures/imports/. Documented in the README.
 */
export const BUILT_IN_MEMBER_MAPPINGS: Readonly<Record<string, MemberImportMapping>> = {
  civicrm: {
    description:
      'CiviCRM: Search > Find Memberships > Export (contact + membership fields, custom field "Branch" and "Previous Branch" groups). Statuses: New, Current, Grace → active; Expired → lapsed; Pending → applicant; Cancelled and Deceased rows are left out.',
    branchBy: 'name-or-code',
    fields: {
      first_name: { column: 'First Name' },
      last_name: { column: 'Last Name' },
      email: { column: 'Email' },
      phone: { column: 'Phone' },
      address: { columns: ['Street Address', 'Supplemental Address 1', 'City', 'Postal Code', 'Country'], join: ', ' },
      date_of_birth: { column: 'Birth Date', dateFormats: CIVICRM_DATES },
      joined_on: { column: 'Member Since', dateFormats: CIVICRM_DATES },
      status: {
        column: 'Membership Status',
        values: { new: 'active', current: 'active', grace: 'active', expired: 'lapsed', pending: 'applicant' },
        skipWhen: ['Cancelled', 'Deceased'],
      },
      branch_code: { column: 'Branch' },
      member_number: { column: 'Membership ID' },
      dues_level: { column: 'Membership Type', values: { general: 'Standard', standard: 'Standard', student: 'Reduced', concession: 'Reduced', unwaged: 'Reduced', solidarity: 'Solidarity' }, otherValues: 'keep' },
      email_consent: { column: 'Do Not Email', values: { '0': 'yes', '1': 'no', '': '' } },
    },
    pastBranches: [
      { branch: 'Previous Branch 1', from: 'Previous Branch 1 From', until: 'Previous Branch 1 Until' },
      { branch: 'Previous Branch 2', from: 'Previous Branch 2 From', until: 'Previous Branch 2 Until' },
    ],
  },
  'action-network': {
    description:
      'Action Network: People > Download (CSV) with the custom fields "branch", "membership_status", "join_date", "birthdate", "dues_level". Statuses: member, active → active; lapsed → lapsed; applicant → applicant; former rows are left out.',
    branchBy: 'name-or-code',
    fields: {
      first_name: { column: 'first_name' },
      last_name: { column: 'last_name' },
      email: { column: 'email' },
      phone: { column: 'can2_phone' },
      address: { columns: ['can2_user_address', 'can2_user_city', 'zip_code', 'country'], join: ', ' },
      date_of_birth: { column: 'birthdate', dateFormats: ['YYYY-MM-DD', 'MM/DD/YYYY'] },
      joined_on: { column: 'join_date', dateFormats: ['YYYY-MM-DD', 'MM/DD/YYYY'] },
      status: { column: 'membership_status', values: { member: 'active', active: 'active', lapsed: 'lapsed', applicant: 'applicant' }, skipWhen: ['former'] },
      branch_code: { column: 'branch' },
      dues_level: { column: 'dues_level', otherValues: 'keep', values: {} },
      email_consent: { column: 'can2_subscription_status', values: { subscribed: 'yes', unsubscribed: 'no', bouncing: '', '': '' } },
    },
    pastBranches: [{ branch: 'previous_branch', from: 'previous_branch_from', until: 'previous_branch_until' }],
  },
  spreadsheet: {
    description:
      'A plain spreadsheet saved as CSV with the columns First name, Last name, Branch, Joined, Status and, if it has them, Email, Phone, Address, Date of birth, Dues level, Previous branch, Previous branch from, Previous branch until (dates DD/MM/YYYY or YYYY-MM-DD). Statuses: active, member, paid up → active; lapsed → lapsed; applicant, pending → applicant; left and deceased rows are left out.',
    branchBy: 'name-or-code',
    fields: {
      first_name: { column: 'First name' },
      last_name: { column: 'Last name' },
      email: { column: 'Email', optional: true },
      phone: { column: 'Phone', optional: true },
      address: { column: 'Address', optional: true },
      date_of_birth: { column: 'Date of birth', dateFormats: ['DD/MM/YYYY', 'YYYY-MM-DD'], optional: true },
      joined_on: { column: 'Joined', dateFormats: ['DD/MM/YYYY', 'YYYY-MM-DD'] },
      status: { column: 'Status', values: { active: 'active', member: 'active', 'paid up': 'active', lapsed: 'lapsed', applicant: 'applicant', pending: 'applicant' }, skipWhen: ['left', 'deceased'] },
      branch_code: { column: 'Branch' },
      dues_level: { column: 'Dues level', optional: true },
    },
    pastBranches: [{ branch: 'Previous branch', from: 'Previous branch from', until: 'Previous branch until', optional: true }],
  },
};
