// Every batched write sends its rows as one JSON parameter: the values must come out on the server
// exactly as given, whatever their type, on both databases.
import t from 'tap'
import { sql } from 'kysely'
import { jsonRows, jsonTuples } from '../../src/platform/db/json-rows.ts'
import { openTestDatabase } from '../helpers/database.ts'

const COLUMNS = 'name text, tags text[], payload jsonb, at timestamptz, n bigint, ok boolean, score real'

t.test('rows come out on the server as they were given', async (t) => {
  const { db } = await openTestDatabase(t)
  const tuples = [
    ['vélo "électrique", à Lyon', ['a,b', 'c"d', 'é'], { nested: [1, 'two'], none: null }, '2026-11-24T10:00:00.123Z', 9007199254740991, true, 0.25],
    ['', [], [], '2026-11-24T10:00:00Z', 0, false, -1],
    [null, null, null, null, null, null, null],
  ]
  const { rows } = await sql<{ name: string | null; tags: string[] | null; payload: unknown; at: Date | null; n: number | null; ok: boolean | null; score: number | null }>`
    select * from ${jsonTuples(tuples, COLUMNS)}`.execute(db)
  t.same(rows, [
    { name: 'vélo "électrique", à Lyon', tags: ['a,b', 'c"d', 'é'], payload: { nested: [1, 'two'], none: null }, at: new Date('2026-11-24T10:00:00.123Z'), n: 9007199254740991, ok: true, score: 0.25 },
    { name: '', tags: [], payload: [], at: new Date('2026-11-24T10:00:00Z'), n: 0, ok: false, score: -1 },
    { name: null, tags: null, payload: null, at: null, n: null, ok: null, score: null },
  ])
})

t.test('objects are read by column name, a missing property is null', async (t) => {
  const { db } = await openTestDatabase(t)
  const { rows } = await sql<{ network: string; external_id: string | null }>`
    select * from ${jsonRows([{ network: 'x', external_id: '42', other: 'ignored' }, { network: 'bluesky' }], 'network text, external_id text')}`.execute(db)
  t.same(rows, [{ network: 'x', external_id: '42' }, { network: 'bluesky', external_id: null }])
})

t.test('a column definition it cannot read is refused', async (t) => {
  t.throws(() => jsonTuples([], 'name'), /cannot read the column definition "name"/)
})
