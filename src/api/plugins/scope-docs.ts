import type { FastifySchema } from 'fastify'
import type { Scope } from '../../platform/db/tables/api-keys.ts'

const SCOPE_SENTENCE: Record<Scope, string> = {
  read: 'Requires the `read` scope (any key or member of the workspace).',
  write: 'Requires the `write` scope (a key with write or admin, or an editor or admin member).',
  admin: 'Requires the `admin` scope (an admin key or an admin member).',
}

/**
 * The route's schema as OpenAPI shows it: the scope the operation needs, said at the end of its
 * description and as `x-required-scope`, so a client learns it before meeting a 403. The scope is
 * read from the same `config.scope` the auth plugin enforces, so the two cannot disagree.
 */
export function documentScope(schema: FastifySchema, scope: Scope | undefined): FastifySchema {
  if (!scope) return schema
  const described = schema as FastifySchema & { description?: string }
  const description = described.description ? `${described.description}\n\n${SCOPE_SENTENCE[scope]}` : SCOPE_SENTENCE[scope]
  return { ...schema, description, 'x-required-scope': scope } as FastifySchema
}
