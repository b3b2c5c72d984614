import { AppError } from './errors.ts'

// Postgres SQLSTATEs and connection failures, mapped once for the whole API.
const UNAVAILABLE_SQLSTATE = /^(08|53|57P0[1-3])/ // connection exceptions, resources, admin shutdown
const CONNECTION_CODES = new Set(['ECONNREFUSED', 'ECONNRESET', 'ETIMEDOUT', 'EPIPE', 'ENOTFOUND', 'EHOSTUNREACH'])

export function fromDatabaseError(error: unknown): AppError | null {
  if (!error || typeof error !== 'object') return null
  const { code, message } = error as { code?: unknown; message?: unknown }
  const text = typeof message === 'string' ? message : ''
  if (typeof code === 'string') {
    if (code === '23505') return new AppError('conflict', 'A resource with the same unique value already exists.', { cause: error })
    if (code === '23503') return new AppError('conflict', 'The resource is referenced by, or references, another resource.', { cause: error })
    if (code === '57014') return new AppError('unavailable', 'The database query took too long; try again.', { cause: error })
    if (UNAVAILABLE_SQLSTATE.test(code) || CONNECTION_CODES.has(code)) return unavailable(error)
  }
  if (/Connection terminated|connection timeout|timeout exceeded when trying to connect|Client has encountered a connection error|terminating connection/i.test(text))
    return unavailable(error)
  return null
}

const unavailable = (cause: unknown) => new AppError('unavailable', 'The database is unreachable; try again shortly.', { cause })
