import { FieldError, MembershipErrorCode, fieldErrors } from './membership.errors';

/** The fields a member may edit on their own record (and a secretary on their branch's members). */
export interface MemberProfileProps {
  firstName: string;
  lastName: string;
  email: string | null;
  phone: string | null;
  address: string | null;
}

export type MemberProfileInput = {
  firstName: string;
  lastName?: string | null;
  email?: string | null;
  phone?: string | null;
  address?: string | null;
};

const CONTROL = /[\u0000-\u001f\u007f]/;
const CONTROL_EXCEPT_NEWLINE = /[\u0000-\u0009\u000b-\u001f\u007f]/;

/** A blank or whitespace-only optional value means "none". */
function blankToNull(value: string | null | undefined): string | null {
  if (value === null || value === undefined) return null;
  const t = value.trim();
  return t === '' ? null : t;
}

export function validateName(field: string, raw: unknown, required: boolean): { value: string; error?: FieldError } {
  if (raw !== null && raw !== undefined && typeof raw !== 'string') return { value: '', error: { field, message: 'must be text' } };
  const value = (raw ?? '').normalize('NFC').trim().replace(/\s+/g, ' ');
  if (value === '') return required ? { value, error: { field, message: 'is required' } } : { value };
  if (value.length > 100) return { value, error: { field, message: 'must be at most 100 characters' } };
  if (CONTROL.test(value)) return { value, error: { field, message: 'must not contain control characters' } };
  return { value };
}

/**
 * Lower-cases and trims an e-mail address. Addresses are compared in this form everywhere
 * (duplicates, bank references), so `Ana@Example.org` and `ana@example.org ` are the same.
 */
export function normalizeEmail(email: string): string {
  return email.normalize('NFC').trim().toLowerCase();
}

export function validateEmail(field: string, raw: unknown): { value: string | null; error?: FieldError } {
  if (raw !== null && raw !== undefined && typeof raw !== 'string') return { value: null, error: { field, message: 'must be text' } };
  const t = blankToNull(raw as string | null | undefined);
  if (t === null) return { value: null };
  const value = normalizeEmail(t);
  const at = value.lastIndexOf('@');
  const local = value.slice(0, at);
  const domain = value.slice(at + 1);
  const ok =
    value.length <= 254 &&
    at > 0 &&
    local.length <= 64 &&
    !/[\s@,;<>()\[\]\\"]/.test(local) &&
    /^[^\s@,;<>()\[\]\\"._-][^\s@,;<>()\[\]\\"]*\.[^\s@,;<>()\[\]\\".]{2,}$/.test(domain) &&
    !domain.includes('..') &&
    !local.startsWith('.') &&
    !local.endsWith('.') &&
    !local.includes('..');
  if (!ok) return { value, error: { field, message: `"${t}" is not an e-mail address (expected something like name@example.org)` } };
  return { value };
}

export function validatePhone(field: string, raw: unknown): { value: string | null; error?: FieldError } {
  if (raw !== null && raw !== undefined && typeof raw !== 'string') return { value: null, error: { field, message: 'must be text' } };
  const t = blankToNull(raw as string | null | undefined);
  if (t === null) return { value: null };
  const value = t.replace(/\s+/g, ' ');
  const digits = value.replace(/\D/g, '').length;
  if (!/^\+?[0-9 ()./-]+$/.test(value) || digits < 6 || digits > 15) {
    return {
      value,
      error: { field, message: `"${t}" is not a phone number: use 6 to 15 digits, optionally starting with + and a country code` },
    };
  }
  return { value };
}

export function validateAddress(field: string, raw: unknown): { value: string | null; error?: FieldError } {
  if (raw !== null && raw !== undefined && typeof raw !== 'string') return { value: null, error: { field, message: 'must be text' } };
  const t = blankToNull(raw as string | null | undefined);
  if (t === null) return { value: null };
  const value = t.normalize('NFC').replace(/\r\n?/g, '\n');
  if (value.length > 500) return { value, error: { field, message: 'must be at most 500 characters' } };
  if (CONTROL_EXCEPT_NEWLINE.test(value)) return { value, error: { field, message: 'must not contain control characters' } };
  return { value };
}

/** Validated, normalized contact details. Immutable; `with(changes)` returns a new one. */
export class MemberProfile {
  private constructor(readonly props: Readonly<MemberProfileProps>) {}

  /** Throws `invalid_member_profile` listing every field that is wrong. */
  static create(input: MemberProfileInput): MemberProfile {
    const { profile, errors } = MemberProfile.check(input);
    if (errors.length > 0) throw fieldErrors(MembershipErrorCode.invalidMemberProfile, 'Some details are not valid', errors);
    return profile!;
  }

  /** Validation without throwing: used by the CSV dry run to collect every problem of a row. */
  static check(input: MemberProfileInput): { profile?: MemberProfile; errors: FieldError[] } {
    const first = validateName('firstName', input.firstName, true);
    const last = validateName('lastName', input.lastName, false);
    const email = validateEmail('email', input.email);
    const phone = validatePhone('phone', input.phone);
    const address = validateAddress('address', input.address);
    const errors = [first, last, email, phone, address].flatMap((r) => (r.error ? [r.error] : []));
    if (errors.length > 0) return { errors };
    return {
      errors,
      profile: new MemberProfile({ firstName: first.value, lastName: last.value, email: email.value, phone: phone.value, address: address.value }),
    };
  }

  with(changes: Partial<MemberProfileInput>): MemberProfile {
    return MemberProfile.create({ ...this.props, ...changes });
  }

  /** Names of the fields whose values differ (never the values: events must not carry contact data). */
  changedFields(other: MemberProfile): Array<keyof MemberProfileProps> {
    return (Object.keys(this.props) as Array<keyof MemberProfileProps>).filter((k) => this.props[k] !== other.props[k]);
  }

  get firstName(): string {
    return this.props.firstName;
  }
  get lastName(): string {
    return this.props.lastName;
  }
  get email(): string | null {
    return this.props.email;
  }
  get phone(): string | null {
    return this.props.phone;
  }
  get address(): string | null {
    return this.props.address;
  }

  toSnapshot(): MemberProfileProps {
    return { ...this.props };
  }
}
