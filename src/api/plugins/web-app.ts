import { existsSync, readFileSync } from 'node:fs'
import { dirname, join, resolve } from 'node:path'
import { fileURLToPath } from 'node:url'
import fastifyStatic from '@fastify/static'
import type { FastifyPluginAsync } from 'fastify'
import { AppError } from '../../platform/shared/errors.ts'
import { sendProblem } from './error-handler.ts'

/** web/dist beside the nearest package.json above this module (sources, or the build in dist/src/…). */
function findWebRoot(): string {
  let dir = dirname(fileURLToPath(import.meta.url))
  for (let parent = dirname(dir); parent !== dir; dir = parent, parent = dirname(dir)) {
    if (existsSync(join(dir, 'package.json'))) return join(dir, 'web', 'dist')
  }
  return resolve(dirname(fileURLToPath(import.meta.url)), '../../../web/dist')
}

export const DEFAULT_WEB_ROOT = findWebRoot()

// What the pages may load: only this origin (no CDN); the map's layout runs in a worker built
// from a blob; charts and the map draw on canvases. Nothing may frame the app.
const CONTENT_SECURITY_POLICY = [
  "default-src 'self'", "script-src 'self'", "style-src 'self' 'unsafe-inline'", "img-src 'self' data: blob:",
  "worker-src 'self' blob:", "connect-src 'self'", "frame-ancestors 'none'", "base-uri 'none'", "form-action 'self'",
].join('; ')

/** The app's own pages (src of truth: web/src/routes.ts); anything else answers a 404 problem. */
export const APP_SECTIONS = ['topics', 'accounts', 'sources', 'digests', 'webhooks', 'keys', 'jobs', 'members', 'sign-in', 'setup', 'invite', 'open', 'unsubscribe']
const APP_PATH = new RegExp(`^/((${APP_SECTIONS.join('|')})(/[A-Za-z0-9_-]+)*/?)?$`)

const NOT_BUILT = `<!doctype html><html lang="en"><meta charset="utf-8"><title>Relais</title>
<p>The web app is not built. Run <code>npm run build</code>, then restart. The API answers at <a href="/docs">/docs</a>.</p></html>`

/**
 * The web app at `/`: its assets under /assets/ (hashed names, cached for good) and its page for
 * every app path (/topics/{id}, /topics/{id}/map, …) so each can be bookmarked and shared.
 * Paths that are no page of the app answer a problem, as the API does.
 */
export const webAppPlugin: FastifyPluginAsync<{ root?: string | undefined }> = async (app, options) => {
  const root = options.root ?? DEFAULT_WEB_ROOT
  const indexFile = join(root, 'index.html')
  const page = existsSync(indexFile) ? readFileSync(indexFile, 'utf8') : NOT_BUILT
  if (existsSync(join(root, 'assets')))
    await app.register(fastifyStatic, { root: join(root, 'assets'), prefix: '/assets/', immutable: true, maxAge: '365d', index: false })

  app.get('/*', { schema: { hide: true } }, async (request, reply) => {
    const path = request.url.split('?')[0]
    if (!APP_PATH.test(path))
      return sendProblem(request, reply, new AppError('not_found', `No route ${request.method} ${path}.`))
    return reply
      .header('content-type', 'text/html; charset=utf-8')
      .header('cache-control', 'no-cache')
      .header('content-security-policy', CONTENT_SECURITY_POLICY)
      .header('x-content-type-options', 'nosniff')
      .header('referrer-policy', 'no-referrer')
      .send(page)
  })
}
