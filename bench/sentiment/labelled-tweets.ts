// The labelled tweets of sentiment-dev (TweetEval format): `<split>_text.txt` one tweet a line,
// `<split>_labels.txt` its label on the same line (0 negative, 1 neutral, 2 positive). Read from
// the shared folder at run time; the project keeps no copy of them.

import { existsSync, readFileSync } from 'node:fs'
import { join } from 'node:path'
import type { SentimentLabel } from '../../src/platform/shared/sentiment-label.ts'

export const DATA_LANGUAGES = { en: 'english', fr: 'french', es: 'spanish', de: 'german', it: 'italian', pt: 'portuguese' } as const
export type DataLanguage = keyof typeof DATA_LANGUAGES
export type Split = 'train' | 'val'

export interface LabelledTweet { text: string; label: SentimentLabel }

/** The data replaces links by the bare word "http"; a link is put back so the reader sees one. */
const restoreLinks = (text: string): string => text.replace(/\bhttp\b/g, 'https://t.co/link')

const LABELS: readonly SentimentLabel[] = ['negative', 'neutral', 'positive']

export function readTweets(dataDir: string, lang: DataLanguage, split: Split): LabelledTweet[] {
  const folder = join(dataDir, DATA_LANGUAGES[lang])
  const textFile = join(folder, `${split}_text.txt`)
  if (!existsSync(textFile)) throw new Error(`No ${split} split for ${lang} at ${folder}`)
  const texts = readFileSync(textFile, 'utf8').split('\n')
  const labels = readFileSync(join(folder, `${split}_labels.txt`), 'utf8').split('\n')
  const tweets: LabelledTweet[] = []
  for (let i = 0; i < labels.length; i++) {
    const raw = labels[i]?.trim()
    if (!raw) continue
    const label = LABELS[Number(raw)]
    if (label === undefined) throw new Error(`${textFile}: line ${i + 1} has label "${raw}"`)
    tweets.push({ text: restoreLinks(texts[i] ?? ''), label })
  }
  return tweets
}
