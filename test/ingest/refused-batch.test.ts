// A batch the database refuses leaves nothing behind, and the error said is the refusal itself,
// not the "current transaction is aborted" of the posts statement queued behind the accounts one.
// (That the queued statement runs before the rollback is ensured by storeBatch; this test sees
// its effect, nothing stored, but cannot force the ordering it guards against.)
import t from 'tap'
import { sql } from 'kysely'
import { ingestBatch } from '../../src/pipeline/ingest/ingest-batch.ts'
import type { NormalizedAccount, NormalizedPost } from '../../src/pipeline/networks/model.ts'
import { openTestDatabase } from '../helpers/database.ts'

const account = (externalId: string, followersCount: number): NormalizedAccount => ({
  network: 'mastodon', externalId, handle: `${externalId}@piaille.fr`, displayName: null, bio: null, url: null, followersCount, followingCount: null, postsCount: null,
})
const post = (externalId: string, author: string): NormalizedPost => ({
  network: 'mastodon', externalId, authorExternalId: author, createdAt: new Date('2026-11-20T10:00:00Z'), text: 'Au boulot à vélo #velotaf', lang: 'fr', url: null,
  replyToExternalId: null, replyToAuthorExternalId: null, repostOfExternalId: null, quoteOfExternalId: null,
  likes: 1, reposts: 0, replies: 0, quotes: 0, hashtags: ['velotaf'], mentions: [], links: [],
})

t.test('an account the database refuses: the batch stores nothing and says why', async (t) => {
  const { db } = await openTestDatabase(t)
  const batch = { accounts: [account('alice', 2 ** 40)], posts: [post('https://piaille.fr/1', 'alice'), post('https://piaille.fr/2', 'alice')] }
  const failure = await db.transaction().execute((trx) => ingestBatch(trx, batch, [])).then(() => null, (error: unknown) => error as { code?: string; message: string })
  t.ok(failure, 'the batch is refused')
  t.equal(failure?.code, '22003', `the accounts statement's own error: ${failure?.message}`)
  const counts = await sql<{ accounts: number; posts: number }>`select (select count(*) from accounts)::int as accounts, (select count(*) from posts)::int as posts`.execute(db)
  t.same(counts.rows[0], { accounts: 0, posts: 0 }, 'nothing stored, the posts neither')

  await db.transaction().execute((trx) => ingestBatch(trx, { ...batch, accounts: [account('alice', 12)] }, []))
  const after = await sql<{ posts: number }>`select count(*)::int as posts from posts`.execute(db)
  t.equal(after.rows[0].posts, 2, 'the same batch, corrected, is stored')
})
