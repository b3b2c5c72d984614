import type { Migration } from 'kysely'
import * as core from './20261124_0001_core.ts'
import * as scores from './20261124_0002_scores.ts'
import * as analytics from './20261124_0003_analytics.ts'
import * as imports from './20261124_0004_imports.ts'
import * as digestAlertsWebhooks from './20261124_0006_digest_alerts_webhooks.ts'
import * as jobRunner from './20261124_0007_job_runner.ts'
import * as ingestReferences from './20261124_0008_ingest_references.ts'
import * as analyticsSamples from './20261207_0011_analytics.ts'
import * as people from './20261207_0016_people.ts'
import * as collectionSessions from './20261207_0030_collection_sessions.ts'
import * as collectionFidelity from './20261207_0031_collection_fidelity.ts'
import * as provenance from './20261207_0032_provenance.ts'
import * as trustQuotas from './20261207_0033_trust_quotas.ts'
import * as unsubscribe from './20261207_0034_unsubscribe.ts'
import * as conversationReads from './20261207_0035_conversation_reads.ts'
import * as postReadIds from './20261207_0036_post_read_ids.ts'
import * as ownAccountMentions from './20261207_0037_own_account_mentions.ts'
import * as liveStreams from './20261207_0038_live_streams.ts'
import * as verifiedLinks from './20261207_0041_verified_links.ts'
import * as refreshMissesAndThreadReplies from './20261207_0042_refresh_misses_and_thread_replies.ts'
import * as streamGapFill from './20261207_0044_stream_gap_fill.ts'
import * as mastodonStreams from './20261207_0045_mastodon_streams.ts'
import * as followRecordKeys from './20261207_0046_follow_record_keys.ts'
import * as engagementMissesPerSource from './20261207_0048_engagement_misses_per_source.ts'
import * as conversationReadsPerSource from './20261207_0050_conversation_reads_per_source.ts'

// Registered explicitly (not discovered from the folder) so the list is the same however the
// service is packaged. Names sort in the order they must run.
export const migrations: Record<string, Migration> = {
  '20261124_0001_core': core,
  '20261124_0002_scores': scores,
  '20261124_0003_analytics': analytics,
  '20261124_0004_imports': imports,
  '20261124_0006_digest_alerts_webhooks': digestAlertsWebhooks,
  '20261124_0007_job_runner': jobRunner,
  '20261124_0008_ingest_references': ingestReferences,
  '20261207_0011_analytics': analyticsSamples,
  '20261207_0016_people': people,
  '20261207_0030_collection_sessions': collectionSessions,
  '20261207_0031_collection_fidelity': collectionFidelity,
  '20261207_0032_provenance': provenance,
  '20261207_0033_trust_quotas': trustQuotas,
  '20261207_0034_unsubscribe': unsubscribe,
  '20261207_0035_conversation_reads': conversationReads,
  '20261207_0036_post_read_ids': postReadIds,
  '20261207_0037_own_account_mentions': ownAccountMentions,
  '20261207_0038_live_streams': liveStreams,
  '20261207_0041_verified_links': verifiedLinks,
  '20261207_0042_refresh_misses_and_thread_replies': refreshMissesAndThreadReplies,
  '20261207_0044_stream_gap_fill': streamGapFill,
  '20261207_0045_mastodon_streams': mastodonStreams,
  '20261207_0046_follow_record_keys': followRecordKeys,
  '20261207_0048_engagement_misses_per_source': engagementMissesPerSource,
  '20261207_0050_conversation_reads_per_source': conversationReadsPerSource,
}
