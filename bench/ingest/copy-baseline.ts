// The floor the ingest path is compared with: the same final post rows (enriched, author ids
// resolved — exactly the values ingest writes into posts) loaded with one COPY … FROM STDIN in
// text format. Serialising the rows is inside the timing, as it would be for any loader.
import { Readable } from 'node:stream'
import { pipeline } from 'node:stream/promises'
import pg from 'pg'
import { from as copyFrom } from 'pg-copy-streams'
import type { EnrichedPost } from '../../src/pipeline/ingest/enriched-post.ts'
import { processCpuSeconds } from '../shared/measure.ts'
import type { RunFigures } from './measure.ts'

/** The columns ingest writes into posts (the rest are defaults or generated). */
export const POST_COLUMNS = [
  'network', 'external_id', 'author_id', 'created_at', 'text', 'lang', 'url', 'reply_to_external_id', 'repost_of_external_id',
  'quote_of_external_id', 'likes', 'reposts', 'replies', 'quotes', 'hashtags', 'mentions', 'links', 'sentiment', 'is_question', 'search_config',
] as const

type CopyValue = string | number | boolean | null | string[]

/** One post as the values of POST_COLUMNS, the way preparePostsStore maps it. */
export function postValues(p: EnrichedPost, authorId: number | null): CopyValue[] {
  return [
    p.network, p.externalId, authorId, p.createdAt.toISOString(), p.text, p.lang, p.url, p.replyToExternalId, p.repostOfExternalId,
    p.quoteOfExternalId, p.likes, p.reposts, p.replies, p.quotes, p.hashtags, p.mentions.map((m) => m.handle.toLowerCase()), p.links,
    p.sentiment, p.isQuestion, p.searchConfig,
  ]
}

const escapeText = (text: string): string => text.replace(/[\\\n\r\t]/g, (c) => (c === '\\' ? '\\\\' : c === '\n' ? '\\n' : c === '\r' ? '\\r' : '\\t'))
const arrayLiteral = (items: string[]): string => `{${items.map((item) => `"${item.replace(/[\\"]/g, '\\$&')}"`).join(',')}}`

function copyField(value: CopyValue): string {
  if (value === null) return '\\N'
  if (typeof value === 'boolean') return value ? 't' : 'f'
  if (typeof value === 'number') return String(value)
  return escapeText(Array.isArray(value) ? arrayLiteral(value) : value)
}

function* copyChunks(rows: readonly CopyValue[][], withId: boolean): Generator<string> {
  // Handed to the stream ~64 KiB at a time, as a loader reading its input would.
  let chunk = ''
  for (let index = 0; index < rows.length; index++) {
    chunk += (withId ? `${index + 1}\t` : '') + rows[index].map(copyField).join('\t') + '\n'
    if (chunk.length >= 65_536) {
      yield chunk
      chunk = ''
    }
  }
  if (chunk) yield chunk
}

export interface CopyTarget {
  label: string
  /** DDL creating the table (dropped first). */
  create: string
  table: string
  /** The bare table has no identity: ids are sent, 1..n. */
  withId: boolean
}

export const COPY_TARGETS: CopyTarget[] = [
  {
    label: 'COPY bare',
    table: 'posts_copy',
    // like … including defaults: same columns and defaults; no identity (id is sent), no index,
    // no unique constraint, search_vector a plain column left null (no tsvector computed).
    create: 'create table posts_copy (like posts including defaults)',
    withId: true,
  },
  {
    label: 'COPY into posts schema',
    table: 'posts_copy_full',
    // including all: identity, the generated search_vector, the unique key and every index of posts.
    create: 'create table posts_copy_full (like posts including all)',
    withId: false,
  },
]

export async function measureCopy(url: string, target: CopyTarget, rows: readonly CopyValue[][]): Promise<RunFigures> {
  const client = new pg.Client({ connectionString: url })
  await client.connect()
  try {
    await client.query(`drop table if exists ${target.table}`)
    await client.query(target.create)
    await client.query('checkpoint')
    const { rows: [{ pid }] } = await client.query<{ pid: number }>('select pg_backend_pid() as pid')
    const columns = (target.withId ? ['id', ...POST_COLUMNS] : [...POST_COLUMNS]).join(', ')
    const started = performance.now()
    const cpuStart = process.cpuUsage()
    const backendStart = processCpuSeconds(pid)
    await client.query('begin')
    await pipeline(Readable.from(copyChunks(rows, target.withId)), client.query(copyFrom(`copy ${target.table} (${columns}) from stdin`)))
    await client.query('commit')
    const cpu = process.cpuUsage(cpuStart)
    const figures: RunFigures = {
      posts: rows.length,
      wallSeconds: (performance.now() - started) / 1000,
      nodeCpuSeconds: (cpu.user + cpu.system) / 1e6,
      backendCpuSeconds: processCpuSeconds(pid) - backendStart,
      statements: new Map(),
    }
    await client.query(`drop table ${target.table}`)
    return figures
  } finally {
    await client.end()
  }
}
