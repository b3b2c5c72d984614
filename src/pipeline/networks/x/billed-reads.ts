// X bills reads, not requests: every post in an answer of search, post lookup or a timeline counts
// against the app's monthly post reads (a post returned several times in one UTC day counts once),
// and every user returned (profiles, follow lists, who reposted) is billed too, at twice a post.
// The rate limits are far looser: post lookup allows 3,500 requests of 100 posts per 15 minutes,
// which would spend a month's reads in under three hours. So what bounds the engagement refresh on
// X is a number of posts per run, a setting of each X source.
import { z } from 'zod'
import { POST_LOOKUP_MAX } from './engagement.ts'

/**
 * Post reads a month on X's pay-per-use access: its usage pages give 2,000,000, its pricing page
 * 3,000,000; the default assumes the lower.
 */
export const X_MONTHLY_POST_READS = 2_000_000
/** collect-mentions every 15 minutes (its default schedule): 96 runs a day, 2,976 in a 31-day month. */
export const RUNS_PER_MONTH = 96 * 31
/** Half the month's reads go to re-reading engagement; the rest is left to search and the brand's mentions. */
const REFRESH_SHARE = 0.5

/**
 * Posts an X source's engagement refresh reads per run by default: 2,000,000 × ½ ÷ 2,976 = 336,
 * rounded down to whole lookups of 100, so 300 (3 requests). At most 300 × 2,976 = 892,800 billed
 * reads a month, 45 % of the cap (fewer in practice: a post read again the same UTC day is billed
 * once). The job's own cap, 40 lookups (4,000 posts), would bill up to 384,000 reads a day and
 * pass 3,000,000 in under 8 days.
 */
export const DEFAULT_X_REFRESH_READS_PER_RUN = Math.floor((X_MONTHLY_POST_READS * REFRESH_SHARE) / RUNS_PER_MONTH / POST_LOOKUP_MAX) * POST_LOOKUP_MAX
/** The most a run's refresh can read through one source: the job's 40 lookups of 100 posts. */
export const MAX_X_REFRESH_READS_PER_RUN = 4000

/**
 * Reposters a source reads per run by default (`GET /2/tweets/:id/retweeted_by`, 100 a page): one
 * page. Users are billed like posts but are not counted in the monthly post reads: at most
 * 100 × 2,976 = 297,600 user reads a month, and only while matched posts keep being reposted (a
 * post is read again only once its repost count grows). The job's own cap, 40 pages, would be 40
 * times that.
 */
export const DEFAULT_X_REPOST_READS_PER_RUN = 100
/** The most a run's repost pass can read through one source: the job's 40 pages of 100 users. */
export const MAX_X_REPOST_READS_PER_RUN = 4000

/** A per-run budget of billed reads, a setting of X sources: a string, as every source setting is. */
function readsPerRunSetting(what: string, fallback: number, max: number) {
  const message = `a whole number of ${what} from 0 to ${max} (X bills every one it returns; default ${fallback}, see the operator guide)`
  return z.string()
    .regex(/^\d{1,5}$/, { message })
    .refine((value) => Number(value) <= max, { message })
}

export const X_READ_SETTINGS = {
  refreshReadsPerRun: readsPerRunSetting('posts', DEFAULT_X_REFRESH_READS_PER_RUN, MAX_X_REFRESH_READS_PER_RUN)
    .describe(`Posts the engagement refresh may read through this source per collect-mentions run (each a billed read); default ${DEFAULT_X_REFRESH_READS_PER_RUN}`)
    .optional(),
  repostReadsPerRun: readsPerRunSetting('reposters', DEFAULT_X_REPOST_READS_PER_RUN, MAX_X_REPOST_READS_PER_RUN)
    .describe(`Reposters of matched posts read through this source per collect-mentions run, by pages of up to 100, the last asking only for what is left (each a billed read); default ${DEFAULT_X_REPOST_READS_PER_RUN}`)
    .optional(),
}

export interface XReadBudgets { refreshReadsPerRun: number; repostReadsPerRun: number }

export function xReadBudgets(settings: { refreshReadsPerRun?: string | undefined; repostReadsPerRun?: string | undefined }): XReadBudgets {
  return {
    refreshReadsPerRun: settings.refreshReadsPerRun === undefined ? DEFAULT_X_REFRESH_READS_PER_RUN : Number(settings.refreshReadsPerRun),
    repostReadsPerRun: settings.repostReadsPerRun === undefined ? DEFAULT_X_REPOST_READS_PER_RUN : Number(settings.repostReadsPerRun),
  }
}
