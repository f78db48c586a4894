// The roll-up's themes and the Swedish words that point to each, as data (weights: what the activity is, its subject, its context).

/** The themes a police area or region compares kommuner by, in display order; "ovrigt" takes what no word points elsewhere. */
export const THEME_IDS = ['trygghetsvandringar', 'narkotika', 'trafik', 'krog-alkohol', 'grannsamverkan', 'skola-unga', 'narvaro', 'ovrigt'] as const;
export type ThemeId = (typeof THEME_IDS)[number];

/**
 * Words of one theme, matched against the words of an activity with the Swedish stemmer: a word
 * of the text matches when it is the same word, or a compound that begins or ends with it
 * (narkotika → narkotikainsatser, skola → grundskolan; from five letters anywhere in it), or a
 * typo of a long word. Of several words that match one word of the text, the longest decides
 * (nattvandring beats vandring). `strong` names the activity itself (3 points), `subject` what it
 * is about (2), `context` who or where (1). The theme whose best word weighs most wins; then the
 * most points; then the word that comes first.
 */
export interface ThemeWords {
  theme: ThemeId;
  strong: string[];
  subject: string[];
  context: string[];
}

export const THEME_WEIGHT = { strong: 3, subject: 2, context: 1 } as const;

export const THEME_LEXICON: ThemeWords[] = [
  {
    theme: 'trygghetsvandringar',
    strong: ['trygghetsvandring', 'tätortsvandring', 'trygghetsinventering', 'trygghetsvandra'],
    subject: ['vandring'],
    context: [],
  },
  {
    theme: 'narkotika',
    strong: ['narkotikainsats', 'narkotikasök', 'hundsök', 'narkotikakontroll'],
    subject: ['narkotika', 'drog', 'cannabis', 'knark', 'narkotikabrott'],
    context: ['missbruk', 'missbrukare', 'beslag'],
  },
  {
    theme: 'trafik',
    strong: ['trafikkontroll', 'trafikinsats', 'hastighetskontroll', 'nykterhetskontroll', 'trafikövervakning', 'rattfylleri'],
    subject: ['trafik', 'hastighet', 'moped', 'cykel', 'trafiksäkerhet', 'atk', 'mopedist'],
    context: ['mc', 'körkort', 'fordon', 'förare', 'traktor', 'epa', 'trimmad', 'bilbälte', 'parkering'],
  },
  {
    theme: 'krog-alkohol',
    strong: ['krogtillsyn', 'servering', 'utskänkning', 'alkoholtillsyn'],
    subject: ['krog', 'krogmiljö', 'restaurang', 'langning', 'langa', 'pub'],
    context: ['alkohol', 'nattklubb', 'systembolag', 'berusad', 'fylleri'],
  },
  {
    theme: 'grannsamverkan',
    strong: ['grannsamverkan', 'båtsamverkan', 'grannstöd', 'företagssamverkan', 'fastighetssamverkan'],
    subject: ['grannsamverkansområde'],
    context: ['granne'],
  },
  {
    theme: 'skola-unga',
    strong: ['skolbesök', 'ensamkommande'],
    subject: ['fritidsgård', 'ant', 'andt', 'fältassistent', 'fältare', 'fältsekreterare'],
    context: ['ungdom', 'unga', 'barn', 'elev', 'skola', 'årskurs', 'klass', 'förälder', 'föräldrar', 'vårdnadshavare', 'gymnasium', 'gymnasiet', 'högstadium', 'minderårig', 'riskzon'],
  },
  {
    theme: 'narvaro',
    strong: ['fotpatrull', 'patrullering', 'patrull', 'nattvandring', 'nattvandrare', 'hotspot'],
    subject: ['närvaro', 'närvara', 'synlig', 'synlighet', 'synas', 'kollektivtrafik', 'trygghetsvärd', 'ordningsvakt'],
    context: [],
  },
  {
    theme: 'ovrigt',
    strong: ['medborgarforum', 'samverkansmöte', 'kameraövervakning', 'kamerabevakning'],
    subject: ['medborgardialog', 'skadegörelse', 'klotter', 'inbrott', 'kamera', 'belys', 'belysning', 'lägesbild', 'est', 'bedrägeri', 'våld'],
    context: ['dialog', 'samordning', 'brå'],
  },
];
