import t from 'tap'
import { generateSandbox, weeklySandboxNow, type SandboxData } from '../../src/simulation/sandbox/index.ts'

// The sandbox's network depends on where its days fall in the week: generated at two moments a
// minute apart it differs; generated at the week's sandbox moment of any clock it is one network.
const generate = (now: Date) => generateSandbox({ seed: 'weekly', accounts: 300, days: 7, now })
const relative = (d: SandboxData) => ({
  times: Array.from(d.posts.createdAt, (ms) => ms - d.now.getTime()),
  authors: Array.from(d.posts.author), parents: Array.from(d.posts.parent), topics: Array.from(d.posts.topic),
  follows: Array.from(d.follows.followee), bridges: d.truth.bridges, spike: d.truth.spike.start.getTime() - d.now.getTime(),
})

t.test('every clock of a week gets the same sandbox network', async (t) => {
  const monday = new Date('2026-12-07T13:00:00Z')
  const minuteLater = new Date(monday.getTime() + 60_000)
  t.notSame(relative(generate(minuteLater)), relative(generate(monday)), 'generated at the clocks themselves, a minute apart, the networks differ')
  const clocks = [monday, minuteLater, new Date('2026-12-13T23:59:00Z'), new Date('2027-03-02T08:30:00Z')]
  const nows = clocks.map(weeklySandboxNow)
  t.ok(nows.every((now, i) => now <= clocks[i] && clocks[i].getTime() - now.getTime() < 7 * 86_400_000), 'each moment lies within the week before its clock')
  t.equal(nows[1].getTime(), nows[0].getTime(), 'one moment for two clocks a minute apart')
  const reference = JSON.stringify(relative(generate(nows[0])))
  for (const now of nows.slice(2)) t.equal(JSON.stringify(relative(generate(now))), reference, `the network at ${now.toISOString()} is the one at ${nows[0].toISOString()}, shifted`)
})
