// "Not enough data yet", said the same way by every analysis that has a minimum sample.

export interface Notice { en: string; fr: string }

export function notEnoughData(have: number, need: number, what: { en: string; fr: string }): Notice {
  return {
    en: `Not enough data yet: ${have} ${what.en}, at least ${need} needed.`,
    fr: `Pas encore assez de données : ${have} ${what.fr}, il en faut au moins ${need}.`,
  }
}
