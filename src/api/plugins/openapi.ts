import fp from 'fastify-plugin'
import swagger from '@fastify/swagger'
import swaggerUi from '@fastify/swagger-ui'
import { jsonSchemaTransform, jsonSchemaTransformObject } from 'fastify-type-provider-zod'
import { PROBLEM_CONTENT_TYPE } from '../problem.ts'

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
        components: { securitySchemes: { apiKey: { type: 'http', scheme: 'bearer', description: 'A Relais API key: rls_…' } } },
      },
      transform: jsonSchemaTransform,
      transformObject: (input) => documentProblemsAsProblemJson(jsonSchemaTransformObject(input)),
    })
    await app.register(swaggerUi, { routePrefix: '/docs', uiConfig: { deepLinking: true } })
    app.get('/openapi.json', { schema: { hide: true } }, async () => app.swagger())
  },
  { name: 'openapi' },
)

type OpenApiDocument = ReturnType<typeof jsonSchemaTransformObject>
interface ResponseObject { content?: Record<string, unknown> }

/**
 * Error responses are sent as `application/problem+json`: the document says so (the schemas are
 * declared per status only, and would otherwise be listed as `application/json`).
 */
function documentProblemsAsProblemJson(document: OpenApiDocument): OpenApiDocument {
  const paths = (document as { paths?: Record<string, Record<string, { responses?: Record<string, ResponseObject> }>> }).paths ?? {}
  for (const operations of Object.values(paths)) {
    for (const operation of Object.values(operations)) {
      for (const [status, response] of Object.entries(operation.responses ?? {})) {
        const json = response.content?.['application/json']
        if (Number(status) < 400 || json === undefined || !response.content) continue
        delete response.content['application/json']
        response.content[PROBLEM_CONTENT_TYPE] = json
      }
    }
  }
  return document
}
