// Importing and using enrichment must print nothing on stdout: `relais` prints JSON there, and
// the `natural` package root prints a dotenv banner when loaded.
import { spawnSync } from 'node:child_process'
import { fileURLToPath } from 'node:url'
import t from 'tap'

const root = fileURLToPath(new URL('../..', import.meta.url))

t.test('importing the module and computing sentiment prints nothing on stdout', async (t) => {
  const script = [
    "const enrich = await import('./src/pipeline/ingest/enrich/index.ts')",
    "for (const lang of ['en', 'fr', 'es', 'de', 'it', 'pt', 'nl']) enrich.sentiment('good bon bueno gut buono bom goed', lang)",
    "enrich.enrichPost({ network: 'x', externalId: '1', authorExternalId: null, createdAt: new Date(), text: 'Great day #fun', lang: null, url: null, replyToExternalId: null, replyToAuthorExternalId: null, repostOfExternalId: null, quoteOfExternalId: null, likes: 0, reposts: 0, replies: 0, quotes: 0, hashtags: [], mentions: [], links: [] })",
    "process.stderr.write('done')",
  ].join('\n')
  const child = spawnSync(process.execPath, ['--import', 'tsx', '--input-type=module', '-e', script], {
    cwd: root,
    encoding: 'utf8',
    env: { ...process.env, DOTENV_CONFIG_QUIET: undefined },
  })
  t.equal(child.status, 0, child.stderr)
  t.match(child.stderr, /done/, 'the script ran to the end')
  t.equal(child.stdout, '', 'stdout is empty')
})
