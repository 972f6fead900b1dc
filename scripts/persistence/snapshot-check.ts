/**
 * Compares a migrated database's schema description with the committed snapshot. On real
 * PostgreSQL the two must be equal. The embedded database has no pg_trgm, so there the lines the
 * snapshot marks `-- needs pg_trgm` are left out of the comparison (the rest must be equal).
 */
import * as fs from 'node:fs';
import { diffLines, extensionsOf, withoutExtensions } from './schema-description';

export interface SnapshotComparison {
  equal: boolean;
  /** A line diff: `-` the snapshot, `+` the migrated database. Empty when equal. */
  diff: string;
  /** Extensions the snapshot needs that the database lacks (their lines were left out). */
  leftOut: string[];
}

export function compareWithSnapshot(description: string, snapshotFile: string, embedded: boolean): SnapshotComparison {
  if (!fs.existsSync(snapshotFile)) {
    return { equal: false, diff: `${snapshotFile} does not exist: run \`npm run schema:snapshot\` with DATABASE_URL set.`, leftOut: [] };
  }
  let snapshot = fs.readFileSync(snapshotFile, 'utf8');
  const leftOut = embedded ? extensionsOf(snapshot).filter((x) => !extensionsOf(description).includes(x)) : [];
  if (leftOut.length) snapshot = withoutExtensions(snapshot, leftOut);
  const diff = diffLines(snapshot, description);
  return { equal: diff === '', diff, leftOut };
}

export const HOW_TO_FIX =
  'The schema the migrations produce differs from migrations/schema.snapshot.sql (`-` the snapshot, `+` the migrations).\n' +
  'If a migration you added is meant to change the schema this way, run `DATABASE_URL=postgres://… npm run schema:snapshot` and commit the file with the migration.\n' +
  'If not, the migration (or an edit to an existing one, which is not allowed) changed something it should not have.';
