// Splits a byte stream into numbered lines in constant memory. A line longer than the limit is
// never held whole: its bytes past the limit are dropped as they arrive and the line is reported
// too long, so one runaway line cannot exhaust memory.

/** 1 MiB: far above any real record, far below what would hurt. */
export const MAX_LINE_BYTES = 1024 * 1024

export type RawLine =
  | { number: number; text: string }
  | { number: number; error: string }

export interface LineSource {
  /** Bytes consumed so far (for progress). */
  readonly bytesRead: number
  [Symbol.asyncIterator](): AsyncIterator<RawLine>
}

const NEWLINE = 0x0a
const utf8 = new TextDecoder('utf-8', { fatal: true })

export function readLines(chunks: AsyncIterable<Buffer | string>, maxBytes = MAX_LINE_BYTES): LineSource {
  let bytesRead = 0
  async function* lines(): AsyncGenerator<RawLine> {
    let parts: Buffer[] = []
    let size = 0
    let tooLong = false
    let number = 0
    const finish = (): RawLine => {
      number++
      const line = tooLong ? { number, error: `line too long (over ${maxBytes.toLocaleString('en-US')} bytes)` } : decode(number, parts, size)
      parts = []
      size = 0
      tooLong = false
      return line
    }
    for await (const chunk of chunks) {
      const buffer = typeof chunk === 'string' ? Buffer.from(chunk) : chunk
      bytesRead += buffer.length
      let start = 0
      for (;;) {
        const newline = buffer.indexOf(NEWLINE, start)
        const end = newline === -1 ? buffer.length : newline
        if (!tooLong && end > start) {
          if (size + (end - start) > maxBytes + 1) {
            // +1 leaves room for a CR before the newline; checked again after stripping it.
            tooLong = true
            parts = []
          } else {
            parts.push(buffer.subarray(start, end))
            size += end - start
          }
        }
        if (newline === -1) break
        yield finish()
        start = newline + 1
      }
    }
    if (size > 0 || tooLong) yield finish()
  }
  return {
    get bytesRead() { return bytesRead },
    [Symbol.asyncIterator]: () => lines(),
  }

  function decode(number: number, parts: Buffer[], size: number): RawLine {
    const bytes = parts.length === 1 ? parts[0] : Buffer.concat(parts, size)
    const length = bytes.length > 0 && bytes[bytes.length - 1] === 0x0d ? bytes.length - 1 : bytes.length
    if (length > maxBytes) return { number, error: `line too long (over ${maxBytes.toLocaleString('en-US')} bytes)` }
    try {
      return { number, text: utf8.decode(bytes.subarray(0, length)) }
    } catch {
      return { number, error: 'not valid UTF-8' }
    }
  }
}
