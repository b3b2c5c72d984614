import { networkName, t } from '../i18n'

// What each network gives Relais and what it withholds (the guide says more: docs/guide).
const NOTES: Record<string, string> = {
  mastodon: 'Hashtags are followed through each hashtag\'s public timeline on the source\'s instance. Words without a hashtag need full-text search, which needs a token and only finds accounts that opted in. Followers are those the instance knows (mostly its own users): add the instances where the conversation lives.',
  bluesky: 'Post search by words, hashtags, handles and language; exclusions are applied by Relais. Anonymous search is often refused: give the source an app password. Followers and follows are public.',
  reddit: 'Search with AND, OR, NOT and phrases; hashtags and handles are plain words there. No follower graph: influence and relays rest on replies and mentions only.',
  x: 'Recent search (the last 7 days) with a paid API bearer token; followers and follows depend on the access level. Reposts are collected as interactions.',
}

/** Each network's coverage: what collecting from it can and cannot see. */
export function CoverageNotes({ networks }: { networks?: readonly string[] }) {
  const shown = (networks?.length ? networks : Object.keys(NOTES)).filter((n) => NOTES[n])
  return (
    <dl class="coverage" data-testid="coverage-notes">
      {shown.map((n) => <div key={n}><dt>{networkName(n)}</dt><dd>{t(NOTES[n])}</dd></div>)}
    </dl>
  )
}
