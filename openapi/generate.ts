// Writes openapi/openapi.json from the routes. Run with `npm run openapi` after changing a route;
// a test fails while the committed file is stale.
import { writeFileSync } from 'node:fs'
import { fileURLToPath } from 'node:url'
import { renderOpenApiDocument } from './document.ts'

const target = fileURLToPath(new URL('./openapi.json', import.meta.url))
writeFileSync(target, await renderOpenApiDocument())
process.stderr.write(`Wrote ${target}\n`)
