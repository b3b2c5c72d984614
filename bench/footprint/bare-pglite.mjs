// The floor: PGlite alone in a Node process, with its defaults, in the folder given (created when
// missing), nothing else loaded. Prints "ready" once it answers a query, then waits to be killed.
// Plain JavaScript so no TypeScript loader adds to what is measured.
import { PGlite } from '@electric-sql/pglite'

const pglite = await PGlite.create(process.argv[2])
await pglite.query('select 1')
process.stdout.write('ready\n')
setInterval(() => {}, 60_000)
