import t from 'tap'
import { main } from '../../src/cli/main.ts'

// `--help` after any command prints its usage and exits 0, without opening the database or
// starting anything (serve would otherwise start listening).
t.test('every command answers --help with its usage', async (t) => {
  for (const command of ['serve', 'migrate', 'workspace', 'key', 'job', 'demo', 'import', 'export']) {
    const out: string[] = []
    const err: string[] = []
    const code = await main([command, '--help'], { out: (l) => out.push(l), err: (l) => err.push(l), interactive: false })
    t.equal(code, 0, `${command} --help exits 0`)
    t.match(out.join('\n'), new RegExp(`^Usage:\\n  relais ${command}\\b`), `${command} --help prints its usage`)
    t.same(err, [], `${command} --help prints no error`)
  }
})
