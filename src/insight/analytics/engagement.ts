import { sql } from 'kysely'

/**
 * A post's engagement: every reaction the network counted (likes + reposts + replies + quotes).
 * Written against the alias `p` for posts, as every analytics query names it.
 */
export const postEngagement = sql<number>`(p.likes + p.reposts + p.replies + p.quotes)`
