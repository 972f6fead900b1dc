/**
 * `npm run seed -- --members 1000000 --branches 10000 --years 10 [--seed S]`
 * Fills an EMPTY database (migrating it first) with a realistic organization for benchmarks:
 * branches in regions, members with branch histories, lapses and resignations, and monthly subs
 * over the years, written with set-based SQL in batches (apps/api/src/seed/organization-generator.ts).
 * It all happens in one transaction: an interrupted run leaves the database empty, so it can
 * simply be run again; a database that already holds an organization is refused.
 */
import 'reflect-metadata';
import { DataSource } from 'typeorm';
import { generateOrganization } from '../apps/api/src/seed/organization-generator';
import { closeEmbeddedDatabases, dataSourceOptions, loadConfig, openEmbeddedDatabase, runMigrations } from '../libs/platform/src';
import { migrations } from '../migrations';

function arg(name: string, dflt: number): number {
  const i = process.argv.indexOf(`--${name}`);
  if (i < 0) return dflt;
  const v = Number(process.argv[i + 1]);
  if (!Number.isInteger(v) || v <= 0) {
    console.error(`--${name} needs a positive whole number`);
    process.exit(2);
  }
  return v;
}

const seconds = (ms: number): string => (ms >= 60_000 ? `${Math.floor(ms / 60_000)} min ${Math.round((ms % 60_000) / 1000)} s` : `${(ms / 1000).toFixed(1)} s`);

/** A progress bar on a terminal; one line per step otherwise (a log file, CI). */
function progress(t0: number): (message: string, members?: { done: number; total: number }) => void {
  const tty = process.stderr.isTTY;
  return (message, members) => {
    const elapsed = Date.now() - t0;
    if (!members) {
      if (tty) process.stderr.write('\n');
      console.error(`[${seconds(elapsed)}] ${message}`);
      return;
    }
    const share = members.done / members.total;
    const width = 30;
    const filled = Math.round(share * width);
    const eta = share > 0 ? seconds((elapsed / share) * (1 - share)) : '?';
    const line = `[${'#'.repeat(filled)}${'.'.repeat(width - filled)}] ${(share * 100).toFixed(0).padStart(3)}%  ${members.done.toLocaleString('en')} / ${members.total.toLocaleString('en')} members  ${seconds(elapsed)}, about ${eta} left`;
    if (tty) process.stderr.write(`\r${line}`);
    else console.error(line);
  };
}

async function main(): Promise<void> {
  const members = arg('members', 10_000);
  const branches = arg('branches', 100);
  const years = arg('years', 5);
  const si = process.argv.indexOf('--seed');
  const seed = si >= 0 ? process.argv[si + 1] : 'bench';
  const config = loadConfig();
  const embedded = config.databaseUrl ? undefined : await openEmbeddedDatabase(config.dataDir);
  await runMigrations(config, migrations, embedded);
  const ds = new DataSource(await dataSourceOptions(config, 'migration', {}, embedded));
  await ds.initialize();
  const [{ b, m }] = await ds.query(`SELECT (SELECT count(*)::int FROM membership.branches) AS b, (SELECT count(*)::int FROM membership.members) AS m`);
  if (b > 0 || m > 0) {
    console.error(
      `The database already holds an organization (${b} branches, ${m} members); the seed fills only an empty one. ` +
        'Seed a new DATA_DIR, or a new PostgreSQL database (createdb, then DATABASE_URL pointing at it).',
    );
    process.exit(1);
  }
  const t0 = Date.now();
  await ds.transaction((tx) => generateOrganization(tx, { members, branches, years, seed, today: new Date().toISOString().slice(0, 10), onProgress: progress(t0) }));
  const written = Date.now() - t0;
  // Fresh statistics, so the first queries on a million rows plan as they will later.
  await ds.query('ANALYZE');
  const [{ payments }] = await ds.query(`SELECT count(*)::int AS payments FROM dues.payments`);
  console.log(
    `Seeded ${members.toLocaleString('en')} members, ${branches.toLocaleString('en')} branches, ${years} years, ${payments.toLocaleString('en')} payments in ${seconds(written)} (and ${seconds(Date.now() - t0 - written)} to analyze).`,
  );
  await ds.destroy();
  await closeEmbeddedDatabases();
}

main().catch((e) => {
  console.error(`Seeding failed (nothing was written; the database is as it was): ${e instanceof Error ? e.message : e}`);
  process.exit(1);
});
