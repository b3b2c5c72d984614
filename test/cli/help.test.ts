import t from 'tap'
import { readFileSync } from 'node:fs'
import { main } from '../../src/cli/main.ts'

async function run(argv: string[]) {
  const out: string[] = []
  const err: string[] = []
  const code = await main(argv, { out: (l) => out.push(l), err: (l) => err.push(l), interactive: false })
  return { code, out: out.join('\n'), err }
}

// The commands and their actions as `relais --help` lists them: "relais key create", "relais demo", …
async function listedCommands(): Promise<string[][]> {
  const lines = (await run(['--help'])).out.split('\n').slice(1).map((l) => l.trim())
  return lines.map((l) => l.split(/\s{2,}/)[0].split(' ').slice(1).filter((w, i) => i === 0 || (i === 1 && /^[a-z][a-z-]*$/.test(w))).slice(0, 2))
}

// `--help` after any command prints its usage and exits 0, without opening the database or
// starting anything (serve would otherwise start listening).
t.test('every command answers --help with its usage', async (t) => {
  const listed = await listedCommands()
  const commands = [...new Set(listed.map(([command]) => command))]
  t.ok(commands.length >= 11, `relais --help lists the commands (${commands.join(', ')})`)
  for (const command of commands) {
    const { code, out, err } = await run([command, '--help'])
    t.equal(code, 0, `${command} --help exits 0`)
    t.match(out, new RegExp(`^Usage:\\n  relais ${command}\\b`), `${command} --help prints its usage`)
    for (const [, action] of listed.filter(([c, a]) => c === command && a)) t.match(out, `relais ${command} ${action}`, `${command} --help names ${command} ${action}`)
    t.same(err, [], `${command} --help prints no error`)
  }
})

t.test('the README lists every command', async (t) => {
  const readme = readFileSync(new URL('../../README.md', import.meta.url), 'utf8')
  const table = readme.slice(readme.indexOf('## Commands'), readme.indexOf('\n## ', readme.indexOf('## Commands') + 1))
  for (const words of await listedCommands()) t.match(table, `| \`relais ${words.join(' ')}`, `README: relais ${words.join(' ')}`)
})
