/**
 * Names in published area descriptions, turned into the forms the address register uses.
 * Pages write street and village names in whatever case the sentence needs: the accusative after
 * "obejmuje" ("ul. Szczejkowicką", "Aleję Wojska Polskiego", "wieś Wólkę Krasienińską"), the
 * genitive or locative after "ulicy" ("część ulicy Lwowskiej", "przy ulicy Długiej"). The register
 * has the nominative ("Szczejkowicka") or a name that is itself a genitive ("Piłsudskiego",
 * "Armii Krajowej"), which stays as it is.
 */

const UPPER = /^[\p{Lu}\d]/u;

/** Keeps the case of the word it replaces an ending of ("LUBELSKĄ" → "LUBELSKA"). */
function withEnding(word: string, cut: number, ending: string): string {
  const stem = word.slice(0, word.length - cut);
  return stem + (word === word.toUpperCase() ? ending.toUpperCase() : ending);
}

/** Nominative of a name written in the accusative ("Lubelską" → "Lubelska", "Starą Drogę" → "Stara Droga"). */
export function nominative(name: string): string {
  const words = name.split(/\s+/);
  let adjectiveBefore = false;
  return words
    .map((word, index) => {
      if (/[ąĄ]$/.test(word)) {
        adjectiveBefore = true;
        return withEnding(word, 1, 'a');
      }
      if (/[ęĘ]$/.test(word) && (adjectiveBefore || index === 0) && (UPPER.test(word) || /^(aleję|drogę|ulicę)$/i.test(word))) {
        adjectiveBefore = false;
        return withEnding(word, 1, 'a');
      }
      adjectiveBefore = false;
      return word;
    })
    .join(' ');
}

/**
 * Nominative of a name written in the genitive or locative of a feminine street ("Lwowskiej" →
 * "Lwowska", "Starej Drogi" → "Stara Droga"). Only a leading run of "-ej" adjectives changes:
 * "Armii Krajowej" is the register's own name and starts with a noun.
 */
export function fromGenitive(name: string): string {
  const words = name.split(/\s+/);
  if (!/(ej|EJ)$/.test(words[0] ?? '')) return name;
  let run = true;
  return words
    .map((word) => {
      if (run && /(iej|IEJ)$/.test(word) && /[kgKG](iej|IEJ)$/.test(word)) return withEnding(word, 3, 'a');
      if (run && /(ej|EJ)$/.test(word)) return withEnding(word, 2, 'a');
      if (run && /^(Drogi|Wsi)$/i.test(word)) {
        run = false;
        return /^drogi$/i.test(word) ? withEnding(word, 1, 'a') : word;
      }
      run = false;
      return word;
    })
    .join(' ');
}

/**
 * Kind words before a street's name, in any case: `keep` is the nominative kept before the name
 * (the register writes "Plac Kościuszki", "al. Tysiąclecia", "os. Słoneczne"; "ul." is dropped).
 * `genitive`: the name after it is in the genitive or locative ("ulicy Lwowskiej").
 */
const STREET_KINDS: { pattern: RegExp; keep: (word: string) => string; genitive: boolean }[] = [
  {
    pattern: /^(?:(?:budynki|posesje|bloki|domy|numery|część|części|odcinek)\s+)?(?:przy|na)\s+(?:ul\.|ulicy|ulicach)\s*/i,
    keep: () => '',
    genitive: true,
  },
  { pattern: /^(?:część|części|odcinek)\s+(?:ul\.|ulicy)\s*/i, keep: () => '', genitive: true },
  { pattern: /^ulicy\s+/i, keep: () => '', genitive: true },
  { pattern: /^(?:ul\.|ul\s|ulica\s|ulicę\s)\s*/i, keep: () => '', genitive: false },
  { pattern: /^(al\.|pl\.|os\.)\s*/i, keep: (word) => `${word.toLowerCase()} `, genitive: false },
  { pattern: /^(aleja|aleję|alei|aleje)\s+/i, keep: (word) => `${word[0]}leja `, genitive: false },
  { pattern: /^(plac|placu)\s+/i, keep: (word) => `${word[0]}lac `, genitive: false },
  { pattern: /^(osiedle|osiedla|osiedlu)\s+/i, keep: (word) => `${word[0]}siedle `, genitive: false },
  { pattern: /^(skwer)\s+/i, keep: (word) => `${word} `, genitive: false },
];

/** A street item's kind word, if it starts with one: what to keep before the name and the case of the name. */
export function streetKindOf(item: string): { rest: string; prefix: string; genitive: boolean } | null {
  for (const kind of STREET_KINDS) {
    const match = kind.pattern.exec(item);
    if (match && item.length > match[0].length)
      return { rest: item.slice(match[0].length).trim(), prefix: kind.keep(match[1] ?? ''), genitive: kind.genitive };
  }
  return null;
}

/** The register's form of a street name read from a page. */
export function streetName(name: string, genitive: boolean): string {
  const cleaned = name
    .replace(/[„”"“]/g, '')
    .replace(/\s+/g, ' ')
    .trim();
  return nominative(genitive ? fromGenitive(cleaned) : cleaned);
}

/** The register's form of a village name ("Wólkę Krasienińską" → "Wólka Krasienińska", "Sosnowica – Dwór" → "Sosnowica-Dwór"). */
export function localityName(name: string): string {
  return nominative(
    name
      .replace(/[„”"“]/g, '')
      .replace(/\s*[-–—]\s*(?=\p{Lu})/gu, '-')
      .replace(/\s+/g, ' ')
      .trim(),
  );
}

/**
 * Things that are no street and no village: parks, allotments, plots, neighbourhoods, a stretch
 * "do Ronda …". They cannot become a rule, only a polygon drawn on the map.
 */
const NOT_A_RULE = new RegExp(
  [
    String.raw`^(?:od|do|przy|wzdłuż|między|pomiędzy|za|obok|wokół|teren|tereny|terenu|obszar|okolice?)\s`,
    String.raw`(?<!\p{L})(?:park|parku|parki|parkiem|las|lasy|lasu|lasem|działk[aię]|działek|działkach|dz\.\s*(?:nr|ew)|obręb|obrębie|obrębu|ogrody|ogrodów|ogródki|ogródków|ogród|ROD|cmentarz|cmentarza|cmentarzem|dworzec|dworca|targowisko|targowiska|plaża|plaży|plażę|zalew|zalewu|zalewem|zalewie|jezioro|jeziora|jeziorem|rzeka|rzeki|rzeką|nabrzeże|kompleks|kompleksu|dzielnica|dzielnicę|dzielnicy|skrzyżowanie|skrzyżowania|granica|granicy|granicą|wiadukt|wiaduktu)(?!\p{L})`,
    String.raw`(?<![\p{L}\d])\d+\/\d+(?![\p{L}\d])`,
    String.raw`(?<!\p{L})(?:do|od)\s+(?:ronda|skrzyżowania|mostu|lasu|granicy|torów)(?!\p{L})`,
    String.raw`(?<!\p{L})część\s+miasta(?!\p{L})`,
  ].join('|'),
  'iu',
);

/** Words a name may hold in lower case ("Nowe Miasto nad Wartą", "gen. Sikorskiego"). */
const LOWER_IN_NAMES =
  /^(?:nad|pod|w|na|k\.|koło|i|im\.|gen\.|ks\.|św\.|bp\.|abp\.|kard\.|marsz\.|prof\.|dr|mjr\.?|płk\.?|kpt\.?|por\.?|al\.|pl\.|os\.|ul\.|skwer|z|ze|de|von|van)$/;

/** A fragment that names no street and no village (a park, plots, "do Ronda …"). */
export function notARule(fragment: string): boolean {
  return NOT_A_RULE.test(fragment);
}

/** A name is capitalised words with a few lower-case links; anything else is prose, not a name. */
export function isProse(name: string): boolean {
  return name.split(/\s+/).some((word) => /^\p{Ll}/u.test(word) && !LOWER_IN_NAMES.test(word));
}
