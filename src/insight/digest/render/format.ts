import type { DigestLanguage } from '../../../platform/db/tables/digests.ts'

const LOCALES: Record<DigestLanguage, string> = { en: 'en-GB', fr: 'fr-FR' }

/** Number, percent and date formatting in the reader's language and time zone. */
export function formatter(language: DigestLanguage, timeZone: string) {
  const locale = LOCALES[language]
  const integer = new Intl.NumberFormat(locale, { maximumFractionDigits: 0 })
  const decimal = new Intl.NumberFormat(locale, { maximumFractionDigits: 1, minimumFractionDigits: 1 })
  const percent = new Intl.NumberFormat(locale, { style: 'percent', maximumFractionDigits: 0 })
  const change = new Intl.NumberFormat(locale, { style: 'percent', maximumFractionDigits: 0, signDisplay: 'exceptZero' })
  const day = new Intl.DateTimeFormat(locale, { timeZone, weekday: 'short', day: 'numeric', month: 'short' })
  const date = new Intl.DateTimeFormat(locale, { timeZone, day: 'numeric', month: 'long', year: 'numeric' })
  const hour = new Intl.DateTimeFormat(locale, { timeZone, weekday: 'long', day: 'numeric', month: 'short', hour: '2-digit', minute: '2-digit' })
  return {
    integer: (n: number) => integer.format(n),
    decimal: (n: number) => decimal.format(n),
    percent: (share: number) => percent.format(share),
    /** Relative change as "+12 %"; empty when there is nothing to compare with. */
    change: (current: number, previous: number) => (previous > 0 ? change.format(current / previous - 1) : ''),
    /** Signed difference of two shares in percentage points, e.g. "+4 pts". */
    points: (current: number, previous: number) => {
      const diff = Math.round((current - previous) * 100)
      return `${diff > 0 ? '+' : diff < 0 ? '−' : '±'}${Math.abs(diff)} pts`
    },
    day: (d: Date) => day.format(d),
    date: (d: Date) => date.format(d),
    hour: (d: Date) => hour.format(d),
    /** The week as "26 May – 1 June 2025" (the end is exclusive, so its previous day is shown). */
    range: (start: Date, end: Date) => `${date.format(start)} – ${date.format(new Date(end.getTime() - 1))}`,
  }
}

export type Formatter = ReturnType<typeof formatter>
