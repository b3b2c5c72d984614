// French for the pages added after the first set (webhooks, alerts, members, digests, the query
// check, the networks' coverage notes and sources' live collection); merged into the dictionary in i18n.ts.
export const FR_MORE: Record<string, string> = {
  'Relais POSTs each event, signed with the webhook\'s secret (Relais-Signature header).': 'Relais envoie chaque événement par POST, signé avec le secret du webhook (en-tête Relais-Signature).',
  'Add a webhook': 'Ajouter un webhook', 'Description': 'Description', 'Events': 'Événements', 'Secret, shown once: store it now.': 'Secret, affiché une seule fois : conservez-le maintenant.',
  'No webhook yet.': 'Aucun webhook pour l’instant.', 'State': 'État', 'active': 'actif', 'paused': 'en pause', 'Pause': 'Mettre en pause', 'Resume': 'Reprendre', 'Delete': 'Supprimer',
  'Threshold k (mean + k·σ)': 'Seuil k (moyenne + k·σ)', 'Minimum mentions in the hour': 'Mentions minimales dans l’heure', 'Hours before the same alert again': 'Heures avant la même alerte à nouveau',
  'Hours of baseline': 'Heures de référence', 'Saved.': 'Enregistré.', 'Hour': 'Heure', 'Kind': 'Type', 'volume': 'volume', 'How spikes are detected': 'Comment les pics sont détectés',
  'Members': 'Membres', 'Since': 'Depuis', 'you': 'vous', 'viewer': 'lecteur', 'editor': 'éditeur', 'admin': 'administrateur', 'Remove': 'Retirer',
  'Invite someone': 'Inviter quelqu’un', 'Email (optional: the link then works for this address only)': 'E-mail (facultatif : le lien ne vaut alors que pour cette adresse)',
  'Create an invitation link': 'Créer un lien d’invitation', 'Send this link; it works once, for 7 days:': 'Envoyez ce lien ; il sert une fois, pendant 7 jours :',
  'Invitations': 'Invitations', 'anyone with the link': 'quiconque a le lien', 'until': 'jusqu’au',
  'What each network gives': 'Ce que donne chaque réseau',
  'Hashtags are followed through each hashtag\'s public timeline on the source\'s instance. Words without a hashtag need full-text search, which needs a token and only finds accounts that opted in. Followers are those the instance knows (mostly its own users): add the instances where the conversation lives.':
    'Les hashtags sont suivis par le fil public de chaque hashtag sur l’instance de la source. Les mots sans hashtag demandent la recherche plein texte, qui exige un jeton et ne trouve que les comptes qui l’ont accepté. Les abonnés sont ceux que l’instance connaît (surtout ses propres utilisateurs) : ajoutez les instances où vit la conversation.',
  'Post search by words, hashtags, handles and language; exclusions are applied by Relais. Anonymous search is often refused: give the source an app password. Followers and follows are public.':
    'Recherche de publications par mots, hashtags, comptes et langue ; les exclusions sont appliquées par Relais. La recherche anonyme est souvent refusée : donnez un mot de passe d’application à la source. Abonnés et abonnements sont publics.',
  'Search with AND, OR, NOT and phrases; hashtags and handles are plain words there. No follower graph: influence and relays rest on replies and mentions only.':
    'Recherche avec AND, OR, NOT et expressions ; hashtags et comptes y sont de simples mots. Pas de graphe d’abonnés : influence et relais ne reposent que sur les réponses et les mentions.',
  'Recent search (the last 7 days) with a paid API bearer token; followers and follows depend on the access level. Reposts are collected as interactions.':
    'Recherche récente (les 7 derniers jours) avec un jeton d’API payant ; abonnés et abonnements dépendent du niveau d’accès. Les reposts sont collectés comme interactions.',
  'The query is valid. What each network will be asked:': 'La requête est valide. Ce qui sera demandé à chaque réseau :', 'partly': 'en partie', 'nothing': 'rien',
  'When': 'Quand', 'Next send': 'Prochain envoi', 'nobody (everyone unsubscribed)': 'personne (tous se sont désabonnés)', 'Refused': 'Refusées', 'Last': 'Dernier', 'Stop': 'Arrêter',
  'New digest': 'Nouvelle synthèse', 'Topic': 'Sujet', 'Recipients (one address per line or separated by commas)': 'Destinataires (une adresse par ligne ou séparées par des virgules)',
  'No digest yet.': 'Aucune synthèse pour l’instant.', 'No pending invitation.': 'Aucune invitation en attente.', 'Main': 'Principale', 'All networks': 'Tous les réseaux', 'Mentions over time by network': 'Mentions dans le temps, par réseau',
  'Day': 'Jour', 'Time zone': 'Fuseau horaire', 'Language of the email': 'Langue de l’e-mail',
  'monday': 'lundi', 'tuesday': 'mardi', 'wednesday': 'mercredi', 'thursday': 'jeudi', 'friday': 'vendredi', 'saturday': 'samedi', 'sunday': 'dimanche',
  'Live collection': 'Collecte en direct', 'Live reading off': 'Lecture en direct désactivée', 'Live, being read': 'En direct, en cours de lecture',
  'On, but no running process reads it': 'Activée, mais aucun processus en cours ne la lit', 'no event stored yet': 'aucun événement enregistré pour l’instant',
  '{lag} s behind': '{lag} s de retard', 'last event {ago}': 'dernier événement {ago}', 'No live stream on this network': 'Pas de flux en direct sur ce réseau', 'Last error': 'Dernière erreur',
  'Turn live reading off': 'Désactiver la lecture en direct', 'Turn live reading on': 'Activer la lecture en direct',
  'live reading is on. A running reader starts within about ten seconds.': 'lecture en direct activée. Un lecteur en cours s’y met dans une dizaine de secondes.',
  'live reading is off. A running reader stops within about ten seconds; scheduled collection goes on.': 'lecture en direct désactivée. Un lecteur en cours s’arrête dans une dizaine de secondes ; la collecte planifiée continue.',
  'live reading was not changed.': 'la lecture en direct n’a pas été modifiée.', 'Only an admin of the workspace can turn live reading on or off.': 'Seul un administrateur de l’espace de travail peut activer ou désactiver la lecture en direct.',
}
