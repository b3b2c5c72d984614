import type { Kysely } from 'kysely'
import type { DB } from '../../platform/db/schema.ts'

/** What a job run is about: everything (`*`), one workspace, or one topic. */
export interface JobScope {
  topicId?: string
  workspaceId?: string
  /** Workspaces left out (they run on a schedule of their own). */
  excludeWorkspaces?: string[]
}

export interface Progress {
  /** Items done so far and, when known, in all. */
  done: number
  total?: number
  /** What is being worked on, for a person watching. */
  label?: string
}

export interface Logger {
  info(obj: object, msg?: string): void
  warn(obj: object, msg?: string): void
  error(obj: object, msg?: string): void
}

export interface JobContext {
  db: Kysely<DB>
  log: Logger
  /** Aborted when the process stops: finish the current unit of work and return. */
  signal: AbortSignal
  progress(update: Progress): void
  now(): Date
}

/** Statistics a run reports (stored in job_runs.stats, shown by the API). */
export type JobStats = Record<string, number | string | boolean | null>

export interface Job {
  name: string
  /** Cron expression (UTC) of its default schedule; a workspace may override it. */
  defaultSchedule: string
  description: string
  run(ctx: JobContext, scope: JobScope): Promise<JobStats>
}

export const scopeKey = (scope: JobScope) =>
  scope.topicId ? `topic:${scope.topicId}` : scope.workspaceId ? `workspace:${scope.workspaceId}` : '*'
