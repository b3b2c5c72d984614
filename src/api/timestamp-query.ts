import { z } from 'zod'

const EARLIEST = Date.parse('1970-01-01T00:00:00Z')
const LATEST = Date.parse('9999-12-31T23:59:59.999Z')

/**
 * An ISO 8601 timestamp with offset, as a query parameter. Bounded to 1970–9999: analyses count
 * their default windows back from it, and a window reaching before year 1 has no ISO form.
 */
export const timestampQuery = (description: string) =>
  z.iso
    .datetime({ offset: true })
    .refine((value) => {
      const at = Date.parse(value)
      return at >= EARLIEST && at <= LATEST
    }, 'Dates must fall between 1970-01-01 and 9999-12-31.')
    .optional()
    .describe(`${description} Between 1970 and 9999.`)
