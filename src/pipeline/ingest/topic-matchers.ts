import type { Kysely, Transaction } from 'kysely'
import type { DB } from '../../platform/db/schema.ts'
import { compileQuery, parse, specialiseForNetwork, type CompiledQuery, type PreparedPost, type QueryNode } from '../query/index.ts'
import type { EnrichedPost } from './enriched-post.ts'
import type { Db } from '../../platform/db/db-handle.ts'


export interface TopicMatcher {
  topicId: string
  /** The parsed query and the networks the topic is limited to (empty: all), for `topicIndex`. */
  query: QueryNode
  networks: ReadonlySet<string>
  /** The query terms the post matched, or null when the post is not on the topic. */
  /** `prepared` is the post tokenised once (`preparePost`), shared by every topic. */
  match(post: EnrichedPost, prepared: PreparedPost): string[] | null
}

/** The local re-check every collected post goes through, one compiled matcher per topic. */
export function topicMatcher(topic: { id: string; query: string; networks: string[]; languages: string[] }): TopicMatcher {
  const ast = parse(topic.query)
  const perNetwork = new Map<string, CompiledQuery | boolean>()
  const networks = new Set(topic.networks)
  const languages = new Set(topic.languages)
  return {
    topicId: topic.id,
    query: ast,
    networks,
    match(post, prepared) {
      if (networks.size && !networks.has(post.network)) return null
      if (languages.size && (!post.lang || !languages.has(post.lang.slice(0, 2)))) return null
      let compiled = perNetwork.get(post.network)
      if (compiled === undefined) {
        const specialised = specialiseForNetwork(ast, post.network)
        compiled = typeof specialised === 'boolean' ? specialised : compileQuery(specialised)
        perNetwork.set(post.network, compiled)
      }
      if (typeof compiled === 'boolean') return compiled ? [] : null
      return compiled.matchesPrepared(prepared) ? compiled.matchedTermsPrepared(prepared) : null
    },
  }
}

export async function workspaceTopicMatchers(db: Db, workspaceId: string): Promise<TopicMatcher[]> {
  const topics = await db.selectFrom('topics').select(['id', 'query', 'networks', 'languages']).where('workspace_id', '=', workspaceId).execute()
  return topics.map(topicMatcher)
}
