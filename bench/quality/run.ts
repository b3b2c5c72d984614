// bench/quality: how well scoring finds what was planted, on two unrelated simulators.
//   node --import tsx bench/quality/run.ts [--accounts 2000] [--seeds 1,2,3] [--skip-sandbox]
// Prints precision and recall at 10 per role (hubs among influencers, bridges among relays,
// off-topic stars and spammers in either; the influencers' recall also among the planted accounts
// whose on-topic posts the topic collected, since its query and languages may leave some out), NMI
// of communities against the planted ones (also among the accounts whose follow lists were
// collected, whose ties are seen), and the Spearman correlation between follower counts and
// influence among the top 100.
import { parseArgs } from 'node:util'
import { openDatabase } from '../../src/platform/db/database.ts'
import { migrateToLatest } from '../../src/platform/db/migrator.ts'
import { measureBlockModel } from './block-model.ts'
import { measureSandbox } from './sandbox.ts'

const { values } = parseArgs({ options: { accounts: { type: 'string', default: '2000' }, seeds: { type: 'string', default: '1,2,3' }, 'skip-sandbox': { type: 'boolean', default: false } } })
const database = await openDatabase({ url: process.env.DATABASE_URL, dataDir: ':memory:', command: 'bench quality' })
await migrateToLatest(database.db)

type Result = Awaited<ReturnType<typeof measureBlockModel>>
const fixed = (x: number) => x.toFixed(2)
function print(name: string, r: Result) {
  console.log(`\n${name}: ${r.accounts} accounts scored, ${r.prospects} prospects`)
  for (const [role, m] of Object.entries(r.roles)) {
    console.log(`  ${role.padEnd(8)} planted ${String(m.planted).padStart(2)} (on the topic ${m.onTopic})  influencers P@10 ${fixed(m.influencers.precision)} R@10 ${fixed(m.influencers.recall)} (of those on the topic ${fixed(m.influencersOnTopic.recall)})  relays P@10 ${fixed(m.relays.precision)} R@10 ${fixed(m.relays.recall)}  in top 20 (infl/relay) ${m.inInfluencersTop20}/${m.inRelaysTop20}  prospects ${m.prospects}  relay ranks ${m.relayRanks.slice(0, 8).join(',')}`)
  }
  console.log(`  communities NMI ${r.nmi.toFixed(3)} over ${r.nmiAccounts} accounts (${r.nmiObserved === null ? 'no follow list collected' : `${r.nmiObserved.toFixed(3)} over the ${r.nmiObservedAccounts} whose follow lists were collected`}); Spearman(followers, influence) top 100 ${r.spearmanFollowersInfluence.toFixed(3)}; top-10 relays with zero amplification ${r.relaysTop10ZeroAmplification}`)
}

try {
  for (const seed of values.seeds.split(',').map(Number)) {
    print(`block model, seed ${seed} (2 networks × 2 blocks of 40)`, await measureBlockModel(database.db, { seed }))
    print(`block model, seed ${seed} (1 network × 3 blocks of 50, pIn 0.1)`, await measureBlockModel(database.db, { seed: seed + 100, networks: ['mastodon'], blocksPerNetwork: 3, blockSize: 50, pIn: 0.1 }))
  }
  if (!values['skip-sandbox']) {
    const started = Date.now()
    const sandbox = await measureSandbox(database.db, Number(values.accounts))
    for (const [topic, r] of Object.entries(sandbox)) print(`sandbox (relais demo, ${values.accounts} accounts), topic ${topic}`, r)
    console.log(`\n(sandbox collected and scored in ${((Date.now() - started) / 1000).toFixed(0)} s; it plants hubs and bridges only: no off-topic star or spammer)`)
  }
} finally {
  await database.close()
}
