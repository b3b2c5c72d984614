import t from 'tap'
import type { Checkpoint, Connector } from '../../src/pipeline/networks/connector.ts'
import { createRedditConnector } from '../../src/pipeline/networks/reddit/index.ts'
import { generateRedditSeed } from '../fakes/reddit/seed.ts'
import { startRedditFake } from '../fakes/reddit/server.ts'

const spec = { kind: 'query', q: 'rustlang' } as const
const noWait = async () => {}

async function collectIds(connector: Connector): Promise<string[]> {
  const ids: string[] = []
  let checkpoint: Checkpoint | null = null
  for (let done = false; !done; ) {
    const page = await connector.searchPage(spec, checkpoint)
    ids.push(...page.posts.map((p) => p.externalId))
    checkpoint = page.checkpoint
    done = page.done
  }
  return ids
}

const seed = generateRedditSeed(1000)

t.test('with ~20% injected faults the collected set equals the fault-free set', async (t) => {
  const clean = await startRedditFake({ seed })
  t.teardown(clean.close)
  const options = { clientId: 'fake-client-id', clientSecret: 'fake-client-secret', sleep: noWait, timeoutMs: 400 }
  const reference = await collectIds(createRedditConnector({ ...options, baseUrl: clean.url, tokenUrl: `${clean.url}/api/v1/access_token` }))
  t.equal(reference.length, 1000)
  const everyone = seed.users.map((u) => `t2_${u.id}`)
  const referenceProfiles = await createRedditConnector({ ...options, baseUrl: clean.url, tokenUrl: `${clean.url}/api/v1/access_token` }).profiles(everyone)
  t.equal(referenceProfiles.length, seed.users.length)
  const seen = new Map<string, number>()

  for (const faultSeed of [1, 2, 3, 4, 5, 6]) {
    const faulty = await startRedditFake({ seed, faults: { seed: faultSeed, rate: 0.2 } })
    t.teardown(faulty.close)
    const connector = createRedditConnector({ ...options, baseUrl: faulty.url, tokenUrl: `${faulty.url}/api/v1/access_token` })
    const ids = await collectIds(connector)
    // Profiles go through the same retries.
    const profiles = await connector.profiles(everyone)
    t.same([...ids].sort(), [...reference].sort(), `fault seed ${faultSeed}: same posts`)
    t.equal(new Set(ids).size, ids.length, `fault seed ${faultSeed}: no duplicates`)
    t.same(profiles, referenceProfiles, `fault seed ${faultSeed}: same profiles`)
    for (const [kind, count] of Object.entries(faulty.faults?.injected ?? {})) seen.set(kind, (seen.get(kind) ?? 0) + count)
  }
  t.comment(`faults injected: ${JSON.stringify(Object.fromEntries(seen))}`)
  t.ok([...seen.values()].every((n) => n > 0), 'every kind of fault happened at least once')
})
