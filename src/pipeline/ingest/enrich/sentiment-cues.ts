// Words that steer how other words count rather than scoring themselves, per language, written
// for Relais: negations flip the opinion words of their clause ("pas bon", "not good", "nicht
// gut"), contrast words shift weight to what follows ("good but slow" leans negative), boosters
// and dampeners scale the next opinion word ("very good", "un peu décevant").
// natural's negation lists (en, es, pt, de, nl) are merged in by the lexicon builder.

import type { SupportedLanguage } from './languages.ts'

const words = (list: string): string[] => list.trim().split(/\s+/)

export const NEGATIONS: Record<SupportedLanguage, string[]> = {
  en: words(`not no never neither nor none nothing nobody without cannot don' doesn' didn' isn' aren'
    wasn' weren' can' couldn' won' wouldn' shouldn' haven' hasn' hadn' ain' dont doesnt didnt isnt
    wasnt cant wont couldnt wouldnt shouldnt aint`),
  fr: words(`ne n' pas jamais rien aucun aucune sans ni guère plus-jamais`),
  es: words(`no nunca jamás ni tampoco nada nadie sin ningún ninguna ninguno`),
  pt: words(`não nao nunca jamais nem nada ninguém sem nenhum nenhuma`),
  it: words(`non mai nessuno nessuna niente nulla senza né`),
  de: words(`nicht kein keine keinen keinem keiner keines nie niemals nichts ohne garnicht keineswegs`),
  nl: words(`niet geen nooit niets niemand zonder`),
}

export const CONTRASTS: Record<SupportedLanguage, string[]> = {
  en: words('but however though yet'),
  fr: words('mais pourtant cependant toutefois'),
  es: words('pero sino embargo'),
  pt: words('mas porém contudo entretanto'),
  it: words('ma però tuttavia eppure'),
  de: words('aber jedoch trotzdem dennoch'),
  nl: words('maar echter toch'),
}

/** Concessions: the clause they open weighs less ("aunque es caro, me encanta"). */
export const CONCESSIONS: Record<SupportedLanguage, string[]> = {
  en: words('although'),
  fr: words('quoique'),
  es: words('aunque'),
  pt: words('embora'),
  it: words('sebbene benché nonostante'),
  de: words('obwohl obgleich'),
  nl: words('hoewel'),
}

export const BOOSTERS: Record<SupportedLanguage, string[]> = {
  en: words('very really so too extremely totally absolutely incredibly truly utterly completely highly especially most'),
  fr: words('très trop vraiment tellement hyper extrêmement totalement absolument vachement carrément si'),
  es: words('muy tan demasiado realmente súper totalmente absolutamente sumamente tremendamente bien'),
  pt: words('muito tão demais realmente super totalmente absolutamente extremamente bem mto mt'),
  it: words('molto troppo davvero così proprio estremamente assolutamente veramente tanto super'),
  de: words('sehr so echt total wirklich extrem absolut richtig voll mega ziemlich besonders'),
  nl: words('heel erg zeer echt zo enorm super ontzettend hartstikke totaal'),
}

/**
 * Boosters that are opinion words of their own when they qualify no opinion word: "ficou bem",
 * "super!" praise; "bem bom", "super bello" boost. Spanish "bien" is left out: alone it is as
 * often "well, ..." or "está bien" (on train, Spanish read lower with it, Portuguese higher with "bem").
 */
export const BOOSTERS_ALONE: Record<SupportedLanguage, Record<string, number>> = {
  en: {},
  fr: {},
  es: { súper: 0.5 },
  pt: { bem: 0.3, super: 0.5 },
  it: { super: 0.5 },
  de: {},
  nl: { super: 0.5 },
}

export const DAMPENERS: Record<SupportedLanguage, string[]> = {
  en: words('slightly somewhat kinda sorta barely hardly marginally partly rather'),
  fr: words('peu plutôt assez légèrement moyennement'),
  es: words('poco algo apenas ligeramente medio'),
  pt: words('pouco meio ligeiramente quase'),
  it: words('poco abbastanza leggermente piuttosto quasi'),
  de: words('etwas bisschen kaum leicht eher halbwegs'),
  nl: words('beetje wat enigszins nauwelijks vrij tamelijk'),
}

/**
 * Frequent words that carry no opinion but that translated or general-purpose lexicons score
 * (English "like" as a preposition, French "plus", Spanish "solo"); on top of natural's stopword
 * lists. An opinion word listed in the supplement always wins over these.
 */
export const NO_OPINION: Record<SupportedLanguage, string[]> = {
  en: words('like right more new latest top just well pretty please want need yes ok okay lol via live free share shared sharing'),
  fr: words('plus tout tous toute toutes nouveau nouvelle nouveaux bien-sûr oui ok direct suite fin premier première partage partagé partagée partagés partager'),
  es: words('un una sí solo sólo horas hora nuevo nueva más todo toda todos primera primero vivo directo ok compartir compartido compartida'),
  pt: words('um uma sim só mais tudo todo toda todos novo nova primeiro primeira vivo direto ok compartilhar compartilhado partilhar'),
  it: words('un una sì solo più tutto tutti tutta nuovo nuova primo prima diretta ok condividere condiviso condivisa'),
  de: words(`der die das den dem des ein eine einen einem einer und oder mit von zu im in am an auf für ist
    sind war hat haben wird werden ich du er sie es wir ihr mal noch schon nur mehr alle alles neue neuen
    neu ja ok live heute erste ersten teilen geteilt`),
  nl: words('meer alles alle nieuw nieuwe ja ok live eerste delen gedeeld'),
}
