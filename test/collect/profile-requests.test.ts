import t from 'tap'
import { openTestDatabase } from '../helpers/database.ts'
import { listen, scheduledRun, TOPIC_WORDS } from '../helpers/bluesky-fidelity.ts'
import { listenOn } from '../helpers/network-fidelity.ts'
import { startRedditFake } from '../fakes/reddit/server.ts'
import { startFakeMastodon } from '../fakes/mastodon/index.ts'
import { TEST_SECRETS } from '../helpers/test-secrets.ts'
import { sealCredentials } from '../../src/platform/secrets/stored-secrets.ts'
import { toBase36, type RedditSeed } from '../fakes/reddit/seed.ts'

// Authors collected without their audience (Bluesky search results and Reddit listings carry no
// follower counts) get their profiles read in the same run. Those reads are requests to the
// network like any other: the run's stats count them, so what the stats add up to is what the
// network received.

/** The stats of a collect-mentions run that count requests to the network. */
const REQUEST_STATS = ['searchRequests', 'ownMentionRequests', 'refreshRequests', 'threadRequests', 'repostRequests', 'gapRequests', 'setupRequests', 'profileRequests', 'referenceRequests', 'logins']
const requestsIn = (stats: Record<string, unknown>) => REQUEST_STATS.reduce((sum, key) => sum + Number(stats[key] ?? 0), 0)

t.test('Bluesky: the getProfiles calls that fill authors are in the stats, which add up to what the server received', async (t) => {
  const database = await openTestDatabase(t)
  const { fake, workspaceId } = await listen(t, database)
  const run = await scheduledRun(database, workspaceId)
  t.equal(run.status, 'succeeded', run.error ?? '')
  const profileCalls = fake.requests.filter((r) => r.nsid === 'app.bsky.actor.getProfiles').length
  t.ok(profileCalls > 0, 'the authors\' profiles were read')
  t.equal(run.stats.profileRequests, profileCalls)
  t.equal(requestsIn(run.stats), fake.requests.length, 'every request the server received is in the stats')
})

t.test('Reddit: the name lookups and about pages that fill authors are in the stats, which add up to what the server received', async (t) => {
  const database = await openTestDatabase(t)
  const users = [0, 1, 2].map((i) => ({ id: toBase36(800_000 + i), name: `voix_${i}`, subscribers: 10 * i }))
  const seed: RedditSeed = {
    users,
    posts: TOPIC_WORDS.flatMap((word, w) => Array.from({ length: 4 }, (_, i) => ({
      id: toBase36(3_000_000_000 + w * 100 + i), subreddit: 'france', title: `Un avis sur le ${word}, numéro ${i}`,
      author: users[(i + w) % 3].name, createdUtc: Math.floor(Date.now() / 1000) - 60 * (1 + i * 10 + w), score: 1, numComments: 0,
    }))),
    comments: [],
  }
  const fake = await startRedditFake({ seed })
  t.teardown(() => fake.close())
  const { workspaceId } = await listenOn(database, { network: 'reddit', baseUrl: fake.url, settings: { tokenUrl: `${fake.url}/api/v1/access_token` }, credentials: { clientId: 'fake-client-id', clientSecret: 'fake-client-secret' } })
  const run = await scheduledRun(database, workspaceId)
  t.equal(run.status, 'succeeded', run.error ?? '')
  const profileCalls = fake.requests.filter((r) => r.path === '/api/user_data_by_account_ids' || /^\/user\/[^/]+\/about$/.test(r.path)).length
  t.equal(profileCalls, 1 + users.length, 'one name lookup, then one about page per author')
  t.equal(run.stats.profileRequests, profileCalls)
  t.equal(requestsIn(run.stats), fake.requests.length + fake.tokensIssued, 'every request the server received (the token request too) is in the stats')
})

t.test('Mastodon: the lookups of replied-to statuses and of whose the token is are in the stats, which add up to what the server received', async (t) => {
  const database = await openTestDatabase(t)
  const ago = (minutes: number) => new Date(Date.now() - minutes * 60_000).toISOString()
  const fake = await startFakeMastodon({
    accounts: [{ id: '1', username: 'alice' }, { id: '2', username: 'bob' }],
    tokenOwners: { 'alice-token': '1' },
    statuses: [
      // A status the tag timeline does not give, that a collected one answers: looked up to name it.
      { id: '10', accountId: '1', createdAt: ago(40), text: 'A new lane opens on Monday' },
      { id: '11', accountId: '2', createdAt: ago(30), text: 'Finally! #velo', inReplyToId: '10' },
      { id: '12', accountId: '2', createdAt: ago(20), text: 'Riding to work #velo' },
    ],
  })
  t.teardown(() => fake.close())
  const { workspaceId, topicIds } = await listenOn(database, { network: 'mastodon', baseUrl: fake.url, credentials: { accessToken: 'alice-token' } }, ['#velo'])
  // The brand's own account: its mentions are read from its notifications, once the token is known to be its own.
  await database.db.updateTable('topics').set({ own_accounts: { mastodon: [`alice@${fake.host}`] } }).where('id', '=', topicIds[0]).execute()
  const run = await scheduledRun(database, workspaceId)
  t.equal(run.status, 'succeeded', run.error ?? '')
  t.equal(fake.requests.filter((r) => r.path === '/api/v1/accounts/verify_credentials').length, 1, 'whose the token is was asked once')
  t.ok(Number(run.stats.referenceRequests) > 0, 'the replied-to status was looked up')
  t.equal(requestsIn(run.stats), fake.requests.length, 'every request the server received is in the stats')
})

t.test('Mastodon: a status another instance has no id for costs that source no request, and none is counted', async (t) => {
  const database = await openTestDatabase(t)
  const ago = (minutes: number) => new Date(Date.now() - minutes * 60_000).toISOString()
  const home = await startFakeMastodon({
    accounts: [{ id: '1', username: 'alice' }, { id: '2', username: 'bob' }],
    statuses: [
      { id: '10', accountId: '1', createdAt: ago(30), text: 'Riding to work #velo' },
      { id: '11', accountId: '2', createdAt: ago(20), text: 'Same here', inReplyToId: '10' },
    ],
  })
  t.teardown(() => home.close())
  // A second instance of the workspace, reached without a token: it cannot look the status up.
  const other = await startFakeMastodon({ accounts: [{ id: '1', username: 'carol' }] })
  t.teardown(() => other.close())
  // The other instance is the workspace's first source: its passes come first.
  const { workspaceId } = await listenOn(database, { network: 'mastodon', baseUrl: other.url, credentials: {} }, ['#velo'])
  await database.db.insertInto('sources').values({ workspace_id: workspaceId, name: 'mastodon 2', network: 'mastodon', base_url: home.url, settings: {}, credentials: sealCredentials(TEST_SECRETS, {}) }).execute()
  const run = await scheduledRun(database, workspaceId)
  t.equal(run.status, 'succeeded', run.error ?? '')
  t.equal(other.requests.filter((r) => r.path.includes('/context')).length, 0, 'the other instance was not asked for it')
  t.equal(requestsIn(run.stats), home.requests.length + other.requests.length, 'every request the servers received, and only those, is in the stats')
})
