// A sandbox on the live clock: its time follows the wall clock from its present, and the posts
// created meanwhile exist once it does.
import t from 'tap'
import { SandboxView } from '../../src/simulation/sandbox/server/sandbox-view.ts'
import { startLiveClock } from '../../src/simulation/sandbox/server/live-clock.ts'
import { smallSandbox } from './fixtures/sandbox-server.ts'

t.test('sandbox time passes with the wall clock, revealing the posts of the time passed', async (t) => {
  const data = smallSandbox()
  const view = new SandboxView(data)
  let wall = 1_000_000
  const stop = startLiveClock(view, () => wall)
  t.teardown(stop)
  const start = view.now.getTime()
  const before = view.visibleCount
  wall += 90 * 60_000
  const deadline = Date.now() + 10_000
  while (view.now.getTime() < start + 90 * 60_000 && Date.now() < deadline) await new Promise((resolve) => setTimeout(resolve, 20))
  t.equal(Math.round(view.now.getTime() - start), 90 * 60_000, 'ninety minutes later on the wall, ninety minutes later in the sandbox')
  let created = 0
  for (let i = 0; i < data.posts.count; i++) if (data.posts.createdAt[i] > start && data.posts.createdAt[i] <= start + 90 * 60_000) created++
  t.ok(created > 0, `${created} posts were created in those ninety minutes`)
  t.equal(view.visibleCount, before + created, 'and now exist')
  stop()
  wall += 60 * 60_000
  await new Promise((resolve) => setTimeout(resolve, 500))
  t.equal(Math.round(view.now.getTime() - start), 90 * 60_000, 'a stopped clock moves no more')
})
