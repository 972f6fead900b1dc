/**
 * The web interface's API types are generated from the platform's OpenAPI document, never
 * hand-copied: this fails when `apps/web/src/api/schema.gen.ts` no longer matches what the API
 * describes (a route added, removed or changed without `npm run web:types`). No browser needed.
 */
import * as fs from 'node:fs';
import request from 'supertest';
import { createApp } from '../../../apps/api/src/bootstrap';
import { SCHEMA_FILE, generateApiTypes } from '../../../apps/web/scripts/generate-api-types';
import { createTestDatabase } from '../../support/test-database';

describe('web interface: generated API types', () => {
  it('apps/web/src/api/schema.gen.ts matches the OpenAPI document (run `npm run web:types` if not)', async () => {
    const db = await createTestDatabase();
    const app = await createApp({ config: db.config, embedded: db.embedded, webRoot: null });
    try {
      await app.init();
      await app.getHttpAdapter().getInstance().ready();
      const res = await request(app.getHttpServer()).get('/docs-json');
      expect(res.status).toBe(200);
      const expected = generateApiTypes(res.body);
      const actual = fs.readFileSync(SCHEMA_FILE, 'utf8');
      if (actual !== expected) {
        const a = new Set(actual.match(/^ {2}"[A-Z]+ \/[^"]*",$/gm) ?? []);
        const e = new Set(expected.match(/^ {2}"[A-Z]+ \/[^"]*",$/gm) ?? []);
        const added = [...e].filter((x) => !a.has(x)).map((x) => x.trim());
        const removed = [...a].filter((x) => !e.has(x)).map((x) => x.trim());
        throw new Error(`schema.gen.ts is out of date with the API — run \`npm run web:types\`.\nRoutes added: ${added.join(' ') || 'none'}\nRoutes removed: ${removed.join(' ') || 'none'}\n(or a schema changed)`);
      }
    } finally {
      await app.close();
      await db.close();
    }
  });
});
