// Reads TAP 14 output files and prints "N passed, N failed, N skipped" over the leaf assertions of
// all of them. A result line is a leaf unless it closes a subtest (then the line before it is the
// subtest's body, indented deeper). Exits 1 when anything failed, a run did not finish, or
// nothing ran.
import { readFileSync } from 'node:fs'

let passed = 0
let failed = 0
let skipped = 0
for (const file of process.argv.slice(2)) {
  let lines = []
  try { lines = readFileSync(file, 'utf8').split('\n') } catch { failed++; continue }
  let previousIndent = 0
  for (const line of lines) {
    if (!line.trim()) continue
    const indent = line.length - line.trimStart().length
    const result = /^\s*(not )?ok \d+/.exec(line)
    if (result && indent >= previousIndent) {
      if (/# (SKIP|TODO)/i.test(line)) skipped++
      else if (result[1]) failed++
      else passed++
    }
    previousIndent = indent
  }
  if (!lines.some((l) => /^# \{ total:/.test(l))) failed++ // the run did not finish
}
console.log(`${passed} passed, ${failed} failed, ${skipped} skipped`)
process.exit(failed === 0 && passed > 0 ? 0 : 1)
