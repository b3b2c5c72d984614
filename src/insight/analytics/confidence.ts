// "Not enough data yet", said the same way by every analysis that has a minimum sample.

export interface Notice { en: string; fr: string }
/** What is counted, singular then plural, in each language. */
export interface Counted { en: [string, string]; fr: [string, string] }

export function notEnoughData(have: number, need: number, what: Counted): Notice {
  // French uses the singular for 0 and 1, English only for 1.
  return {
    en: `Not enough data yet: ${have} ${what.en[have === 1 ? 0 : 1]}, at least ${need} needed.`,
    fr: `Pas encore assez de données : ${have} ${what.fr[have <= 1 ? 0 : 1]}, il en faut au moins ${need}.`,
  }
}
