import crypto from 'node:crypto';
import fs from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import Fastify, { LogController } from 'fastify';
import { z } from 'zod';
import cookie from '@fastify/cookie';
import helmet from '@fastify/helmet';
import swagger from '@fastify/swagger';
import fastifyStatic from '@fastify/static';
import { jsonSchemaTransform, serializerCompiler, validatorCompiler, type ZodTypeProvider } from 'fastify-type-provider-zod';
import { installPipeline, type App, type Deps } from './core/http/pipeline.js';
import { errorHandler } from './core/http/errors.js';
import { systemRoutes, VERSION } from './modules/system/routes.js';
import { authRoutes } from './modules/auth/routes.js';
import { oidcRoutes } from './modules/auth/oidc-routes.js';
import { profileRoutes } from './modules/profile/routes.js';
import { organisationRoutes } from './modules/organisations/routes.js';
import { auditRoutes } from './modules/audit/routes.js';
import { userRoutes } from './modules/users/routes.js';
import { libraryRoutes } from './modules/compliance/library-routes.js';
import { measureRoutes } from './modules/compliance/measure-routes.js';
import { assessmentRoutes } from './modules/compliance/assessment-routes.js';
import { evidenceRoutes } from './modules/compliance/evidence-routes.js';
import { exportRoutes } from './modules/compliance/export-routes.js';
import { findingRoutes } from './modules/compliance/finding-routes.js';
import { importRoutes } from './modules/compliance/import-routes.js';
import { inboxRoutes } from './modules/inbox/routes.js';
import { actionRoutes } from './modules/actions/routes.js';
import { assetRoutes } from './modules/assets/routes.js';
import { supplierRoutes } from './modules/suppliers/routes.js';
import { dependencyRoutes } from './modules/dependencies/routes.js';
import { riskRoutes } from './modules/risks/routes.js';
import { incidentRoutes } from './modules/incidents/routes.js';
import { csirtRoutes } from './modules/csirt/routes.js';
import { procurementRoutes } from './modules/suppliers/procurement-routes.js';
import { sharedStatusRoutes } from './modules/suppliers/shared-status-routes.js';

const here = path.dirname(fileURLToPath(import.meta.url));
/** The built web app; WEB_DIST overrides it (parallel builds in development). */
export const WEB_DIST = process.env.WEB_DIST ? path.resolve(process.env.WEB_DIST) : path.resolve(here, '../../dist/web');

export interface AppOptions {
  logger?: boolean | object;
}

// Validation messages in Dutch, like the rest of the API.
z.config(z.locales.nl());

/** Builds the HTTP application. Tests call this and use app.inject(). */
export async function buildApp(deps: Deps, opts: AppOptions = {}): Promise<App> {
  const app = Fastify({
    logger: opts.logger ?? { level: deps.config.logLevel },
    trustProxy: deps.config.trustProxy,
    // a demo console shows what matters; production keeps access logs (LOG_REQUESTS=0 turns them off)
    logController: new LogController({ disableRequestLogging: deps.config.demo || process.env.LOG_REQUESTS === '0' }),
    bodyLimit: 256 * 1024,
    genReqId: (req) => {
      const given = req.headers['x-request-id'];
      return typeof given === 'string' && /^[\w-]{8,64}$/.test(given) ? given : crypto.randomUUID();
    },
    routerOptions: { maxParamLength: 200 },
  }).withTypeProvider<ZodTypeProvider>();

  app.setValidatorCompiler(validatorCompiler);
  app.setSerializerCompiler(serializerCompiler);
  app.setErrorHandler(errorHandler);

  await app.register(cookie);
  await app.register(helmet, {
    contentSecurityPolicy: {
      useDefaults: false,
      directives: {
        defaultSrc: ["'self'"],
        scriptSrc: ["'self'"],
        styleSrc: ["'self'"],
        imgSrc: ["'self'", 'data:'],
        fontSrc: ["'self'", 'data:'],
        connectSrc: ["'self'"],
        objectSrc: ["'none'"],
        baseUri: ["'self'"],
        formAction: ["'self'"],
        frameAncestors: ["'none'"],
      },
    },
    hsts: false,
    referrerPolicy: { policy: 'strict-origin-when-cross-origin' },
    crossOriginEmbedderPolicy: false,
  });
  app.addHook('onSend', async (request, reply) => {
    reply.header('x-request-id', request.id);
    if (request.protocol === 'https') reply.header('strict-transport-security', 'max-age=31536000; includeSubDomains');
    if (request.url.startsWith('/api/')) reply.header('cache-control', 'no-store');
  });

  await app.register(swagger, {
    openapi: {
      openapi: '3.0.3',
      info: {
        title: 'Weerbaar API',
        version: VERSION,
        description:
          'REST API van Weerbaar. Alles wat de webinterface doet, kan via deze API. Inloggen met een sessiecookie (plus x-csrf-token bij wijzigingen) of met een persoonlijk API-token: Authorization: Bearer <token>. Fouten volgen RFC 9457 (application/problem+json).',
      },
      servers: [{ url: '/api/v1' }],
      components: {
        securitySchemes: {
          session: { type: 'apiKey', in: 'cookie', name: 'weerbaar_session' },
          bearer: { type: 'http', scheme: 'bearer' },
        },
      },
      security: [{ session: [] }, { bearer: [] }],
    },
    transform: jsonSchemaTransform,
  });

  installPipeline(app, deps);

  await app.register(
    async (api) => {
      const a = api as unknown as App;
      await systemRoutes(a, deps);
      await authRoutes(a, deps);
      await oidcRoutes(a, deps);
      await profileRoutes(a, deps);
      await organisationRoutes(a, deps);
      await auditRoutes(a, deps);
      await userRoutes(a, deps);
      await libraryRoutes(a, deps);
      await measureRoutes(a, deps);
      await assessmentRoutes(a, deps);
      await evidenceRoutes(a, deps);
      await exportRoutes(a, deps);
      await findingRoutes(a, deps);
      await importRoutes(a, deps);
      await inboxRoutes(a, deps);
      await actionRoutes(a, deps);
      await assetRoutes(a, deps);
      await supplierRoutes(a, deps);
      await dependencyRoutes(a, deps);
      await procurementRoutes(a, deps);
      await sharedStatusRoutes(a, deps);
      await riskRoutes(a, deps);
      await incidentRoutes(a, deps);
      await csirtRoutes(a, deps);
    },
    { prefix: '/api/v1' },
  );

  const hasWeb = fs.existsSync(path.join(WEB_DIST, 'index.html'));
  if (hasWeb) {
    await app.register(fastifyStatic, { root: WEB_DIST, wildcard: false, index: false });
  }
  app.setNotFoundHandler((request, reply) => {
    if (request.url.startsWith('/api/') || request.url.startsWith('/assets/') || request.method !== 'GET' || !hasWeb) {
      return reply
        .code(404)
        .type('application/problem+json')
        .send({ type: 'https://weerbaar.example/problems/not-found', title: 'Niet gevonden', status: 404, detail: 'Dit adres bestaat niet.', instance: request.url.split('?')[0] });
    }
    // The single-page app handles its own routes.
    return reply.type('text/html; charset=utf-8').sendFile('index.html');
  });

  return app;
}
