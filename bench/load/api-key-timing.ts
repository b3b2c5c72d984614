// How long checking a presented API key secret takes, by how much of the real secret it gets
// right: nothing, all but the last character, everything; and for secrets of other lengths. A
// check that compares fixed-length digests in constant time shows the same time for each (the
// figures differ by noise only). Prints ns per check and the ratio to the "nothing right" case.
//
//   node --import tsx bench/load/api-key-timing.ts [rounds]
import { generateApiKey, parseApiKey, secretMatches } from '../../src/tenancy/workspaces/api-key-secret.ts'

const rounds = Number(process.argv[2] ?? 200_000)
const { key, secretHash } = generateApiKey()
const secret = parseApiKey(key)!.secret
const flip = (c: string) => (c === 'A' ? 'B' : 'A')
const cases: Record<string, string> = {
  'nothing right': [...secret].map(flip).join(''),
  'first half right': secret.slice(0, 21) + [...secret.slice(21)].map(flip).join(''),
  'all but the last': secret.slice(0, -1) + flip(secret.at(-1)!),
  'the real secret': secret,
  'empty': '',
  '4 kB': 'x'.repeat(4096),
}

function nsPerCheck(presented: string): number {
  let matched = 0
  const started = process.hrtime.bigint()
  for (let i = 0; i < rounds; i++) if (secretMatches(presented, secretHash)) matched++
  const elapsed = Number(process.hrtime.bigint() - started)
  if (matched !== 0 && presented !== secret) throw new Error('a wrong secret matched')
  return elapsed / rounds
}

// Interleaved repeats, best of five, so a burst of noise on the machine does not land on one case.
const best = new Map<string, number>()
for (let repeat = 0; repeat < 5; repeat++) {
  for (const [name, presented] of Object.entries(cases)) best.set(name, Math.min(best.get(name) ?? Infinity, nsPerCheck(presented)))
}
const baseline = best.get('nothing right')!
console.log(`${rounds} checks per case, best of 5\n${'presented secret'.padEnd(20)} ${'ns/check'.padStart(9)} ${'ratio'.padStart(6)}`)
for (const [name, ns] of best) console.log(`${name.padEnd(20)} ${ns.toFixed(0).padStart(9)} ${(ns / baseline).toFixed(3).padStart(6)}`)
console.log('(the 4 kB case hashes more bytes: its extra time depends on the length presented, not on the secret)')
