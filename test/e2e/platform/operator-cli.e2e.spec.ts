import { execFile } from 'node:child_process';
import * as fs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';

const root = path.resolve(__dirname, '../../..');

function run(script: string, env: Record<string, string>): Promise<{ code: number; out: string }> {
  return new Promise((resolve) => {
    const childEnv: Record<string, string | undefined> = { ...process.env, LOG_LEVEL: 'warn', ...env };
    delete childEnv.DATABASE_URL;
    delete childEnv.REDIS_URL;
    delete childEnv.MIGRATION_DATABASE_URL;
    execFile(process.execPath, ['-r', '@swc-node/register', script], { cwd: root, env: childEnv, timeout: 120_000 }, (err, stdout, stderr) => {
      resolve({ code: err ? ((err as { code?: number }).code ?? 1) : 0, out: `${stdout}${stderr}` });
    });
  });
}

/** `npm run discipline:rotate-key` boots the platform without its background jobs, re-wraps, and exits (the re-wrapping itself: discipline/keys.e2e). */
describe('operator CLI: discipline:rotate-key', () => {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'commons-cli-'));
  afterAll(() => fs.rmSync(dir, { recursive: true, force: true }));

  it('says what is missing when there is no database to work on', async () => {
    const r = await run('scripts/discipline-rotate-key.ts', { DATA_DIR: path.join(dir, 'nothing-here') });
    expect(r.code).toBe(1);
    expect(r.out).toContain('No embedded database at');
  });

  it('on a migrated database it reports how many case keys it re-wrapped and exits 0, never printing a key', async () => {
    const dataDir = path.join(dir, 'data');
    const migrated = await run('scripts/migrate.ts', { DATA_DIR: dataDir });
    expect(migrated.code).toBe(0);
    const key = Buffer.alloc(32, 7).toString('base64');
    const keyFile = path.join(dir, 'keys');
    fs.writeFileSync(keyFile, `first:${key}\n`, { mode: 0o600 });
    const r = await run('scripts/discipline-rotate-key.ts', { DATA_DIR: dataDir, DISCIPLINE_KEY_FILE: keyFile });
    expect(r.out).toContain('Case keys re-wrapped under the active master key: 0.');
    expect(r.code).toBe(0);
    expect(r.out).not.toContain(key);
  }, 180_000);
});
