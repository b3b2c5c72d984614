import { notFound } from '../../platform/shared/errors.ts'
import { isUuid } from '../../platform/shared/ids.ts'

// "This topic belongs to this workspace", in the variants its readers need. Whatever the reason —
// an id that cannot be a topic's, another workspace's topic, a deleted one — the client gets the
// same "not found": another workspace's topic is indistinguishable from one that does not exist.
// `findTopic` reads the topic itself; queries that read it joined to other rows (a snapshot, a
// version) scope it by workspace in their own statement and pass their row to `topicFound`.

export const topicNotFound = () => notFound('The topic')

/** Refuses an id that cannot be a topic's before any statement is spent on it. */
export function checkTopicId(topicId: string): void {
  if (!isUuid(topicId)) throw topicNotFound()
}

/** The row a workspace-scoped query read for the topic, or "not found" when it read none. */
export function topicFound<T>(row: T | null | undefined): T {
  if (row === null || row === undefined) throw topicNotFound()
  return row
}
