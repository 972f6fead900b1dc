/**
 * `npm run seed -- --members 100000 --branches 1000 --years 10 [--seed S] [--force]`
 * Fills an EMPTY database (migrating it first) with a realistic organization for benchmarks.
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
  const [{ n }] = await ds.query(`SELECT count(*)::int AS n FROM membership.branches`);
  if (n > 0) {
    console.error('The database already holds an organization. Seed an empty database (a new DATA_DIR, or a new PostgreSQL database).');
    process.exit(1);
  }
  const t0 = Date.now();
  await ds.transaction((m) =>
    generateOrganization(m, { members, branches, years, seed, today: new Date().toISOString().slice(0, 10), onProgress: (msg) => console.log(`[${((Date.now() - t0) / 1000).toFixed(1)} s] ${msg}`) }),
  );
  const [{ payments }] = await ds.query(`SELECT count(*)::int AS payments FROM dues.payments`);
  console.log(`Seeded ${members} members, ${branches} branches, ${years} years, ${payments} payments in ${((Date.now() - t0) / 1000).toFixed(1)} s.`);
  await ds.destroy();
  await closeEmbeddedDatabases();
}

main().catch((e) => {
  console.error(`Seeding failed: ${e instanceof Error ? e.message : e}`);
  process.exit(1);
});
