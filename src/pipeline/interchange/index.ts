// NDJSON interchange of accounts, posts and follows (ARCHITECTURE.md §5): `relais import` and
// `relais export`.

export { importRecords, type ImportOptions, type ImportStats } from './import-records.ts'
export { exportRecords, type ExportOptions, type ExportStats } from './export-records.ts'
export { parseLine, type ParsedLine } from './parse-line.ts'
export { formatRecord } from './format-record.ts'
export { MAX_LINE_BYTES } from './line-reader.ts'
export type { AccountRecord, FollowRecord, InterchangeRecord, PostRecord } from './records.ts'
