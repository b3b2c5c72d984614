import { parseArgs } from 'node:util'
import { erasePerson } from '../../tenancy/personal-data/erase-person.ts'
import { subjectAccess } from '../../tenancy/personal-data/subject-access.ts'
import { NETWORK_NAME_PATTERN } from '../../platform/shared/network-names.ts'
import { UsageError, withDatabase, type Io } from '../context.ts'
import { eraseUsage, subjectAccessUsage } from '../usage.ts'

// The operator's personal-data commands: they act on the whole instance, every workspace.


function personArgs(args: string[], usage: string): { network: string; account: string } {
  const { values, positionals } = parseArgs({ args, options: { network: { type: 'string' }, account: { type: 'string' } }, allowPositionals: true })
  if (positionals.length || !values.network || !values.account) throw new UsageError(`${usage}\n(--network and --account are required; ID is the network's id or the handle)`)
  if (!NETWORK_NAME_PATTERN.test(values.network)) throw new UsageError(`"${values.network}" is not a network name.`)
  if (values.account.length > 512) throw new UsageError('--account is too long (512 characters at most).')
  return { network: values.network, account: values.account }
}

export async function eraseCommand(args: string[], io: Io): Promise<number> {
  const person = personArgs(args, eraseUsage)
  return withDatabase('erase', async ({ db }) => {
    const report = await db.transaction().execute((trx) => erasePerson(trx, person))
    if (!report.found) {
      io.err(`Nothing held about ${person.account} on ${person.network}.`)
      return 0
    }
    io.err(`Erased ${person.account} on ${person.network}: ${report.posts} posts, ${report.follows} follows, ${report.interactions} interactions, ` +
      `${report.topicMatches} topic matches, ${report.scores} scores, ${report.imports} import records.`)
    io.err('A person still posting on a collected topic is collected again at the next run: remove them from the sources or topics too.')
    return 0
  })
}

export async function subjectAccessCommand(args: string[], io: Io): Promise<number> {
  const person = personArgs(args, subjectAccessUsage)
  return withDatabase('subject-access', async ({ db }) => {
    const report = await subjectAccess(db, person)
    io.out(JSON.stringify(report, null, 2))
    if (!report.found) io.err(`Nothing held about ${person.account} on ${person.network}.`)
    return 0
  })
}
