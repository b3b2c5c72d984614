import type { Schemas } from '../api'
import { formatNumber, t } from '../i18n'
import { ScrollRegion } from '../ui'

const DAYS = ['Mon', 'Tue', 'Wed', 'Thu', 'Fri', 'Sat', 'Sun']

/** Engagement per post by local day and hour; each cell says how many posts it rests on. */
export function BestHoursGrid({ hours }: { hours: Schemas['BestHours'] }) {
  const all = hours.networks.find((n) => n.network === 'all') ?? hours.networks[0]
  if (!all) return <p class="muted">—</p>
  const values = all.hourOfWeek.engagementPerPost.flat().filter((v): v is number => v !== null)
  const max = Math.max(1, ...values)
  return (
    <>
      <p>{all.bestSlots.map((s) => `${t(DAYS[['monday', 'tuesday', 'wednesday', 'thursday', 'friday', 'saturday', 'sunday'].indexOf(s.day)])} ${s.hour}h (${s.posts} ${t('posts')})`).join(' · ')}</p>
      <ScrollRegion label={t('Best hours to post')}>
        <div class="heat" role="table" aria-label={`${t('Best hours to post')} (${hours.timeZone})`}>
          {all.hourOfWeek.posts.map((row, d) => (
            <div class="heat-row" role="row" key={d}>
              <span role="rowheader" class="heat-day">{t(DAYS[d])}</span>
              {row.map((posts, h) => {
                const e = all.hourOfWeek.engagementPerPost[d][h]
                return <span role="cell" key={h} class="heat-cell" style={{ background: e === null ? '#f3f4f6' : `rgba(37, 99, 235, ${0.1 + 0.9 * (e / max)})` }} title={`${t(DAYS[d])} ${h}h: ${e === null ? '—' : formatNumber(e, 1)} · ${t('Sample size')} ${posts}`}>{posts || ''}</span>
              })}
            </div>
          ))}
        </div>
      </ScrollRegion>
      <p class="muted">{t('Sample size')}: {formatNumber(all.posts)} {t('posts')} · {hours.timeZone}</p>
    </>
  )
}
