import fp from 'fastify-plugin'
import swagger from '@fastify/swagger'
import swaggerUi from '@fastify/swagger-ui'
import { cleanSchemaTransform, cleanTransformObject } from './openapi-clean.ts'

export const OPENAPI_INFO = {
  title: 'Relais API',
  version: '1.0.0',
  description:
    'Social listening and influencer discovery. Authenticate with `Authorization: Bearer <key>`; ' +
    'keys belong to one workspace and carry scopes (read ⊂ write ⊂ admin). Errors are ' +
    '`application/problem+json`. Lists are paginated with opaque cursors.',
}

/** OpenAPI 3.1 built from the routes' zod schemas, served at /openapi.json, with a UI at /docs. */
export const openapiPlugin = fp(
  async (app) => {
    await app.register(swagger, {
      openapi: {
        openapi: '3.1.0',
        info: OPENAPI_INFO,
        components: { securitySchemes: { apiKey: { type: 'http', scheme: 'bearer', description: 'A Relais API key: rls_…' }, session: { type: 'apiKey', in: 'cookie', name: 'relais_session', description: 'A person\'s session (web app); changes also need the x-csrf-token header' } } },
      },
      transform: cleanSchemaTransform,
      transformObject: cleanTransformObject,
    })
    await app.register(swaggerUi, { routePrefix: '/docs', uiConfig: { deepLinking: true } })
    app.get('/openapi.json', { schema: { hide: true } }, async () => app.swagger())
  },
  { name: 'openapi' },
)
