import 'reflect-metadata';
import * as fs from 'node:fs';
import * as path from 'node:path';
import fastifyStatic from '@fastify/static';
import { NestFactory } from '@nestjs/core';
import { FastifyAdapter, type NestFastifyApplication } from '@nestjs/platform-fastify';
import { DocumentBuilder, SwaggerModule } from '@nestjs/swagger';
import { ErrorFilter, LOGGER, MAX_PATH_SEGMENT, clientErrorHandler, createValidationPipe, documentErrorResponses, guardedJsonParser, installRequestEdge, repairUrl, securityHeaders, type Logger } from '@org/platform';
import { AppModule, type AppModuleOptions } from './app.module';

/** Where `vite build` wrote the web interface (`dist/web`), from the compiled app or from the sources. */
export function findWebRoot(): string | null {
  const candidates = [path.resolve(__dirname, '../../../web'), path.resolve(__dirname, '../../../dist/web'), path.resolve(process.cwd(), 'dist/web')];
  return candidates.find((d) => fs.existsSync(path.join(d, 'index.html'))) ?? null;
}

/**
 * Serves the web interface's static files at `/` (hashed assets cached for a year, `.br`/`.gz`
 * siblings when the browser accepts them) and answers `index.html` for any other GET that the API
 * does not route and that asks for HTML (a reload of `/app/...`, the reset link): the single-page
 * app routes it. API 404s — anything not asking for HTML — keep the JSON error shape.
 */
async function serveWebInterface(app: NestFastifyApplication, root: string): Promise<void> {
  const index = fs.readFileSync(path.join(root, 'index.html'));
  await app.register(fastifyStatic as any, {
    root,
    prefix: '/',
    decorateReply: false,
    wildcard: false,
    index: false,
    preCompressed: true,
    setHeaders: (reply: { header(k: string, v: string): unknown }, file: string) => {
      reply.header('cache-control', file.includes(`${path.sep}assets${path.sep}`) ? 'public, max-age=31536000, immutable' : 'no-cache');
    },
  });
  const fastify = app.getHttpAdapter().getInstance();
  fastify.addHook('onRequest', (req, reply, done) => {
    const wantsHtml = /\btext\/html\b/.test(String(req.headers.accept ?? ''));
    // Links in e-mails that are also API routes (`/me/notifications`, `/elections/:id`): a browser
    // opening one as a page (Sec-Fetch-Mode: navigate) gets the interface, which shows that page.
    const emailLink = req.headers['sec-fetch-mode'] === 'navigate' && /^\/(me\/notifications|elections\/[0-9a-f-]{36})\/?(\?|$)/i.test(req.url);
    if ((req.method === 'GET' || req.method === 'HEAD') && ((req as { is404?: boolean }).is404 || emailLink) && wantsHtml) {
      reply.code(200).header('content-type', 'text/html; charset=utf-8').header('cache-control', 'no-cache').send(index);
      return;
    }
    done();
  });
}

/**
 * Which proxies may say who the client is (`X-Forwarded-For`), from `TRUST_PROXY`: unset or
 * `false` — none, the client is the connecting address (a client cannot choose its own address
 * for the rate limits); otherwise a comma-separated list of the proxies' addresses or CIDR ranges
 * (or `loopback`, `uniquelocal`); `true` — any (only behind a proxy that overwrites the header).
 */
export function trustProxySetting(raw: string | undefined): boolean | string[] {
  const v = (raw ?? '').trim();
  if (v === '' || v === 'false') return false;
  if (v === 'true') return true;
  return v.split(',').map((s) => s.trim()).filter(Boolean);
}

/** Builds the HTTP app (used by `main.ts` and by the end-to-end tests). `webRoot`: the built web interface (default: `dist/web` when it exists; `null`: none). */
export async function createApp(options: AppModuleOptions & { webRoot?: string | null }): Promise<NestFastifyApplication> {
  const headers = securityHeaders(options.config.publicUrl);
  const adapter = new FastifyAdapter({
    bodyLimit: options.config.bodyLimitBytes,
    trustProxy: trustProxySetting(options.config.env.TRUST_PROXY),
    logger: false,
    requestIdHeader: 'x-request-id',
    // Every URL reaches routing (an undecodable one is read leniently, a long segment is read), so
    // that a route refusing every request records every attempt; an unreadable request is answered
    // in the platform's error shape.
    rewriteUrl: (req: { url?: string }) => repairUrl(req.url ?? '/'),
    routerOptions: { maxParamLength: MAX_PATH_SEGMENT },
    clientErrorHandler: clientErrorHandler(headers),
  });
  const app = await NestFactory.create<NestFastifyApplication>(AppModule.forRoot(options), adapter, {
    logger: options.config.logLevel === 'silent' ? false : ['error', 'warn'],
    abortOnError: false,
  });
  const logger = app.get<Logger>(LOGGER);
  const fastify = app.getHttpAdapter().getInstance();
  // The edge, before any controller: security headers (computed once) on every response, a
  // control character in the URL refused, `Cache-Control: no-store` on authenticated answers.
  installRequestEdge(fastify, headers);
  // JSON bodies: depth and control characters checked in one linear pass before parsing.
  app.useBodyParser('application/json', { bodyLimit: options.config.bodyLimitBytes }, guardedJsonParser(fastify.getDefaultJsonParser('error', 'error')));
  // One structured line per request: the route pattern (never the concrete path, which could hold a
  // case id), status and duration. No headers, query strings or bodies.
  fastify.addHook('onResponse', async (req, reply) => {
    logger.info({ method: req.method, route: req.routeOptions?.url ?? 'unmatched', status: reply.statusCode, ms: Math.round(reply.elapsedTime) }, 'request');
  });
  app.useGlobalPipes(createValidationPipe());
  app.useGlobalFilters(new ErrorFilter(logger));
  app.enableShutdownHooks();

  // The OpenAPI document is built on the first request for it, not at start-up (it walks every
  // route and DTO: about half a second of a warm start), and then kept.
  // The platform's error answers (ErrorBody) are added to every operation.
  const doc = () =>
    documentErrorResponses(SwaggerModule.createDocument(
      app,
      new DocumentBuilder()
        .setTitle('Commons platform API')
        .setDescription(
          'Membership, branches, subs, elections and an independent disciplinary system. Every route declares its access policy (`x-policy`). Errors have the shape `{ statusCode, code, message, details? }`.',
        )
        .setVersion('0.1.0')
        .addBearerAuth()
        .build(),
    ));
  SwaggerModule.setup('docs', app, doc, { jsonDocumentUrl: 'docs-json' });
  const webRoot = options.webRoot === undefined ? findWebRoot() : options.webRoot;
  if (webRoot) await serveWebInterface(app, webRoot);
  return app;
}
