import t from 'tap'
import { createRequire } from 'node:module'
import { sql } from 'kysely'
import { LANGUAGE_PACKS } from '../../src/simulation/sandbox/content/languages.ts'
import { createApiKey } from '../../src/tenancy/workspaces/service.ts'
import { collectedTopic, digestSandbox } from '../digest/fixtures/sandbox-topic.ts'
import { bearer, buildTestApp } from '../helpers/app.ts'

const HOUR = 3_600_000
const stopwords = createRequire(import.meta.url)('stopwords-iso/stopwords-iso.json') as Record<string, string[]>

t.test('on the sandbox, trends read as words people wrote, and the planted incident rises', async (t) => {
  const ctx = await buildTestApp(t)
  const data = digestSandbox()
  const { workspaceId, topicId } = await collectedTopic(ctx.database.db, data, [])
  const { key } = await createApiKey(ctx.database.db, workspaceId, ['read'])
  const { rows } = await sql<{ text: string }>`select p.text from topic_posts tp join posts p on p.id = tp.post_id where tp.topic_id = ${topicId}`.execute(ctx.database.db)
  const written = rows.map((r) => r.text.toLowerCase())
  // The lists of the sandbox's languages (a Catalan stopword such as "ans" is a French noun).
  const allStopwords = new Set(['fr', 'en', 'es', 'de'].flatMap((l) => stopwords[l]).map((w) => w.toLowerCase()))

  // The incident day: its own window, ending at the hour after it.
  const spike = data.truth.spike
  const end = new Date(Math.ceil(spike.end.getTime() / HOUR) * HOUR)
  const hours = Math.round((end.getTime() - spike.start.getTime()) / HOUR)
  const windows = [`until=${end.toISOString()}&window=${hours}h`, `until=${end.toISOString()}&window=7d`, `until=${new Date(end.getTime() + 24 * HOUR).toISOString()}&window=3d`]
  const incidentWords = new Set(LANGUAGE_PACKS.fr.topics.incident.subjects.flatMap((s) => s.toLowerCase().split(/[\s']+/)))
  let incidentInTop5 = false
  let shown = 0
  for (const [i, query] of windows.entries()) {
    const res = await ctx.app.inject({ url: `/v1/topics/${topicId}/trends?${query}&minScore=1&limit=20`, headers: bearer(key) })
    t.equal(res.statusCode, 200)
    for (const n of res.json().networks as { network: string; terms: { value: string }[]; hashtags: { value: string }[] }[]) {
      for (const { value } of [...n.terms, ...n.hashtags]) {
        shown++
        t.match(value, /^[\p{L}\p{M}]{3,}$/u, `"${value}" is a word (${n.network}, ${query})`)
        t.ok(written.some((text) => text.includes(value.toLowerCase())), `"${value}" is written so in a post`)
      }
      for (const { value } of n.terms) t.notOk(allStopwords.has(value.toLowerCase()), `"${value}" is no stopword`)
      if (i === 0 && n.terms.slice(0, 5).some((x) => incidentWords.has(x.value.toLowerCase()))) incidentInTop5 = true
    }
  }
  t.ok(shown > 0, `${shown} trends shown`)
  t.ok(incidentInTop5, 'a word of the planted incident is in the top 5 of its day')
})
