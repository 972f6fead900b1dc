/**
 * `npm run audit:verify`: recomputes the audit log's hash chain and names the first broken
 * entry. Exit code 0 when intact, 1 when broken, 2 when it could not check.
 */
import 'reflect-metadata';
import { DataSource } from 'typeorm';
import { verifyAuditChain } from '../libs/audit/src/application/verify-audit-chain';
import { closeEmbeddedDatabases, dataSourceOptions, loadConfig } from '../libs/platform/src';

const PROBLEMS = {
  missing_entry: 'an entry is missing before it (deleted)',
  prev_hash_mismatch: 'it does not follow its predecessor (reordered or inserted)',
  hash_mismatch: 'its content does not match its hash (edited)',
} as const;

async function main(): Promise<number> {
  const config = loadConfig();
  const ds = new DataSource(await dataSourceOptions(config, 'migration'));
  await ds.initialize();
  try {
    const result = await verifyAuditChain(ds);
    if (result.ok) {
      console.log(`Audit log intact: ${result.checked} entries verified.`);
      return 0;
    }
    const b = result.firstBreak!;
    console.log(`Audit log BROKEN at entry ${b.seq}: ${PROBLEMS[b.problem]}. ${result.checked - 1} entries before it verified.`);
    return 1;
  } finally {
    await ds.destroy();
    await closeEmbeddedDatabases();
  }
}

main().then(
  (code) => process.exit(code),
  (e) => {
    console.error(`Could not verify the audit log: ${e instanceof Error ? e.message : e}`);
    process.exit(2);
  },
);
