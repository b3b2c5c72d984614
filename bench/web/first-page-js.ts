// JavaScript a browser downloads before the web app's first page shows, from the built web/dist:
// the entry script of index.html and the modules it preloads, raw and gzip-compressed (level 6,
// what a reverse proxy typically sends; Relais itself serves the files uncompressed). The map's
// chunk must not be among them. Run: npm run build:web && node --import tsx bench/web/first-page-js.ts
import { readFileSync, readdirSync } from 'node:fs'
import { join } from 'node:path'
import { gzipSync } from 'node:zlib'
import { DEFAULT_WEB_ROOT } from '../../src/api/plugins/web-app.ts'

const BUDGET_GZIP = 250 * 1024
const html = readFileSync(join(DEFAULT_WEB_ROOT, 'index.html'), 'utf8')
const firstPage = [...html.matchAll(/<(?:script[^>]+src|link[^>]+rel="modulepreload"[^>]+href)="\/assets\/([^"]+\.js)"/g)].map((m) => m[1])
const all = readdirSync(join(DEFAULT_WEB_ROOT, 'assets')).filter((f) => f.endsWith('.js'))
const size = (file: string) => {
  const bytes = readFileSync(join(DEFAULT_WEB_ROOT, 'assets', file))
  return { raw: bytes.length, gzip: gzipSync(bytes, { level: 6 }).length }
}
let raw = 0
let gzip = 0
for (const file of firstPage) {
  const s = size(file)
  raw += s.raw
  gzip += s.gzip
  console.log(`first page  ${file.padEnd(32)} ${(s.raw / 1024).toFixed(1).padStart(7)} kB raw ${(s.gzip / 1024).toFixed(1).padStart(6)} kB gzip`)
}
for (const file of all.filter((f) => !firstPage.includes(f))) {
  const s = size(file)
  console.log(`on demand   ${file.padEnd(32)} ${(s.raw / 1024).toFixed(1).padStart(7)} kB raw ${(s.gzip / 1024).toFixed(1).padStart(6)} kB gzip`)
}
const mapUpFront = firstPage.some((f) => f.startsWith('topic-map'))
console.log(`\nbefore the first page: ${(raw / 1024).toFixed(1)} kB raw, ${(gzip / 1024).toFixed(1)} kB gzip (budget ${BUDGET_GZIP / 1024} kB gzip: ${(gzip / BUDGET_GZIP * 100).toFixed(0)}% of it)`)
console.log(`the map's code loaded up front: ${mapUpFront ? 'YES (over the rule)' : 'no (only on the map page)'}`)
