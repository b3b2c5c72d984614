/** One failed check of a request, as fastify-type-provider-zod reports it (a zod issue). */
interface ValidationIssue {
  keyword: string
  message?: string
  params?: Record<string, unknown>
}

/**
 * The message a person reads for a failed check. Schemas say what they expect in their own words
 * (`must be an ISO 639-1 language code such as en or fr`); where one does not, zod's default for
 * a pattern quotes the regular expression, which tells a person nothing: it is replaced.
 */
export function validationMessage(issue: ValidationIssue): string {
  // A record's key that fails its check is reported as "Invalid key in record"; the reason is inside.
  const inner = issue.keyword === 'invalid_key' && Array.isArray(issue.params?.issues) ? issue.params.issues[0] as { code?: string; message?: string; format?: string } | undefined : undefined
  if (inner?.message) return validationMessage({ keyword: inner.code ?? '', message: inner.message, params: { format: inner.format } })
  const message = issue.message ?? 'is not valid'
  if (issue.keyword === 'invalid_format' && issue.params?.format === 'regex' && /\bpattern\b/i.test(message))
    return 'is not in the form this parameter takes (its description in /openapi.json gives examples)'
  return message
}
