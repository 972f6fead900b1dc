import { DomainError } from './domain-error';
import { isIsoDate, type IsoDate } from './calendar-date';
import { unprotectCsvField } from './csv.writer';

/**
 * Column mappings: how a file exported by another tool (CiviCRM, Action Network, a spreadsheet,
 * a bank) is read as one of the platform's own import formats, without editing the file. A
 * mapping says, for each of the platform's fields, which source column(s) it comes from and how
 * the value is turned into the platform's form (dates, value lists). Shared by the member import
 * and the payments import; each names its own fields.
 *
 * Source columns are matched by header, trimmed and case-insensitively. Errors name the row and
 * the **source** column, so a person can find the cell in the file they have.
 */
export const MappingErrorCode = {
  invalid: 'csv_mapping_invalid',
  columnMissing: 'csv_mapping_column_missing',
} as const;
export type MappingErrorCode = (typeof MappingErrorCode)[keyof typeof MappingErrorCode];

export interface FieldRule {
  /** The source column (its header). */
  column?: string;
  /** Several source columns: the non-empty values joined with `join` (default ", "), e.g. an address. */
  columns?: string[];
  join?: string;
  /** A fixed value for every row (when the file has no such column). */
  constant?: string;
  /** The value is a date in one of these formats (tokens YYYY, MM, M, DD, D, MMM); becomes YYYY-MM-DD. A time after the date is ignored. */
  dateFormats?: string[];
  /** Value list: source value (trimmed, any case) → platform value. "" maps an empty cell. */
  values?: Record<string, string>;
  /** For a value not in `values`: refuse the row (default) or keep the value as it is. */
  otherValues?: 'error' | 'keep';
  /** Source values (any case) for which the whole row is left out and reported as skipped, e.g. a "Deceased" status. */
  skipWhen?: string[];
  /** The file may lack the column(s): the field is then empty. Default: a missing column refuses the file. */
  optional?: boolean;
}

/** The shared part of every mapping: platform field → rule. */
export interface ColumnMappingDefinition {
  fields: Record<string, FieldRule>;
}

export interface MappedFieldError {
  /** The platform field. */
  field: string;
  /** The source column(s), as the file's header writes them. */
  column: string;
  message: string;
}

export interface MappedRecord {
  values: Map<string, string>;
  errors: MappedFieldError[];
  /** Set when a `skipWhen` value matched: why the row is left out. */
  skipped: string | null;
}

interface CompiledRule {
  field: string;
  indexes: number[];
  label: string;
  rule: FieldRule;
  values: Map<string, string> | null;
  skip: Set<string>;
  dates: DateFormat[] | null;
}

const lower = (s: string) => s.trim().toLowerCase();

/**
 * Checks a mapping's shape against the fields a format knows (every required one must be
 * mapped, no unknown ones), naming each problem. Does not need a file.
 */
export function checkMappingDefinition(def: unknown, fields: { known: readonly string[]; required: readonly string[] }): string[] {
  const problems: string[] = [];
  if (!def || typeof def !== 'object' || !(def as ColumnMappingDefinition).fields || typeof (def as ColumnMappingDefinition).fields !== 'object') {
    return ['a mapping needs "fields": an object from the platform\'s field names to rules'];
  }
  const rules = (def as ColumnMappingDefinition).fields;
  for (const f of fields.required) if (!rules[f]) problems.push(`"${f}" is required: say which column it comes from`);
  for (const [f, r] of Object.entries(rules)) {
    if (!fields.known.includes(f)) {
      problems.push(`"${f}" is not a field of this import (fields: ${fields.known.join(', ')})`);
      continue;
    }
    if (!r || typeof r !== 'object') {
      problems.push(`"${f}": a rule must be an object`);
      continue;
    }
    const sources = [r.column !== undefined, r.columns !== undefined, r.constant !== undefined].filter(Boolean).length;
    if (sources !== 1) problems.push(`"${f}": give exactly one of column, columns or constant`);
    if (r.column !== undefined && (typeof r.column !== 'string' || r.column.trim() === '')) problems.push(`"${f}": column must be a header name`);
    if (r.columns !== undefined && (!Array.isArray(r.columns) || r.columns.length === 0 || r.columns.some((c) => typeof c !== 'string' || c.trim() === ''))) {
      problems.push(`"${f}": columns must be a list of header names`);
    }
    if (r.constant !== undefined && typeof r.constant !== 'string') problems.push(`"${f}": constant must be text`);
    if (r.join !== undefined && typeof r.join !== 'string') problems.push(`"${f}": join must be text`);
    if (r.dateFormats !== undefined) {
      if (!Array.isArray(r.dateFormats) || r.dateFormats.length === 0) problems.push(`"${f}": dateFormats must be a list such as ["DD/MM/YYYY"]`);
      else for (const d of r.dateFormats) if (typeof d !== 'string' || !compileDateFormat(d)) problems.push(`"${f}": "${d}" is not a date format (use YYYY, MM, M, DD, D, MMM and separators)`);
    }
    if (r.values !== undefined && (typeof r.values !== 'object' || Array.isArray(r.values) || Object.values(r.values).some((v) => typeof v !== 'string'))) {
      problems.push(`"${f}": values must map source values to platform values (text)`);
    }
    if (r.otherValues !== undefined && r.otherValues !== 'error' && r.otherValues !== 'keep') problems.push(`"${f}": otherValues is "error" or "keep"`);
    if (r.skipWhen !== undefined && (!Array.isArray(r.skipWhen) || r.skipWhen.some((v) => typeof v !== 'string'))) problems.push(`"${f}": skipWhen must be a list of values`);
    if (r.optional !== undefined && typeof r.optional !== 'boolean') problems.push(`"${f}": optional is true or false`);
  }
  return problems;
}

/**
 * A mapping bound to a file's header row. Refuses (naming them) source columns the header lacks,
 * so a wrong file or a wrong mapping is caught before any row is read.
 */
export class BoundColumnMapping {
  private constructor(private readonly rules: CompiledRule[]) {}

  static bind(def: ColumnMappingDefinition, header: readonly string[], mappingName: string): BoundColumnMapping {
    const index = new Map<string, number>();
    header.forEach((h, i) => {
      if (!index.has(lower(h))) index.set(lower(h), i);
    });
    const missing: string[] = [];
    const rules: CompiledRule[] = [];
    for (const [field, rule] of Object.entries(def.fields)) {
      const cols = rule.column !== undefined ? [rule.column] : (rule.columns ?? []);
      const indexes: number[] = [];
      for (const c of cols) {
        const i = index.get(lower(c));
        if (i !== undefined) indexes.push(i);
        else if (!rule.optional) missing.push(c);
      }
      rules.push({
        field,
        indexes,
        label: rule.constant !== undefined ? `(${field})` : cols.join(' + '),
        rule,
        values: rule.values ? new Map(Object.entries(rule.values).map(([k, v]) => [lower(k), v])) : null,
        skip: new Set((rule.skipWhen ?? []).map(lower)),
        dates: rule.dateFormats ? rule.dateFormats.map((d) => compileDateFormat(d)!) : null,
      });
    }
    if (missing.length > 0) {
      throw new DomainError(
        'invalid',
        MappingErrorCode.columnMissing,
        `The header row (row 1) has no column ${[...new Set(missing)].map((c) => `"${c}"`).join(', ')}, which the mapping "${mappingName}" reads. Use the mapping that matches this export, or save a mapping with this file's column names.`,
        { row: 1, missing: [...new Set(missing)] },
      );
    }
    return new BoundColumnMapping(rules);
  }

  /** The source column(s) a platform field comes from, to name them in errors. */
  sourceOf(field: string): string | undefined {
    return this.rules.find((r) => r.field === field)?.label;
  }

  map(fields: readonly string[]): MappedRecord {
    const values = new Map<string, string>();
    const errors: MappedFieldError[] = [];
    let skipped: string | null = null;
    for (const r of this.rules) {
      let raw: string;
      if (r.rule.constant !== undefined) raw = r.rule.constant;
      else if (r.rule.column !== undefined) raw = r.indexes.length ? unprotectCsvField(fields[r.indexes[0]] ?? '').trim() : '';
      else {
        raw = r.indexes
          .map((i) => unprotectCsvField(fields[i] ?? '').trim())
          .filter((v) => v !== '')
          .join(r.rule.join ?? ', ');
      }
      if (r.skip.has(lower(raw))) {
        skipped ??= `${r.label} is "${raw}"`;
        continue;
      }
      let value = raw;
      if (r.values) {
        const v = r.values.get(lower(raw));
        if (v !== undefined) value = v;
        else if (raw !== '' && (r.rule.otherValues ?? 'error') === 'error') {
          errors.push({ field: r.field, column: r.label, message: `"${raw}" is not one of the values the mapping knows (${[...r.values.keys()].filter((k) => k !== '').map((k) => `"${k}"`).join(', ')})` });
          continue;
        }
      }
      if (r.dates && value !== '') {
        const d = parseDateWith(value, r.dates);
        if (d === null) {
          errors.push({ field: r.field, column: r.label, message: `"${value}" is not a date written ${r.rule.dateFormats!.join(' or ')}` });
          continue;
        }
        value = d;
      }
      values.set(r.field, value);
    }
    return { values, errors, skipped };
  }
}

// ── dates ─────────────────────────────────────────────────────────────────────────────────────

interface DateFormat {
  re: RegExp;
  order: ('Y' | 'M' | 'D' | 'MMM')[];
}

const MONTHS = ['jan', 'feb', 'mar', 'apr', 'may', 'jun', 'jul', 'aug', 'sep', 'oct', 'nov', 'dec'];

function compileDateFormat(format: string): DateFormat | null {
  const order: DateFormat['order'] = [];
  let re = '';
  let rest = format;
  while (rest.length > 0) {
    const t = /^(YYYY|MMM|MM|M|DD|D)/.exec(rest);
    if (t) {
      const tok = t[1];
      if (tok === 'YYYY') {
        re += '(\\d{4})';
        order.push('Y');
      } else if (tok === 'MMM') {
        re += '([A-Za-z]{3,9})';
        order.push('MMM');
      } else if (tok[0] === 'M') {
        re += tok === 'MM' ? '(\\d{2})' : '(\\d{1,2})';
        order.push('M');
      } else {
        re += tok === 'DD' ? '(\\d{2})' : '(\\d{1,2})';
        order.push('D');
      }
      rest = rest.slice(tok.length);
    } else if (/^[\s./-]/.test(rest)) {
      re += rest[0] === ' ' ? '\\s+' : `\\${rest[0]}`;
      rest = rest.slice(1);
    } else return null;
  }
  if (!order.includes('Y') || !(order.includes('M') || order.includes('MMM')) || !order.includes('D')) return null;
  return { re: new RegExp(`^${re}(?:[ T]\\d{1,2}:\\d{2}(?::\\d{2})?.*)?$`), order };
}

function parseDateWith(value: string, formats: readonly DateFormat[]): IsoDate | null {
  for (const f of formats) {
    const m = f.re.exec(value.trim());
    if (!m) continue;
    let y = 0;
    let mo = 0;
    let d = 0;
    f.order.forEach((o, i) => {
      const s = m[i + 1];
      if (o === 'Y') y = Number(s);
      else if (o === 'D') d = Number(s);
      else if (o === 'M') mo = Number(s);
      else mo = MONTHS.indexOf(s.slice(0, 3).toLowerCase()) + 1;
    });
    const iso = `${String(y).padStart(4, '0')}-${String(mo).padStart(2, '0')}-${String(d).padStart(2, '0')}`;
    if (isIsoDate(iso)) return iso;
  }
  return null;
}

/** A date in one of the formats (as in a mapping), or null. For callers outside a mapping (tests, tools). */
export function parseDateInFormats(value: string, formats: readonly string[]): IsoDate | null {
  const compiled = formats.map(compileDateFormat).filter((f): f is DateFormat => f !== null);
  return parseDateWith(value, compiled);
}
