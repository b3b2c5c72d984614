// The closed catalogue of errors the API can answer with. Each code has one HTTP status and a
// title; the detail is written for the person reading it.
export const ERROR_CATALOGUE = {
  validation_failed: { status: 400, title: 'The request is not valid' },
  invalid_json: { status: 400, title: 'The request body is not valid JSON' },
  invalid_query: { status: 400, title: 'The topic query is not valid' },
  invalid_cursor: { status: 400, title: 'The pagination cursor is not valid' },
  unauthorized: { status: 401, title: 'A valid API key is required' },
  forbidden: { status: 403, title: 'This API key lacks the scope this action needs' },
  not_found: { status: 404, title: 'Not found' },
  not_acceptable: { status: 406, title: 'No representation matches the Accept header' },
  conflict: { status: 409, title: 'The request conflicts with existing data' },
  body_too_large: { status: 413, title: 'The request body is too large' },
  unsupported_media_type: { status: 415, title: 'The request body must be application/json' },
  unprocessable: { status: 422, title: 'The request cannot be carried out' },
  rate_limited: { status: 429, title: 'Too many requests' },
  internal: { status: 500, title: 'Internal error' },
  unavailable: { status: 503, title: 'The service is temporarily unavailable' },
} as const satisfies Record<string, { status: number; title: string }>

export type ErrorCode = keyof typeof ERROR_CATALOGUE
export const ERROR_CODES = Object.keys(ERROR_CATALOGUE) as ErrorCode[]

export class AppError extends Error {
  readonly status: number
  constructor(
    readonly code: ErrorCode,
    detail: string,
    options?: { cause?: unknown; extra?: Record<string, unknown> },
  ) {
    super(detail, options?.cause === undefined ? undefined : { cause: options.cause })
    this.name = 'AppError'
    this.status = ERROR_CATALOGUE[code].status
    this.extra = options?.extra
  }
  readonly extra: Record<string, unknown> | undefined
}

export const notFound = (what: string) => new AppError('not_found', `${what} was not found in this workspace.`)
