import { QueryFailedError } from 'typeorm';
import type { ErrorBody } from './error-body';

/** What PostgreSQL (or the embedded PGlite) reports with an error: never shown as such. */
interface DatabaseErrorFields {
  code?: string;
  constraint?: string;
  column?: string;
  table?: string;
  detail?: string;
}

/**
 * Constraints whose name does not say which field of a request they guard (checks over two columns,
 * unique indexes with their own names): the field a person fixes, and what to do. Any other
 * constraint's field is read from its name (`<table>_<column>_check|key|fkey`).
 */
export const CONSTRAINT_FIELDS: Readonly<Record<string, { field: string; message: string }>> = {
  mandates_check: { field: 'endsOn', message: 'The end date of a mandate must be after its start date. Choose a later end date.' },
  branch_periods_check: { field: 'toDate', message: 'A period in a branch must end after it starts. Choose a later end date.' },
  branch_periods_one_open_uq: { field: 'branchId', message: 'This member already has an open period in a branch. End it first.' },
  waivers_check: { field: 'toDate', message: 'A waiver must end after it starts. Choose a later end date.' },
  elections_check4: { field: 'termEndsOn', message: 'The term must end after it starts. Choose a later end date.' },
  elections_check: { field: 'branchId', message: 'A branch election needs its branch, and only a branch election takes one.' },
  elections_check1: { field: 'congressId', message: 'A congress election needs its congress, and only a congress election takes one.' },
  elections_check2: { field: 'bodyId', message: 'An election to a body needs that body, and only such an election takes one.' },
  elections_check3: { field: 'method', message: 'A motion is decided by the motion method, and only a motion is.' },
  elections_recall_is_a_motion: { field: 'purpose', message: 'A recall is voted on as a motion.' },
  candidates_check: { field: 'nominatingBodyId', message: 'A nomination by a body names the body, and only such a nomination does.' },
  candidates_election_id_member_id_key: { field: 'memberId', message: 'This member is already a candidate in this election.' },
  electoral_rolls_check: { field: 'branchId', message: 'A branch roll needs its branch, and only a branch roll takes one.' },
  transfers_check: { field: 'reason', message: 'Only a protected transfer gives a reason.' },
  transfers_check1: { field: 'toBranchId', message: 'A transfer goes to another branch than the member’s own.' },
  transfers_one_pending_uq: { field: 'memberId', message: 'This member already has a transfer waiting for a decision.' },
  accounts_email_uq: { field: 'email', message: 'An account with this e-mail address already exists. Sign in, or reset the password.' },
  accounts_member_id_key: { field: 'memberId', message: 'This member already has an account.' },
  members_email_uq: { field: 'email', message: 'A member with this e-mail address already exists.' },
  members_register_number_uq: { field: 'registerNumber', message: 'A member with this register number already exists.' },
  bodies_branch_uq: { field: 'kind', message: 'This branch already has a body of this kind.' },
  bodies_national_kind_uq: { field: 'kind', message: 'A national body of this kind already exists.' },
  plans_one_default_uq: { field: 'isDefault', message: 'Another plan is already the default.' },
  payments_external_ref_uq: { field: 'externalRef', message: 'A payment with this reference is already recorded.' },
  declared_relationships_check: { field: 'otherMemberId', message: 'A relationship is declared with another member, not oneself.' },
};

const camel = (snake: string): string => snake.replace(/_([a-z0-9])/g, (_m, c: string) => c.toUpperCase());

/** The request field a constraint guards, from the table above or from the constraint's name. */
export function fieldOfConstraint(e: DatabaseErrorFields): string | undefined {
  if (e.column) return camel(e.column);
  const name = e.constraint;
  if (!name) return undefined;
  if (CONSTRAINT_FIELDS[name]) return CONSTRAINT_FIELDS[name].field;
  const bare = e.table && name.startsWith(`${e.table}_`) ? name.slice(e.table.length + 1) : name;
  const column = bare.replace(/_(check\d*|key|fkey|uq|idx)$/, '');
  if (!column || column === bare || /^check\d*$/.test(column)) return undefined;
  // A key over several ids (`election_id_member_id`): the last one is the one a request names.
  const lastId = /_id_([a-z0-9]+_id)$/.exec(column);
  return camel(lastId ? lastId[1] : column);
}

/** The fields PostgreSQL attached to an error (TypeORM wraps them in `QueryFailedError.driverError`). */
function databaseFields(exception: unknown): DatabaseErrorFields | null {
  if (exception instanceof QueryFailedError) return ((exception as unknown as { driverError?: DatabaseErrorFields }).driverError ?? (exception as unknown as DatabaseErrorFields));
  const e = exception as DatabaseErrorFields & { severity?: string; name?: string };
  // pg's DatabaseError and PGlite's error: a SQLSTATE code and a severity.
  if (e && typeof e.code === 'string' && /^[0-9A-Z]{5}$/.test(e.code) && typeof e.severity === 'string') return e;
  return null;
}

/**
 * A database refusal caused by the request (a constraint, a malformed value) as a 400 or 409 that
 * names the field, from the SQLSTATE and the constraint's name. Nothing of the SQL, the values or
 * PostgreSQL's own message is repeated. `null`: not such an error (outages are handled elsewhere).
 */
export function databaseErrorBody(exception: unknown): ErrorBody | null {
  const e = databaseFields(exception);
  if (!e?.code) return null;
  const known = e.constraint ? CONSTRAINT_FIELDS[e.constraint] : undefined;
  const field = fieldOfConstraint(e);
  const named = field ? ` (${field})` : '';
  const withField = (b: ErrorBody): ErrorBody => (field ? { ...b, details: [{ field, messages: [b.message] }] } : b);
  switch (e.code) {
    case '23505': // unique_violation
      return withField({ statusCode: 409, code: 'already_exists', message: known?.message ?? `A record with this value${named} already exists. Choose another value, or use the existing record.` });
    case '23P01': // exclusion_violation
      return withField({ statusCode: 409, code: 'conflict', message: known?.message ?? `This overlaps an existing record${named}. Change the dates or values, or end the existing record first.` });
    case '23503': // foreign_key_violation
      if (/still referenced/i.test(e.detail ?? '')) {
        return withField({ statusCode: 409, code: 'still_referenced', message: 'Other records still refer to this one, so it cannot be removed. Remove or change them first.' });
      }
      return withField({ statusCode: 400, code: 'unknown_reference', message: known?.message ?? `The record named${named} does not exist. Check the id.` });
    case '23514': // check_violation
      return withField({ statusCode: 400, code: 'invalid_value', message: known?.message ?? `A value${named} is outside what is allowed. Check it and send the request again.` });
    case '23502': // not_null_violation
      return withField({ statusCode: 400, code: 'missing_value', message: `A required value${named} is missing. Give it and send the request again.` });
    case '22001': // string_data_right_truncation
      return { statusCode: 400, code: 'value_too_long', message: 'A value in the request is too long. Shorten it and send the request again.' };
    case '22003': // numeric_value_out_of_range
      return { statusCode: 400, code: 'value_out_of_range', message: 'A number in the request is too large or too small.' };
    case '22P02': // invalid_text_representation
    case '22007': // invalid_datetime_format
    case '22008': // datetime_field_overflow
    case '22023': // invalid_parameter_value
    case '22021': // character_not_in_repertoire
    case '22P05': // untranslatable_character (a NUL in text)
    case '2201B': // invalid_regular_expression
    case '22025': // invalid_escape_sequence
    case '54000': // program_limit_exceeded (a value too large to index)
      return { statusCode: 400, code: 'invalid_value', message: 'A value in the request has the wrong format. Check ids, dates and numbers and send the request again.' };
    default:
      return null;
  }
}
