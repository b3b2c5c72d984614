// Posts that mention or answer one of a topic's own X accounts: recent search with
// `@handle` (names it) or `to:handle` (replies to it), the account's own posts left out. The same
// walk, checkpoint (`since_id`) and 7-day reach as the topic's searches (search-walk.ts).
export function xMentionsQuery(account: string): string {
  const handle = account.trim().replace(/^@/, '')
  return `(@${handle} OR to:${handle}) -from:${handle}`
}
