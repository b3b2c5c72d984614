import t from 'tap'
import { readdirSync, readFileSync } from 'node:fs'
import { join } from 'node:path'

// Every text the web app passes to t('…') as written has its French: a page never shows English
// to someone who chose French. (The dictionary modules read the browser's storage, so they are
// read here as text.)
const WEB_SRC = join(process.cwd(), 'web', 'src')
const unquote = (s: string) => s.replace(/\\'/g, '\'')

function sources(dir: string): string[] {
  return readdirSync(dir, { withFileTypes: true }).flatMap((e) => (e.isDirectory() ? sources(join(dir, e.name)) : /\.tsx?$/.test(e.name) && !e.name.endsWith('.d.ts') ? [join(dir, e.name)] : []))
}

t.test('every literal text of the web app has its French', async (t) => {
  const files = sources(WEB_SRC)
  const dictionary = files.filter((f) => /i18n/.test(f)).map((f) => readFileSync(f, 'utf8')).join('\n')
  const french = new Set([...dictionary.matchAll(/'((?:[^'\\]|\\.)*)':\s*'/g)].map((m) => unquote(m[1])))
  const used = new Set(files.filter((f) => !/i18n/.test(f)).flatMap((f) => [...readFileSync(f, 'utf8').matchAll(/\bt\('((?:[^'\\]|\\.)*)'\)/g)].map((m) => unquote(m[1]))))
  t.ok(used.size > 100, `the pages pass their texts through t() (${used.size} texts)`)
  t.same([...used].filter((text) => !french.has(text)), [], 'no text without its French')
})
