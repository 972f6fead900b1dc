/**
 * `npm run schema:check`: migrates a fresh database, then asks TypeORM what it would change to
 * match the ORM entities. Any pending change means entities and migrations disagree: exit 1.
 */
import 'reflect-metadata';
import * as fs from 'node:fs';
import * as path from 'node:path';
import { DataSource } from 'typeorm';
import { dataSourceOptions, loadConfig, openMemoryDatabase, runMigrations } from '../libs/platform/src';
import { migrations } from '../migrations';

const entityFiles = (dir: string): string[] =>
  fs.readdirSync(dir, { withFileTypes: true }).flatMap((e) => {
    const p = path.join(dir, e.name);
    if (e.isDirectory()) return entityFiles(p);
    return e.name.endsWith('.orm-entity.ts') ? [p] : [];
  });

async function main(): Promise<void> {
  const files = entityFiles(path.resolve(__dirname, '../libs'));
  const entities = files.flatMap((f) => Object.values(require(f)).filter((v) => typeof v === 'function'));
  const embedded = await openMemoryDatabase();
  const config = loadConfig({});
  await runMigrations(config, migrations, embedded);
  const ds = new DataSource({ ...(await dataSourceOptions(config, 'migration', {}, embedded)), entities } as any);
  await ds.initialize();
  const sql = await ds.driver.createSchemaBuilder().log();
  await ds.destroy();
  await embedded.db.close();
  if (sql.upQueries.length) {
    console.error(`Entities and migrations disagree (${entities.length} entities from ${files.length} files). A migration would need:`);
    for (const q of sql.upQueries) console.error(`  ${q.query}`);
    process.exit(1);
  }
  console.log(`Entities and migrations agree (${entities.length} entities from ${files.length} files).`);
}

main().catch((e) => {
  console.error(`schema:check failed: ${e instanceof Error ? e.stack : e}`);
  process.exit(1);
});
