/**
 * `npm run org:init -- --file founding.json [--check]`: the founding act of an organization on an
 * EMPTY database — its settings, regions, branches, bodies with their seats, the people who hold
 * the founding mandates and the mandates as elected at the last congress, and (optionally) its code
 * of conduct as version 1 — in one audited
 * transaction. The file format: docs/examples/README.md (example: docs/examples/founding.example.json).
 *
 * Same configuration as the platform (DATABASE_URL, or the embedded database under DATA_DIR,
 * which is migrated first as `npm start` does; on PostgreSQL run `npm run migrate` first).
 * `--check` only checks the file (no database).
 *
 * Each officer's account gets a one-time password link by e-mail (the outbox; with no SMTP_URL,
 * `.eml` files in DATA_DIR/mail once the platform starts). The links are never printed or
 * logged: whoever runs this command does not get the officers' accounts.
 *
 * Exit codes: 0 founded (or file fine with --check), 2 the file has problems (each printed), 1
 * the database could not be used or is not empty.
 */
import 'reflect-metadata';
import * as fs from 'node:fs';
import { exitWhenDone, messageOf, withOperatorApp } from '../apps/api/src/operator/operator-task';
import { loadCoolingOffMonths } from '../libs/identity/src';
import { FoundOrganizationUseCase, FoundingFileRejected, checkFoundingFile, foundingFileLines, parseFoundingJson, type FoundingProblem } from '../libs/membership/src';
import { ConfigError } from '../libs/platform/src';

const USAGE = 'Usage: npm run org:init -- --file <founding file.json> [--check]   (format: docs/examples/README.md)';

/** Each problem by field and line (`bodies[2].seats[0].holder (line 41): …`), then what to do. */
function printProblems(file: string, problems: FoundingProblem[], text = ''): void {
  const lineOf = foundingFileLines(text);
  console.error(`${file}: ${problems.length} problem(s); nothing was written.`);
  for (const p of problems) {
    const line = p.path.startsWith('(file)') ? null : lineOf(p.path);
    console.error(`  ${p.path}${line ? ` (line ${line})` : ''}: ${p.problem}\n      → ${p.fix}`);
  }
}

async function main(): Promise<number> {
  const i = process.argv.indexOf('--file');
  const file = i >= 0 ? process.argv[i + 1] : undefined;
  if (!file) {
    console.error(USAGE);
    return 2;
  }
  if (!fs.existsSync(file)) {
    console.error(`${file}: no such file. ${USAGE}`);
    return 2;
  }
  const text = fs.readFileSync(file, 'utf8');
  const parsed = parseFoundingJson(text);
  if (parsed.problem) {
    printProblems(file, [parsed.problem]);
    return 2;
  }
  // The whole file is checked before the database is opened.
  const today = new Date().toISOString().slice(0, 10);
  const { problems } = checkFoundingFile(parsed.value, { today, coolingOffMonths: loadCoolingOffMonths(process.env) });
  if (problems.length > 0) {
    printProblems(file, problems, text);
    return 2;
  }
  if (process.argv.includes('--check')) {
    console.log(`${file}: no problems found. Run without --check to found the organization.`);
    return 0;
  }

  // A one-off task: none of the platform's background jobs run in this process; the officers'
  // e-mails wait in the outbox for the platform (or a worker) to send them.
  return withOperatorApp({ env: { NOTIFY_DISPATCH: 'false' }, database: 'create' }, async (app, config) => {
    try {
      const report = await app.get(FoundOrganizationUseCase, { strict: false }).found(parsed.value, text);
      const where = config.databaseUrl ? `PostgreSQL ${new URL(config.databaseUrl).pathname.slice(1)}` : `the embedded database in ${config.dataDir}`;
      console.log(
        `Founded in ${where}: ${report.regions} region(s), ${report.branches} branch(es), ${report.bodies} bodies, ${report.members} member(s), ${report.mandates} mandate(s). ` +
          `Recorded in the audit log as organization.founded (act ${report.actId}, file SHA-256 ${report.fileSha256}).`,
      );
      console.log(
        report.codeOfConductVersion
          ? `The code of conduct is published as version ${report.codeOfConductVersion}: every welcome carries it, and every member is asked to acknowledge it.`
          : 'The file carries no code of conduct: until the Executive Committee publishes one (POST /code-of-conduct/versions), welcomes go out without it (S14).',
      );
      console.log(`\nAccounts for the ${report.officers.length} sitting officer(s) — how each one gets in:`);
      for (const o of report.officers) console.log(`  ${o.name} <${o.email}> — ${o.seats.join('; ')}`);
      const mail = config.smtpUrl ? 'through SMTP_URL' : `as .eml files in ${config.dataDir}/mail (no SMTP_URL is set)`;
      console.log(
        `\nEach of them has been sent a one-time link to choose a password, ${mail}, when the platform (npm start) or a worker (npm run start:worker, with REDIS_URL) sends the outbox. ` +
          `The link works once, for ${report.officers[0]?.linkValidMinutes ?? 60} minutes after it was written; after that, "Forgot your password?" on the sign-in page (POST /auth/password-reset) sends a new one. ` +
          `Having chosen a password they sign in with their e-mail address (POST /auth/login). The links are not shown here: only each officer's mailbox has theirs.`,
      );
      console.log(`\nNext: start the platform with SEED_DEMO=false (NODE_ENV=production implies it): npm run start`);
      return 0;
    } catch (e) {
      if (e instanceof FoundingFileRejected) {
        printProblems(file, e.problems, text);
        return 2;
      }
      throw e;
    }
  });
}

exitWhenDone(main(), (e) => {
  const msg = messageOf(e);
  if (e instanceof ConfigError || (e as { code?: string }).code === 'database_not_empty') return msg;
  if (/relation "membership\.organization" does not exist/.test(msg)) return 'The database is not migrated: run npm run migrate first (MIGRATION_DATABASE_URL or DATABASE_URL), then org:init again.';
  return `The founding act was not carried out (nothing was written): ${msg}`;
});
