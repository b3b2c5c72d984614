import type { z } from 'zod'
import { RECORD_SCHEMAS, type InterchangeRecord, type RecordType } from './records.ts'

export type ParsedLine = { ok: true; record: InterchangeRecord } | { ok: false; reason: string }

/** One line of text → a record, or why it is not one (as a person reading the file would want it). */
export function parseLine(text: string): ParsedLine {
  let value: unknown
  try {
    value = JSON.parse(text)
  } catch (error) {
    return { ok: false, reason: `not valid JSON (${(error as Error).message})` }
  }
  if (typeof value !== 'object' || value === null || Array.isArray(value)) return { ok: false, reason: 'not a JSON object' }
  const type = (value as { type?: unknown }).type
  if (type === undefined) return { ok: false, reason: 'missing "type" (account, post or follow)' }
  if (typeof type !== 'string' || !Object.hasOwn(RECORD_SCHEMAS, type)) {
    return { ok: false, reason: `unknown type ${JSON.stringify(type)} (expected account, post or follow)` }
  }
  const result = RECORD_SCHEMAS[type as RecordType].safeParse(value)
  if (result.success) return { ok: true, record: result.data }
  return { ok: false, reason: `${type}: ${describeIssues(result.error.issues)}` }
}

function describeIssues(issues: readonly z.core.$ZodIssue[]): string {
  return issues
    .slice(0, 3)
    .map((issue) => (issue.path.length ? `${issue.path.join('.')} ${issue.message}` : issue.message))
    .join('; ')
}
