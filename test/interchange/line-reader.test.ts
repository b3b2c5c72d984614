import t from 'tap'
import fc from 'fast-check'
import { readLines, type RawLine } from '../../src/pipeline/interchange/line-reader.ts'

async function collect(chunks: (Buffer | string)[], max?: number): Promise<RawLine[]> {
  const lines: RawLine[] = []
  for await (const line of readLines((async function* () { yield* chunks })(), max)) lines.push(line)
  return lines
}

t.test('lines are numbered from 1, across chunk boundaries, with or without a final newline', async (t) => {
  t.same(await collect(['ab', 'c\nde', 'f\n\nlast']), [
    { number: 1, text: 'abc' }, { number: 2, text: 'def' }, { number: 3, text: '' }, { number: 4, text: 'last' },
  ])
  t.same(await collect(['one\n']), [{ number: 1, text: 'one' }], 'no empty line invented after the final newline')
  t.same(await collect([]), [])
})

t.test('CRLF line ends and a leading byte-order mark are not part of the text', async (t) => {
  t.same(await collect(['\ufeffa\r\nb\r', '\n']), [{ number: 1, text: 'a' }, { number: 2, text: 'b' }])
})

t.test('a multi-byte character split between chunks is decoded whole; invalid UTF-8 is reported', async (t) => {
  const bytes = Buffer.from('vélo ✓\n')
  t.same(await collect([bytes.subarray(0, 2), bytes.subarray(2, 7), bytes.subarray(7)]), [{ number: 1, text: 'vélo ✓' }])
  t.same(await collect([Buffer.from([0x61, 0xff, 0x0a]), 'ok\n']), [{ number: 1, error: 'not valid UTF-8' }, { number: 2, text: 'ok' }])
})

t.test('a line over the limit is reported and skipped, and the next lines still come', async (t) => {
  const lines = await collect(['x'.repeat(6), 'y'.repeat(6), '\nshort\n', 'z'.repeat(11)], 10)
  t.same(lines, [{ number: 1, error: 'line too long (over 10 bytes)' }, { number: 2, text: 'short' }, { number: 3, error: 'line too long (over 10 bytes)' }])
  t.same(await collect(['0123456789\n0123456789\r\n'], 10), [{ number: 1, text: '0123456789' }, { number: 2, text: '0123456789' }], 'exactly at the limit is fine')
})

t.test('however the bytes are chunked, the lines are those of String.split', async (t) => {
  await fc.assert(fc.asyncProperty(fc.array(fc.string({ unit: 'grapheme', maxLength: 8 }), { maxLength: 12 }), fc.array(fc.nat(), { maxLength: 6 }), async (texts, cuts) => {
    const joined = texts.map((s) => s.replace(/[\r\n\ufeff]/g, '')).join('\n')
    const expected = joined === '' ? [] : joined.split('\n')
    if (expected.at(-1) === '') expected.pop()
    const whole = Buffer.from(joined)
    const points = [...new Set(cuts.map((c) => c % (whole.length + 1)))].sort((a, b) => a - b)
    const chunks = [0, ...points].map((p, i, all) => whole.subarray(p, all[i + 1] ?? whole.length))
    t.same(await collect(chunks), expected.map((text, i) => ({ number: i + 1, text })))
  }), { numRuns: 300 })
})
