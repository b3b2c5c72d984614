// Accounts seen again: what is known is kept, what changed is refreshed, and every id is returned.
import t from 'tap'
import { sql } from 'kysely'
import type { NormalizedAccount } from '../../src/pipeline/networks/model.ts'
import { accountKey, stubAccount, upsertAccounts } from '../../src/pipeline/ingest/upsert-accounts.ts'
import { openTestDatabase } from '../helpers/database.ts'

const profile = (externalId: string, followers: number | null, displayName: string | null = `Name ${externalId}`): NormalizedAccount => ({
  network: 'mastodon', externalId, handle: `${externalId}@piaille.fr`, displayName, bio: 'Vélo et ville', url: `https://piaille.fr/@${externalId}`,
  followersCount: followers, followingCount: followers === null ? null : 10, postsCount: followers === null ? null : 5,
})

t.test('re-seen accounts keep what is known and refresh what changed', async (t) => {
  const { db } = await openTestDatabase(t)
  const rows = async () =>
    (await sql<{ external_id: string; handle: string; display_name: string | null; followers_count: number | null }>`
      select external_id, handle, display_name, followers_count from accounts order by external_id`.execute(db)).rows

  const first = await upsertAccounts(db, [profile('alice', 100), profile('bob', 7)])
  t.equal(first.size, 2)

  // A list view without counts, a stub naming alice by id only, bob unchanged, carol new.
  const again = await upsertAccounts(db, [profile('alice', null, null), stubAccount('mastodon', 'alice'), profile('bob', 7), profile('carol', 3)])
  t.same([...again.keys()].sort(), ['alice', 'bob', 'carol'].map((id) => accountKey('mastodon', id)), 'every account has its id')
  t.equal(again.get(accountKey('mastodon', 'alice')), first.get(accountKey('mastodon', 'alice')), 'the same id as before')
  const after = await rows()
  t.match(after[0], { external_id: 'alice', handle: 'alice@piaille.fr', display_name: 'Name alice', followers_count: 100 }, 'unknown values do not erase known ones')
  t.equal(after[2].external_id, 'carol')

  await upsertAccounts(db, [profile('bob', 8)])
  const bob = (await rows())[1]
  t.equal(bob.followers_count, 8, 'a changed count is refreshed')
})
