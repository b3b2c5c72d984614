import pg from 'pg'

/**
 * One statement on a connection of its own, outside any pool: `create database`, `drop database`
 * and the like, which cannot run inside a transaction or against the database they change.
 */
export async function adminQuery(serverUrl: string, statement: string): Promise<void> {
  const client = new pg.Client({ connectionString: serverUrl })
  await client.connect()
  try {
    await client.query(statement)
  } finally {
    await client.end()
  }
}

/** The URL of database `name` on the server of `serverUrl`. */
export function withDatabaseName(serverUrl: string, name: string): string {
  const parsed = new URL(serverUrl)
  parsed.pathname = `/${name}`
  return parsed.toString()
}
