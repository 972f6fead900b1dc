import * as fs from 'node:fs';
import * as path from 'node:path';
import { SANCTION_KINDS } from '@org/kernel';
import { createProceedingsApp, organization, type Org, type ProceedingsApp } from './support/proceedings-world';

const ROOT = path.resolve(__dirname, '../../..');

/**
 * One home for the sanction kinds: the kernel's `SANCTION_KINDS`, with the disciplinary context's
 * words for each, served at `GET /sanction-kinds`; the web interface reads them from there (and
 * their type from the generated OpenAPI types), keeping no list of its own.
 */
describe('discipline: the sanction kinds reach the web from the kernel’s one list', () => {
  let t: ProceedingsApp;
  let org: Org;

  beforeAll(async () => {
    t = await createProceedingsApp();
    org = await organization(t);
  });

  afterAll(async () => {
    await t?.close();
  });

  it('GET /sanction-kinds answers every member with the kernel’s kinds, in order, each with its words', async () => {
    const r = await t.http().get('/sanction-kinds').set(org.outsider.auth);
    expect(r.status).toBe(200);
    expect(r.body.map((k: { kind: string }) => k.kind)).toEqual([...SANCTION_KINDS]);
    for (const k of r.body) {
      expect(k.label).toEqual(expect.any(String));
      expect(k.label.length).toBeGreaterThan(2);
      expect(k.description).toEqual(expect.any(String));
    }
    expect(r.body.find((k: { kind: string }) => k.kind === 'suspension').detail).toBe('until');
    expect(r.body.find((k: { kind: string }) => k.kind === 'expulsion').detail).toBe('readmissionConditions');
    expect((await t.http().get('/sanction-kinds')).status).toBe(401);
  });

  it('the web interface keeps no copy of the kinds: only the generated API types name them', () => {
    const copies: string[] = [];
    const walk = (dir: string) => {
      for (const e of fs.readdirSync(dir, { withFileTypes: true })) {
        const p = path.join(dir, e.name);
        if (e.isDirectory()) walk(p);
        else if (/\.(tsx?|jsx?)$/.test(e.name) && !p.endsWith(path.join('api', 'schema.gen.ts'))) {
          const src = fs.readFileSync(p, 'utf8');
          // A list of its own names the kinds nobody writes in passing: no finding, conditions, expulsion.
          for (const kind of ['no_finding', 'conditions', 'expulsion']) {
            if (new RegExp(`(['"\`])${kind}\\1|\\b${kind}\\s*:`).test(src)) copies.push(`${path.relative(ROOT, p)}: ${kind}`);
          }
        }
      }
    };
    walk(path.join(ROOT, 'apps/web/src'));
    expect(copies).toEqual([]);
  });
});
