import { t } from '../i18n'
import { useLocation } from '../router'

/** The topic's sections; each is a page of its own. */
export function TopicNav({ id, name }: { id: string; name?: string }) {
  const { path } = useLocation()
  const tabs: [string, string][] = [['', 'Overview'], ['/people', 'People'], ['/map', 'Map'], ['/mentions', 'Mentions'], ['/inbox', 'Inbox'], ['/alerts', 'Alerts']]
  return (
    <>
      <h1>{name ?? '…'}</h1>
      <nav class="tabs" aria-label={t('Topics')}>
        {tabs.map(([suffix, label]) => {
          const href = `/topics/${id}${suffix}`
          return <a key={suffix} href={href} aria-current={path === href ? 'page' : undefined}>{t(label)}</a>
        })}
      </nav>
    </>
  )
}
