// Creates an embedded database folder (argv[2]) and exits; run as a process of its own by
// create-data-folder.ts. Plain JavaScript, so it starts without a TypeScript loader.
import { PGlite } from '@electric-sql/pglite'
import { pgliteOptions } from './pglite-settings.js'

const pglite = await PGlite.create(process.argv[2], pgliteOptions)
await pglite.close()
