/**
 * The statement check's bookkeeping: which unresolved call sites the allow-list covers, which
 * are not covered (a failure), and which allow-list entries no longer match anything (stale: a
 * failure too, so the list stays short and true).
 */
import * as fs from 'node:fs';
import * as path from 'node:path';
import type { SqlSite } from './sql-statements';

export interface AllowListEntry {
  file: string;
  /** The enclosing function as `extractSql` names it (e.g. `MemberRegisterSqlQuery.search`). */
  within: string;
  reason: string;
}

export const ALLOW_LIST_FILE = path.join(__dirname, 'dynamic-sql.allow.json');

export function readAllowList(file = ALLOW_LIST_FILE): AllowListEntry[] {
  const entries = JSON.parse(fs.readFileSync(file, 'utf8')) as AllowListEntry[];
  for (const e of entries) {
    if (!e.file || !e.within || !e.reason?.trim()) throw new Error(`${file}: every entry needs file, within and a reason (${JSON.stringify(e)})`);
  }
  return entries;
}

export interface AllowListReview {
  /** Unresolved sites the list does not cover: `file:line (within): reason`. */
  unlisted: string[];
  /** Entries that cover no unresolved site. */
  stale: AllowListEntry[];
  /** Unresolved sites the list covers. */
  allowed: SqlSite[];
}

export function reviewAllowList(sites: SqlSite[], entries: AllowListEntry[]): AllowListReview {
  const unresolved = sites.filter((s) => !s.texts);
  const covers = (e: AllowListEntry, s: SqlSite): boolean => e.file === s.file && e.within === s.within;
  return {
    unlisted: unresolved.filter((s) => !entries.some((e) => covers(e, s))).map((s) => `${s.file}:${s.line} (${s.within}): ${s.reason}`),
    stale: entries.filter((e) => !unresolved.some((s) => covers(e, s))),
    allowed: unresolved.filter((s) => entries.some((e) => covers(e, s))),
  };
}
