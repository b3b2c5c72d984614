// Replies stored before the post they answer get their edge when that post, or its author,
// arrives in a later batch — and only once.
import t from 'tap'
import { sql } from 'kysely'
import { ingestBatch } from '../../src/pipeline/ingest/ingest-batch.ts'
import type { NormalizedAccount, NormalizedPost } from '../../src/pipeline/networks/model.ts'
import { openTestDatabase } from '../helpers/database.ts'

const account = (externalId: string): NormalizedAccount => ({
  network: 'mastodon', externalId, handle: `${externalId}@piaille.fr`, displayName: null, bio: null, url: null, followersCount: null, followingCount: null, postsCount: null,
})
const post = (externalId: string, author: string | null, replyTo: string | null = null): NormalizedPost => ({
  network: 'mastodon', externalId, authorExternalId: author, createdAt: new Date('2026-11-20T10:00:00Z'), text: 'Piste cyclable fermée ce matin', lang: 'fr', url: null,
  replyToExternalId: replyTo, replyToAuthorExternalId: null, repostOfExternalId: null, quoteOfExternalId: null,
  likes: 0, reposts: 0, replies: 0, quotes: 0, hashtags: [], mentions: [], links: [],
})

t.test('a reply waits for its parent, or for the parent\'s author, to draw its edge', async (t) => {
  const { db } = await openTestDatabase(t)
  const ingest = (posts: NormalizedPost[], accounts: NormalizedAccount[]) => db.transaction().execute((trx) => ingestBatch(trx, { posts, accounts }, []))
  const edges = async () =>
    (await sql<{ edge: string }>`
      select s.external_id || ' ' || i.kind || ' ' || d.external_id || ' on ' || p.external_id as edge
      from interactions i join accounts s on s.id = i.source_id join accounts d on d.id = i.target_id join posts p on p.id = i.post_id
      order by 1`.execute(db)).rows.map((r) => r.edge)

  await ingest([post('r1', 'bob', 'p1'), post('r2', 'carol', 'q1')], [account('bob'), account('carol')])
  t.same(await edges(), [], 'parents unknown: no edge yet')

  await ingest([post('p1', 'alice')], [account('alice')])
  t.same(await edges(), ['bob reply alice on r1'], 'a new parent with its author draws its children\'s edges')

  await ingest([post('q1', null)], [])
  t.same(await edges(), ['bob reply alice on r1'], 'a parent without an author: still nothing to point at')

  await ingest([post('q1', 'dave')], [account('dave')])
  t.same(await edges(), ['bob reply alice on r1', 'carol reply dave on r2'], 'a parent seen again, now with its author: the edge is drawn')

  await ingest([post('q1', 'dave'), post('p1', 'alice')], [account('dave'), account('alice')])
  t.same(await edges(), ['bob reply alice on r1', 'carol reply dave on r2'], 'seen once more: no duplicate')
})
