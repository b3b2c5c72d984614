// What `relais --help` prints, one entry per command: kept apart from the commands so that the
// help, and a mistyped command, load none of them.

export const demoUsage = 'relais demo [--accounts N]           a simulated network, collected and scored, served on PORT'
export const exportUsage = 'relais export --workspace ID > FILE.ndjson   export the workspace\'s accounts, posts and follows'
export const importUsage = 'relais import FILE.ndjson --workspace ID   import accounts, posts and follows (FILE - reads stdin)'
export const jobUsage = 'relais job run NAME [--topic ID]      run a job now (collect-mentions, collect-graph, score)'
export const keyUsage = [
  'relais key create --workspace ID --scopes read,write [--name LABEL]   create an API key, print it once',
  'relais key revoke KEY_OR_ID                                           revoke an API key',
].join('\n')
export const migrateUsage = 'relais migrate                       bring the database schema up to date'
export const streamUsage = 'relais stream [--progress-every S]   collect live, until SIGTERM, every Bluesky or Mastodon source whose settings say streaming "on"; per source, events/s, lag, queue, reconnects and gaps every S seconds (10; 0: never)'
export const serveUsage = 'relais serve                         run the API (and the scheduler unless SCHEDULER=off, live collection unless STREAMING=off)'
export const workspaceUsage = 'relais workspace create NAME        create a workspace, print its id'
export const workspaceQuotasUsage = 'relais workspace quotas ID [--topics N] [--sources N] [--webhooks N] [--digests N] [--digest-recipients N]   print (and set; N or "default") a workspace\'s quotas'
export const eraseUsage = 'relais erase --network NAME --account ID       erase a person\'s profile, posts, follows and interactions everywhere'
export const subjectAccessUsage = 'relais subject-access --network NAME --account ID   print, as JSON, everything held about a person'
export const secretsUsage = 'relais secrets rotate                re-seal every stored secret with a new key (see docs/operations.md)'
