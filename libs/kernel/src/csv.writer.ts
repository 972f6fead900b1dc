const FORMULA_START = /^[=+\-@\t\r]/;

/**
 * One field for output. A value a spreadsheet would run as a formula (starting with = + - @, tab
 * or CR) gets a leading apostrophe; a value with a comma, quote, line break or edge spaces is
 * quoted, with quotes doubled.
 */
export function encodeCsvField(value: string | number | boolean | null | undefined): string {
  let s = value === null || value === undefined ? '' : String(value);
  if (FORMULA_START.test(s)) s = `'${s}`;
  if (/[",\r\n]/.test(s) || /^\s|\s$/.test(s)) s = `"${s.replace(/"/g, '""')}"`;
  return s;
}

/** The reverse of the formula protection, applied on import: `'+44…` reads back as `+44…`. */
export function unprotectCsvField(value: string): string {
  return value.length > 1 && value[0] === "'" && FORMULA_START.test(value.slice(1)) ? value.slice(1) : value;
}

export function encodeCsvRecord(fields: ReadonlyArray<string | number | boolean | null | undefined>): string {
  return fields.map(encodeCsvField).join(',') + '\r\n';
}
