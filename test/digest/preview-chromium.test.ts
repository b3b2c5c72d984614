import t from 'tap'
import { existsSync, mkdtempSync, writeFileSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { buildApp } from '../../src/api/app.ts'
import { CHROMIUM_PATH, renderInChromium } from '../../tools/digest-screenshot/render-in-chromium.ts'
import { createMetrics } from '../../src/platform/observability/metrics.ts'
import { createApiKey } from '../../src/tenancy/workspaces/service.ts'
import { fileDatabase } from '../helpers/app.ts'
import { collectedTopic, digestSandbox } from './fixtures/sandbox-topic.ts'

const skip = existsSync(CHROMIUM_PATH) ? false : `Chromium is not installed at ${CHROMIUM_PATH} (apt-get install chromium)`

t.test('the preview renders in headless Chromium without errors, fits a phone and is photographed', { skip }, async (t) => {
  const { db } = await fileDatabase()
  // The sandbox ends now, so the preview (the seven days up to now) has a full week to show.
  const now = new Date(Math.floor(Date.now() / 3_600_000) * 3_600_000)
  const { workspaceId, topicId } = await collectedTopic(db, digestSandbox(now), [new Date(now.getTime() - 7 * 86_400_000), now])
  const app = await buildApp({ db, metrics: createMetrics(), bodyLimit: 1 << 20, rateLimitPerMinute: 1000 })
  t.teardown(() => app.close())
  const key = (await createApiKey(db, workspaceId, ['write'])).key
  const headers = { authorization: `Bearer ${key}` }
  const sub = await app.inject({ method: 'POST', url: '/v1/digests', headers, payload: { topicId, recipients: ['team@relais.test'], language: 'fr', timeZone: 'Europe/Paris' } })
  t.equal(sub.statusCode, 201)
  const preview = await app.inject({ method: 'GET', url: `/v1/digests/${sub.json().id}/preview`, headers })
  t.equal(preview.statusCode, 200)

  const outDir = mkdtempSync(join(tmpdir(), 'relais-digest-'))
  for (const width of [375, 800]) {
    const rendering = await renderInChromium(preview.body, { width })
    t.same(rendering.problems, [], `no console error at ${width} px`)
    t.same(rendering.requests, [], 'the email loads nothing from the network')
    t.ok(rendering.scrollWidth <= width, `no sideways scrolling at ${width} px (page ${rendering.scrollWidth} px)`)
    t.match(rendering.text, 'La semaine en chiffres')
    t.match(rendering.text, 'Principaux influenceurs')
    t.equal(rendering.screenshot.subarray(1, 4).toString('latin1'), 'PNG', 'a PNG screenshot')
    t.ok(rendering.screenshot.length > 10_000, `screenshot of ${rendering.screenshot.length} bytes`)
    writeFileSync(join(outDir, `digest-${width}.png`), rendering.screenshot)
  }
  t.comment(`screenshots in ${outDir}`)
})
