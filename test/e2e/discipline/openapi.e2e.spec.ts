/**
 * The OpenAPI document describes what every disciplinary route returns, so the web interface's
 * generated types are real types, not `unknown`; and every request and response schema has a
 * name of its own (two classes with one name make the document describe one of them wrongly).
 */
import request from 'supertest';
import { createApp } from '../../../apps/api/src/bootstrap';
import { createTestDatabase } from '../../support/test-database';

interface Schema {
  $ref?: string;
  type?: string;
  items?: Schema;
  properties?: Record<string, Schema>;
  allOf?: Schema[];
}
interface Operation {
  tags?: string[];
  'x-policy'?: string;
  requestBody?: { content?: Record<string, { schema?: Schema }> };
  responses?: Record<string, { content?: Record<string, { schema?: Schema }> }>;
}
interface Doc {
  paths: Record<string, Record<string, Operation>>;
  components: { schemas: Record<string, Schema> };
}

describe('discipline: the OpenAPI document', () => {
  let doc: Doc;

  beforeAll(async () => {
    const db = await createTestDatabase();
    const app = await createApp({ config: db.config, embedded: db.embedded, webRoot: null });
    try {
      await app.init();
      await app.getHttpAdapter().getInstance().ready();
      const res = await request(app.getHttpServer()).get('/docs-json');
      expect(res.status).toBe(200);
      doc = res.body as Doc;
    } finally {
      await app.close();
      await db.close();
    }
  });

  const disciplineOperations = () =>
    Object.entries(doc.paths).flatMap(([path, ops]) =>
      Object.entries(ops)
        .filter(([, op]) => (op.tags ?? []).some((t) => t.startsWith('discipline')))
        .map(([method, op]) => ({ key: `${method.toUpperCase()} ${path}`, op })),
    );

  it('every disciplinary route that answers with a body names the schema of that body', () => {
    const ops = disciplineOperations();
    expect(ops.length).toBeGreaterThan(60);
    const untyped = ops
      .filter(({ op }) => {
        const ok = Object.entries(op.responses ?? {}).filter(([status]) => /^2\d\d$/.test(status));
        // A route that never succeeds (the refusals of S7/S8) documents its refusal instead.
        if (ok.length === 0) return !op.responses?.['403'];
        if (ok.every(([status]) => status === '204')) return false;
        return !ok.some(([, r]) => {
          const s = r.content?.['application/json']?.schema;
          return !!s && (!!s.$ref || !!s.items?.$ref || s.type === 'array' || !!s.properties);
        });
      })
      .map(({ key }) => key);
    expect(untyped).toEqual([]);
  });

  it('the routes that refuse every alteration of a finding or a notice document the refusal, never a success', () => {
    const refusals = disciplineOperations().filter(({ op }) => /refused for everyone/.test(op['x-policy'] ?? ''));
    expect(refusals.length).toBe(14);
    for (const { key, op } of refusals) {
      expect([key, Object.keys(op.responses ?? {}).sort()]).toEqual([key, ['401', '403', '431']]);
    }
  });

  it('the proceedings, published outcomes and transparency report are described field by field', () => {
    const schemas = doc.components.schemas;
    const refOf = (s?: Schema) => (s?.$ref ?? s?.items?.$ref ?? '').replace('#/components/schemas/', '');
    const okOf = (path: string, method: string) => {
      const r = doc.paths[path][method].responses ?? {};
      return refOf(r['200']?.content?.['application/json']?.schema ?? r['201']?.content?.['application/json']?.schema);
    };
    expect(okOf('/outcomes', 'get')).toBe('PublishedOutcomePageResponse');
    expect(Object.keys(schemas.PublishedOutcomeResponse.properties ?? {})).toEqual(['id', 'publishedAt', 'facts', 'text', 'recipients']);
    expect(okOf('/transparency-report', 'get')).toBe('TransparencyReportIndexResponse');
    expect(Object.keys(schemas.TransparencyReportIndexResponse.properties ?? {})).toEqual(['periodKind', 'publicationLagDays', 'periods', 'nextPublication', 'report']);
    expect(Object.keys(schemas.PublishedTransparencyReportResponse.properties ?? {})).toEqual([
      'period',
      'threshold',
      'complaintsReceived',
      'medianDaysToFinding',
      'overdueCases',
      'recusals',
      'challenges',
      'outcomes',
      'appeals',
      'notes',
      'periodId',
      'periodKind',
      'publishedAt',
    ]);
    expect(okOf('/cases/{reference}/findings', 'get')).toBe('FindingResponse');
    expect(okOf('/cases/{reference}/appeals', 'post')).toBe('AppealResponse');
    expect(okOf('/cases/{reference}/statements', 'get')).toBe('StatementResponse');
    expect(okOf('/cases/{reference}/messages', 'get')).toBe('CaseMessageResponse');
    expect(okOf('/readmission/{memberId}', 'get')).toBe('ReadmissionFileResponse');
  });

  it('the reason for standing down and the reason for cancelling an interview are two schemas with their own names', () => {
    const bodyOf = (path: string) => (doc.paths[path].post.requestBody?.content?.['application/json']?.schema?.$ref ?? '').replace('#/components/schemas/', '');
    expect(bodyOf('/commission/cases/{reference}/self-recusal')).toBe('SelfRecusalRequest');
    expect(bodyOf('/cases/{reference}/interviews/{interviewId}/cancel')).toBe('CancelInterviewRequest');
    expect(doc.components.schemas.ReasonRequest).toBeUndefined();
  });
});
