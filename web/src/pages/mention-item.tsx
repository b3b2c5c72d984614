import type { Schemas } from '../api'
import { formatDate, networkName, t } from '../i18n'

/** One mention in a list; a `fresh` one (arrived live) is marked new and can take the focus. */
export function MentionItem({ m, fresh, children }: { m: Schemas['Mention']; fresh?: boolean; children?: preact.ComponentChildren }) {
  return (
    <li class={fresh ? 'mention fresh' : 'mention'} tabIndex={fresh ? -1 : undefined} data-mention-id={m.id}>
      <p><strong>{m.author?.displayName || m.author?.handle || '—'}</strong> <span class="muted">{networkName(m.network)} · {formatDate(m.createdAt)}</span>{fresh && <> <span class="chip">{t('new')}</span></>}</p>
      <p>{m.text}</p>
      <p>{m.url && <a href={m.url} target="_blank" rel="noopener noreferrer">{t('Open the original')}</a>} {children}</p>
    </li>
  )
}
