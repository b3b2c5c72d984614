// Words that change how the following words count: negations flip them ("pas bon", "not good",
// "nicht gut"), contrast words shift weight to what follows ("good but slow" leans negative).
// natural's negation lists (en, es, pt, de, nl) are merged in by the lexicon builder.

import type { SupportedLanguage } from './languages.ts'

const words = (list: string): string[] => list.trim().split(/\s+/)

export const NEGATIONS: Record<SupportedLanguage, string[]> = {
  en: words(`not no never neither nor none nothing nobody without cannot don' doesn' didn' isn' aren'
    wasn' weren' can' couldn' won' wouldn' shouldn' haven' hasn' hadn' ain' dont doesnt didnt isnt
    wasnt cant wont couldnt wouldnt shouldnt`),
  fr: words(`ne n' pas jamais rien aucun aucune sans ni guère`),
  es: words(`no nunca jamás ni tampoco nada nadie sin ningún ninguna ninguno`),
  pt: words(`não nunca jamais nem nada ninguém sem nenhum nenhuma`),
  it: words(`non mai nessuno nessuna niente nulla senza né`),
  de: words(`nicht kein keine keinen keinem keiner keines nie niemals nichts ohne`),
  nl: words(`niet geen nooit niets niemand zonder`),
}

export const CONTRASTS: Record<SupportedLanguage, string[]> = {
  en: words('but however though'),
  fr: words('mais pourtant cependant'),
  es: words('pero aunque'),
  pt: words('mas porém contudo'),
  it: words('ma però tuttavia'),
  de: words('aber jedoch'),
  nl: words('maar echter'),
}
