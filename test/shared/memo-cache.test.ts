import t from 'tap'
import { createMemoCache } from '../../src/platform/shared/memo-cache.ts'

t.test('the memo cache is bounded by entries and bytes, shares a computation in flight, and forgets failures', async (t) => {
  const pages = createMemoCache<Buffer>({ maxEntries: 2, maxBytes: 10, sizeOf: (page) => page.length })
  let renders = 0
  const render = (text: string) => async () => { renders++; return Buffer.from(text) }
  const [a1, a2] = await Promise.all([pages.get('a', render('aaaa')), pages.get('a', render('aaaa'))])
  t.equal(renders, 1, 'two requests at once, one computation')
  t.equal(a1.toString(), 'aaaa')
  t.equal(a2, a1)
  await pages.get('b', render('bbbb'))
  t.equal(pages.bytes, 8)
  await pages.get('a', render('aaaa'))
  t.equal(renders, 2, 'a hit computes nothing')
  await pages.get('c', render('cccc'))
  t.equal(pages.size, 2, 'at most two entries, and 12 bytes would be over 10')
  await pages.get('b', render('bbbb'))
  t.equal(renders, 4, 'the least recently used entry (b) was dropped and is computed again')
  await pages.get('big', render('x'.repeat(11)))
  t.equal(pages.size, 2, 'a value over the byte budget is served but not kept')
  await t.rejects(pages.get('bad', async () => { throw new Error('database down') }))
  t.equal((await pages.get('bad', render('ok'))).toString(), 'ok', 'a failed computation is retried')
})
