// Everyday social-media sentiment words, written for Relais, that natural's vocabularies lack or
// score oddly (German "schön" ≈ 0.01, Dutch "fantastisch" = 0, Portuguese has no "horrível").
// Values in [-1, 1]; they override the vocabulary, and 0 removes a word (Portuguese AFINN turned
// "hope" into "esperar", which means "to wait"). Stemming covers the other inflections.

import type { SupportedLanguage } from './languages.ts'

type Weights = Record<string, number>

/** "word:0.8 other:-0.6" → { word: 0.8, other: -0.6 } */
const weights = (list: string): Weights =>
  Object.fromEntries(
    list
      .trim()
      .split(/\s+/)
      .map((entry) => {
        const at = entry.lastIndexOf(':')
        return [entry.slice(0, at), Number(entry.slice(at + 1))]
      }),
  )

export const SUPPLEMENT: Record<SupportedLanguage, Weights> = {
  en: weights(`yay:0.6 meh:-0.3 ugh:-0.4 wtf:-0.5 favourite:0.4 favorite:0.4 disappointing:-0.6
    scam:-0.7 broke:-0.3 broken:-0.4 rude:-0.6 heartbroken:-0.7
    proud:0.6 frustrating:-0.7 frustrated:-0.6 waste:-0.5`),
  fr: weights(`adore:0.8 adorer:0.8 adoré:0.8 aime:0.5 aimé:0.5 kiffe:0.6 déteste:-0.8 détester:-0.8
    hais:-0.8 génial:0.8 géniale:0.8 super:0.6 top:0.5 bravo:0.6 merci:0.3 félicitations:0.7
    excellent:0.8 excellente:0.8 parfait:0.7 parfaite:0.7 magnifique:0.8 incroyable:0.5
    formidable:0.8 merveilleux:0.8 nul:-0.6 nulle:-0.6 pourri:-0.7 pourrie:-0.7 horrible:-0.9
    affreux:-0.8 affreuse:-0.8 pire:-0.8 meilleur:0.6 meilleure:0.6 triste:-0.6 malheureux:-0.6
    déçu:-0.7 déçue:-0.7 décevant:-0.7 furieux:-0.7 furieuse:-0.7 énervé:-0.6 marre:-0.6 honte:-0.6
    chiant:-0.6 catastrophe:-0.7 désastre:-0.8 scandale:-0.7 lamentable:-0.8 dégoûtant:-0.8
    dégueulasse:-0.8 heureux:0.7 heureuse:0.7 content:0.6 contente:0.6 ravi:0.7 ravie:0.7 cool:0.5
    sympa:0.5 drôle:0.4 agréable:0.6 joli:0.5 jolie:0.5 beau:0.6 belle:0.6 cassé:-0.4 ridicule:-0.6
    inutile:-0.5
    fier:0.6 fière:0.6 frustrant:-0.7 frustrante:-0.7 exaspérant:-0.7 exaspérante:-0.7 gaspillage:-0.5
    adorent:0.8 adorons:0.8 cauchemar:-0.8 abîmé:-0.5 abîmée:-0.5 pénible:-0.6 dommage:-0.4 bien:0.3 mal:-0.4
    chier:-0.6 naze:-0.6 galère:-0.5 galérer:-0.5 relou:-0.5 dégoût:-0.6 crève:-0.4 énerve:-0.6 énervant:-0.6 énervée:-0.6 tristesse:-0.6 panne:-0.4 rater:-0.4 morts:-0.5 attentat:-0.7 mensonge:-0.6 mensonges:-0.6 bof:-0.3 hâte:0.5 kiffer:0.6 kif:0.5 félicite:0.6 remercie:0.4 réussite:0.6 victoire:0.6 chapeau:0.4 inadmissible:-0.7 grave:-0.3 réussi:0.6 réussie:0.6 inquiet:-0.4 inquiète:-0.4 insupportable:-0.7 plaisir:0.5`),
  es: weights(`encanta:0.8 encantó:0.8 gusta:0.5 gustó:0.5 amo:0.7 odio:-0.8 odiar:-0.8 genial:0.8
    estupendo:0.8 estupenda:0.8 excelente:0.8 maravilloso:0.8 maravillosa:0.8 increíble:0.6
    fantástico:0.8 fantástica:0.8 perfecto:0.7 perfecta:0.7 bueno:0.5 buena:0.5 buenísimo:0.8
    mejor:0.5 peor:-0.7 pésimo:-0.8 pésima:-0.8 horrible:-0.9 terrible:-0.8 triste:-0.6 feliz:0.7
    contento:0.6 contenta:0.6 decepcionado:-0.7 decepcionada:-0.7 furioso:-0.7 furiosa:-0.7
    enfadado:-0.6 harto:-0.6 harta:-0.6 asco:-0.8 asqueroso:-0.8 asquerosa:-0.8 desastre:-0.8
    vergüenza:-0.6 lamentable:-0.8 ridículo:-0.6 gracias:0.3 felicidades:0.7 enhorabuena:0.7
    bonito:0.6 bonita:0.6 precioso:0.7 preciosa:0.7 divertido:0.5 divertida:0.5 agradable:0.6
    aburrido:-0.5 aburrida:-0.5 deprimido:-0.7 deprimida:-0.7 mal:-0.5 malo:-0.6 mala:-0.6
    fatal:-0.7 inútil:-0.6 grosero:-0.6 grosera:-0.6
    orgulloso:0.6 orgullosa:0.6 frustrante:-0.7 frustrado:-0.6 frustrada:-0.6 desperdicio:-0.5
    pena:-0.4 siento:-0.2 encantador:0.7 encantadora:0.7
    odia:-0.7 tristeza:-0.6 lloro:-0.4 cansada:-0.4 guapa:0.5 mola:0.5 molan:0.5 chulo:0.5 chula:0.5 besos:0.4 guay:0.5 risa:0.3`),
  pt: weights(`adoro:0.8 adorei:0.8 amo:0.7 amei:0.8 gosto:0.5 gostei:0.6 odeio:-0.8 odiei:-0.8
    ótimo:0.8 ótima:0.8 excelente:0.8 maravilhoso:0.8 maravilhosa:0.8 incrível:0.6 fantástico:0.8
    fantástica:0.8 perfeito:0.7 perfeita:0.7 bom:0.5 boa:0.5 melhor:0.5 pior:-0.7 péssimo:-0.8
    péssima:-0.8 horrível:-0.9 terrível:-0.8 triste:-0.6 feliz:0.7 contente:0.6 decepcionado:-0.7
    decepcionada:-0.7 furioso:-0.7 furiosa:-0.7 chateado:-0.6 chateada:-0.6 irritado:-0.6
    nojento:-0.8 nojenta:-0.8 desastre:-0.8 vergonha:-0.6 ridículo:-0.6 obrigado:0.3 obrigada:0.3
    parabéns:0.7 lindo:0.7 linda:0.7 divertido:0.5 divertida:0.5 agradável:0.6 chato:-0.5
    chata:-0.5 ruim:-0.6 arrasado:-0.7 arrasada:-0.7 estragou:-0.6 estragado:-0.6 errado:-0.4
    inútil:-0.6 grosseiro:-0.6 grosseira:-0.6 mau:-0.6 má:-0.6 esperar:0
    orgulhoso:0.6 orgulhosa:0.6 frustrante:-0.7 frustrado:-0.6 frustrada:-0.6 desperdício:-0.5
    amaram:0.8 amou:0.7 adoram:0.8 pena:-0.4
    nojo:-0.7 mentira:-0.5 cansada:-0.4 perdeu:-0.4 feia:-0.5 amor:0.5 beijos:0.4 massa:0.4 fofo:0.5 caralho:-0.4 lixo:-0.6 legal:0.4 saudade:0.2 saudades:0.2`),
  it: weights(`adoro:0.8 amo:0.7 odio:-0.8 ottimo:0.8 ottima:0.8 eccellente:0.8 meraviglioso:0.8
    meravigliosa:0.8 fantastico:0.8 fantastica:0.8 stupendo:0.8 splendido:0.8 perfetto:0.7
    perfetta:0.7 bello:0.6 bella:0.6 bellissimo:0.8 bellissima:0.8 buono:0.5 buona:0.5
    migliore:0.6 miglior:0.6 meglio:0.5 peggiore:-0.7 peggior:-0.7 peggio:-0.6 pessimo:-0.8
    pessima:-0.8 orribile:-0.9 terribile:-0.8 schifo:-0.8 disgustoso:-0.8 disgustosa:-0.8
    triste:-0.6 felice:0.7 contento:0.6 contenta:0.6 deluso:-0.7 delusa:-0.7 arrabbiato:-0.7
    arrabbiata:-0.7 furioso:-0.7 stufo:-0.6 stufa:-0.6 disastro:-0.8 vergogna:-0.6 ridicolo:-0.6
    grazie:0.3 complimenti:0.7 auguri:0.5 divertente:0.5 piacevole:0.6 noioso:-0.5 noiosa:-0.5
    brutto:-0.6 brutta:-0.6 devastato:-0.7 rotto:-0.4 inutile:-0.6 male:-0.5 piaciuto:0.6
    piace:0.5 maleducato:-0.6 maleducata:-0.6
    orgoglioso:0.6 orgogliosa:0.6 frustrante:-0.7 frustrato:-0.6 frustrata:-0.6 frustrazione:-0.6 spreco:-0.5
    adorano:0.8 adora:0.8 incredibile:0.6 peccato:-0.4
    vaffanculo:-0.8 ladro:-0.5 ladri:-0.5 bugia:-0.5 bugie:-0.5 assurdo:-0.5 perso:-0.3 vinto:0.5 baci:0.4 bravo:0.6 brava:0.6 bravi:0.6`),
  de: weights(`liebe:0.7 lieben:0.7 geliebt:0.7 hasse:-0.8 hassen:-0.8 toll:0.7 super:0.6 klasse:0.6
    großartig:0.8 wunderbar:0.8 fantastisch:0.8 hervorragend:0.8 perfekt:0.7 schön:0.6 gut:0.5
    besser:0.4 beste:0.7 besten:0.7 schlecht:-0.6 schlechteste:-0.8 schrecklich:-0.8
    furchtbar:-0.8 grauenhaft:-0.8 mies:-0.6 scheiße:-0.8 ekelhaft:-0.8 widerlich:-0.8
    traurig:-0.6 glücklich:0.7 froh:0.6 enttäuscht:-0.7 enttäuschend:-0.7 wütend:-0.7 sauer:-0.5
    nervig:-0.5 katastrophe:-0.8 peinlich:-0.5 lächerlich:-0.6 danke:0.3 glückwunsch:0.7
    lustig:0.5 angenehm:0.6 langweilig:-0.5 zerstört:-0.6 kaputt:-0.5 leider:-0.3 nutzlos:-0.6
    ärgerlich:-0.6 geil:0.5 unfreundlich:-0.6
    stolz:0.6 frustrierend:-0.7 frustriert:-0.6 verschwendung:-0.5
    kacke:-0.7 mist:-0.5 idiot:-0.5 wut:-0.6 verspätung:-0.4 diebstahl:-0.4 lüge:-0.6 lügen:-0.6 tote:-0.5 genervt:-0.6 nervt:-0.6 schlimm:-0.6 schlimmer:-0.6 verloren:-0.4 wunderschön:0.8 lieb:0.5 freu:0.6 freue:0.6 freuen:0.5`),
  nl: weights(`geweldig:0.8 fantastisch:0.8 prachtig:0.8 mooi:0.6 leuk:0.6 lekker:0.6 heerlijk:0.8
    gezellig:0.6 top:0.6 super:0.6 goed:0.5 beter:0.4 beste:0.7 uitstekend:0.8 perfect:0.7 blij:0.6
    gelukkig:0.7 dol:0.5 hou:0.4 slecht:-0.6 slechtste:-0.8 vreselijk:-0.8 verschrikkelijk:-0.8
    afschuwelijk:-0.8 waardeloos:-0.7 stom:-0.5 smerig:-0.7 walgelijk:-0.8 boos:-0.7
    teleurgesteld:-0.7 teleurstellend:-0.7 triest:-0.6 verdrietig:-0.6 ramp:-0.7 belachelijk:-0.6
    bedankt:0.3 gefeliciteerd:0.7 saai:-0.5 kapot:-0.5 nutteloos:-0.6 balen:-0.5 jammer:-0.4
    irritant:-0.6 genoten:0.6 onvriendelijk:-0.6 haat:-0.8
    trots:0.6 frustrerend:-0.7 gefrustreerd:-0.6 verspilling:-0.5`),
}

/** Emoji read the same in every language. */
export const EMOJI_WEIGHTS: Weights = weights(`😀:0.6 😃:0.6 😄:0.6 😁:0.6 😊:0.6 🙂:0.4 😍:0.8 🥰:0.8
  😘:0.6 ❤:0.7 💕:0.7 💖:0.7 👍:0.5 🎉:0.6 🙌:0.6 👏:0.5 🥳:0.7 😂:0.3 🤣:0.3 😢:-0.6 😭:-0.4
  😞:-0.6 😔:-0.5 😡:-0.8 🤬:-0.8 😠:-0.7 👎:-0.6 💔:-0.7 😤:-0.5 😩:-0.5 😫:-0.5 🙄:-0.4 😒:-0.5`)
