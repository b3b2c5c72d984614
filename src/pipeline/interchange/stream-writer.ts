import type { Writable } from 'node:stream'

/**
 * Writes text to a stream, waiting whenever the stream asks to (backpressure), so a slow reader
 * (a pipe, a disk) holds the producer back instead of the text piling up in memory. A stream
 * error (EPIPE when the reader went away) is raised at the next write.
 */
export function streamWriter(out: Writable) {
  let failure: Error | null = null
  const onError = (error: Error) => { failure ??= error }
  out.on('error', onError)
  return {
    async write(text: string): Promise<void> {
      if (failure) throw failure
      if (out.write(text)) return
      await new Promise<void>((resolve, reject) => {
        const done = (error?: Error) => {
          out.off('drain', done)
          out.off('error', done)
          out.off('close', done)
          if (error ?? failure) reject(error ?? failure)
          else resolve()
        }
        out.on('drain', done)
        out.on('error', done)
        out.on('close', done)
      })
    },
    release(): void {
      out.off('error', onError)
    },
  }
}
