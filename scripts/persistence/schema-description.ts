/**
 * A deterministic text description of the schema the migrations produce, read from PostgreSQL's
 * catalogs: schemas and their grants, tables with their columns (type, nullability, default,
 * identity), constraints, indexes, triggers, grants and row-level security, sequences, views,
 * types and functions, and the default privileges the migrations set. One line per fact (a
 * function's body and a view's query indented below it), sorted by name, with no OIDs and no role
 * that depends on who migrated (the owner is left out; grants to the owner are left out), so that
 * two databases migrated from the same files give the same text, and a diff between them reads as
 * what changed. Committed as migrations/schema.snapshot.sql.
 */
import type { SqlRunner } from './prepare-statements';

/** The part of a QueryRunner / pg client this needs: a query that returns rows. */
export interface CatalogReader {
  query(sql: string): Promise<unknown>;
}

const OWN_SCHEMAS = `n.nspname NOT LIKE 'pg\\_%' AND n.nspname <> 'information_schema'`;

/**
 * Objects that belong to an extension are the extension's (not described); objects of ours that
 * use one (an index on a pg_trgm operator class) end with `  -- needs <extension>`, so that a
 * database without that extension (the embedded one) can be compared without them.
 */
const NOT_EXTENSION_MEMBER = (catalog: string, oid: string) =>
  `NOT EXISTS (SELECT 1 FROM pg_depend dep WHERE dep.classid = '${catalog}'::regclass AND dep.objid = ${oid} AND dep.deptype = 'e')`;
export const NEEDS = '  -- needs ';

/** The description without what needs an extension the described database does not have. */
export function withoutExtensions(description: string, missing: string[]): string {
  return description
    .split('\n')
    .filter((l) => {
      const i = l.indexOf(NEEDS);
      return i === -1 || !l.slice(i + NEEDS.length).split(', ').some((x) => missing.includes(x));
    })
    .join('\n');
}

/** The extensions a description lists. */
export function extensionsOf(description: string): string[] {
  return description
    .split('\n')
    .filter((l) => l.startsWith('EXTENSION '))
    .map((l) => l.slice('EXTENSION '.length).split(' ')[0]);
}

type Row = Record<string, string | boolean | number | null>;

async function rows(db: CatalogReader, sql: string): Promise<Row[]> {
  const r = (await db.query(sql)) as Row[] | { rows: Row[] };
  return Array.isArray(r) ? r : r.rows;
}

/** Grants in an ACL, owner's own left out: `role: PRIVILEGE, …` sorted. */
const ACL = (acl: string, owner: string) => `
  (SELECT string_agg(g, '; ' ORDER BY g) FROM (
     SELECT CASE WHEN a.grantee = 0 THEN 'PUBLIC' ELSE pg_get_userbyid(a.grantee) END || ': ' ||
            string_agg(a.privilege_type || CASE WHEN a.is_grantable THEN ' WITH GRANT OPTION' ELSE '' END, ', ' ORDER BY a.privilege_type) AS g
       FROM aclexplode(${acl}) a
      WHERE a.grantee <> ${owner}
      GROUP BY a.grantee) grants)`;

const indent = (text: string): string =>
  text
    .replace(/\r\n/g, '\n')
    .split('\n')
    .map((l) => l.replace(/\s+$/, ''))
    .filter((l, i, all) => l !== '' || (i > 0 && i < all.length - 1))
    .map((l) => `    | ${l}`.replace(/\s+$/, ''))
    .join('\n');

export async function describeSchema(db: CatalogReader | SqlRunner): Promise<string> {
  const out: string[] = [
    '-- The schema the migrations produce, as `npm run schema:snapshot` reads it from PostgreSQL.',
    '-- Generated: do not edit. `npm run schema:check` (and test/e2e/platform/schema-snapshot.e2e.spec.ts)',
    '-- fail when the migrations and this file disagree; after adding a migration, run',
    '-- `npm run schema:snapshot` and commit the change to this file with it.',
    '',
  ];

  for (const x of await rows(db, `SELECT extname AS name FROM pg_extension WHERE extname <> 'plpgsql' ORDER BY 1`)) {
    out.push(`EXTENSION ${x.name}${NEEDS}${x.name}`);
  }

  for (const s of await rows(
    db,
    `SELECT n.nspname AS name, CASE WHEN n.nspname = 'public' THEN NULL ELSE ${ACL('n.nspacl', 'n.nspowner')} END AS grants
       FROM pg_namespace n WHERE ${OWN_SCHEMAS} ORDER BY 1`,
  )) {
    out.push(`SCHEMA ${s.name}${s.grants ? `  GRANT ${s.grants}` : ''}`);
  }

  for (const d of await rows(
    db,
    `SELECT coalesce(n.nspname, '*') AS schema, d.defaclobjtype AS kind,
            (SELECT string_agg(g, '; ' ORDER BY g) FROM (
               SELECT CASE WHEN a.grantee = 0 THEN 'PUBLIC' ELSE pg_get_userbyid(a.grantee) END || ': ' || string_agg(a.privilege_type, ', ' ORDER BY a.privilege_type) AS g
                 FROM aclexplode(d.defaclacl) a WHERE a.grantee <> d.defaclrole GROUP BY a.grantee) x) AS grants
       FROM pg_default_acl d LEFT JOIN pg_namespace n ON n.oid = d.defaclnamespace
      ORDER BY 1, 2`,
  )) {
    const kind = ({ r: 'TABLES', S: 'SEQUENCES', f: 'FUNCTIONS', T: 'TYPES', n: 'SCHEMAS' } as Record<string, string>)[String(d.kind)] ?? String(d.kind);
    out.push(`DEFAULT PRIVILEGES IN SCHEMA ${d.schema} ON ${kind}  GRANT ${d.grants ?? '(none)'}`);
  }

  for (const t of await rows(
    db,
    `SELECT n.nspname || '.' || t.typname AS name, t.typtype AS kind,
            CASE t.typtype WHEN 'e' THEN (SELECT string_agg(quote_literal(e.enumlabel), ', ' ORDER BY e.enumsortorder) FROM pg_enum e WHERE e.enumtypid = t.oid)
                           WHEN 'd' THEN format_type(t.typbasetype, t.typtypmod) || CASE WHEN t.typnotnull THEN ' NOT NULL' ELSE '' END ||
                             coalesce(' ' || (SELECT string_agg(pg_get_constraintdef(c.oid), ' ' ORDER BY c.conname) FROM pg_constraint c WHERE c.contypid = t.oid AND c.contype = 'c'), '')
            END AS def
       FROM pg_type t JOIN pg_namespace n ON n.oid = t.typnamespace
      WHERE ${OWN_SCHEMAS} AND t.typtype IN ('e', 'd') AND ${NOT_EXTENSION_MEMBER('pg_type', 't.oid')} ORDER BY 1`,
  )) {
    out.push('', t.kind === 'e' ? `TYPE ${t.name} AS ENUM (${t.def})` : `DOMAIN ${t.name} AS ${t.def}`);
  }

  for (const s of await rows(
    db,
    `SELECT n.nspname || '.' || c.relname AS name, format_type(s.seqtypid, NULL) AS type, s.seqstart AS start, s.seqincrement AS step,
            s.seqmin AS min, s.seqmax AS max, s.seqcycle AS cycle, ${ACL('c.relacl', 'c.relowner')} AS grants
       FROM pg_sequence s JOIN pg_class c ON c.oid = s.seqrelid JOIN pg_namespace n ON n.oid = c.relnamespace
      WHERE ${OWN_SCHEMAS} AND ${NOT_EXTENSION_MEMBER('pg_class', 'c.oid')} ORDER BY 1`,
  )) {
    out.push('', `SEQUENCE ${s.name} AS ${s.type} START ${s.start} INCREMENT ${s.step} MINVALUE ${s.min} MAXVALUE ${s.max}${s.cycle ? ' CYCLE' : ''}${s.grants ? `  GRANT ${s.grants}` : ''}`);
  }

  const tables = await rows(
    db,
    `SELECT c.oid::int AS id, n.nspname || '.' || c.relname AS name, c.relkind AS kind, c.relrowsecurity AS rls, c.relforcerowsecurity AS force_rls,
            ${ACL('c.relacl', 'c.relowner')} AS grants,
            CASE WHEN c.relkind IN ('v', 'm') THEN pg_get_viewdef(c.oid) END AS query
       FROM pg_class c JOIN pg_namespace n ON n.oid = c.relnamespace
      WHERE ${OWN_SCHEMAS} AND c.relkind IN ('r', 'p', 'v', 'm', 'f') AND ${NOT_EXTENSION_MEMBER('pg_class', 'c.oid')} ORDER BY 2`,
  );
  const columns = await rows(
    db,
    `SELECT a.attrelid::int AS id, a.attname AS name, format_type(a.atttypid, a.atttypmod) AS type, a.attnotnull AS not_null,
            pg_get_expr(d.adbin, d.adrelid) AS def, a.attidentity AS identity, a.attgenerated AS generated,
            CASE WHEN co.collname IS NOT NULL AND a.attcollation <> t.typcollation THEN co.collname END AS collation,
            ${ACL('a.attacl', 'c.relowner')} AS grants
       FROM pg_attribute a JOIN pg_class c ON c.oid = a.attrelid JOIN pg_namespace n ON n.oid = c.relnamespace
       JOIN pg_type t ON t.oid = a.atttypid
       LEFT JOIN pg_attrdef d ON d.adrelid = a.attrelid AND d.adnum = a.attnum
       LEFT JOIN pg_collation co ON co.oid = a.attcollation
      WHERE ${OWN_SCHEMAS} AND c.relkind IN ('r', 'p', 'v', 'm', 'f') AND a.attnum > 0 AND NOT a.attisdropped
      ORDER BY a.attrelid, a.attnum`,
  );
  // contype 'n' (NOT NULL as a constraint, PostgreSQL 18) is the column's NOT NULL, shown there.
  const constraints = await rows(
    db,
    `SELECT co.conrelid::int AS id, co.conname AS name, pg_get_constraintdef(co.oid) AS def
       FROM pg_constraint co JOIN pg_namespace n ON n.oid = co.connamespace
      WHERE ${OWN_SCHEMAS} AND co.conrelid <> 0 AND co.contype <> 'n' ORDER BY co.conname, 3`,
  );
  const indexes = await rows(
    db,
    `SELECT i.indrelid::int AS id, ic.relname AS name, pg_get_indexdef(i.indexrelid) AS def,
            (SELECT string_agg(DISTINCT x.extname, ', ') FROM pg_depend d
               JOIN pg_depend e ON e.classid = d.refclassid AND e.objid = d.refobjid AND e.deptype = 'e'
               JOIN pg_extension x ON x.oid = e.refobjid
              WHERE d.classid = 'pg_class'::regclass AND d.objid = i.indexrelid) AS needs
       FROM pg_index i JOIN pg_class ic ON ic.oid = i.indexrelid JOIN pg_namespace n ON n.oid = ic.relnamespace
      WHERE ${OWN_SCHEMAS} ORDER BY ic.relname`,
  );
  const triggers = await rows(
    db,
    `SELECT tg.tgrelid::int AS id, tg.tgname AS name, pg_get_triggerdef(tg.oid) AS def, tg.tgenabled AS enabled
       FROM pg_trigger tg JOIN pg_class c ON c.oid = tg.tgrelid JOIN pg_namespace n ON n.oid = c.relnamespace
      WHERE ${OWN_SCHEMAS} AND NOT tg.tgisinternal ORDER BY tg.tgname`,
  );
  const policies = await rows(
    db,
    `SELECT p.polrelid::int AS id, p.polname AS name, p.polcmd AS cmd, p.polpermissive AS permissive,
            (SELECT string_agg(CASE WHEN r = 0 THEN 'PUBLIC' ELSE pg_get_userbyid(r) END, ', ' ORDER BY 1) FROM unnest(p.polroles) r) AS roles,
            pg_get_expr(p.polqual, p.polrelid) AS using, pg_get_expr(p.polwithcheck, p.polrelid) AS check
       FROM pg_policy p ORDER BY p.polname`,
  );
  const of = <T extends Row>(list: T[], id: unknown) => list.filter((r) => r.id === id);

  for (const t of tables) {
    const kind = ({ r: 'TABLE', p: 'TABLE', v: 'VIEW', m: 'MATERIALIZED VIEW', f: 'FOREIGN TABLE' } as Record<string, string>)[String(t.kind)];
    out.push('', `${kind} ${t.name}${t.kind === 'p' ? ' (partitioned)' : ''}${t.rls ? ' ROW LEVEL SECURITY' : ''}${t.force_rls ? ' FORCED' : ''}`);
    for (const c of of(columns, t.id)) {
      const parts = [`  COLUMN ${c.name} ${c.type}`];
      if (c.collation) parts.push(`COLLATE "${c.collation}"`);
      if (c.not_null) parts.push('NOT NULL');
      if (c.identity) parts.push(c.identity === 'a' ? 'GENERATED ALWAYS AS IDENTITY' : 'GENERATED BY DEFAULT AS IDENTITY');
      if (c.generated) parts.push(`GENERATED ALWAYS AS (${c.def}) STORED`);
      else if (c.def !== null) parts.push(`DEFAULT ${c.def}`);
      if (c.grants) parts.push(` GRANT ${c.grants}`);
      out.push(parts.join(' '));
    }
    for (const c of of(constraints, t.id)) out.push(`  CONSTRAINT ${c.name} ${c.def}`);
    for (const i of of(indexes, t.id)) out.push(`  INDEX ${i.name}: ${i.def}${i.needs ? `${NEEDS}${i.needs}` : ''}`);
    for (const tg of of(triggers, t.id)) out.push(`  TRIGGER ${tg.name}: ${tg.def}${tg.enabled === 'D' ? ' (disabled)' : ''}`);
    for (const p of of(policies, t.id)) {
      const cmd = ({ r: 'SELECT', a: 'INSERT', w: 'UPDATE', d: 'DELETE', '*': 'ALL' } as Record<string, string>)[String(p.cmd)];
      out.push(`  POLICY ${p.name} ${p.permissive ? 'PERMISSIVE' : 'RESTRICTIVE'} FOR ${cmd} TO ${p.roles}${p.using ? ` USING (${p.using})` : ''}${p.check ? ` WITH CHECK (${p.check})` : ''}`);
    }
    if (t.grants) out.push(`  GRANT ${t.grants}`);
    if (t.query) out.push(indent(String(t.query)));
  }

  for (const f of await rows(
    db,
    `SELECT n.nspname || '.' || p.proname || '(' || pg_get_function_identity_arguments(p.oid) || ')' AS name,
            p.prokind AS kind, pg_get_function_result(p.oid) AS result, l.lanname AS language, p.provolatile AS volatility,
            p.prosecdef AS security_definer, p.proconfig AS config, p.prosrc AS body, ${ACL('p.proacl', 'p.proowner')} AS grants
       FROM pg_proc p JOIN pg_namespace n ON n.oid = p.pronamespace JOIN pg_language l ON l.oid = p.prolang
      WHERE ${OWN_SCHEMAS} AND ${NOT_EXTENSION_MEMBER('pg_proc', 'p.oid')} ORDER BY 1`,
  )) {
    const kind = f.kind === 'p' ? 'PROCEDURE' : f.kind === 'a' ? 'AGGREGATE' : 'FUNCTION';
    const volatility = ({ i: 'IMMUTABLE', s: 'STABLE', v: 'VOLATILE' } as Record<string, string>)[String(f.volatility)];
    const config = Array.isArray(f.config) ? ` SET ${(f.config as string[]).join(', ')}` : f.config ? ` SET ${f.config}` : '';
    out.push(
      '',
      `${kind} ${f.name}${f.result ? ` RETURNS ${f.result}` : ''} LANGUAGE ${f.language} ${volatility}${f.security_definer ? ' SECURITY DEFINER' : ''}${config}${f.grants ? `  GRANT ${f.grants}` : ''}`,
    );
    out.push(indent(String(f.body)));
  }
  return `${out.join('\n')}\n`;
}

/** A unified-style line diff (enough context to find the place), empty when equal. */
export function diffLines(expected: string, actual: string, context = 2): string {
  const all = expected.split('\n');
  const bll = actual.split('\n');
  // The common head and tail are left out; a longest common subsequence of the rest.
  let head = 0;
  while (head < all.length && head < bll.length && all[head] === bll[head]) head++;
  let tail = 0;
  while (tail < all.length - head && tail < bll.length - head && all[all.length - 1 - tail] === bll[bll.length - 1 - tail]) tail++;
  const from = Math.max(0, head - context);
  const a = all.slice(from, all.length - Math.max(0, tail - context));
  const b = bll.slice(from, bll.length - Math.max(0, tail - context));
  const n = a.length;
  const m = b.length;
  const lcs: Uint32Array[] = Array.from({ length: n + 1 }, () => new Uint32Array(m + 1));
  for (let i = n - 1; i >= 0; i--) for (let j = m - 1; j >= 0; j--) lcs[i][j] = a[i] === b[j] ? lcs[i + 1][j + 1] + 1 : Math.max(lcs[i + 1][j], lcs[i][j + 1]);
  const ops: Array<{ op: ' ' | '-' | '+'; line: string; at: number }> = [];
  let i = 0;
  let j = 0;
  while (i < n || j < m) {
    if (i < n && j < m && a[i] === b[j]) ops.push({ op: ' ', line: a[i++], at: j++ });
    else if (i < n && (j >= m || lcs[i + 1][j] >= lcs[i][j + 1])) ops.push({ op: '-', line: a[i++], at: j });
    else ops.push({ op: '+', line: b[j], at: j++ });
  }
  const keep = ops.map((o, k) => o.op !== ' ' || ops.slice(Math.max(0, k - context), k + context + 1).some((x) => x.op !== ' '));
  const out: string[] = [];
  let gap = false;
  ops.forEach((o, k) => {
    if (!keep[k]) {
      gap = true;
      return;
    }
    if (gap || out.length === 0) out.push(`@@ near line ${from + o.at + 1} @@`);
    gap = false;
    out.push(`${o.op} ${o.line}`);
  });
  return ops.some((o) => o.op !== ' ') ? out.join('\n') : '';
}
