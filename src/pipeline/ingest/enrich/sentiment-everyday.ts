// Everyday opinion words of social posts, written for Relais from common usage (not drawn from
// any labelled data): swearing and insults, interjections of disgust or annoyance ("beurk",
// "puaj", "uffa", "igitt"), complaints about people and services (incompetent, liars, scam),
// feelings (fear, tiredness, joy, pride) and praise in the informal register. Values in [-1, 1].
// The hand-written supplement (sentiment-supplement.ts) wins where both list a word.

import type { SupportedLanguage } from './languages.ts'

type Weights = Record<string, number>

/** "word:0.8 other:-0.6" → { word: 0.8, other: -0.6 } */
function weights(list: string): Weights {
  const out: Weights = {}
  for (const entry of list.trim().split(/\s+/)) {
    const at = entry.lastIndexOf(':')
    out[entry.slice(0, at)] = Number(entry.slice(at + 1))
  }
  return out
}

export const EVERYDAY: Record<SupportedLanguage, Weights> = {
  en: weights(`ugh:-0.5 yuck:-0.6 eww:-0.6 argh:-0.5 pathetic:-0.7 incompetent:-0.7 liar:-0.7 liars:-0.7
    shameful:-0.7 disgrace:-0.7 unacceptable:-0.7 outrageous:-0.6 sucks:-0.6 crap:-0.7 rubbish:-0.6
    annoying:-0.6 exhausted:-0.4 scared:-0.5 sick:-0.4 awesome:0.8 amazing:0.8 lovely:0.7 cute:0.6
    congrats:0.7 thanks:0.4 yay:0.6 woohoo:0.6 excited:0.6 enjoyed:0.6`),
  fr: weights(`merde:-0.8 putain:-0.5 bordel:-0.5 con:-0.5 conne:-0.6 connard:-0.8 connasse:-0.8
    connerie:-0.7 conneries:-0.7 débile:-0.7 crétin:-0.7 abruti:-0.7 idiot:-0.6 stupide:-0.6
    ras-le-bol:-0.6 fatigué:-0.4 fatiguée:-0.4 fatigant:-0.5 épuisé:-0.5 épuisée:-0.5 honteux:-0.7
    honteuse:-0.7 scandaleux:-0.7 scandaleuse:-0.7 inacceptable:-0.7 injuste:-0.6 injustice:-0.6
    menteur:-0.6 menteurs:-0.6 menteuse:-0.6 escroc:-0.7 escrocs:-0.7 voleur:-0.6 voleurs:-0.6
    corrompu:-0.6 corrompus:-0.6 corruption:-0.6 mépris:-0.6 méprisant:-0.7 arrogant:-0.6
    arrogance:-0.6 incompétent:-0.7 incompétents:-0.7 incompétence:-0.7 nullité:-0.7 minable:-0.7
    pitoyable:-0.7 navrant:-0.6 affligeant:-0.7 consternant:-0.7 déplorable:-0.7 dégoûté:-0.6
    dégoûtée:-0.6 écœurant:-0.7 écoeurant:-0.7 écœuré:-0.6 beurk:-0.6 berk:-0.6 pff:-0.4
    raté:-0.5 ratée:-0.5 échec:-0.6 peur:-0.5 inquiétude:-0.4 colère:-0.6 haine:-0.7 pleurer:-0.5
    pleure:-0.5 souffrir:-0.5 souffrance:-0.6 douleur:-0.5 dangereux:-0.5 violence:-0.6
    magouille:-0.6 magouilles:-0.6 foutaise:-0.6 foutaises:-0.6 mascarade:-0.6 démagogie:-0.5
    hypocrite:-0.6 hypocrites:-0.6 hypocrisie:-0.6 risible:-0.5 grotesque:-0.6 indigne:-0.6
    insulte:-0.6 mensonger:-0.6 arnaque:-0.7 honte:-0.6 déception:-0.7 raciste:-0.6 racisme:-0.6
    lent:-0.4 lente:-0.4 lents:-0.4 lentes:-0.4 lenteur:-0.4 bondé:-0.4 bondée:-0.4 retard:-0.3 retards:-0.3
    chouette:0.6 adorable:0.7 mignon:0.5 mignonne:0.5 superbe:0.7 splendide:0.8 sublime:0.8
    talentueux:0.7 talentueuse:0.7 brillant:0.7 brillante:0.7 fierté:0.6 bonheur:0.7 joie:0.7
    espoir:0.4 bienvenue:0.4 succès:0.6 impressionnant:0.6 impressionnante:0.6 intéressant:0.4
    intéressante:0.4 passionnant:0.6 passionnante:0.6 enthousiaste:0.6 régal:0.7 délicieux:0.7
    délicieuse:0.7 bisous:0.4 youpi:0.6 chapeau:0.4 classe:0.4`),
  es: weights(`mierda:-0.8 joder:-0.5 puto:-0.6 puta:-0.6 cabrón:-0.6 gilipollas:-0.8 idiota:-0.7
    imbécil:-0.8 estúpido:-0.7 estúpida:-0.7 tonto:-0.5 tonta:-0.5 cansado:-0.4 cansancio:-0.4
    agotado:-0.5 agotada:-0.5 agobiado:-0.5 agobiada:-0.5 agobio:-0.5 estrés:-0.5 estresado:-0.5
    estresada:-0.5 llorar:-0.5 llorando:-0.6 dolor:-0.5 duele:-0.5 miedo:-0.5 enfermo:-0.5
    enferma:-0.5 insoportable:-0.7 injusto:-0.6 injusticia:-0.6 odioso:-0.7 desgracia:-0.7
    fracaso:-0.7 basura:-0.7 porquería:-0.7 mentira:-0.5 mentiras:-0.5 mentiroso:-0.6 ladrón:-0.6
    ladrones:-0.6 corrupto:-0.6 corruptos:-0.6 corrupción:-0.6 vergonzoso:-0.7 indignante:-0.7
    indignado:-0.6 indignada:-0.6 decepción:-0.7 lástima:-0.5 sufrir:-0.5 sufriendo:-0.6
    muerte:-0.5 preocupado:-0.4 preocupada:-0.4 rabia:-0.6 cabreado:-0.6 cabreada:-0.6
    molesto:-0.4 molesta:-0.4 patético:-0.7 patética:-0.7 feo:-0.5 fea:-0.5 peores:-0.7 roto:-0.4
    rota:-0.4 fallo:-0.4 culpa:-0.4 desastroso:-0.8 uf:-0.3 pff:-0.4 puaj:-0.6 horror:-0.6
    hermoso:0.7 hermosa:0.7 lindo:0.6 linda:0.6 bello:0.6 bella:0.6 maravilla:0.7 crack:0.5
    ilusión:0.5 ilusionado:0.6 ilusionada:0.6 emocionado:0.5 emocionada:0.5 disfrutar:0.6
    disfrutando:0.6 felicidad:0.7 alegría:0.7 alegre:0.6 orgullo:0.6 agradecido:0.6
    agradecida:0.6 encantado:0.6 encantada:0.6 enamorado:0.6 enamorada:0.6 amor:0.5 cariño:0.5
    abrazo:0.4 abrazos:0.4 éxito:0.6 victoria:0.6 campeón:0.5 campeones:0.5 ánimo:0.4 ánimos:0.4
    bienvenido:0.4 bienvenida:0.4 recomiendo:0.5 recomendable:0.6 brillante:0.7 impresionante:0.6
    espectacular:0.7 delicioso:0.7 deliciosa:0.7 olé:0.5 bravo:0.6 felicitaciones:0.7 gracias:0.4`),
  pt: weights(`merda:-0.8 porra:-0.5 bosta:-0.7 aff:-0.4 argh:-0.4 credo:-0.4 eca:-0.5 fdp:-0.8
    ódio:-0.7 raiva:-0.6 tristeza:-0.6 chorar:-0.5 chorando:-0.6 chorei:-0.5 medo:-0.5 sofrer:-0.5
    sofrendo:-0.6 cansado:-0.4 cansativo:-0.5 insuportável:-0.7 injusto:-0.6 injustiça:-0.6
    absurdo:-0.5 ridícula:-0.6 idiota:-0.7 imbecil:-0.8 burro:-0.5 burra:-0.5 otário:-0.7
    babaca:-0.7 palhaçada:-0.6 vergonhoso:-0.7 lamentável:-0.7 decepção:-0.7 decepcionante:-0.7
    horroroso:-0.8 horrorosa:-0.8 feio:-0.5 porcaria:-0.7 fraco:-0.4 fraca:-0.4 preocupado:-0.4
    preocupada:-0.4 irritante:-0.6 morte:-0.5 doente:-0.5 dor:-0.5 mentiroso:-0.6 ladrão:-0.6
    corrupto:-0.6 corrupção:-0.6 triste:-0.6 tenso:-0.3 tensa:-0.3 coitado:-0.3 coitada:-0.3
    maravilha:0.7 gostoso:0.5 gostosa:0.5 delícia:0.7 delicioso:0.7 deliciosa:0.7 sensacional:0.8
    espetacular:0.7 arrasou:0.7 arrasa:0.6 apaixonado:0.6 apaixonada:0.6 apaixonante:0.7
    felicidade:0.7 alegria:0.7 orgulho:0.6 valeu:0.4 lindos:0.7 lindas:0.7 fofa:0.5 fofinho:0.5
    querido:0.5 querida:0.5 sucesso:0.6 vitória:0.6 campeão:0.5 merecido:0.5 torcendo:0.4
    genial:0.8 brilhante:0.7 engraçado:0.4 engraçada:0.4 emocionante:0.6 emocionado:0.5
    emocionada:0.5`),
  it: weights(`merda:-0.8 cazzo:-0.5 cazzate:-0.7 stronzo:-0.8 stronzi:-0.8 stronzata:-0.7
    schifoso:-0.8 schifosa:-0.8 vergognoso:-0.7 vergognosa:-0.7 vergognatevi:-0.7 vergognati:-0.7
    idiota:-0.7 idioti:-0.7 cretino:-0.7 cretini:-0.7 imbecille:-0.8 imbecilli:-0.8 buffone:-0.6
    buffoni:-0.6 pagliaccio:-0.6 pagliacci:-0.6 corrotto:-0.6 corrotti:-0.6 corruzione:-0.6
    incapace:-0.7 incapaci:-0.7 incompetente:-0.7 incompetenti:-0.7 ipocrita:-0.6 ipocriti:-0.6
    ipocrisia:-0.6 falso:-0.5 falsi:-0.5 bugiardo:-0.6 bugiardi:-0.6 truffa:-0.7 schifezza:-0.7
    porcata:-0.7 uffa:-0.4 mannaggia:-0.4 bah:-0.3 purtroppo:-0.4 tristezza:-0.6 paura:-0.5
    dolore:-0.5 piangere:-0.5 rabbia:-0.6 crisi:-0.4 fallimento:-0.7 indegno:-0.7 indegna:-0.7
    indecente:-0.7 inaccettabile:-0.7 ingiusto:-0.6 ingiustizia:-0.6 razzista:-0.6 razzismo:-0.6
    evviva:0.6 felicità:0.7 gioia:0.7 speranza:0.4 fiducia:0.4 orgoglio:0.6 sorriso:0.5 amore:0.5
    geniale:0.8 eccezionale:0.8 favoloso:0.8 magnifico:0.8 entusiasmante:0.7 emozionante:0.6
    interessante:0.4 successo:0.6 vittoria:0.6 mitico:0.6 mitica:0.6 buongiorno:0.3 top:0.5`),
  de: weights(`scheiß:-0.7 scheisse:-0.8 beschissen:-0.8 verdammt:-0.5 blöd:-0.6 blöde:-0.6 doof:-0.5
    dumm:-0.6 dumme:-0.6 idioten:-0.6 arschloch:-0.8 schade:-0.5 ätzend:-0.7 anstrengend:-0.4
    müde:-0.3 krank:-0.4 trauer:-0.5 angst:-0.5 sorge:-0.4 sorgen:-0.4 hass:-0.7 ärger:-0.5
    unverschämt:-0.7 skandal:-0.7 skandalös:-0.7 schande:-0.7 unfähig:-0.7 versagen:-0.6
    versagt:-0.6 gescheitert:-0.6 chaos:-0.5 fehler:-0.4 falsch:-0.4 hässlich:-0.6 eklig:-0.7
    igitt:-0.6 pfui:-0.6 menno:-0.4 lügner:-0.7 heuchler:-0.7 heuchelei:-0.6 abzocke:-0.7
    betrug:-0.7 enttäuschung:-0.7 frust:-0.6 krieg:-0.5 terror:-0.6 gewalt:-0.6 rassismus:-0.6
    rassistisch:-0.6 cool:0.5 spitze:0.6 prima:0.6 genial:0.8 juhu:0.6 hurra:0.6 herrlich:0.7
    traumhaft:0.8 bezaubernd:0.7 süß:0.6 niedlich:0.6 lecker:0.6 köstlich:0.7 spannend:0.5
    interessant:0.4 witzig:0.5 genießen:0.6 freude:0.7 glück:0.6 spaß:0.6 gratulation:0.7
    gratuliere:0.7 dankbar:0.6 erfolg:0.6 erfolgreich:0.6 sieg:0.6 gewonnen:0.5
    empfehlenswert:0.7`),
  nl: weights(`kut:-0.7 shit:-0.6 klote:-0.7 bah:-0.5 gadver:-0.6 jakkes:-0.6 idioot:-0.7 dom:-0.5
    schandalig:-0.7 onacceptabel:-0.7 oplichting:-0.7 leugenaar:-0.7 moe:-0.3 bang:-0.4 angst:-0.5
    verdriet:-0.6 woedend:-0.8 genieten:0.6 trots:0.6 schattig:0.6 vrolijk:0.6 blijdschap:0.7
    succes:0.5 gewonnen:0.5 aanrader:0.7 toppie:0.6 gaaf:0.6 vet:0.4`),
}
