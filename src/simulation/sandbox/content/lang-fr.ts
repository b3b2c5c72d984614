import type { LanguagePack } from './language-pack.ts'

export const fr: LanguagePack = {
  code: 'fr',
  firstNames: ['Camille', 'Léa', 'Hugo', 'Manon', 'Lucas', 'Chloé', 'Julien', 'Inès', 'Théo', 'Élodie', 'Mathis', 'Zoé', 'Nicolas', 'Sarah', 'Antoine', 'Margaux', 'Rémi', 'Aurélie', 'Bastien', 'Noémie'],
  lastNames: ['Martin', 'Bernard', 'Dubois', 'Thomas', 'Robert', 'Richard', 'Petit', 'Durand', 'Leroy', 'Moreau', 'Simon', 'Laurent', 'Lefèvre', 'Michel', 'Garcia', 'Fournier', 'Girard', 'Bonnet', 'Mercier', 'Faure'],
  positive: ['génial', 'super', 'excellent', 'magnifique', 'formidable', 'top', 'réussi', 'agréable'],
  negative: ['nul', 'horrible', 'dangereux', 'scandaleux', 'décevant', 'catastrophique', 'inadmissible', 'pénible'],
  post: {
    positive: ['{Subject}, vraiment {pos} ! {detail}', 'Franchement, {subject} : {pos} 😍 {detail}', 'Ravi·e de {subject}, c\'est {pos}. {detail}', '{detail} Bref, {subject} = {pos} ✨'],
    negative: ['{Subject}, c\'est {neg}. {detail}', 'Franchement {neg}, {subject}… {detail}', 'Encore une fois {subject} 😡 {neg}. {detail}', '{detail} {Subject} reste {neg}.'],
    neutral: ['{Subject} : {detail}', 'Petit point sur {subject}. {detail}', 'Aujourd\'hui, {subject}. {detail}', '{detail} On en reparle : {subject}.'],
  },
  reply: {
    positive: ['Tout à fait d\'accord, c\'est {pos} !', 'Merci pour le partage, {pos} 🙏', 'Oui ! {Subject}, c\'est {pos}.'],
    negative: ['Pas d\'accord, c\'est plutôt {neg}.', 'Hélas oui, {neg}… {detail}', 'C\'est {neg}, il faut que ça change.'],
    neutral: ['Intéressant, tu as une source ?', 'Je note, merci. {detail}', 'Ça dépend, {subject} varie selon les villes.'],
  },
  quote: {
    positive: ['À lire absolument, {pos} 👇', 'Exactement ça. {Subject}, {pos} !'],
    negative: ['Voilà ce qui se passe : {neg}.', 'Je partage, parce que c\'est {neg}.'],
    neutral: ['À garder en tête 👇', 'Un fil utile sur {subject}.'],
  },
  question: ['Quelqu\'un sait {ask} ?', 'Vous connaissez {ask} ?', 'Une idée pour savoir {ask} ?', 'Question du jour : {ask} ?'],
  mentionLeads: ['cc', 'avec', 'merci'],
  linkLeads: ['À lire :', 'Source :', 'Via'],
  topics: {
    velo: {
      subjects: ['le vélotaf ce matin', 'la nouvelle piste cyclable', 'mon vélo cargo', 'les stationnements vélo de la gare', 'la vélorution de samedi', 'le plan vélo de la métropole', 'les bornes de réparation'],
      details: ['Trente minutes porte à porte, sans bouchon 🚲', 'La mairie promet des arceaux en plus.', 'On était plus de deux cents cyclistes.', 'Pensez aux gilets et aux lumières.', 'Le compteur affiche un record de passages.', 'Les enfants vont à l\'école à vélo maintenant.'],
      asks: ['où faire réviser un vélo électrique', 'si le forfait mobilités durables est cumulable', 'quel antivol choisir pour un vélo cargo', 'comment passer le pont en vélo sans danger'],
      bios: ['Vélotafeuse convaincue', 'Cycliste du quotidien', 'Militant pour la mobilité douce', 'Mécano vélo bénévole'],
    },
    rust: {
      subjects: ['la nouvelle version de Rust', 'mon crate de parsing', 'le borrow checker', 'les contributions open source', 'cargo et ses workspaces'],
      details: ['Zéro allocation dans la boucle chaude 🦀', 'La doc est enfin traduite.', 'Trois nouveaux contributeurs cette semaine.', 'Les temps de compilation ont baissé.'],
      asks: ['comment traduire un trait objet en Rust', 'quelle licence choisir pour une lib open source'],
      bios: ['Dev Rust le jour, libriste la nuit', 'Contributrice open source'],
    },
    cocina: {
      subjects: ['la paella de dimanche', 'le marché du samedi', 'ma recette de gaspacho', 'les tapas du quartier'],
      details: ['Le safran fait toute la différence.', 'Tout vient du producteur d\'à côté.', 'Prête en vingt minutes 🍅'],
      asks: ['où trouver du bon chorizo', 'comment réussir une tortilla baveuse'],
      bios: ['Cuisinier amateur', 'Gourmande et curieuse'],
    },
    klima: {
      subjects: ['les panneaux solaires du toit', 'la pompe à chaleur', 'le plan climat de la ville', 'la rénovation énergétique'],
      details: ['La facture a baissé de moitié ☀️', 'Les aides ont changé en janvier.', 'Le chantier dure encore un mois.'],
      asks: ['qui installe des pompes à chaleur dans la région', 'si les aides à la rénovation sont cumulables'],
      bios: ['Ingénieur énergie', 'Militante climat'],
    },
    chatter: {
      subjects: ['le café du matin', 'ce week-end à la campagne', 'le concert d\'hier soir', 'le livre que je lis', 'la photo du jour', 'mon chat'],
      details: ['Il pleut encore 🌧️', 'Bonne journée à toutes et tous !', 'Je recommande chaudement.', 'Rien de spécial, juste content.'],
      asks: ['un bon polar à lire cet été', 'où acheter des croissants le dimanche'],
      bios: ['Curieuse de tout', 'Photographe du dimanche', 'Lecteur compulsif'],
    },
    incident: {
      subjects: ['la suppression de la piste cyclable du boulevard', 'l\'accident de ce matin au carrefour', 'les voitures garées sur la piste', 'la fermeture du parking vélo de la gare'],
      details: ['Encore un cycliste renversé, personne ne réagit.', 'La mairie recule sans concertation.', 'On se sent en danger tous les jours.', 'Deux ans de travaux pour rien.'],
      asks: ['qui organise le rassemblement de ce soir', 'comment signaler un stationnement sur piste'],
      bios: [],
    },
  },
}
