import type { Progress } from '../tenancy/job-runs/job.ts'

/**
 * A one-line progress bar on a terminal (redrawn in place), or a plain line every few seconds
 * when the output is a file or a pipe.
 */
export function progressReporter(write: (text: string) => void, interactive: boolean) {
  let lastPlain = 0
  const started = Date.now()
  return {
    update(p: Progress) {
      const elapsed = ((Date.now() - started) / 1000).toFixed(0)
      const share = p.total ? Math.min(1, p.done / p.total) : null
      const count = p.total ? `${p.done}/${p.total}` : `${p.done}`
      if (interactive) {
        const width = 24
        const filled = share === null ? 0 : Math.round(share * width)
        const bar = share === null ? '' : `[${'#'.repeat(filled)}${'-'.repeat(width - filled)}] `
        write(`\r\x1b[2K${bar}${count} ${p.label ?? ''} (${elapsed}s)`)
      } else if (Date.now() - lastPlain > 5000) {
        lastPlain = Date.now()
        write(`progress: ${count}${p.label ? ` · ${p.label}` : ''} (${elapsed}s)\n`)
      }
    },
    finish() {
      if (interactive) write('\r\x1b[2K')
    },
  }
}
