import { randomBytes } from 'node:crypto'
import type { Kysely } from 'kysely'
import type { DB } from '../../platform/db/schema.ts'
import { createLink } from './links.ts'
import { addMembership, anyPersonExists, createPerson } from './people.ts'

/** On a database with nobody in it, a one-time link to create the first admin in the browser. */
export async function setupLinkIfNeeded(db: Kysely<DB>, base: string): Promise<string | null> {
  if (await anyPersonExists(db)) return null
  const link = await createLink(db, { purpose: 'setup' })
  return `${base}/setup#${link.token}`
}

/**
 * The demo's visitor: an admin of the demo workspace with a password nobody knows, signed in
 * through a link valid for the demo's lifetime (the demo database is rebuilt on each run).
 */
export async function demoSignInLink(db: Kysely<DB>, workspaceId: string, base: string): Promise<string> {
  const person = await createPerson(db, { email: 'visitor@demo.relais.invalid', name: 'Demo visitor', password: randomBytes(24).toString('base64url') })
  await addMembership(db, person.id, workspaceId, 'admin')
  const link = await createLink(db, { purpose: 'demo', workspaceId, role: 'admin', personId: person.id })
  return `${base}/open#${link.token}`
}
