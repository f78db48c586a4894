// Header lexicon (data only): what Swedish follow-up tables write over each kind of column, periods with their patterns.
import type { PeriodKind } from '../model/follow-up';

/** What a column holds, besides period counts. */
export type ColumnKind = 'activity' | 'promise' | 'goal' | 'party' | 'comment' | 'status' | 'statedTotal';

/**
 * How a header is matched against a synonym once it is normalised (lower case, one space, no
 * trailing ":" or "?", a year and a bracket at the end set aside): `exact` the whole header,
 * `prefix` the synonym followed by the end or a non-letter ("Mål för året", "Ansvarig part"),
 * `contains` the synonym as a word anywhere ("Kommentar T1", "Utfall totalt").
 */
export type SynonymMatch = 'exact' | 'prefix' | 'contains';

export interface HeaderSynonyms {
  kind: ColumnKind;
  match: SynonymMatch;
  words: readonly string[];
}

/** Header synonyms per column kind, in the order they are tried (comment and stated totals first: "Kommentar T1" is no period). */
export const HEADER_SYNONYMS: readonly HeaderSynonyms[] = [
  { kind: 'comment', match: 'contains', words: ['kommentar', 'kommentarer', 'kommentera', 'anteckning', 'anteckningar', 'notering', 'noteringar', 'anmärkning', 'anmärkningar', 'analys', 'reflektion', 'reflektioner'] },
  { kind: 'comment', match: 'exact', words: ['övrigt', 'beskrivning', 'beskrivning av utfall', 'förklaring', 'uppföljning i text', 'hur gick det'] },
  {
    kind: 'statedTotal',
    match: 'exact',
    words: [
      'totalt', 'total', 'summa', 'summering', 'utfall totalt', 'totalt utfall', 'summa utfall', 'utfall summa', 'totalt hittills', 'hittills',
      'utfall hittills', 'ackumulerat', 'ackumulerat utfall', 'totalt antal', 'antal totalt', 'summa året', 'totalt året', 'totalt för året',
      'utfall helår totalt', 'sammanlagt', 'utfall sammanlagt',
    ],
  },
  { kind: 'status', match: 'exact', words: ['status', 'läge', 'lägesbedömning', 'bedömning', 'statusbedömning', 'egen bedömning', 'genomförd', 'genomfört', 'klar', 'uppnått', 'måluppfyllelse', 'status/bedömning'] },
  {
    kind: 'activity',
    match: 'exact',
    words: [
      'aktivitet', 'aktiviteter', 'aktiviteten', 'åtgärd', 'åtgärder', 'insats', 'insatser', 'delmål', 'vad', 'aktivitet/åtgärd', 'aktiviteter/åtgärder',
      'åtgärd/aktivitet', 'aktivitet/insats', 'insats/aktivitet', 'aktiviteter och åtgärder', 'aktiviteter/insatser', 'planerade aktiviteter',
      'planerad aktivitet', 'planerade åtgärder', 'vad ska göras', 'vad gör vi', 'aktivitet/delmål', 'delmål/aktivitet',
    ],
  },
  { kind: 'promise', match: 'exact', words: ['löfte', 'löften', 'löftet', 'medborgarlöfte', 'medborgarlöften', 'medborgarlöftet', 'fokusområde', 'löfte/fokusområde', 'prioriterat område', 'löfte/område'] },
  { kind: 'goal', match: 'prefix', words: ['mål', 'målvärde', 'årsmål', 'målsättning', 'planerat antal', 'planerat', 'mål för året'] },
  { kind: 'party', match: 'prefix', words: ['ansvarig', 'ansvar', 'part', 'huvudansvarig', 'vem', 'ansvarig aktör', 'utförare'] },
];

/** Words before a period header that do not change it ("Utfall T1", "Resultat tertial 3", "Antal Q2"). */
export const PERIOD_PREFIXES: readonly string[] = ['utfall', 'resultat', 'redovisning', 'redovisat', 'uppföljning', 'antal', 'period'];

/** A period header pattern: the number in group 1 (or `index` when the pattern names one period). */
export interface PeriodPattern {
  re: RegExp;
  kind: PeriodKind;
  index?: number;
  /** Ordinal words for group 1 ("andra" → 2). */
  ordinals?: Readonly<Record<string, number>>;
}

const ORDINALS = { första: 1, andra: 2, tredje: 3, fjärde: 4 } as const;

/** Period headers, matched at the start of the normalised header (a year, brackets and qualifiers may follow). */
export const PERIOD_PATTERNS: readonly PeriodPattern[] = [
  { re: /^(?:tertial|t)\s*([1-3])\b/, kind: 'tertial' },
  { re: /^([1-3])(?::a|:e)?\s*tertialet?\b/, kind: 'tertial' },
  { re: /^(första|andra|tredje)\s+tertialet?\b/, kind: 'tertial', ordinals: ORDINALS },
  { re: /^delår\s*([1-3])\b/, kind: 'tertial' },
  { re: /^(?:kvartal|kv|q|k)\s*\.?\s*([1-4])\b/, kind: 'quarter' },
  { re: /^([1-4])(?::a|:e)?\s*kvartalet?\b/, kind: 'quarter' },
  { re: /^(första|andra|tredje|fjärde)\s+kvartalet?\b/, kind: 'quarter', ordinals: ORDINALS },
  { re: /^(?:halvår|halvåret|h)\s*([12])\b/, kind: 'half' },
  { re: /^(första|andra)\s+halvåret?\b/, kind: 'half', ordinals: ORDINALS },
  { re: /^(?:helår|helåret|hela året|utfall|resultat|utfall helår|år)$/, kind: 'year', index: 1 },
];

/** Words a period header can start with besides prefixes, group words and month names ("T1", "Kv. 2", "Första tertialet"). */
export const PERIOD_HEADS: readonly string[] = ['t', 'q', 'k', 'kv', 'h', 'tertial', 'tertialet', 'kvartal', 'kvartalet', 'halvår', 'halvåret', 'delår', 'helår', 'helåret', 'hela', 'år', 'första', 'andra', 'tredje', 'fjärde'];

/** Month ranges as period headers ("Jan–apr", "maj-aug", "Januari – juni"): [first month, last month] → period. */
export const MONTH_NAMES: readonly (readonly string[])[] = [
  ['jan', 'januari'], ['feb', 'februari'], ['mar', 'mars'], ['apr', 'april'], ['maj'], ['jun', 'juni'],
  ['jul', 'juli'], ['aug', 'augusti'], ['sep', 'sept', 'september'], ['okt', 'oktober'], ['nov', 'november'], ['dec', 'december'],
];

/** Month spans that make a period: first and last month (1–12). */
export const MONTH_SPANS: readonly { from: number; to: number; kind: PeriodKind; index: number }[] = [
  { from: 1, to: 4, kind: 'tertial', index: 1 },
  { from: 5, to: 8, kind: 'tertial', index: 2 },
  { from: 9, to: 12, kind: 'tertial', index: 3 },
  { from: 1, to: 3, kind: 'quarter', index: 1 },
  { from: 4, to: 6, kind: 'quarter', index: 2 },
  { from: 7, to: 9, kind: 'quarter', index: 3 },
  { from: 10, to: 12, kind: 'quarter', index: 4 },
  { from: 1, to: 6, kind: 'half', index: 1 },
  { from: 7, to: 12, kind: 'half', index: 2 },
];

/**
 * Group headers over period columns in a two-row header ("Utfall 2023" merged over T1–T3,
 * "2022", "Uppföljning"): any of these words, or a year alone.
 */
export const GROUP_WORDS: readonly string[] = ['utfall', 'resultat', 'uppföljning', 'redovisning', 'period', 'perioder', 'tertial', 'kvartal', 'halvår', 'antal', 'år'];

/** The first cell of a row that states a table's totals instead of an activity ("Summa", "Totalt:"). */
export const TOTAL_ROW_LABELS: readonly string[] = ['summa', 'totalt', 'total', 'summa totalt', 'totalt antal', 'summering', 'sammanlagt', 'totalsumma', 'summa alla aktiviteter', 'totalt för löftet'];
