import { AppError } from '../../platform/shared/errors.ts'
import { parse, QuerySyntaxError } from '../../pipeline/query/index.ts'

/** A bad topic query is refused when the topic is saved, never discovered by a job later. */
export function checkTopicQuery(query: string): void {
  try {
    parse(query)
  } catch (error) {
    if (error instanceof QuerySyntaxError)
      throw new AppError('invalid_query', error.message, { extra: { errors: [{ path: 'body.query', message: `${error.message} (position ${error.position})` }] } })
    throw error
  }
}
