import type { ApiKeysTable } from './tables/api-keys.ts'
import type { AlertSettingsTable, AlertsTable } from './tables/alerts.ts'
import type { DigestDeliveriesTable, DigestSubscriptionsTable, DigestUnsubscribesTable } from './tables/digests.ts'
import type { WebhookDeliveriesTable, WebhooksTable } from './tables/webhooks.ts'
import type { ImportedAccountsTable, ImportedFollowsTable, ImportedPostsTable } from './tables/imports.ts'
import type { AccountsTable, FollowsTable, InteractionsTable, PostsTable, TopicPostsTable } from './tables/content.ts'
import type { CollectionCheckpointsTable, JobClaimsTable, JobRunsTable } from './tables/jobs.ts'
import type { ScoreRunsTable, ScoresTable } from './tables/scores.ts'
import type { SourcesTable } from './tables/sources.ts'
import type { TopicsTable } from './tables/topics.ts'
import type { WorkspacesTable } from './tables/workspaces.ts'
import type { PostConversationReadsTable, PostEngagementMissesTable, PostEngagementReadingsTable, PostReadIdsTable, SourceSessionsTable } from './tables/collection.ts'
import type { StreamGapsTable, StreamLeasesTable } from './tables/streams.ts'
import type { AccessLinksTable, MembershipsTable, PeopleTable, WebSessionsTable } from './tables/people.ts'

/** Every table, as Kysely sees the database. */
export interface DB {
  workspaces: WorkspacesTable
  api_keys: ApiKeysTable
  sources: SourcesTable
  topics: TopicsTable
  accounts: AccountsTable
  posts: PostsTable
  topic_posts: TopicPostsTable
  follows: FollowsTable
  interactions: InteractionsTable
  collection_checkpoints: CollectionCheckpointsTable
  job_runs: JobRunsTable
  job_claims: JobClaimsTable
  score_runs: ScoreRunsTable
  scores: ScoresTable
  digest_subscriptions: DigestSubscriptionsTable
  digest_deliveries: DigestDeliveriesTable
  digest_unsubscribes: DigestUnsubscribesTable
  alert_settings: AlertSettingsTable
  alerts: AlertsTable
  webhooks: WebhooksTable
  webhook_deliveries: WebhookDeliveriesTable
  imported_accounts: ImportedAccountsTable
  imported_posts: ImportedPostsTable
  imported_follows: ImportedFollowsTable
  people: PeopleTable
  memberships: MembershipsTable
  access_links: AccessLinksTable
  web_sessions: WebSessionsTable
  source_sessions: SourceSessionsTable
  post_engagement_readings: PostEngagementReadingsTable
  post_engagement_misses: PostEngagementMissesTable
  post_read_ids: PostReadIdsTable
  post_conversation_reads: PostConversationReadsTable
  stream_leases: StreamLeasesTable
  stream_gaps: StreamGapsTable
}
