import { AppError } from '../platform/shared/errors.ts'

// Postgres SQLSTATEs and connection failures, mapped once for the whole API.
const UNAVAILABLE_SQLSTATE = /^(08|53|57P0[1-3])/ // connection exceptions, resources, admin shutdown
const VALUE_OUT_OF_RANGE = new Set(['22021', '22P05', '22003', '22008']) // bad character, untranslatable, numeric and date/time out of range
const CONNECTION_CODES = new Set(['ECONNREFUSED', 'ECONNRESET', 'ETIMEDOUT', 'EPIPE', 'ENOTFOUND', 'EHOSTUNREACH'])

export function fromDatabaseError(error: unknown): AppError | null {
  if (!error || typeof error !== 'object') return null
  const { code, message } = error as { code?: unknown; message?: unknown }
  const text = typeof message === 'string' ? message : ''
  if (typeof code === 'string') {
    if (code === '23505') return new AppError('conflict', 'A resource with the same unique value already exists.', { cause: error })
    if (code === '23503') return new AppError('conflict', 'The resource is referenced by, or references, another resource.', { cause: error })
    if (code === '57014') return new AppError('unavailable', 'The database query took too long; try again.', { cause: error })
    // Values the database cannot hold (a NUL character, a number beyond its column's type, a date
    // outside its calendar) come from the request: the client's to fix.
    if (VALUE_OUT_OF_RANGE.has(code)) return new AppError('validation_failed', 'A value in the request cannot be stored or compared: it holds a NUL character, or a number or date out of range.', { cause: error })
    if (UNAVAILABLE_SQLSTATE.test(code) || CONNECTION_CODES.has(code)) return unavailable(error)
  }
  if (/Connection terminated|connection timeout|timeout exceeded when trying to connect|Client has encountered a connection error|terminating connection/i.test(text))
    return unavailable(error)
  return null
}

const unavailable = (cause: unknown) => new AppError('unavailable', 'The database is unreachable; try again shortly.', { cause })
