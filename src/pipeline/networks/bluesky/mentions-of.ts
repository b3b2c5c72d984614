// Posts that mention one of a topic's own Bluesky accounts: `app.bsky.feed.searchPosts` with
// `mentions=<handle or DID>` (the AppView resolves a handle to its DID before the query runs), the
// same authenticated walk, checkpoint and overlap as the topic's searches (search-walk.ts).
// `q` is required by the lexicon; `*` matches every post, so the `mentions` filter alone decides.
// The filter matches mention facets only: a reply to one of the account's posts that does not
// name it is not found this way (its notifications would need the account's own login).
import type { Checkpoint, SearchPage } from '../connector.ts'
import type { HttpClient } from '../http.ts'
import { blueskySearchStep } from './search-walk.ts'
import type { BlueskySession } from './session.ts'

export const MATCH_EVERY_POST = '*'

export function blueskyMentionsStep(pds: HttpClient, session: BlueskySession, account: string, checkpoint: Checkpoint | null, signal?: AbortSignal): Promise<SearchPage> {
  const actor = account.trim().replace(/^@/, '').toLowerCase()
  return blueskySearchStep(pds, session, { kind: 'query', q: MATCH_EVERY_POST }, checkpoint, signal, actor)
}
