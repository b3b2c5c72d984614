// How PGlite is started, shared by the thread that serves queries and the process that creates a
// data folder. Plain JavaScript: both run without a TypeScript loader.
import { PGlite } from '@electric-sql/pglite'

const INT8_OID = 20

// Settings for a small service rather than PostgreSQL's defaults. PGlite's shared memory lives
// in its WebAssembly heap and is touched at start, so shared_buffers counts in full in resident
// memory: 128MB (the default) holds ~310 MiB at rest, 32MB ~180 MiB (bench/footprint). Pages
// beyond it are still cached by the operating system. maintenance_work_mem bounds index builds.
const SETTINGS = ['shared_buffers=32MB', 'maintenance_work_mem=32MB']

/** PGlite.create's options for Relais. */
export const pgliteOptions = {
  startParams: [...PGlite.defaultStartParams, ...SETTINGS.flatMap((setting) => ['-c', setting])],
  // bigint columns (ids, counts) as numbers, as the PostgreSQL driver is configured.
  parsers: { [INT8_OID]: (value) => Number(value) },
}
