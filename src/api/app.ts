import Fastify, { type FastifyInstance } from 'fastify'
import rateLimit from '@fastify/rate-limit'
import cookie from '@fastify/cookie'
import { randomUUID } from 'node:crypto'
import { serializerCompiler, validatorCompiler, type ZodTypeProvider } from 'fastify-type-provider-zod'
import type { Kysely } from 'kysely'
import type { DB } from '../platform/db/schema.ts'
import type { Metrics } from '../platform/observability/metrics.ts'
import { createTopicService } from '../tenancy/topics/service.ts'
import { authPlugin, DEFAULT_AUTH_THROTTLE } from './plugins/auth.ts'
import { createAuthThrottle } from './auth-throttle.ts'
import { errorHandlerPlugin, sendProblem } from './plugins/error-handler.ts'
import { AppError } from '../platform/shared/errors.ts'
import { metricsPlugin } from './plugins/metrics.ts'
import { openapiPlugin } from './plugins/openapi.ts'
import { healthRoutes } from './routes/health.ts'
import { topicRoutes } from './routes/topics/index.ts'
import { jobRoutes } from './routes/jobs/index.ts'
import { digestRoutes } from './routes/digests/index.ts'
import { alertRoutes } from './routes/alerts/index.ts'
import { webhookRoutes } from './routes/webhooks/index.ts'
import { createDigestService } from '../insight/digest/service.ts'
import { createAlertService } from '../insight/alerts/service.ts'
import { createWebhookService } from '../tenancy/webhooks/service.ts'
import { analystRoutes } from './routes/analytics/analyst-routes.ts'
import type { LiveMentionOptions } from './routes/mentions/stream.ts'
import { rankingRoutes } from './routes/rankings/index.ts'
import { communityRoutes } from './routes/rankings/communities.ts'
import { sourceRoutes } from './routes/sources/index.ts'
import { accountRoutes } from './routes/accounts/index.ts'
import { personalDataRoutes } from './routes/personal-data/index.ts'
import { createPersonalDataService } from '../tenancy/personal-data/service.ts'
import { createAccountService } from '../insight/accounts/service.ts'
import { createSourceService } from '../tenancy/sources/service.ts'
import { createStreamGapService } from '../tenancy/sources/stream-gaps.ts'
import { createRankingService } from '../insight/rankings/service.ts'
import { createJobRunService, type JobInfo } from '../tenancy/job-runs/service.ts'
import { REDACTED_PATHS } from '../platform/observability/redact.ts'
import type { AddressPolicy } from '../pipeline/networks/http/address-policy.ts'
import type { SecretBox } from '../platform/secrets/secret-box.ts'
import { sessionRoutes } from './routes/session/index.ts'
import { invitationRoutes } from './routes/session/invitations.ts'
import { keyRoutes } from './routes/keys/index.ts'
import { unsubscribeRoutes } from './routes/unsubscribe/index.ts'
import { topicCheckRoutes } from './routes/topics/check.ts'
import { memberRoutes } from './routes/members/index.ts'
import { createPeopleService } from '../tenancy/people/service.ts'
import { createKeyAdmin } from '../tenancy/workspaces/key-admin.ts'
import { webAppPlugin } from './plugins/web-app.ts'
import { documentScope } from './plugins/scope-docs.ts'
import { refuseUnacceptable } from './representation/acceptable.ts'
import { clientErrorHandler, connectionsCheckingInterval } from './client-errors.ts'

export interface AppDeps {
  db: Kysely<DB>
  metrics: Metrics
  bodyLimit: number
  rateLimitPerMinute: number
  /** The jobs there are (for /v1/jobs) and when each fires next. */
  jobs?: readonly JobInfo[]
  nextRun?: (job: string, workspaceId: string) => Date | null
  /** Omitted: silent (tests). */
  log?: { level: string; stream?: { write(line: string): void } }
  /** PUBLIC_URL: the base of links in digest previews; omitted, the request's own origin. */
  publicUrl?: string
  /** The operator's ALLOW_PRIVATE_ADDRESSES / ALLOW_HTTP_SOURCES for sources and webhooks; default public https only. */
  addressPolicy?: AddressPolicy
  /** Seals source credentials and webhook secrets before they are stored. */
  secrets?: SecretBox
  /** The built web app to serve at `/` (default: web/dist); false serves none. */
  webApp?: { root?: string } | false
  /** METRICS_TOKEN: /metrics asks for it as a bearer token; omitted, /metrics answers 404. */
  metricsToken?: string
  /** Failed authentications one client address may make per minute (default 20). */
  authFailuresPerMinute?: number
  /** Limits and timings of the live mention streams (tests shorten them). */
  liveMentions?: Partial<LiveMentionOptions>
  /** REQUEST_TIMEOUT_MS: longest a request may take to arrive whole (default 60 s). */
  requestTimeoutMs?: number
}

/** The whole HTTP API, not listening: `relais serve` listens, tests use `inject`. */
export async function buildApp(deps: AppDeps): Promise<FastifyInstance> {
  const app = Fastify({
    logger: deps.log ? { level: deps.log.level, redact: { paths: REDACTED_PATHS, censor: '[redacted]' }, ...(deps.log.stream && { stream: deps.log.stream }) } : false,
    bodyLimit: deps.bodyLimit,
    // A client sending its request byte by byte is cut off: it cannot hold a connection for ever.
    requestTimeout: deps.requestTimeoutMs ?? 60_000,
    // Given to Node's server at construction too: set only afterwards (as Fastify does), the
    // deadline is not enforced on a request whose body stalls after its headers.
    http: { connectionsCheckingInterval: connectionsCheckingInterval(deps.requestTimeoutMs ?? 60_000), requestTimeout: deps.requestTimeoutMs ?? 60_000 },
    clientErrorHandler: clientErrorHandler(deps.requestTimeoutMs ?? 60_000),
    genReqId: (req) => acceptedRequestId(req.headers['x-request-id']) ?? randomUUID(),
    requestIdHeader: false,
    // A malformed or over-long path parameter is refused before routing: in the problem format too.
    frameworkErrors: (error, request, reply) => sendProblem(request, reply, new AppError('validation_failed', error.code === 'FST_ERR_MAX_PARAM_LENGTH' ? 'A path parameter is longer than this API accepts.' : 'The URL is not valid.')),
  }).withTypeProvider<ZodTypeProvider>()
  app.setValidatorCompiler(validatorCompiler)
  app.setSerializerCompiler(serializerCompiler)
  // JSON only: a text/plain body is refused with 415 rather than parsed as a string.
  app.removeContentTypeParser('text/plain')
  app.addHook('onSend', async (request, reply) => {
    reply.header('x-request-id', request.id)
  })

  // Infrastructure first, then decorators, then routes.
  await app.register(errorHandlerPlugin)
  await app.register(metricsPlugin, { metrics: deps.metrics })
  await app.register(openapiPlugin)
  await app.register(healthRoutes, { db: deps.db, metrics: deps.metrics, ...(deps.metricsToken && { metricsToken: deps.metricsToken }) })
  await app.register(cookie)

  await app.register(async (v1) => {
    v1.addHook('onRoute', (route) => {
      if (route.schema) route.schema = documentScope({ ...route.schema, security: [{ apiKey: [] }, { session: [] }] }, route.config?.scope)
    })
    v1.addHook('preValidation', refuseUnacceptable)
    await v1.register(authPlugin, { db: deps.db, throttle: createAuthThrottle({ ...DEFAULT_AUTH_THROTTLE, ...(deps.authFailuresPerMinute && { maxFailures: deps.authFailuresPerMinute }) }) })
    await v1.register(rateLimit, {
      max: deps.rateLimitPerMinute,
      timeWindow: 60_000,
      hook: 'preHandler',
      keyGenerator: (req) => req.auth?.keyId ?? req.ip,
    })
    await v1.register(topicRoutes, { topics: createTopicService({ db: deps.db }) })
    await v1.register(analystRoutes, { db: deps.db, ...(deps.liveMentions && { liveMentions: deps.liveMentions }) })
    await v1.register(rankingRoutes, { rankings: createRankingService({ db: deps.db }) })
    await v1.register(communityRoutes, { db: deps.db })
    await v1.register(sourceRoutes, { sources: createSourceService({ db: deps.db, ...(deps.addressPolicy && { addressPolicy: deps.addressPolicy }), ...(deps.secrets && { secrets: deps.secrets }) }), gaps: createStreamGapService({ db: deps.db }) })
    await v1.register(accountRoutes, { accounts: createAccountService({ db: deps.db }) })
    await v1.register(personalDataRoutes, { personalData: createPersonalDataService({ db: deps.db }) })
    await v1.register(digestRoutes, { digests: createDigestService({ db: deps.db, ...(deps.publicUrl !== undefined && { publicUrl: deps.publicUrl }) }) })
    await v1.register(alertRoutes, { alerts: createAlertService({ db: deps.db }) })
    await v1.register(webhookRoutes, { webhooks: createWebhookService({ db: deps.db, ...(deps.addressPolicy && { addressPolicy: deps.addressPolicy }), ...(deps.secrets && { secrets: deps.secrets }) }) })
    const people = createPeopleService({ db: deps.db })
    await v1.register(sessionRoutes, { people })
    await v1.register(invitationRoutes, { people, db: deps.db, ...(deps.publicUrl !== undefined && { publicUrl: deps.publicUrl }) })
    await v1.register(keyRoutes, { keys: createKeyAdmin({ db: deps.db }) })
    await v1.register(unsubscribeRoutes, { db: deps.db })
    await v1.register(topicCheckRoutes)
    await v1.register(memberRoutes, { db: deps.db })
    await v1.register(jobRoutes, { jobRuns: createJobRunService({ db: deps.db, jobs: deps.jobs ?? [], nextRun: deps.nextRun ?? (() => null) }) })
  }, { prefix: '/v1' })

  // The web app last: its fallback page answers the paths nothing above claimed.
  if (deps.webApp !== false) await app.register(webAppPlugin, { root: deps.webApp?.root })

  return app
}

/** A client's X-Request-Id is kept when it is short and plain, so logs can be joined. */
function acceptedRequestId(header: string | string[] | undefined): string | null {
  return typeof header === 'string' && /^[A-Za-z0-9._:-]{1,128}$/.test(header) ? header : null
}
