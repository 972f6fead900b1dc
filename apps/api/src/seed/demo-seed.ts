import { randomBytes } from 'node:crypto';
import * as fs from 'node:fs';
import * as path from 'node:path';
import type { INestApplication } from '@nestjs/common';
import { getDataSourceToken } from '@nestjs/typeorm';
import type { DataSource, EntityManager } from 'typeorm';
import { CodeOfConductService, PasswordHasher } from '@org/identity';
import { Clock, type AppConfig } from '@org/platform';
import { demoContributors } from '../composition';
import { DemoClock } from './demo-clock';
import { DEMO_CODE_OF_CONDUCT } from './demo-code-of-conduct';
import { seedDemoElections } from './demo-elections';
import type { DemoAccount, DemoContext, DemoContributor } from './demo-contributor';
import { generateOrganization } from './organization-generator';

export type { DemoAccount, DemoContext, DemoContribution, DemoContributor } from './demo-contributor';

export const DEMO_ROLES = ['member', 'branch-secretary', 'branch-treasurer', 'ec-member', 'cc-member', 'commissioner', 'appeals-member', 'returning-officer', 'former-member'] as const;


const words = ['amber', 'birch', 'cobalt', 'delta', 'ember', 'fjord', 'garnet', 'harbor', 'indigo', 'juniper', 'kestrel', 'lumen', 'meadow', 'nectar', 'orchid', 'pepper', 'quartz', 'rowan', 'saffron', 'tundra', 'umber', 'violet', 'willow', 'yarrow'];
const passphrase = () => {
  const b = randomBytes(4);
  return `${words[b[0] % words.length]}-${words[b[1] % words.length]}-${words[b[2] % words.length]}-${100 + (b[3] % 900)}`;
};

/**
 * On the first start of an empty database: a demo organization (about 20 branches, 500
 * members, six years of history and payments, every body with mandates, its code of conduct
 * published as version 1) and one login per role, written to `DATA_DIR/demo-accounts.json`. Later starts reuse both.
 */
export async function seedDemoIfEmpty(app: INestApplication, config: AppConfig): Promise<{ created: boolean; file: string; accounts: DemoAccount[] } | null> {
  const ds = app.get<DataSource>(getDataSourceToken());
  const file = path.join(config.dataDir, 'demo-accounts.json');
  const [{ n }] = await ds.query(`SELECT count(*)::int AS n FROM membership.branches`);
  if (n > 0) {
    if (!fs.existsSync(file)) return null;
    return { created: false, file, accounts: JSON.parse(fs.readFileSync(file, 'utf8')) };
  }
  const clock = app.get(Clock);
  const hasher = app.get(PasswordHasher);
  const today = clock.today();
  const accounts: DemoAccount[] = [];
  await ds.transaction(async (m) => {
    const org = await generateOrganization(m, { members: 500, branches: 20, years: 6, seed: 'demo', today });
    const home = org.branchOfficers[0];
    const [plain] = await m.query(
      `SELECT m.id FROM membership.members m
        WHERE m.branch_id = $1 AND m.status = 'active' AND NOT EXISTS (SELECT 1 FROM identity.mandates md WHERE md.member_id = m.id)
        ORDER BY m.member_number LIMIT 1`,
      [home.branchId],
    );
    const [former] = await m.query(`SELECT id FROM membership.members WHERE status = 'resigned' ORDER BY member_number LIMIT 1`);
    const people: Record<(typeof DEMO_ROLES)[number], string> = {
      member: plain.id,
      'branch-secretary': home.secretary,
      'branch-treasurer': home.treasurer,
      'ec-member': org.holders.EC[0],
      'cc-member': org.holders.CC[0],
      commissioner: org.holders.CCOM[0],
      'appeals-member': org.holders.APPEALS[0],
      'returning-officer': org.holders.ELECTIONS[0],
      'former-member': former.id,
    };
    for (const role of DEMO_ROLES) accounts.push(await giveLogin(m, hasher, role, people[role]));
    // The code of conduct every welcome carries (S14), published by an EC member as the EC's route does.
    await app.get(CodeOfConductService).publishIn(m, { ...DEMO_CODE_OF_CONDUCT, by: { id: org.holders.EC[0], kind: 'member' } });
  });
  // The contexts' demo data (cases, panels, published outcomes…); a contributor may ask for more logins.
  const context: DemoContext = clock instanceof DemoClock ? { travelTo: (at) => clock.travelTo(at) } : {};
  for (const type of demoContributors) {
    const contribution = await app.get<DemoContributor>(type, { strict: false }).contributeDemo(accounts, context);
    for (const l of contribution?.logins ?? []) accounts.push(await ds.transaction((m) => giveLogin(m, hasher, l.role, l.memberId)));
  }
  // A congress with its delegates and an open election, through the elections routes.
  await seedDemoElections(app, ds, accounts, context);
  fs.mkdirSync(config.dataDir, { recursive: true });
  fs.writeFileSync(file, JSON.stringify(accounts, null, 2) + '\n', { mode: 0o600 });
  return { created: true, file, accounts };
}

/** A demo login: the member's address becomes `<role>@demo.commons.localhost`, with a fresh passphrase. */
async function giveLogin(m: EntityManager, hasher: PasswordHasher, role: string, memberId: string): Promise<DemoAccount> {
  const email = `${role}@demo.commons.localhost`;
  const password = passphrase();
  await m.query(`UPDATE membership.members SET email = $2 WHERE id = $1`, [memberId, email]);
  await m.query(`DELETE FROM identity.accounts WHERE member_id = $1`, [memberId]);
  await m.query(`INSERT INTO identity.accounts (email, member_id, password_hash, email_verified_at) VALUES ($1, $2, $3, now())`, [email, memberId, await hasher.hash(password)]);
  const [last] = await m.query(`SELECT branch_id FROM membership.branch_periods WHERE member_id = $1 ORDER BY from_date DESC LIMIT 1`, [memberId]);
  return { email, password, role, memberId, branchId: last?.branch_id ?? null };
}
