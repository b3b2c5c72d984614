import type { Migration } from 'kysely'
import * as core from './20261124_0001_core.ts'

// Registered explicitly (not discovered from the folder) so the list is the same however the
// service is packaged. Names sort in the order they must run.
export const migrations: Record<string, Migration> = {
  '20261124_0001_core': core,
}
