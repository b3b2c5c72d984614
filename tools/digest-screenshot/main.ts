// Renders a digest of the simulated network and takes its picture in headless Chromium, for people
// to look at:   node --import tsx tools/digest-screenshot/main.ts [out.png] [--lang fr] [--width 390]
// Writes the PNG and, next to it, the HTML. Needs Chromium at /usr/bin/chromium.
import { writeFileSync } from 'node:fs'
import { parseArgs } from 'node:util'
import { renderInChromium } from './render-in-chromium.ts'
import { sandboxDigest } from './sandbox-digest.ts'

const { values, positionals } = parseArgs({ allowPositionals: true, options: { lang: { type: 'string', default: 'en' }, width: { type: 'string', default: '390' } } })
const out = positionals[0] ?? 'digest-preview.png'
const language = values.lang === 'fr' ? 'fr' : 'en'
const digest = await sandboxDigest({ language })
const rendering = await renderInChromium(digest.html, { width: Number(values.width) })
writeFileSync(out, rendering.screenshot)
writeFileSync(out.replace(/\.png$/i, '') + '.html', digest.html)
process.stderr.write(`${digest.subject}\nWrote ${out} (${rendering.viewportWidth} px wide; page ${rendering.scrollWidth} px)\n`)
if (rendering.problems.length || rendering.requests.length) {
  process.stderr.write(`Problems: ${[...rendering.problems, ...rendering.requests.map((r) => `request ${r}`)].join('; ')}\n`)
  process.exitCode = 1
}
