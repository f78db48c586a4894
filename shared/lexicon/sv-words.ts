// Swedish wording knowledge of the importer as data: qualifiers, exclusions, reporting verbs, units, running-total words.

/** Words before a number that make it approximate ("ca 200", "drygt 40"). */
export const APPROX_WORDS = ['ca', 'c:a', 'cirka', 'ungefär', 'ungefärligen', 'runt', 'omkring', 'drygt', 'knappt', 'nästan', 'uppemot', 'närmare', 'kring', 'cirkus', 'typ'];

/** Words before a number that make it a lower bound ("minst 40", "över 100"). */
export const LOWER_BOUND_WORDS = ['minst', 'åtminstone', 'över', 'mer', 'fler', 'minimum'];

/** Words before a number that make it an upper bound ("högst 6", "max 3"). */
export const UPPER_BOUND_WORDS = ['högst', 'max', 'maximalt', 'maximum', 'mindre', 'färre', 'upp'];

/** A word right before a number that makes it a code, an ordinal or a label, not a count ("brottskod 5010", "åk 8"). */
export const NOT_COUNT_BEFORE = [
  'brottskod', 'brottskoder', 'kod', 'koder', 'årskurs', 'åk', 'klass', 'kl', 'klockan', 'vecka', 'v', 'veckorna',
  'tertial', 'tertialet', 'kvartal', 'kvartalet', 't', 'nr', 'nummer', '§', 'kap', 'kapitel', 'sid', 'sidan', 'rum',
  'buss', 'linje', 'väg', 'rv', 'e', 'version', 'steg', 'fas', 'etapp', 'dag', 'dagen', 'år', 'året', 'halvår',
  'våning', 'plan', 'lokal', 'sal', 'paragraf', 'bilaga', 'punkt', 'mål', 'löfte', 'medborgarlöfte', 'aktivitet',
  'storm', 'hobit', 'status', 'id', 'ärende', 'dnr', 'diarienummer', 'tel', 'telefon', 'uppföljning', 'covid', 'lss', 'sol', 'lvu', 'lvm',
  // "ingripanden mot langning, varav 11 …": a part of something else, not the activity's count.
  'varav',
];

/** A word right after a number that makes it a measure, not a count ("50 km/h", "20 %", "15-åringar"). */
export const NOT_COUNT_AFTER = /^(?:%|procent|procentenheter|km|km\/h|m|meter|kr|kronor|kronor\.|tkr|mkr|sek|miljon|miljoner|miljard|miljarder|år|års|åring|åringar|åriga|årig|h|min|minuter|sekunder|grader|mil|kg|g|liter|l|promille|‰|:e|:a|e|a)$/;

/** Words that end a noun phrase after a number. */
export const PREPOSITIONS = ['med', 'av', 'för', 'bland', 'till', 'från', 'hos', 'mot', 'i', 'på', 'om', 'vid', 'under', 'över', 'efter', 'inför', 'kring', 'utav', 'per', 'än', 'utifrån', 'enligt', 'inom', 'genom', 'mellan', 'utanför', 'längs', 'via', 'runt'];
export const PHRASE_STOP = [
  'och', 'samt', 'eller', 'som', 'där', 'när', 'har', 'hade', 'är', 'var', 'blev', 'blir', 'att', 'men', 'så', 'de', 'det', 'den', 'en', 'ett', 'vi', 'man',
  'genomfört', 'genomförts', 'genomförda', 'utförts', 'hållits', 'gjorts', 'totalt', 'sammanlagt', 'hittills', 'kunde', 'kunnat', 'skulle', 'ska', 'skall', 'kommer',
];

/** Counting words between a number and its noun ("sex stycken hastighetskontroller", "4 st trygghetsvandringar"). */
export const COUNT_FILLERS = ['st', 'st.', 'stycken', 'styck', 'stycke'];

/**
 * Words that make a number a running total ("Sammanlagt genomfört fjorton"). "tillsammans" is
 * not one of them: "Tillsammans lovar vi" and "tillsammans med polisen" mean together.
 */
export const RUNNING_TOTAL_WORDS = /\b(?:sammanlagt|totalt|hittills|sammantaget|ackumulerat|ackumulerad|allt som allt|sedan årets början|i år totalt|summa)\b/iu;

/** Words that let en/ett count the activity ("Endast ett informationsmöte", "genomföra en trygghetsvandring"). */
export const EN_COUNT_CONTEXT = [
  'minst', 'endast', 'bara', 'enbart', 'åtminstone', 'högst', 'totalt', 'sammanlagt', 'hittills', 'genomfört', 'genomförts',
  'genomföra', 'genomför', 'genomfördes', 'genomförde', 'ordna', 'ordnat', 'ordnats', 'anordna', 'anordnat', 'anordnats',
  'arrangera', 'arrangerat', 'arrangerats', 'hålla', 'hållit', 'hållits', 'hölls', 'höll', 'erbjuda', 'erbjudit', 'erbjudits',
  'har', 'haft', 'hade', 'gjort', 'gjorts', 'göra', 'utfört', 'utförts', 'utföra', 'skett', 'skedde', 'ägt', 'starta', 'startat',
  'bjuda', 'bjudit', 'kallat', 'kalla', 'varit', 'blev', 'blivit', 'ska', 'skall', 'kommer', 'lovar', 'planerar', 'planerat',
  'med', 'delta', 'deltog', 'deltagit', 'besök', 'besökt', 'besökte', 'besöka', 'ytterligare', 'utfördes', 'gjordes', 'startades',
  // Verb-first fragments of reports: "Öppnat ett nytt kontor", "Medverkat vid en trygghetsvandring".
  'öppnat', 'öppnats', 'öppnade', 'invigt', 'invigts', 'skapat', 'skapats', 'bildat', 'bildats', 'inrättat', 'inrättats', 'infört', 'införts',
  'anställt', 'anställts', 'medverkat', 'medverkade', 'deltagit', 'närvarat', 'bjöd', 'anordnade', 'arrangerade', 'höll', 'startade',
  'skickades', 'skickat', 'skickats', 'delades', 'delats', 'delat', 'sändes', 'skickade',
];

/** An en/ett before a comparative or participle adjective is an article ("en säkrare trafikmiljö", "Ett intensifierat arbete"). */
export const EN_BEFORE_ADJECTIVE = /^[\p{L}]{3,}(?:are|erat|erad|rat|rad)$/u;

/** Prepositions after which en/ett still counts the activity when its noun is the goal's ("medverkat vid en trygghetsvandring"). */
export const EN_AFTER_PREPOSITION = ['vid', 'i', 'på'];
/** Of EN_COUNT_CONTEXT, the words that do not by themselves mean something was done. */
export const EN_CONTEXT_NOT_VERB = ['med', 'har', 'hade', 'ska', 'skall', 'kommer', 'minst', 'högst', 'endast', 'bara', 'enbart', 'åtminstone', 'ytterligare'];
/** Words after en/ett that show it is an article, not a count ("en del", "en gång till"). */
export const EN_NOT_COUNT_BEFORE = ['del', 'gång', 'annan', 'av', 'och', 'sådan', 'viss', 'hel', 'stor', 'bra', 'god', 'ny', 'egen', 'led', 'fortsatt', 'positiv', 'negativ', 'ökad', 'minskad'];

/** Vague quantity words that give no number. */
export const VAGUE_QUANTITY = ['några', 'flera', 'flertalet', 'enstaka', 'många', 'ett antal', 'ett flertal'];

/** Nouns that count anything (occasions, pieces): they match every unit. */
export const GENERIC_NOUNS = /(?:^(?:st|stycken|styck)|gång|gånger|gången|tillfällen|tillfälle|tillfället)$/i;

/** Nouns of by-products (people, vehicles, reports, crimes): another unit unless the goal counts them. */
export const BY_PRODUCT_NOUNS = /(?:^|\p{L})(?:personer|person|deltagare|besökare|elever|elev|ungdomar|barn|föräldrar|vårdnadshavare|invånare|medborgare|boende|individer|deltog|hyresgäster|lärare|anställda|medarbetare|poliser|polis|tjänstepersoner|tjänstemän|förare|fordon|bilar|mopeder|anmälningar|ordningsböter|lagföringar|rapporter|gripanden|gripna|omhändertaganden|timmar|timme|tim|[\p{L}]*brott|beslag|ingripanden)$/iu;

/** Measure nouns that head a unit phrase ("timmar fotpatrullering", "tillfällen besöka skolorna"): the count is of them. */
export const MEASURE_HEADS = /^(?:timmar|timme|tim|tillfällen|tillfälle|gånger|kvällar|kvällen|helger|dagar|dygn|pass|veckor|nätter)$/i;

/** Nouns that are not what a goal counts (by-products, people, money). */
export const NOT_GOAL_NOUNS = /^(?:personer|deltagare|procent|år|gånger)$/i;
