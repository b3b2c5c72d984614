// API keys: stored only as a digest, looked up by their public part, and checked by comparing
// fixed-length digests, so how long a check takes says nothing about how much of a guessed secret
// was right. Timing itself is measured in bench/load/api-key-timing.ts (tests assert no timings);
// here: what the database holds, and that every wrong key, however close, is refused the same way.
import t from 'tap'
import fc from 'fast-check'
import { createHash } from 'node:crypto'
import { parseApiKey, secretMatches } from '../../src/tenancy/workspaces/api-key-secret.ts'
import { createApiKey, revokeApiKey } from '../../src/tenancy/workspaces/service.ts'
import { bearer, buildTestApp } from '../helpers/app.ts'

const sha256 = (text: string) => createHash('sha256').update(text).digest('hex')

t.test('a key is stored as the SHA-256 of its secret, never in clear', async (t) => {
  const { database, mine } = await buildTestApp(t)
  const { id, key } = await createApiKey(database.db, mine.id, ['read'], 'stored')
  const parsed = parseApiKey(key)!
  const row = await database.db.selectFrom('api_keys').selectAll().where('id', '=', id).executeTakeFirstOrThrow()
  t.equal(row.secret_hash, sha256(parsed.secret), 'the digest of the secret, computed independently')
  t.notMatch(JSON.stringify(row), parsed.secret, 'the secret itself is nowhere in the row')
  t.equal(row.public_id, parsed.publicId, 'the public part finds the row')
})

t.test('every wrong key, however close to a real one, is refused with the same answer', async (t) => {
  // Thousands of wrong keys from one address: the per-address throttle (its own test) is set aside.
  const { app, database, mine } = await buildTestApp(t, { authFailuresPerMinute: 1_000_000 })
  const revoked = await createApiKey(database.db, mine.id, ['read'])
  await revokeApiKey(database.db, revoked.key)
  const { publicId, secret } = parseApiKey(mine.read)!
  const alphabet = 'ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789-_'
  const other = (c: string) => alphabet[(alphabet.indexOf(c) + 1) % alphabet.length]
  const nearMisses = [
    `rls_${publicId}_${secret.slice(0, -1)}${other(secret.at(-1)!)}`, // last character wrong
    `rls_${publicId}_${other(secret[0])}${secret.slice(1)}`, // first character wrong
    `rls_${publicId}_${[...secret].map(other).join('')}`, // every character wrong
    `rls_${publicId}_${secret.slice(0, -1)}`, // one character short
    `rls_${publicId}_${secret}A`, // one too many
    `rls_${publicId.slice(0, -1)}${publicId.at(-1) === '0' ? '1' : '0'}_${secret}`, // right secret, another key's id
    revoked.key,
    mine.read.toUpperCase(),
  ]
  const answers = []
  for (const key of nearMisses) {
    const res = await app.inject({ url: '/v1/topics', headers: bearer(key) })
    const { requestId: _ignored, ...problem } = res.json() as Record<string, unknown>
    answers.push({ status: res.statusCode, authenticate: res.headers['www-authenticate'], problem: JSON.stringify(problem) })
  }
  t.ok(answers.every((a) => a.status === 401), 'all refused with 401')
  t.equal(new Set(answers.map((a) => JSON.stringify(a))).size, 1, 'with one and the same answer: nothing tells which part was right')
  t.equal((await app.inject({ url: '/v1/topics', headers: bearer(mine.read) })).statusCode, 200, 'while the real key works')

  await t.resolves(fc.assert(fc.asyncProperty(fc.nat(secret.length - 1), fc.constantFrom(...alphabet), async (position, c) => {
    const guess = `rls_${publicId}_${secret.slice(0, position)}${c}${secret.slice(position + 1)}`
    const res = await app.inject({ url: '/v1/topics', headers: bearer(guess) })
    return res.statusCode === (guess === mine.read ? 200 : 401)
  }), { numRuns: 60, seed: 11 }), 'any one-character change of the secret is refused')
})

t.test('the check compares fixed-length digests, whatever the length of the secret presented', async (t) => {
  const stored = sha256('the-real-secret-of-43-characters-abcdefghij')
  t.doesNotThrow(() => fc.assert(fc.property(fc.string({ maxLength: 500 }), (presented) => {
    // Same answer as comparing the digests, for any length: no early exit on a length mismatch.
    return secretMatches(presented, stored) === (sha256(presented) === stored)
  }), { numRuns: 500, seed: 3 }), 'any presented secret, of any length, is judged by its digest alone')
  t.equal(secretMatches('the-real-secret-of-43-characters-abcdefghij', stored), true, 'the right secret matches')
  t.equal(secretMatches('anything', 'not-a-hex-digest'), false, 'a damaged stored digest refuses, without throwing')
})
