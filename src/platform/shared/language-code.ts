import { z } from 'zod'

/** A language as every route names it: an ISO 639-1 code, any case (`FR` reads as `fr`). */
export const languageCode = z
  .string()
  .trim()
  .toLowerCase()
  .regex(/^[a-z]{2}$/, 'must be an ISO 639-1 language code such as en or fr')
