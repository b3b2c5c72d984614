import type { LanguagePack } from './language-pack.ts'

export const de: LanguagePack = {
  code: 'de',
  firstNames: ['Lukas', 'Anna', 'Jonas', 'Lena', 'Felix', 'Marie', 'Paul', 'Laura', 'Leon', 'Julia', 'Tim', 'Sophie', 'Jan', 'Hannah', 'Max', 'Katharina', 'Moritz', 'Johanna', 'Niklas', 'Jörg'],
  lastNames: ['Müller', 'Schmidt', 'Schneider', 'Fischer', 'Weber', 'Meyer', 'Wagner', 'Becker', 'Schulz', 'Hoffmann', 'Koch', 'Richter', 'Klein', 'Wolf', 'Schröder', 'Neumann', 'Schwarz', 'Braun', 'Zimmermann', 'Krüger'],
  positive: ['großartig', 'super', 'hervorragend', 'toll', 'wunderbar', 'fantastisch', 'gelungen', 'erfreulich'],
  negative: ['schlecht', 'furchtbar', 'enttäuschend', 'katastrophal', 'ärgerlich', 'gefährlich', 'peinlich', 'unerträglich'],
  post: {
    positive: ['{Subject} ist {pos}! {detail}', 'Ehrlich, {subject} ist {pos} 🎉 {detail}', 'Sehr zufrieden mit {subject}, {pos}. {detail}', '{detail} Kurz gesagt: {subject} ist {pos} ✨'],
    negative: ['{Subject} ist {neg}. {detail}', 'Wirklich {neg}: {subject}… {detail}', 'Schon wieder {subject} 😠 {neg}. {detail}', '{detail} {Subject} bleibt {neg}.'],
    neutral: ['{Subject}: {detail}', 'Kurzes Update zu {subject}. {detail}', 'Heute: {subject}. {detail}', '{detail} Mehr zu {subject} bald.'],
  },
  reply: {
    positive: ['Volle Zustimmung, {pos}!', 'Danke fürs Teilen, {pos} 🙏', 'Ja! {Subject} ist {pos}.'],
    negative: ['Sehe ich anders, eher {neg}.', 'Leider ja, {neg}… {detail}', 'Das ist {neg}, da muss sich was ändern.'],
    neutral: ['Spannend, hast du eine Quelle?', 'Notiert, danke. {detail}', 'Kommt drauf an, {subject} ist überall anders.'],
  },
  quote: {
    positive: ['Unbedingt lesen, {pos} 👇', 'Genau das. {Subject}, {pos}!'],
    negative: ['Das passiert gerade: {neg}.', 'Ich teile das, weil es {neg} ist.'],
    neutral: ['Gut zu wissen 👇', 'Ein hilfreicher Thread zu {subject}.'],
  },
  question: ['Weiß jemand, {ask}?', 'Kennt ihr {ask}?', 'Kurze Frage: {ask}?', 'Hat jemand eine Idee, {ask}?'],
  mentionLeads: ['cc', 'mit', 'danke'],
  linkLeads: ['Lesetipp:', 'Quelle:', 'Via'],
  topics: {
    klima: {
      subjects: ['die Solaranlage auf dem Dach', 'unsere Wärmepumpe', 'der Klimaplan der Stadt', 'die energetische Sanierung', 'das Balkonkraftwerk', 'der Ausbau der Windkraft', 'das Deutschlandticket'],
      details: ['Die Stromrechnung hat sich halbiert ☀️', 'Die Förderung wurde im Januar geändert.', 'Die Installation dauerte zwei Tage.', 'Der Netzbetreiber hat endlich geantwortet.', 'Der Speicher reicht bis in die Nacht.', 'Die Gemeinde plant drei neue Anlagen.'],
      asks: ['wer hier Wärmepumpen installiert', 'ob sich die Förderungen kombinieren lassen', 'wie man ein Balkonkraftwerk anmeldet', 'welcher Speicher sich lohnt'],
      bios: ['Energieingenieurin', 'Klimaaktivist', 'Solar-Enthusiast', 'Stadtwerke und Energiewende'],
    },
    rust: {
      subjects: ['das neue Rust-Release', 'meine Parser-Crate', 'Open-Source-Wartung', 'der Borrow Checker'],
      details: ['Keine Allokationen in der heißen Schleife 🦀', 'Drei neue Mitwirkende diese Woche.', 'Die Kompilierzeit sank um ein Drittel.'],
      asks: ['welche Lizenz für eine kleine Bibliothek passt', 'wie man cargo im CI beschleunigt'],
      bios: ['Rust-Entwickler', 'Open-Source-Maintainerin'],
    },
    velo: {
      subjects: ['mit dem Rad zur Arbeit', 'der neue Radweg', 'mein Lastenrad'],
      details: ['Zwanzig Minuten von Tür zu Tür 🚲', 'Die Stadt verspricht mehr Bügel.'],
      asks: ['wo man ein E-Bike warten lässt', 'welches Schloss für ein Lastenrad taugt'],
      bios: ['Alltagsradlerin', 'Radverkehr-Aktivist'],
    },
    cocina: {
      subjects: ['die Paella am Sonntag', 'der Wochenmarkt', 'mein Gazpacho-Rezept'],
      details: ['Safran macht den Unterschied.', 'Alles vom Bauern nebenan 🍅'],
      asks: ['wo es guten Chorizo gibt'],
      bios: ['Hobbykoch', 'Genießerin'],
    },
    chatter: {
      subjects: ['der Morgenkaffee', 'dieses Wochenende', 'das Konzert gestern', 'das Buch, das ich lese', 'das Foto des Tages', 'meine Katze'],
      details: ['Es regnet immer noch 🌧️', 'Schönen Tag euch allen!', 'Sehr zu empfehlen.', 'Nichts Besonderes, einfach zufrieden.'],
      asks: ['einen guten Krimi für den Sommer', 'ein ruhiges Café zum Arbeiten'],
      bios: ['Neugierig auf alles', 'Sonntagsfotograf', 'Leseratte'],
    },
    incident: {
      subjects: ['der Rückbau des Radwegs am Boulevard', 'der Unfall heute früh an der Kreuzung'],
      details: ['Wieder ein Radfahrer angefahren, niemand reagiert.', 'Wir fühlen uns jeden Tag gefährdet.'],
      asks: ['wer die Demo heute Abend organisiert'],
      bios: [],
    },
  },
}
