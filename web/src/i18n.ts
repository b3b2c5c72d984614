import { signal } from '@preact/signals'
import { FR_MORE } from './i18n-more'

// English and French, chosen by the person (remembered in this browser).
export type Lang = 'en' | 'fr'
const stored = localStorage.getItem('relais.lang')
export const lang = signal<Lang>(stored === 'fr' || stored === 'en' ? stored : navigator.language.startsWith('fr') ? 'fr' : 'en')
export function setLang(next: Lang): void {
  lang.value = next
  localStorage.setItem('relais.lang', next)
  document.documentElement.lang = next
}
document.documentElement.lang = lang.value

const fr: Record<string, string> = {
  'Topics': 'Sujets', 'Sources': 'Sources', 'Digests': 'Synthèses', 'Keys': 'Clés', 'Jobs': 'Tâches', 'Sign out': 'Se déconnecter',
  'Sign out everywhere': 'Se déconnecter partout', 'Sign in': 'Se connecter', 'Email': 'E-mail', 'Password': 'Mot de passe',
  'Name': 'Nom', 'Query': 'Requête', 'Create': 'Créer', 'Save': 'Enregistrer', 'Loading…': 'Chargement…', 'Overview': 'Vue d’ensemble',
  'Map': 'Carte', 'People': 'Personnes', 'Mentions': 'Mentions', 'Inbox': 'À traiter', 'Influencers': 'Influenceurs', 'Relays': 'Relais',
  'Prospects': 'Prospects', 'Movers': 'En progression', 'Volume over time': 'Volume dans le temps', 'Share by network': 'Part par réseau',
  'Sentiment': 'Sentiment', 'Network fit': 'Adéquation des réseaux', 'Rising hashtags and terms': 'Hashtags et termes en hausse',
  'Best hours to post': 'Meilleures heures pour publier', 'Alerts': 'Alertes', 'No alert.': 'Aucune alerte.', 'Nothing is rising this week.': 'Rien ne monte cette semaine.', 'positive': 'positif',
  'negative': 'négatif', 'neutral': 'neutre', 'unknown': 'inconnu', 'mentions': 'mentions', 'posts': 'publications',
  'Search': 'Rechercher', 'Open the original': 'Voir l’original', 'Mark handled': 'Marquer traité', 'Handled': 'Traité',
  // The mention feed's live updates.
  'Live updates paused while filtered.': 'Mises à jour en direct suspendues tant qu’un filtre est appliqué.',
  'Connecting to live updates…': 'Connexion aux mises à jour en direct…', 'Connection lost: reconnecting…': 'Connexion perdue : reconnexion…',
  'Live: new mentions appear here as they are collected.': 'En direct : les nouvelles mentions apparaissent ici dès leur collecte.',
  'Live updates stopped: reload the page to resume them.': 'Mises à jour en direct arrêtées : rechargez la page pour les reprendre.',
  '1 new mention': '1 nouvelle mention', '{n} new mentions': '{n} nouvelles mentions', 'Show': 'Afficher',
  '1 new mention shown at the top': '1 nouvelle mention affichée en haut', '{n} new mentions shown at the top': '{n} nouvelles mentions affichées en haut',
  'More mentions arrived than can be shown live.': 'Plus de mentions sont arrivées que le direct ne peut en afficher.', 'Reload the feed': 'Recharger le fil',
  'Nothing to answer.': 'Rien à traiter.', 'Export GEXF': 'Exporter en GEXF', 'Search an account': 'Chercher un compte',
  'Size: influence · colour: community · marked: top relays': 'Taille : influence · couleur : communauté · marqués : meilleurs relais',
  'Profile': 'Profil', 'Scores': 'Scores', 'followers': 'abonnés', 'New topic': 'Nouveau sujet', 'Edit': 'Modifier',
  'Create a key': 'Créer une clé', 'Revoke': 'Révoquer', 'revoked': 'révoquée', 'Copy it now: it will not be shown again.': 'Copiez-la maintenant : elle ne sera plus affichée.',
  'Scopes': 'Portées', 'Created': 'Créée', 'Last runs': 'Dernières exécutions', 'Next run': 'Prochaine exécution', 'Run now': 'Lancer',
  'Network': 'Réseau', 'Recipients': 'Destinataires', 'Preview': 'Aperçu', 'Add a source': 'Ajouter une source', 'Base URL': 'URL de base',
  'Set up Relais': 'Configurer Relais', 'Your workspace': 'Votre espace de travail', 'Join the workspace': 'Rejoindre l’espace de travail',
  'Opening the link…': 'Ouverture du lien…', 'Read-only view of one topic': 'Vue en lecture seule d’un sujet',
  'Page not found.': 'Page introuvable.', 'Components': 'Composantes', 'Why': 'Pourquoi', 'score': 'score', 'rank': 'rang',
  'Coverage': 'Couverture', 'Computed': 'Calculé', 'Not scored yet.': 'Pas encore calculé.', 'Account': 'Compte', 'Language': 'Langue',
  'Its posts on the topic': 'Ses publications sur le sujet', 'Influence': 'Influence', 'Relay': 'Relais', 'Check the query': 'Vérifier la requête',
  'Sample size': 'Taille d’échantillon', 'Filters': 'Filtres', 'All networks': 'Tous les réseaux', 'Guide': 'Guide',
  'new': 'nouveau', 'Webhooks': 'Webhooks', 'Workspace': 'Espace de travail', 'Role': 'Rôle', 'Skip to content': 'Aller au contenu',
  'Unsubscribe': 'Se désabonner', 'You are unsubscribed from this digest.': 'Vous êtes désabonné de cette synthèse.',
  'Confirm unsubscribe': 'Confirmer le désabonnement', 'Mon': 'lun', 'Tue': 'mar', 'Wed': 'mer', 'Thu': 'jeu', 'Fri': 'ven', 'Sat': 'sam', 'Sun': 'dim',
  ...FR_MORE,
}

/** The text in the person's language (English is the key). */
export function t(text: string): string {
  return lang.value === 'fr' ? (fr[text] ?? text) : text
}

export const formatNumber = (n: number, digits = 0) => n.toLocaleString(lang.value, { maximumFractionDigits: digits })
export const formatPercent = (share: number) => `${formatNumber(share * 100, 1)} %`
export const formatDate = (iso: string) => new Date(iso).toLocaleString(lang.value, { dateStyle: 'medium', timeStyle: 'short' })
const NETWORK_NAMES: Record<string, string> = { mastodon: 'Mastodon', bluesky: 'Bluesky', reddit: 'Reddit', x: 'X' }
export const networkName = (n: string) => (n === 'all' ? t('All networks') : NETWORK_NAMES[n] ?? n)
