/**
 * `npm run web:types` — writes `apps/web/src/api/schema.gen.ts` from the platform's OpenAPI
 * document, so the web interface's API types are generated, never hand-copied.
 *
 * The document comes from building the Nest app in-process (an in-memory embedded database,
 * migrated, no demo data) — or, with `--from-url http://host:port/docs-json`, from a running
 * server. `--check` exits 1 when the file on disk differs from what would be written.
 *
 * Output:
 * - `components['schemas']` — one TypeScript type per OpenAPI schema;
 * - `paths` — per path and method: `path` / `query` parameters, `body`, `response` (the JSON
 *   body of the first 2xx answer), `policy` (the route's `x-policy`, as a string literal type);
 * - `apiOperations` — the `"METHOD /path"` keys the API had when the file was generated (the
 *   interface uses it to show an empty state for an area whose routes are absent).
 */
import * as fs from 'node:fs';
import * as path from 'node:path';

export interface OpenApiDocument {
  paths: Record<string, Record<string, Operation>>;
  components?: { schemas?: Record<string, Schema> };
}
interface Operation {
  operationId?: string;
  summary?: string;
  description?: string;
  parameters?: { name: string; in: string; required?: boolean; description?: string; schema?: Schema }[];
  requestBody?: { required?: boolean; content?: Record<string, { schema?: Schema }> };
  responses?: Record<string, { description?: string; content?: Record<string, { schema?: Schema }> }>;
  'x-policy'?: string;
  deprecated?: boolean;
}
interface Schema {
  $ref?: string;
  type?: string | string[];
  format?: string;
  nullable?: boolean;
  enum?: unknown[];
  const?: unknown;
  items?: Schema;
  properties?: Record<string, Schema>;
  required?: string[];
  additionalProperties?: boolean | Schema;
  allOf?: Schema[];
  oneOf?: Schema[];
  anyOf?: Schema[];
  description?: string;
  example?: unknown;
}

const METHODS = ['get', 'put', 'post', 'delete', 'patch', 'head', 'options'] as const;
const IDENT = /^[A-Za-z_$][A-Za-z0-9_$]*$/;

const key = (k: string): string => (IDENT.test(k) ? k : JSON.stringify(k));
const comment = (text: string | undefined, indent: string): string => {
  if (!text) return '';
  const clean = text.replace(/\*\//g, '*\\/').trim();
  const lines = clean.split('\n');
  return lines.length === 1 ? `${indent}/** ${lines[0]} */\n` : `${indent}/**\n${lines.map((l) => `${indent} * ${l}`).join('\n')}\n${indent} */\n`;
};

/** One schema as a TypeScript type expression. */
export function schemaToType(s: Schema | undefined, indent = ''): string {
  if (!s) return 'unknown';
  const base = ((): string => {
    if (s.$ref) {
      const name = s.$ref.replace(/^#\/components\/schemas\//, '');
      return `components["schemas"][${JSON.stringify(name)}]`;
    }
    if (s.allOf) return s.allOf.length === 1 ? schemaToType(s.allOf[0], indent) : s.allOf.map((x) => `(${schemaToType(x, indent)})`).join(' & ');
    if (s.oneOf || s.anyOf) return (s.oneOf ?? s.anyOf)!.map((x) => `(${schemaToType(x, indent)})`).join(' | ');
    if (s.enum) return s.enum.map((v) => JSON.stringify(v)).join(' | ');
    if (s.const !== undefined) return JSON.stringify(s.const);
    const type = Array.isArray(s.type) ? s.type : s.type ? [s.type] : s.properties ? ['object'] : [];
    if (type.length > 1) return type.map((t) => schemaToType({ ...s, type: t, nullable: false }, indent)).join(' | ');
    switch (type[0]) {
      case 'string':
        return s.format === 'binary' ? 'Blob' : 'string';
      case 'integer':
      case 'number':
        return 'number';
      case 'boolean':
        return 'boolean';
      case 'null':
        return 'null';
      case 'array':
        return `${wrap(schemaToType(s.items, indent))}[]`;
      case 'object':
        return objectType(s, indent);
      default:
        return 'unknown';
    }
  })();
  return s.nullable ? `${wrap(base)} | null` : base;
}

const wrap = (t: string): string => (/^[\w$'"[\].]+$/.test(t) || t.startsWith('{') ? t : `(${t})`);

function objectType(s: Schema, indent: string): string {
  const props = s.properties ?? {};
  const required = new Set(s.required ?? []);
  const inner = indent + '  ';
  const lines: string[] = [];
  for (const [name, p] of Object.entries(props)) {
    lines.push(`${comment(p.description, inner)}${inner}${key(name)}${required.has(name) ? '' : '?'}: ${schemaToType(p, inner)};`);
  }
  if (s.additionalProperties) {
    const t = s.additionalProperties === true ? 'unknown' : schemaToType(s.additionalProperties, inner);
    lines.push(`${inner}[key: string]: ${t};`);
  }
  if (!lines.length) return 'Record<string, never>';
  return `{\n${lines.join('\n')}\n${indent}}`;
}

function paramsType(op: Operation, where: 'path' | 'query', indent: string): string {
  const list = (op.parameters ?? []).filter((p) => p.in === where);
  if (!list.length) return 'never';
  const inner = indent + '  ';
  return `{\n${list.map((p) => `${comment(p.description, inner)}${inner}${key(p.name)}${p.required || where === 'path' ? '' : '?'}: ${schemaToType(p.schema, inner)};`).join('\n')}\n${indent}}`;
}

function bodyType(op: Operation, indent: string): string {
  const content = op.requestBody?.content;
  if (!content) return 'never';
  const json = content['application/json'];
  if (json) return schemaToType(json.schema, indent);
  const first = Object.values(content)[0];
  return first?.schema ? schemaToType(first.schema, indent) : 'string';
}

function responseType(op: Operation, indent: string): string {
  const codes = Object.keys(op.responses ?? {}).filter((c) => /^2\d\d$/.test(c)).sort();
  for (const c of codes) {
    const content = op.responses![c].content;
    if (content?.['application/json']) return schemaToType(content['application/json'].schema, indent);
    if (content) return 'string';
  }
  return codes.length ? 'unknown' : 'never';
}

/** The whole `schema.gen.ts` text for one OpenAPI document. */
export function generateApiTypes(doc: OpenApiDocument): string {
  const out: string[] = [];
  out.push('/* eslint-disable */');
  out.push('// GENERATED by apps/web/scripts/generate-api-types.ts from the platform\'s OpenAPI document.');
  out.push('// Source: the API\'s /docs-json (createApp in-process, or a running server). Do not edit: run `npm run web:types`.');
  out.push('');
  out.push('export interface components {');
  out.push('  schemas: {');
  for (const [name, s] of Object.entries(doc.components?.schemas ?? {}).sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0))) {
    out.push(`${comment(s.description, '    ')}    ${key(name)}: ${schemaToType(s, '    ')};`);
  }
  out.push('  };');
  out.push('}');
  out.push('');
  out.push('export interface paths {');
  const ops: string[] = [];
  for (const p of Object.keys(doc.paths).sort()) {
    const item = doc.paths[p];
    out.push(`  ${JSON.stringify(p)}: {`);
    for (const m of METHODS) {
      const op = item[m];
      if (!op) continue;
      ops.push(`${m.toUpperCase()} ${p}`);
      const i = '      ';
      out.push(`${comment([op.summary, op.description].filter(Boolean).join('\n'), '    ')}    ${m}: {`);
      out.push(`${i}path: ${paramsType(op, 'path', i)};`);
      out.push(`${i}query: ${paramsType(op, 'query', i)};`);
      out.push(`${i}body: ${bodyType(op, i)};`);
      out.push(`${i}response: ${responseType(op, i)};`);
      out.push(`${i}policy: ${JSON.stringify(op['x-policy'] ?? '')};`);
      out.push('    };');
    }
    out.push('  };');
  }
  out.push('}');
  out.push('');
  out.push('/** Every route of the API when this file was generated, as "METHOD /path". */');
  out.push('export const apiOperations = [');
  for (const o of ops) out.push(`  ${JSON.stringify(o)},`);
  out.push('] as const;');
  out.push('');
  out.push('export type ApiOperation = (typeof apiOperations)[number];');
  out.push('');
  return out.join('\n');
}

/** The OpenAPI document of the platform, built in-process on a throw-away in-memory database. */
export async function loadDocumentInProcess(): Promise<OpenApiDocument> {
  await import('reflect-metadata');
  const os = await import('node:os');
  const root = path.resolve(__dirname, '../../..');
  const { loadConfig, openMemoryDatabase, runMigrations } = await import(path.join(root, 'libs/platform/src'));
  const { migrations } = await import(path.join(root, 'migrations'));
  const { createApp } = await import(path.join(root, 'apps/api/src/bootstrap'));
  const dataDir = fs.mkdtempSync(path.join(os.tmpdir(), 'commons-web-types-'));
  const config = loadConfig({ DATA_DIR: dataDir, LOG_LEVEL: 'silent', SEED_DEMO: 'false', NODE_ENV: 'test' });
  const embedded = await openMemoryDatabase();
  try {
    await runMigrations(config, migrations, embedded);
    const app = await createApp({ config, embedded });
    try {
      await app.init();
      const fastify = app.getHttpAdapter().getInstance();
      await fastify.ready();
      const res = await fastify.inject({ method: 'GET', url: '/docs-json' });
      if (res.statusCode !== 200) throw new Error(`/docs-json answered ${res.statusCode}`);
      return JSON.parse(res.body);
    } finally {
      await app.close();
    }
  } finally {
    await embedded.pool.end?.().catch(() => undefined);
    await embedded.db.close().catch(() => undefined);
    fs.rmSync(dataDir, { recursive: true, force: true });
  }
}

export const SCHEMA_FILE = path.resolve(__dirname, '../src/api/schema.gen.ts');

async function main(): Promise<void> {
  const args = process.argv.slice(2);
  const ui = args.indexOf('--from-url');
  let doc: OpenApiDocument;
  if (ui >= 0) {
    const url = args[ui + 1];
    const res = await fetch(url);
    if (!res.ok) throw new Error(`${url} answered ${res.status}`);
    doc = (await res.json()) as OpenApiDocument;
  } else {
    doc = await loadDocumentInProcess();
  }
  const text = generateApiTypes(doc);
  const count = (text.match(/^ {4}(get|put|post|delete|patch|head|options): \{$/gm) ?? []).length;
  if (args.includes('--check')) {
    const current = fs.existsSync(SCHEMA_FILE) ? fs.readFileSync(SCHEMA_FILE, 'utf8') : '';
    if (current !== text) {
      console.error(`${path.relative(process.cwd(), SCHEMA_FILE)} is out of date with the API: run \`npm run web:types\`.`);
      process.exit(1);
    }
    console.log(`${path.relative(process.cwd(), SCHEMA_FILE)} is up to date (${count} operations).`);
    return;
  }
  fs.mkdirSync(path.dirname(SCHEMA_FILE), { recursive: true });
  fs.writeFileSync(SCHEMA_FILE, text);
  console.log(`Wrote ${path.relative(process.cwd(), SCHEMA_FILE)}: ${Object.keys(doc.components?.schemas ?? {}).length} schemas, ${count} operations.`);
}

if (require.main === module) {
  main().then(
    () => process.exit(0),
    (e) => {
      console.error(`Could not generate the API types: ${e instanceof Error ? e.message : e}`);
      process.exit(1);
    },
  );
}
