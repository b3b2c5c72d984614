// Hand-written sentences with an obvious polarity, per supported language, in three sets:
// - TEST: asserted by the tests; the supplement lexicon was written while looking at it.
// - DEV: guided the choice of vocabularies and stemmers (bench/enrich/accuracy.ts). Its second
//   half was first a held-out set (46/56 right when first measured); its misses then led to the
//   superlative rule, a few supplement words and Italian stemming, so it joined DEV.
// - HELD_OUT: written after all tuning and never used for it; the unbiased figure.
// `negation` pairs check that "not good" reads negative and "not bad" reads positive.

export interface SentimentSample {
  lang: string
  text: string
  /** +1 clearly positive, -1 clearly negative. */
  sign: 1 | -1
}

type Sets = Record<string, { positive: string[]; negative: string[]; negation?: [string, 1 | -1][] }>

const flatten = (sets: Sets, withNegation: boolean): SentimentSample[] =>
  Object.entries(sets).flatMap(([lang, set]) => [
    ...set.positive.map((text) => ({ lang, text, sign: 1 as const })),
    ...set.negative.map((text) => ({ lang, text, sign: -1 as const })),
    ...(withNegation ? (set.negation ?? []).map(([text, sign]) => ({ lang, text, sign })) : []),
  ])

const TEST: Sets = {
  en: {
    positive: [
      'I absolutely love this new update, great work everyone!',
      'What a beautiful morning, feeling happy and grateful',
      'The support team was amazing and solved my problem in minutes',
      'Best concert I have ever been to, wonderful night',
      'Congratulations on the launch, the product looks excellent',
      'Such a fun and delightful evening with friends',
    ],
    negative: [
      'This is the worst service I have ever experienced, totally awful',
      'I hate waiting on hold for hours, terrible experience',
      'The update broke everything, I am so angry and disappointed',
      'What a horrible day, everything went wrong',
      'The food was disgusting and the staff were rude',
      'Sad news today, I am heartbroken',
    ],
    negation: [
      ['This movie is not good', -1],
      ['The hotel was not bad at all', 1],
      ["I don't like this app", -1],
    ],
  },
  fr: {
    positive: [
      "J'adore cette nouvelle version, excellent travail à toute l'équipe !",
      'Quelle belle matinée, je suis heureux',
      'Le service client était formidable et très efficace',
      'Meilleur concert de ma vie, une soirée magnifique',
      'Félicitations pour le lancement, le produit est superbe',
      'Une soirée agréable et drôle avec des amis',
    ],
    negative: [
      "C'est le pire service que j'ai jamais vu, vraiment horrible",
      'Je déteste attendre des heures, expérience terrible',
      'La mise à jour a tout cassé, je suis furieux et déçu',
      'Quelle journée affreuse, tout est allé de travers',
      'La nourriture était dégoûtante et le personnel désagréable',
      'Triste nouvelle aujourd’hui, je suis malheureux',
    ],
    negation: [
      ["Ce film n'est pas bon", -1],
      ["Le repas n'était pas mauvais du tout", 1],
    ],
  },
  es: {
    positive: [
      'Me encanta esta nueva versión, ¡excelente trabajo de todo el equipo!',
      'Qué mañana tan bonita, me siento feliz',
      'El servicio al cliente fue maravilloso y muy rápido',
      'El mejor concierto de mi vida, una noche fantástica',
      'Felicidades por el lanzamiento, el producto es estupendo',
      'Una tarde divertida y agradable con amigos',
    ],
    negative: [
      'Es el peor servicio de mi vida, realmente horrible',
      'Odio esperar durante horas, una experiencia terrible',
      'La actualización lo rompió todo, estoy furioso y decepcionado',
      'Qué día tan horrible, todo salió mal',
      'La comida estaba asquerosa y el personal fue grosero',
      'Triste noticia hoy, estoy muy deprimido',
    ],
    negation: [
      ['Esta película no es buena', -1],
      ['El hotel no estaba nada mal', 1],
    ],
  },
  pt: {
    positive: [
      'Adorei esta nova versão, excelente trabalho de toda a equipe!',
      'Que manhã linda, estou muito feliz',
      'O atendimento foi maravilhoso e muito rápido',
      'O melhor show da minha vida, uma noite fantástica',
      'Parabéns pelo lançamento, o produto ficou ótimo',
      'Uma tarde divertida e agradável com os amigos',
    ],
    negative: [
      'É o pior serviço que já vi, horrível',
      'Odeio esperar horas, experiência terrível',
      'A atualização estragou tudo, estou furioso e decepcionado',
      'Que dia horrível, tudo deu errado',
      'A comida estava nojenta e os funcionários foram grosseiros',
      'Notícia triste hoje, estou arrasado',
    ],
    negation: [
      ['Este filme não é bom', -1],
      ['O hotel não era nada mau', 1],
    ],
  },
  it: {
    positive: [
      'Adoro questa nuova versione, ottimo lavoro a tutto il team!',
      'Che bella mattina, mi sento felice',
      'Il servizio clienti è stato meraviglioso e velocissimo',
      'Il miglior concerto della mia vita, una serata fantastica',
      'Complimenti per il lancio, il prodotto è splendido',
      'Una serata divertente e piacevole con gli amici',
    ],
    negative: [
      'È il peggior servizio che abbia mai visto, orribile',
      'Odio aspettare per ore, esperienza terribile',
      "L'aggiornamento ha rotto tutto, sono furioso e deluso",
      'Che giornata orribile, è andato tutto storto',
      'Il cibo era disgustoso e il personale maleducato',
      'Notizia triste oggi, sono devastato',
    ],
    negation: [
      ['Questo film non è buono', -1],
      ["L'albergo non era affatto male", 1],
    ],
  },
  de: {
    positive: [
      'Ich liebe diese neue Version, großartige Arbeit vom ganzen Team!',
      'Was für ein schöner Morgen, ich bin glücklich',
      'Der Kundenservice war wunderbar und sehr schnell',
      'Das beste Konzert meines Lebens, ein fantastischer Abend',
      'Herzlichen Glückwunsch zum Start, das Produkt ist hervorragend',
      'Ein lustiger und angenehmer Abend mit Freunden',
    ],
    negative: [
      'Das ist der schlechteste Service, den ich je erlebt habe, einfach furchtbar',
      'Ich hasse es, stundenlang zu warten, schreckliche Erfahrung',
      'Das Update hat alles kaputt gemacht, ich bin wütend und enttäuscht',
      'Was für ein schrecklicher Tag, alles ging schief',
      'Das Essen war ekelhaft und das Personal unfreundlich',
      'Traurige Nachrichten heute, ich bin am Boden zerstört',
    ],
    negation: [
      ['Dieser Film ist nicht gut', -1],
      ['Das Hotel war gar nicht schlecht', 1],
    ],
  },
  nl: {
    positive: [
      'Ik ben dol op deze nieuwe versie, geweldig werk van het hele team!',
      'Wat een mooie ochtend, ik voel me gelukkig',
      'De klantenservice was fantastisch en erg snel',
      'Het beste concert van mijn leven, een prachtige avond',
      'Gefeliciteerd met de lancering, het product is uitstekend',
      'Een leuke en gezellige avond met vrienden',
    ],
    negative: [
      'Dit is de slechtste service die ik ooit heb meegemaakt, echt vreselijk',
      'Ik haat urenlang wachten, verschrikkelijke ervaring',
      'De update heeft alles kapotgemaakt, ik ben boos en teleurgesteld',
      'Wat een vreselijke dag, alles ging mis',
      'Het eten was smerig en het personeel onvriendelijk',
      'Triest nieuws vandaag, ik ben er kapot van',
    ],
    negation: [
      ['Deze film is niet goed', -1],
      ['Het hotel was helemaal niet slecht', 1],
    ],
  },
}

const DEV: Sets = {
  en: {
    positive: [
      'Really enjoyed the workshop today, thank you so much',
      'This recipe is fantastic, my family loved it',
      'Great news, we won the cup!',
      'Lovely people and a perfect venue',
    ],
    negative: [
      'My flight got cancelled again, this is ridiculous',
      'Terrible weather ruined our picnic',
      'I am so tired of these stupid bugs',
      'The battery is useless, it dies after an hour',
    ],
  },
  fr: {
    positive: [
      "J'ai beaucoup aimé l'atelier aujourd'hui, merci beaucoup",
      'Cette recette est fantastique, toute la famille a adoré',
      'Super nouvelle, on a gagné la coupe !',
      'Des gens charmants et un lieu parfait',
    ],
    negative: [
      "Mon vol est encore annulé, c'est ridicule",
      'Un temps horrible a gâché notre pique-nique',
      "J'en ai marre de ces bugs stupides",
      'La batterie est inutile, elle meurt après une heure',
    ],
  },
  es: {
    positive: [
      'Me gustó mucho el taller de hoy, muchas gracias',
      'Esta receta es fantástica, a mi familia le encantó',
      '¡Buenas noticias, ganamos la copa!',
      'Gente encantadora y un lugar perfecto',
    ],
    negative: [
      'Me cancelaron el vuelo otra vez, es ridículo',
      'Un tiempo horrible arruinó nuestro picnic',
      'Estoy harto de estos errores estúpidos',
      'La batería es inútil, se muere en una hora',
    ],
  },
  pt: {
    positive: [
      'Gostei muito da oficina de hoje, muito obrigado',
      'Esta receita é fantástica, minha família adorou',
      'Ótimas notícias, ganhamos a taça!',
      'Pessoas encantadoras e um lugar perfeito',
    ],
    negative: [
      'Meu voo foi cancelado de novo, é ridículo',
      'O tempo horrível estragou o nosso piquenique',
      'Estou cansado destes erros estúpidos',
      'A bateria é inútil, morre depois de uma hora',
    ],
  },
  it: {
    positive: [
      'Mi è piaciuto molto il workshop di oggi, grazie mille',
      "Questa ricetta è fantastica, la mia famiglia l'ha adorata",
      'Ottime notizie, abbiamo vinto la coppa!',
      'Persone affascinanti e un posto perfetto',
    ],
    negative: [
      'Il mio volo è stato cancellato di nuovo, è ridicolo',
      'Un tempo orribile ha rovinato il nostro picnic',
      'Sono stufo di questi bug stupidi',
      "La batteria è inutile, muore dopo un'ora",
    ],
  },
  de: {
    positive: [
      'Der Workshop heute hat mir sehr gefallen, vielen Dank',
      'Dieses Rezept ist fantastisch, meine Familie hat es geliebt',
      'Tolle Neuigkeiten, wir haben den Pokal gewonnen!',
      'Nette Leute und ein perfekter Ort',
    ],
    negative: [
      'Mein Flug wurde schon wieder gestrichen, das ist lächerlich',
      'Schreckliches Wetter hat unser Picknick ruiniert',
      'Ich habe diese dummen Fehler so satt',
      'Der Akku ist nutzlos, er ist nach einer Stunde leer',
    ],
  },
  nl: {
    positive: [
      'Ik heb erg genoten van de workshop vandaag, heel erg bedankt',
      'Dit recept is fantastisch, mijn familie vond het heerlijk',
      'Geweldig nieuws, we hebben de beker gewonnen!',
      'Aardige mensen en een perfecte locatie',
    ],
    negative: [
      'Mijn vlucht is weer geannuleerd, dit is belachelijk',
      'Vreselijk weer heeft onze picknick verpest',
      'Ik ben die stomme bugs zo zat',
      'De batterij is nutteloos, hij is na een uur leeg',
    ],
  },
}

const DEV_SECOND_HALF: Sets = {
  en: {
    positive: [
      'So proud of my sister for finishing her first marathon',
      'The new park is gorgeous, we spent the whole afternoon there',
      'Brilliant keynote this morning, really inspiring',
      'Thank you all for the kind birthday wishes, you made my day',
    ],
    negative: [
      'Lost my wallet on the train, worst start to the week',
      'The app keeps crashing and support ignores my emails, so frustrating',
      'Such a boring match, a total waste of money',
      'Really upset about the layoffs announced today',
    ],
  },
  fr: {
    positive: [
      'Tellement fier de ma sœur qui a fini son premier marathon',
      "Le nouveau parc est splendide, on y a passé tout l'après-midi",
      'Conférence brillante ce matin, vraiment inspirante',
      "Merci à tous pour vos gentils messages d'anniversaire, vous avez illuminé ma journée",
    ],
    negative: [
      "J'ai perdu mon portefeuille dans le train, pire début de semaine",
      "L'appli plante sans arrêt et le support ignore mes mails, c'est exaspérant",
      "Match ennuyeux, une perte d'argent totale",
      "Vraiment triste pour les licenciements annoncés aujourd'hui",
    ],
  },
  es: {
    positive: [
      'Muy orgullosa de mi hermana por terminar su primer maratón',
      'El nuevo parque es precioso, pasamos allí toda la tarde',
      'Una charla brillante esta mañana, muy inspiradora',
      'Gracias a todos por las felicitaciones, me habéis alegrado el día',
    ],
    negative: [
      'He perdido la cartera en el tren, el peor comienzo de semana',
      'La aplicación se cuelga todo el rato y el soporte ignora mis correos, qué frustrante',
      'Partido aburridísimo, una pérdida total de dinero',
      'Muy triste por los despidos anunciados hoy',
    ],
  },
  pt: {
    positive: [
      'Muito orgulhosa da minha irmã por terminar a primeira maratona',
      'O parque novo é lindíssimo, passamos a tarde toda lá',
      'Palestra brilhante hoje de manhã, muito inspiradora',
      'Obrigada a todos pelas mensagens de aniversário, vocês alegraram o meu dia',
    ],
    negative: [
      'Perdi a carteira no trem, pior começo de semana',
      'O aplicativo trava o tempo todo e o suporte ignora meus e-mails, que frustrante',
      'Jogo chatíssimo, um desperdício total de dinheiro',
      'Muito triste com as demissões anunciadas hoje',
    ],
  },
  it: {
    positive: [
      'Orgogliosissima di mia sorella che ha finito la sua prima maratona',
      'Il nuovo parco è stupendo, ci abbiamo passato tutto il pomeriggio',
      'Intervento brillante stamattina, davvero stimolante',
      'Grazie a tutti per gli auguri, mi avete reso felice la giornata',
    ],
    negative: [
      'Ho perso il portafoglio sul treno, il peggior inizio di settimana',
      "L'app continua a bloccarsi e l'assistenza ignora le mie email, che frustrazione",
      'Partita noiosissima, uno spreco totale di soldi',
      'Molto triste per i licenziamenti annunciati oggi',
    ],
  },
  de: {
    positive: [
      'So stolz auf meine Schwester, die ihren ersten Marathon geschafft hat',
      'Der neue Park ist herrlich, wir waren den ganzen Nachmittag dort',
      'Brillanter Vortrag heute Morgen, wirklich inspirierend',
      'Danke euch allen für die lieben Geburtstagswünsche, ihr habt meinen Tag gerettet',
    ],
    negative: [
      'Meinen Geldbeutel im Zug verloren, der schlimmste Wochenstart',
      'Die App stürzt ständig ab und der Support ignoriert meine Mails, so frustrierend',
      'Was für ein langweiliges Spiel, totale Geldverschwendung',
      'Wirklich traurig über die heute angekündigten Entlassungen',
    ],
  },
  nl: {
    positive: [
      'Zo trots op mijn zus die haar eerste marathon heeft uitgelopen',
      'Het nieuwe park is schitterend, we hebben er de hele middag doorgebracht',
      'Briljante keynote vanochtend, echt inspirerend',
      'Bedankt allemaal voor de lieve verjaardagswensen, jullie hebben mijn dag goedgemaakt',
    ],
    negative: [
      'Mijn portemonnee verloren in de trein, slechtste begin van de week',
      'De app crasht steeds en de support negeert mijn mails, zo frustrerend',
      'Wat een saaie wedstrijd, totale geldverspilling',
      'Echt verdrietig over de ontslagen die vandaag zijn aangekondigd',
    ],
  },
}

const HELD_OUT: Sets = {
  en: {
    positive: [
      'Our team shipped the release on time and the customers love it',
      'What a lovely surprise to find flowers on my desk this morning',
      'The concert last night was absolutely incredible',
      'Big thanks to the volunteers, the event was a huge success',
    ],
    negative: [
      'Three hours of delays and not a single update from the airline, unacceptable',
      'My order arrived damaged and the refund process is a nightmare',
      "Feeling miserable with this flu, can't get out of bed",
      'The new design is ugly and confusing',
    ],
  },
  fr: {
    positive: [
      "Notre équipe a livré la version à temps et les clients l'adorent",
      'Quelle jolie surprise de trouver des fleurs sur mon bureau ce matin',
      "Le concert d'hier soir était absolument incroyable",
      "Un grand merci aux bénévoles, l'événement a été un énorme succès",
    ],
    negative: [
      'Trois heures de retard et aucune information de la compagnie, inadmissible',
      'Ma commande est arrivée abîmée et le remboursement est un cauchemar',
      'Je me sens misérable avec cette grippe, impossible de sortir du lit',
      'Le nouveau design est moche et confus',
    ],
  },
  es: {
    positive: [
      'Nuestro equipo entregó la versión a tiempo y a los clientes les encanta',
      'Qué sorpresa tan bonita encontrar flores en mi mesa esta mañana',
      'El concierto de anoche fue absolutamente increíble',
      'Mil gracias a los voluntarios, el evento fue un éxito enorme',
    ],
    negative: [
      'Tres horas de retraso y ni una sola explicación de la aerolínea, inaceptable',
      'Mi pedido llegó dañado y el reembolso es una pesadilla',
      'Me siento fatal con esta gripe, no puedo levantarme de la cama',
      'El nuevo diseño es feo y confuso',
    ],
  },
  pt: {
    positive: [
      'Nossa equipe entregou a versão no prazo e os clientes amaram',
      'Que surpresa linda encontrar flores na minha mesa hoje de manhã',
      'O show de ontem à noite foi absolutamente incrível',
      'Muito obrigado aos voluntários, o evento foi um sucesso enorme',
    ],
    negative: [
      'Três horas de atraso e nenhuma explicação da companhia aérea, inaceitável',
      'Meu pedido chegou danificado e o reembolso é um pesadelo',
      'Estou péssimo com essa gripe, não consigo sair da cama',
      'O novo design é feio e confuso',
    ],
  },
  it: {
    positive: [
      'Il nostro team ha consegnato la versione in tempo e i clienti la adorano',
      'Che bella sorpresa trovare dei fiori sulla scrivania stamattina',
      'Il concerto di ieri sera è stato assolutamente incredibile',
      "Un grazie enorme ai volontari, l'evento è stato un grande successo",
    ],
    negative: [
      'Tre ore di ritardo e nessuna spiegazione dalla compagnia aerea, inaccettabile',
      'Il mio ordine è arrivato danneggiato e il rimborso è un incubo',
      'Mi sento malissimo con questa influenza, non riesco ad alzarmi dal letto',
      'Il nuovo design è brutto e confuso',
    ],
  },
  de: {
    positive: [
      'Unser Team hat die Version pünktlich geliefert und die Kunden lieben sie',
      'Was für eine schöne Überraschung, heute Morgen Blumen auf meinem Schreibtisch zu finden',
      'Das Konzert gestern Abend war absolut unglaublich',
      'Ein riesiges Dankeschön an die Freiwilligen, die Veranstaltung war ein voller Erfolg',
    ],
    negative: [
      'Drei Stunden Verspätung und keine einzige Information von der Airline, inakzeptabel',
      'Meine Bestellung kam beschädigt an und die Rückerstattung ist ein Albtraum',
      'Ich fühle mich elend mit dieser Grippe und komme nicht aus dem Bett',
      'Das neue Design ist hässlich und verwirrend',
    ],
  },
  nl: {
    positive: [
      'Ons team heeft de versie op tijd opgeleverd en de klanten zijn er dol op',
      'Wat een leuke verrassing om vanochtend bloemen op mijn bureau te vinden',
      'Het concert gisteravond was werkelijk ongelooflijk',
      'Enorm bedankt aan de vrijwilligers, het evenement was een groot succes',
    ],
    negative: [
      'Drie uur vertraging en geen enkele uitleg van de luchtvaartmaatschappij, onacceptabel',
      'Mijn bestelling kwam beschadigd aan en de terugbetaling is een nachtmerrie',
      'Ik voel me ellendig met deze griep en kom mijn bed niet uit',
      'Het nieuwe ontwerp is lelijk en verwarrend',
    ],
  },
}

export const SENTIMENT_TEST_SAMPLES = flatten(TEST, false)
export const NEGATION_TEST_SAMPLES = flatten(TEST, true).filter(
  (sample) => !SENTIMENT_TEST_SAMPLES.some((plain) => plain.text === sample.text),
)
export const SENTIMENT_DEV_SAMPLES = [...flatten(DEV, false), ...flatten(DEV_SECOND_HALF, false)]
export const SENTIMENT_HELD_OUT_SAMPLES = flatten(HELD_OUT, false)
