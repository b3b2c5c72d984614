import fp from 'fastify-plugin'
import type { FastifyError, FastifyReply, FastifyRequest } from 'fastify'
import { hasZodFastifySchemaValidationErrors, isResponseSerializationError } from 'fastify-type-provider-zod'
import { AppError, ERROR_CATALOGUE, type ErrorCode } from '../../platform/shared/errors.ts'
import { PROBLEM_CONTENT_TYPE, type Problem } from '../problem.ts'
import { fromDatabaseError } from '../database-errors.ts'

// One place turns every failure into application/problem+json. 5xx internals are logged, never
// shown to the client.
export const errorHandlerPlugin = fp(
  async (app) => {
    app.setErrorHandler((error: FastifyError, request, reply) => {
      const appError = toAppError(error)
      if (appError.status >= 500) request.log.error({ err: error }, 'request failed')
      else request.log.info({ code: appError.code, detail: appError.message }, 'request refused')
      return sendProblem(request, reply, appError)
    })
    app.setNotFoundHandler((request, reply) =>
      sendProblem(request, reply, new AppError('not_found', `No route ${request.method} ${request.url.split('?')[0]}.`)),
    )
  },
  { name: 'error-handler' },
)

export function sendProblem(request: FastifyRequest, reply: FastifyReply, error: AppError) {
  const problem: Problem = {
    type: `https://relais.dev/problems/${error.code.replaceAll('_', '-')}`,
    title: ERROR_CATALOGUE[error.code].title,
    status: error.status,
    detail: error.message,
    code: error.code,
    requestId: String(request.id),
    ...(error.extra ?? {}),
  }
  if (error.code === 'unauthorized') reply.header('www-authenticate', 'Bearer')
  if (error.code === 'unavailable') reply.header('retry-after', '5')
  // Serialised here, not through the route's schema: the problem shape is the same everywhere.
  return reply.status(error.status).type(PROBLEM_CONTENT_TYPE).serializer(JSON.stringify).send(problem)
}

const FASTIFY_CODES: Record<string, ErrorCode> = {
  FST_ERR_CTP_BODY_TOO_LARGE: 'body_too_large',
  FST_ERR_CTP_INVALID_MEDIA_TYPE: 'unsupported_media_type',
  FST_ERR_CTP_INVALID_CONTENT_LENGTH: 'validation_failed',
  FST_ERR_CTP_EMPTY_JSON_BODY: 'invalid_json',
  FST_ERR_CTP_INVALID_JSON_BODY: 'invalid_json',
}

function toAppError(error: FastifyError): AppError {
  if (error instanceof AppError) return error
  if (hasZodFastifySchemaValidationErrors(error)) {
    const errors = error.validation.map((v) => ({
      path: [error.validationContext, ...v.instancePath.split('/').filter(Boolean)].join('.'),
      message: v.message ?? 'invalid',
    }))
    const detail = errors.map((e) => `${e.path}: ${e.message}`).join('; ')
    return new AppError('validation_failed', detail, { extra: { errors } })
  }
  if (isResponseSerializationError(error)) return new AppError('internal', 'The response could not be produced.', { cause: error })
  const fastifyCode = error.code ? FASTIFY_CODES[error.code] : undefined
  if (fastifyCode) return new AppError(fastifyCode, fastifyMessage(fastifyCode, error), { cause: error })
  if (error instanceof SyntaxError && error.statusCode === 400) return new AppError('invalid_json', `The body is not valid JSON: ${error.message}`)
  if (error.statusCode === 429) return new AppError('rate_limited', error.message)
  const fromDb = fromDatabaseError(error)
  if (fromDb) return fromDb
  if (error.statusCode && error.statusCode >= 400 && error.statusCode < 500)
    return new AppError('validation_failed', error.message, { cause: error })
  return new AppError('internal', 'An unexpected error occurred. Quote the requestId when reporting it.', { cause: error })
}

function fastifyMessage(code: ErrorCode, error: FastifyError): string {
  if (code === 'body_too_large') return 'The request body exceeds the size limit of this server.'
  if (code === 'unsupported_media_type') return 'Send the body as application/json.'
  if (code === 'invalid_json') return `The body is not valid JSON: ${error.message}`
  return error.message
}
