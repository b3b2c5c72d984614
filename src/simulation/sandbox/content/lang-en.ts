import type { LanguagePack } from './language-pack.ts'

export const en: LanguagePack = {
  code: 'en',
  firstNames: ['Alex', 'Sam', 'Jordan', 'Taylor', 'Morgan', 'Casey', 'Riley', 'Jamie', 'Avery', 'Quinn', 'Emily', 'James', 'Olivia', 'Noah', 'Grace', 'Liam', 'Chloe', 'Ethan', 'Maya', 'Owen'],
  lastNames: ['Smith', 'Johnson', 'Brown', 'Taylor', 'Wilson', 'Davies', 'Evans', 'Walker', 'Wright', 'Hughes', 'Green', 'Hall', 'Wood', 'Clarke', 'Baker', 'Turner', 'Hill', 'Cooper', 'Ward', 'Parker'],
  positive: ['great', 'awesome', 'excellent', 'brilliant', 'lovely', 'fantastic', 'impressive', 'delightful'],
  negative: ['terrible', 'awful', 'broken', 'disappointing', 'frustrating', 'horrible', 'painful', 'useless'],
  post: {
    positive: ['{Subject} is {pos}! {detail}', 'Honestly, {subject} feels {pos} 🎉 {detail}', 'Really happy with {subject}, {pos}. {detail}', '{detail} In short: {subject} is {pos} ✨'],
    negative: ['{Subject} is {neg}. {detail}', 'Honestly {neg}: {subject}… {detail}', 'Again {subject} 😤 {neg}. {detail}', '{detail} {Subject} is still {neg}.'],
    neutral: ['{Subject}: {detail}', 'Quick note on {subject}. {detail}', 'Today: {subject}. {detail}', '{detail} More on {subject} soon.'],
  },
  reply: {
    positive: ['Totally agree, {pos}!', 'Thanks for sharing, {pos} 🙏', 'Yes! {Subject} is {pos}.'],
    negative: ['Not convinced, it is rather {neg}.', 'Sadly yes, {neg}… {detail}', 'That is {neg}, it has to change.'],
    neutral: ['Interesting, do you have a source?', 'Noted, thanks. {detail}', 'It depends, {subject} varies a lot.'],
  },
  quote: {
    positive: ['Must read, {pos} 👇', 'Exactly this. {Subject}, {pos}!'],
    negative: ['This is what happens: {neg}.', 'Sharing because it is {neg}.'],
    neutral: ['Worth keeping in mind 👇', 'A useful thread on {subject}.'],
  },
  question: ['Does anyone know {ask}?', 'Anyone here know {ask}?', 'Quick question: {ask}?', 'Help wanted: {ask}?'],
  mentionLeads: ['cc', 'with', 'thanks'],
  linkLeads: ['Read:', 'Source:', 'Via'],
  topics: {
    rust: {
      subjects: ['the new Rust release', 'my parsing crate', 'the borrow checker', 'open source maintenance', 'cargo workspaces', 'async Rust', 'our CI pipeline'],
      details: ['Zero allocations in the hot loop 🦀', 'Three new contributors this week.', 'Compile times dropped by a third.', 'The docs finally cover the edge cases.', 'Benchmarks are in the README.', 'Issue triage took the whole afternoon.'],
      asks: ['how to return an iterator from a trait', 'which license fits a small open source library', 'how to speed up cargo builds in CI', 'a good crate for CSV parsing'],
      bios: ['Rustacean and open source maintainer', 'Systems programmer', 'FOSS contributor, compiler nerd', 'Maintainer of a few crates'],
    },
    velo: {
      subjects: ['my bike commute', 'the new cycle lane', 'cargo bikes', 'bike parking at the station'],
      details: ['Twenty minutes door to door 🚲', 'The city promised more racks.', 'Kids ride to school now.'],
      asks: ['a good lock for a cargo bike', 'where to service an e-bike'],
      bios: ['Daily cyclist', 'Cycling advocate'],
    },
    cocina: {
      subjects: ['Sunday paella', 'the farmers market', 'my gazpacho recipe', 'tapas night'],
      details: ['Saffron makes all the difference.', 'Everything from local growers 🍅', 'Ready in twenty minutes.'],
      asks: ['where to find good chorizo', 'how to get a runny tortilla'],
      bios: ['Home cook', 'Food lover'],
    },
    klima: {
      subjects: ['the rooftop solar panels', 'our heat pump', 'the city climate plan', 'the home retrofit'],
      details: ['The bill dropped by half ☀️', 'Subsidies changed in January.', 'Installation took two days.'],
      asks: ['who installs heat pumps around here', 'whether solar subsidies stack'],
      bios: ['Energy engineer', 'Climate organiser'],
    },
    chatter: {
      subjects: ['my morning coffee', 'this weekend', 'last night\'s concert', 'the book I am reading', 'today\'s photo', 'my cat'],
      details: ['Still raining 🌧️', 'Have a good day everyone!', 'Highly recommended.', 'Nothing special, just happy.'],
      asks: ['a good thriller for the summer', 'a quiet cafe to work from'],
      bios: ['Curious about everything', 'Weekend photographer', 'Bookworm'],
    },
    incident: {
      subjects: ['the removal of the boulevard bike lane', 'this morning\'s crash at the junction', 'cars parked on the bike lane'],
      details: ['Another cyclist hit, nobody reacts.', 'The city backed down without consultation.', 'We feel unsafe every day.'],
      asks: ['who organises tonight\'s protest'],
      bios: [],
    },
  },
}
