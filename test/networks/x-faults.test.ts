import t from 'tap'
import type { Checkpoint } from '../../src/pipeline/networks/connector.ts'
import { createXConnector, type XConnector } from '../../src/pipeline/networks/x/index.ts'
import { generateXSeed } from '../fakes/x/seed.ts'
import { startXFake } from '../fakes/x/server.ts'

const spec = { kind: 'query', q: '#rustlang' } as const
const noWait = async () => {}

async function collect(x: XConnector) {
  const ids: string[] = []
  let checkpoint: Checkpoint | null = null
  for (let done = false; !done; ) {
    const page = await x.searchPage(spec, checkpoint)
    ids.push(...page.posts.map((p) => p.externalId))
    checkpoint = page.checkpoint
    done = page.done
  }
  const follows: string[] = []
  for (const user of seed.users) {
    let cursor: string | null = null
    do {
      const page = await x.followersPage(user.id, cursor)
      follows.push(...page.follows.map((f) => `${f.followerExternalId}>${f.followeeExternalId}`))
      cursor = page.cursor
    } while (cursor !== null)
  }
  const profiles = await x.profiles(seed.users.map((u) => u.id))
  return { ids: ids.sort(), follows: follows.sort(), profiles }
}

const seed = generateXSeed(900)

t.test('with ~20% injected faults the collected set equals the fault-free set', async (t) => {
  const clean = await startXFake({ seed })
  t.teardown(clean.close)
  const options = { bearerToken: 'fake-bearer-token', sleep: noWait, timeoutMs: 400 }
  const reference = await collect(createXConnector({ ...options, baseUrl: clean.url }))
  t.ok(reference.ids.length > 800)
  t.equal(reference.follows.length, seed.follows.length)

  const seen = new Map<string, number>()
  for (const faultSeed of [1, 2, 3, 4, 5, 6]) {
    const faulty = await startXFake({ seed, faults: { seed: faultSeed, rate: 0.2 } })
    t.teardown(faulty.close)
    const got = await collect(createXConnector({ ...options, baseUrl: faulty.url }))
    t.same(got.ids, reference.ids, `fault seed ${faultSeed}: same posts`)
    t.equal(new Set(got.ids).size, got.ids.length, `fault seed ${faultSeed}: no duplicates`)
    t.same(got.follows, reference.follows, `fault seed ${faultSeed}: same follows`)
    t.same(got.profiles, reference.profiles, `fault seed ${faultSeed}: same profiles`)
    for (const [kind, count] of Object.entries(faulty.faults?.injected ?? {})) seen.set(kind, (seen.get(kind) ?? 0) + count)
  }
  t.comment(`faults injected: ${JSON.stringify(Object.fromEntries(seen))}`)
  t.ok([...seen.values()].every((n) => n > 0), 'every kind of fault happened at least once')
})
