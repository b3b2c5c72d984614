import t from 'tap'
import { once } from 'node:events'
import { startCli } from '../helpers/run-cli.ts'

// The embedded database's own behaviour: the same with or without DATABASE_URL, so it runs once,
// in the suite without it.
const embeddedOnly = { skip: process.env.DATABASE_URL ? 'embedded database only (runs in the suite without DATABASE_URL)' : false }

t.test('relais demo collects and scores a simulated network offline, then serves it', embeddedOnly, async (t) => {
  const demo = startCli(['demo', '--accounts', '300'], { DATA_DIR: t.testdir(), DATABASE_URL: undefined, PORT: '0' })
  t.teardown(() => { demo.kill('SIGKILL') })
  let stdout = ''
  let stderr = ''
  demo.stdout!.on('data', (d) => (stdout += d))
  demo.stderr!.on('data', (d) => (stderr += d))
  const deadline = Date.now() + 280_000
  while (!/Ctrl-C stops the demo/.test(stdout)) {
    if (demo.exitCode !== null || Date.now() > deadline) {
      t.fail(`the demo did not come up:\n${stderr}\n${stdout}`)
      return
    }
    await new Promise((r) => setTimeout(r, 200))
  }
  t.match(stderr, /simulated network: nothing here is real/)
  t.match(stderr, /collect-mentions: succeeded/)
  t.match(stderr, /score: succeeded/)
  t.match(stdout, /simulated network/)
  const key = /API key\s+(\S+)/.exec(stdout)![1]
  const urls = [...stdout.matchAll(/topic\s+.+?: (\S+\/influencers)/g)].map((m) => m[1])
  t.equal(urls.length, 2, 'two topics, one French and one English')
  for (const url of urls) {
    const res = await fetch(`${url}?limit=10`, { headers: { authorization: `Bearer ${key}` } })
    t.equal(res.status, 200)
    const body = (await res.json()) as { items: { rank: number; account: { handle: string } }[]; computedAt: string | null }
    t.ok(body.items.length > 0, `${body.items.length} influencers ranked`)
    t.ok(body.computedAt)
    t.match(body.items[0].account.handle, /sandbox\.example$/, 'accounts are the sandbox\'s')
    const trends = await fetch(url.replace(/\/influencers$/, '/trends?window=3d&minScore=1'), { headers: { authorization: `Bearer ${key}` } })
    t.equal(trends.status, 200)
    const words = ((await trends.json()) as { networks: { terms: { value: string }[] }[] }).networks.flatMap((n) => n.terms.map((x) => x.value))
    t.ok(words.every((w) => /^[\p{L}\p{M}]{3,}$/u.test(w)), `trends read as words: ${words.slice(0, 12).join(', ')}`)
  }
  // Its Bluesky is read live from the sandbox's Jetstream: the source says it is being read.
  t.match(stdout, /live\s+new Bluesky posts reach the feed within seconds \(ws:\/\/127\.0\.0\.1:\d+\)/)
  const sourceUrl = urls[0].replace(/\/v1\/topics\/.*$/, '/v1/sources')
  let bluesky: { network: string; streaming: { enabled: boolean; reading: boolean } } | undefined
  for (const until = Date.now() + 30_000; !bluesky?.streaming.reading && Date.now() < until; await new Promise((r) => setTimeout(r, 200))) {
    const sources = (await (await fetch(sourceUrl, { headers: { authorization: `Bearer ${key}` } })).json()) as { items: NonNullable<typeof bluesky>[] }
    bluesky = sources.items.find((s) => s.network === 'bluesky')
  }
  t.same(bluesky?.streaming && { enabled: bluesky.streaming.enabled, reading: bluesky.streaming.reading }, { enabled: true, reading: true }, 'the demo\'s Bluesky source is read live')
  // The printed web app link signs a browser in to the demo workspace (its secret is in the fragment).
  const webApp = /^Web app: (\S+)$/m.exec(stdout)
  t.ok(webApp, 'a line of its own beginning "Web app:"')
  const link = new URL(webApp![1])
  t.equal(link.pathname, '/open')
  const opened = await fetch(new URL('/v1/session/links', link), { method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify({ token: link.hash.slice(1) }) })
  t.equal(opened.status, 200)
  const cookie = String(opened.headers.get('set-cookie')).split(';')[0]
  const topics = (await (await fetch(new URL('/v1/topics', link), { headers: { cookie } })).json()) as { items: unknown[] }
  t.equal(topics.items.length, 2, 'the visitor sees the demo\'s two topics')
  const page = await fetch(link)
  t.match(page.headers.get('content-type'), /text\/html/, 'the app answers at the link')
  demo.kill('SIGTERM')
  const [code] = await once(demo, 'exit')
  t.equal(code, 0, 'the demo stops cleanly')
})
