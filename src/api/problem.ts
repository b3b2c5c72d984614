import { z } from 'zod'
import { ERROR_CODES } from '../platform/shared/errors.ts'

/** RFC 9457 problem details, as every error response carries them. */
export const problemSchema = z
  .object({
    type: z.string().describe('A URI naming the problem type.'),
    title: z.string(),
    status: z.number().int(),
    detail: z.string(),
    code: z.enum(ERROR_CODES as [string, ...string[]]),
    requestId: z.string(),
    errors: z
      .array(z.object({ path: z.string(), message: z.string() }))
      .optional()
      .describe('Each invalid field, for validation errors.'),
  })
  .meta({ id: 'Problem', example: { type: 'https://relais.dev/problems/not-found', title: 'Not found', status: 404, detail: 'The topic was not found in this workspace.', code: 'not_found', requestId: '5b0e8c52-1c3a-4d8e-9a7f-2b1d3e4f5a6b' } })

export type Problem = z.infer<typeof problemSchema>

export const PROBLEM_CONTENT_TYPE = 'application/problem+json'

/**
 * The error responses a route documents, by status, as they are sent: application/problem+json
 * (sendProblem serialises them; the schema is for the document).
 */
export function problemResponses(...statuses: number[]) {
  const response = { description: 'Default Response', content: { [PROBLEM_CONTENT_TYPE]: { schema: problemSchema } } }
  return Object.fromEntries(statuses.map((s) => [s, response])) as Record<number, typeof response>
}
