// Frequent words per language (function words first, then everyday social-media words), written
// for this detector. A word may sit in several lists ("de", "in", "was"); the detector then splits
// its weight between them. Elisions keep their apostrophe ("l'", "don'") as the tokenizer emits.

import type { SupportedLanguage } from './languages.ts'

const words = (list: string): string[] => list.trim().split(/\s+/)

export const LANGUAGE_WORDS: Record<SupportedLanguage, string[]> = {
  en: words(`
    the a an and or but of to in on at for with from by about as into over after before than then
    is are was were be been being am have has had do does did will would can could should shall may
    might must i you he she it we they me him her us them my your his its our their this that these
    those what which who whom whose when where why how not no yes just so very really all some any
    every more most much many there here if because while out up down through again also only still
    even now today tonight tomorrow yesterday new good great thanks thank please love like know think
    get got make made want need see look going one people time day week year way back first last next
    best never always something anyone someone everyone nothing via free help work team update read
    thread it' i' don' doesn' didn' can' isn' won' wasn' aren' that' let' we' you' they' there' what'
    here' he' she' couldn' wouldn' shouldn' haven' hasn' ain' till until without within around off
    such own same other another each few both either neither nor yet ever been lol omg finally
  `),
  fr: words(`
    le la les l' un une des du de d' à et ou mais donc ni car que qu' qui quoi dont où ce c' cette ces
    cet ça ceci cela je j' tu il elle on nous vous ils elles me m' te t' se s' lui leur leurs mon ma
    mes ton ta tes son sa ses notre nos votre vos est sont suis es sommes êtes était étaient été être
    avoir ai as a avons avez ont avait fait faire va vais vont aller peut peux pouvez dois doit faut
    ne n' pas plus jamais rien aucun aucune très trop bien bon bonne tout tous toute toutes avec sans
    pour par sur sous dans chez entre vers depuis pendant avant après aussi encore déjà toujours comme
    si quand comment pourquoi combien quel quelle quels quelles oui non merci bonjour salut aujourd'
    demain hier ici là voilà voici y en au aux moi toi eux même autre autres peu beaucoup chose gens
    nouveau nouvelle vraiment super grâce soir matin semaine année fois parce contre selon enfin alors
    puis ensuite quelque chaque celui celle ceux personne tellement plutôt est-ce peut-être lorsque
    quelqu' jusqu' presque surtout cet vais fais dit
  `),
  es: words(`
    el la los las un una unos unas lo al del de y e o u pero sino que qué quien quién cual cuál cuando
    cuándo donde dónde como cómo porque por para con sin sobre entre hasta desde hacia según en a es
    son está están estoy estás estamos ser estar fue era ha han he has hemos hay había tiene tienen
    tengo tener hace hacer puede pueden puedo muy más menos mucho mucha muchos muchas poco todo toda
    todos todas nada nadie nunca siempre también tampoco ya aún todavía yo tú él ella nosotros
    vosotros ellos ellas usted ustedes me te se nos os le les mi mis tu tus su sus nuestro nuestra
    este esta estos estas ese esa esos esas eso esto aquí allí hoy mañana ayer ahora bien mal bueno
    buena gracias hola sí no si así entonces después antes otro otra otros vez día años gente cosa
    mejor peor nuevo nueva algo alguien cada mismo solo sólo estaba hizo dice creo quiero vamos va voy
    alguno alguna ningún ninguna aquí dónde mientras cuánto además igual jajaja pues vale
  `),
  pt: words(`
    o a os as um uma uns umas do da dos das no na nos nas ao aos à às pelo pela pelos pelas de em e
    ou mas que quem qual quais quando onde como porque porquê por para pra com sem sobre entre até
    desde é são está estão estou ser estar foi era tem têm tenho ter há havia faz fazer pode podem
    posso muito muita muitos muitas mais menos pouco todo toda todos todas nada ninguém nunca sempre
    também já ainda eu tu você vocês ele ela nós eles elas me te se lhe lhes meu minha meus minhas
    seu sua seus suas nosso nossa este esta isto esse essa isso aquele aquela aqui ali hoje amanhã
    ontem agora bem mal bom boa obrigado obrigada olá oi sim não assim então depois antes outro outra
    vez dia anos gente coisa melhor pior novo nova algum alguma alguém cada mesmo só estava fez diz
    acho quero vamos vai vou né tá num numa dum duma enquanto kkkk lá
  `),
  it: words(`
    il lo la i gli le l' un uno una un' di del dello della dei degli delle a al allo alla ai agli alle
    da dal dalla dai in nel nello nella nei nelle su sul sulla con per tra fra e ed o ma però che chi
    cosa cui quale quali quando dove come perché quanto è sono sei siamo siete era stato stata essere
    ho hai ha abbiamo avete hanno avere fa fare può possono posso molto molta molti più meno poco
    tutto tutta tutti tutte niente nulla nessuno mai sempre anche già ancora io tu lui lei noi voi
    loro mi ti si ci vi ne mio mia miei mie tuo tua suo sua nostro nostra questo questa questi queste
    quello quella qui qua lì là oggi domani ieri adesso ora bene male buono buona grazie ciao sì no
    non se così allora dopo prima altro altra volta giorno anni gente meglio peggio nuovo nuova
    qualcosa qualcuno ogni stesso solo c' dell' all' nell' sull' po' davvero proprio troppo veramente
    settimana stasera mentre sempre perciò quindi
  `),
  de: words(`
    der die das den dem des ein eine einen einem einer eines und oder aber denn sondern dass daß ob
    weil wenn als wie was wer wo warum wann welche welcher welches ich du er sie es wir ihr mich dich
    sich uns euch mir dir ihm ihn ihnen mein meine dein deine sein seine unser unsere euer ist sind
    bin bist seid war waren gewesen hat habe hast haben hatte wird werden wurde kann können muss
    müssen soll will möchte nicht kein keine keinen nie nichts sehr viel viele mehr noch schon auch
    nur immer hier da dort heute morgen gestern jetzt gut schön danke bitte ja nein doch mal so dann
    also zu zum zur im am vom beim ins mit von für auf aus bei nach über unter vor durch gegen ohne
    um bis seit an in neue neuen neues leute jahr jahre woche tag etwas jemand alle alles jeder jede
    gibt geht einfach wirklich endlich ganz gerade wieder toll super eigentlich vielleicht während
    wegen dieser diese dieses damit heute
  `),
  nl: words(`
    de het een en of maar want dat die dit deze wat wie waar wanneer waarom hoe welke ik jij je u hij
    zij ze wij we jullie mij me jou hem haar ons hun hen mijn jouw zijn onze uw is ben bent was waren
    geweest heeft heb hebt hebben had hadden wordt worden werd kan kunnen moet moeten wil willen zal
    zullen niet geen nooit niets heel erg veel meer nog al ook alleen altijd hier daar er vandaag
    morgen gisteren nu goed mooi bedankt dank dankjewel graag alsjeblieft ja nee toch eens zo dan dus
    te naar met van voor op uit bij over onder door tegen zonder om tot sinds aan in nieuwe nieuw
    mensen jaar week dag iets iemand alle alles elke gaat gaan echt eindelijk helemaal gewoon weer
    leuk lekker misschien omdat als toen zeer wel even hele tijdens terwijl
  `),
}
