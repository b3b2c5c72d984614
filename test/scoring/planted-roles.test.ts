import t from 'tap'
import { scoreTopic } from '../../src/insight/scoring/index.ts'
import { bearer, buildTestApp } from '../helpers/app.ts'
import { importPlantedRoles } from '../helpers/planted-roles/load.ts'
import { atK, nmi } from '../helpers/planted-roles/metrics.ts'
import type { PlantedRolesOptions } from '../helpers/planted-roles/generate.ts'

// Planted block models brought in through the NDJSON import and read through the rankings API,
// as an outside check would: hubs lead influence, bridges lead relays, off-topic stars and
// spammers rank nowhere, communities are the planted blocks.
interface Item { rank: number; influence: number; relay: number; community: number; prospect: boolean; account: { handle: string; network: string }; components: { topicPosts: number } }

const CASES: [string, PlantedRolesOptions][] = [
  ['two networks, two blocks each', { seed: 1 }],
  ['one network, three blocks, sparser ties', { seed: 7, networks: ['mastodon'], blocksPerNetwork: 3, blockSize: 50, pIn: 0.1 }],
]

for (const [name, options] of CASES) {
  t.test(`planted roles: ${name}`, async (t) => {
    const { app, database, mine } = await buildTestApp(t)
    const planted = await importPlantedRoles(database.db, mine.id, options)
    await scoreTopic(database.db, planted.topicId, { now: planted.now })
    const list = async (ranking: string): Promise<Item[]> => {
      const res = await app.inject({ url: `/v1/topics/${planted.topicId}/${ranking}?limit=500`, headers: bearer(mine.read) })
      t.equal(res.statusCode, 200, `${ranking} answered`)
      return res.json().items
    }
    const roleOf = new Map(planted.accounts.map((a) => [a.handle, a]))
    const handles = (items: Item[]) => items.map((i) => i.account.handle)
    const withRole = (role: string) => new Set(planted.accounts.filter((a) => a.role === role).map((a) => a.handle))
    const influencers = await list('influencers')
    const relays = await list('relays')
    const prospects = await list('prospects')

    const hubs = withRole('hub')
    const bridges = withRole('bridge')
    t.equal(atK(handles(influencers), hubs, 10).recall, 1, `every hub in the influencers' top 10: ${handles(influencers).slice(0, 10).map((h) => roleOf.get(h)?.role)}`)
    t.equal(atK(handles(relays), bridges, 10).recall, 1, `every bridge in the relays' top 10: ${handles(relays).slice(0, 10).map((h) => roleOf.get(h)?.role)}`)
    for (const role of ['star', 'spammer']) {
      const planted = withRole(role)
      t.notOk(handles(influencers).slice(0, 20).some((h) => planted.has(h)), `no ${role} in the influencers' top 20`)
      t.notOk(handles(relays).slice(0, 20).some((h) => planted.has(h)), `no ${role} in the relays' top 20`)
      t.notOk(handles(prospects).some((h) => planted.has(h)), `no ${role} among prospects`)
    }
    t.ok(relays.slice(0, 10).every((i) => i.relay > 0), 'every top-10 relay passed something on')

    t.ok(prospects.length > 0, `${prospects.length} prospects`)
    t.same(prospects.map((p) => p.rank), prospects.map((_, i) => i + 1), 'prospects are ranked 1..n in their own list')
    t.ok(prospects.every((p) => p.components.topicPosts > 0 && p.prospect), 'every prospect posted on the topic')
    t.ok(prospects.every((p) => p.account.network === planted.brand.network), 'prospects are on the brand\'s network, where a tie could show')
    const followedByBrand = planted.accounts.filter((a) => a.role === 'hub' && a.block === 0).map((a) => a.handle)
    t.notOk(handles(prospects).some((h) => followedByBrand.includes(h)), 'the hubs the brand follows are not prospects')

    // Communities against the planted blocks, over the accounts that belong to one.
    const inBlocks = influencers.filter((i) => (roleOf.get(i.account.handle)?.block ?? -1) >= 0)
    const score = nmi(inBlocks.map((i) => i.community), inBlocks.map((i) => roleOf.get(i.account.handle)!.block))
    t.ok(score >= 0.8, `community NMI ${score.toFixed(3)} ≥ 0.8 over ${inBlocks.length} accounts`)
  })
}
