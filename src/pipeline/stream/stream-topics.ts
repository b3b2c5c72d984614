// Which posts of a stream a workspace keeps: those on one of its topics, decided exactly as ingest
// decides (enriched, then matched through the topic index), so the stream stores no stranger.
import type { NormalizedPost } from '../networks/model.ts'
import { preparePost } from '../query/index.ts'
import { enrichPost } from '../ingest/enrich/index.ts'
import { topicIndexOf } from '../ingest/topic-index.ts'
import type { TopicMatcher } from '../ingest/topic-matchers.ts'

export function postsOnTopics(posts: readonly NormalizedPost[], matchers: readonly TopicMatcher[]): NormalizedPost[] {
  if (matchers.length === 0) return []
  const index = topicIndexOf(matchers)
  return posts.filter((post) => {
    const enriched = enrichPost(post)
    // Stream posts name their author by DID only: no handle to match, as in ingest for this batch.
    const prepared = preparePost({ text: enriched.text, hashtags: enriched.hashtags, mentions: enriched.mentions, lang: enriched.lang, network: enriched.network, authorHandle: null })
    return index.match(enriched, prepared) !== null
  })
}
