import type { Language } from '../types.ts'
import { de } from './lang-de.ts'
import { en } from './lang-en.ts'
import { es } from './lang-es.ts'
import { fr } from './lang-fr.ts'
import type { LanguagePack } from './language-pack.ts'

export const LANGUAGE_PACKS: Record<Language, LanguagePack> = { fr, en, es, de }
