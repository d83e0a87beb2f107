import { foldText } from '../../../platform/text/fold.js';
import type { DiagnosisSource, ThreatCategory } from '../model.js';

/** Key word stems (folded) that point to a threat category; the category with most hits wins. */
const categoryWords: [ThreatCategory, string[]][] = [
  ['fraud', ['oszust', 'wyludz', 'wnucz', 'phishing', 'blik', 'scam', 'spoofing']],
  ['alcohol_in_public', ['alkohol', 'nietrzezw', 'spozywa']],
  ['youth_demoralisation', ['mlodziez', 'nieletni', 'demoraliz', 'wagar']],
  ['vandalism', ['wandal', 'graffiti', 'niszczen', 'dewastac']],
  ['monitoring_infrastructure', ['monitoring', 'kamer', 'oswietlen']],
  ['road_safety', ['predkos', 'drogow', 'pieszy', 'przejsc', 'rowerzyst', 'wypadk', 'kolizj']],
  ['parking', ['parkow']],
  ['theft_burglary', ['kradziez', 'wlaman', 'kradn']],
  ['drugs', ['narkot', 'odurzaj', 'dopalacz']],
  ['domestic_violence', ['przemoc', 'znecan', 'niebieska karta', 'niebieskiej karty']],
  ['illegal_dumping', ['wysypisk', 'smieci', 'odpadow']],
  ['animals', ['bezpanskie psy', 'psow', 'zwierz']],
  ['public_order', ['porzad', 'zaklocan', 'halas', 'awantur', 'wulgar', 'zasmiec']],
];

export function guessCategory(text: string): ThreatCategory | null {
  const folded = foldText(text);
  let best: ThreatCategory | null = null;
  let bestHits = 0;
  for (const [category, words] of categoryWords) {
    const hits = words.reduce((sum, word) => sum + (folded.split(word).length - 1), 0);
    if (hits > bestHits) {
      best = category;
      bestHits = hits;
    }
  }
  return best;
}

const sourceWords: [DiagnosisSource, RegExp][] = [
  ['residents', /spoleczn|mieszkanc|spoleczenstw/],
  ['patrols', /obchod|obserwacj|spostrzezen/],
  ['safety_analysis', /analiz\w* bezpieczen/],
  ['kmzb', /kmzb|krajowej mapy zagrozen/],
  ['interventions', /interwencj|swd\b/],
  ['survey', /ankiet/],
  ['debate', /debat/],
  ['partners', /instytucj|partner/],
];

/** Where the diagnosis says it came from. */
export function guessSources(text: string): DiagnosisSource[] {
  const folded = foldText(text);
  return sourceWords.filter(([, pattern]) => pattern.test(folded)).map(([source]) => source);
}
