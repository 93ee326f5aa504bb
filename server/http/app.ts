import fs from 'node:fs';
import path from 'node:path';
import Fastify from 'fastify';
import cookie from '@fastify/cookie';
import fastifyStatic from '@fastify/static';
import swagger from '@fastify/swagger';
import swaggerUi from '@fastify/swagger-ui';
import type { TypeBoxTypeProvider } from '@fastify/type-provider-typebox';
import { errorHandler, sendProblem } from './errors.ts';
import { localeFrom, translate } from './messages.ts';
import { registerMetrics } from './metrics.ts';
import { policyGate } from './session.ts';
import type { App, AppDeps } from './types.ts';
import { healthRoutes } from '../routes/health.ts';
import { authRoutes } from '../routes/auth.ts';
import { orgUnitRoutes } from '../routes/orgUnits.ts';
import { userRoutes } from '../routes/users.ts';
import { auditRoutes } from '../routes/audit.ts';
import { dataValueRoutes } from '../routes/dataValues.ts';
import { indicatorRoutes } from '../routes/indicators.ts';
import { planRoutes } from '../routes/plans.ts';
import { planImportRoutes } from '../routes/planImports.ts';
import { formRoutes } from '../routes/forms.ts';
import { taskRoutes } from '../routes/tasks.ts';
import { notificationRoutes } from '../routes/notifications.ts';
import { officialReportRoutes } from '../routes/officialReports.ts';
import { dashboardRoutes } from '../routes/dashboard.ts';
import { rankingRoutes } from '../routes/rankings.ts';

export const API_PREFIX = '/api/v1';
const JSON_BODY_LIMIT = 1024 * 1024;

export async function buildApp(deps: AppDeps, options: { logger?: boolean | object } = {}): Promise<App> {
  const app = Fastify({
    logger: options.logger ?? false,
    bodyLimit: JSON_BODY_LIMIT,
    trustProxy: true,
    genReqId: () => crypto.randomUUID(),
    ajv: { customOptions: { removeAdditional: false, allErrors: true, coerceTypes: 'array', useDefaults: true } },
  }).withTypeProvider<TypeBoxTypeProvider>() as unknown as App;

  // A route that forgets to say who may call it must not start silently open.
  app.addHook('onRoute', (route) => {
    if (route.url.startsWith('/api/v1') && !route.config?.policy && route.url !== '/api/v1/openapi.json') {
      throw new Error(`API route ${route.method} ${route.url} declares no policy`);
    }
  });

  app.setErrorHandler(errorHandler);
  await app.register(cookie);
  app.addContentTypeParser(['text/csv', 'text/plain'], { parseAs: 'string', bodyLimit: 20 * 1024 * 1024 }, (_req, body, done) =>
    done(null, body),
  );

  await app.register(swagger, {
    openapi: {
      openapi: '3.1.0',
      info: {
        title: 'DX Pulse API',
        version: '1',
        description:
          'API của DX Pulse — lập kế hoạch, theo dõi, báo cáo và đánh giá chuyển đổi số. Lỗi trả về dạng application/problem+json (RFC 9457) với thông điệp tiếng Việt.',
      },
      servers: [{ url: '/' }],
      components: {
        securitySchemes: {
          session: { type: 'apiKey', in: 'cookie', name: 'dxp_session', description: 'Cookie phiên sau khi đăng nhập' },
          csrf: { type: 'apiKey', in: 'header', name: 'X-CSRF-Token', description: 'Bắt buộc với yêu cầu ghi dùng cookie phiên' },
        },
      },
      security: [{ session: [], csrf: [] }],
    },
  });
  await app.register(swaggerUi, { routePrefix: '/api/docs', uiConfig: { url: `${API_PREFIX}/openapi.json`, docExpansion: 'list' } });

  const metrics = registerMetrics(app);
  app.addHook('onRequest', policyGate(deps.db));

  await app.register(healthRoutes(deps, metrics));
  await app.register(
    async (api) => {
      api.get('/openapi.json', { schema: { hide: true } }, async () => app.swagger());
      await api.register(authRoutes(deps));
      await api.register(orgUnitRoutes(deps));
      await api.register(userRoutes(deps));
      await api.register(auditRoutes(deps));
      await api.register(dataValueRoutes(deps));
      await api.register(indicatorRoutes(deps));
      await api.register(planRoutes(deps));
      await api.register(planImportRoutes(deps));
      await api.register(formRoutes(deps));
      await api.register(taskRoutes(deps));
      await api.register(notificationRoutes(deps));
      await api.register(officialReportRoutes(deps));
      await api.register(dashboardRoutes(deps));
      await api.register(rankingRoutes(deps));
    },
    { prefix: API_PREFIX },
  );

  const webRoot = deps.webRoot && fs.existsSync(path.join(deps.webRoot, 'index.html')) ? deps.webRoot : undefined;
  // Files are looked up per request, so a rebuilt app is served without restarting the server.
  if (webRoot) await app.register(fastifyStatic, { root: webRoot, wildcard: true, index: ['index.html'] });

  app.setNotFoundHandler((request, reply) => {
    const isApi = request.url.startsWith('/api/');
    if (!isApi && webRoot && (request.method === 'GET' || request.method === 'HEAD')) {
      return reply.type('text/html; charset=utf-8').sendFile('index.html');
    }
    const locale = localeFrom(request.headers['accept-language']);
    return sendProblem(reply, request, 404, translate(locale, 'routeNotFound', { method: request.method, url: request.url.split('?')[0] ?? '' }));
  });
  return app;
}
