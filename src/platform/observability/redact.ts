// Log paths that may carry secrets. Pino replaces them with "[redacted]".
export const REDACTED_PATHS = [
  'req.headers.authorization',
  'req.headers.cookie',
  'headers.authorization',
  '*.password',
  '*.secret',
  '*.token',
  '*.accessToken',
  '*.appPassword',
  '*.clientSecret',
  '*.bearerToken',
  '*.credentials',
]
