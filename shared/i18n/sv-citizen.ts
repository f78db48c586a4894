// Swedish phrases of the citizen version: short words, short sentences, no status jargon, numbers as people say them.
import type { PeriodKind } from '../model/follow-up';

/** The citizen version's three verdicts, and a fourth for a promise the follow-up says nothing about. */
export type CitizenState = 'done' | 'partly' | 'not-done' | 'unknown';

/** Verdict words shown next to every promise (the word is always there; colour only adds to it). */
export const CITIZEN_STATE_LABEL: Record<CitizenState, string> = {
  done: 'Klart',
  partly: 'Delvis klart',
  'not-done': 'Inte klart',
  unknown: 'Ingen uppgift',
};

/** Number words people use for small numbers (Språkrådet: write out up to twelve). */
export const NUMBER_WORDS = ['noll', 'en', 'två', 'tre', 'fyra', 'fem', 'sex', 'sju', 'åtta', 'nio', 'tio', 'elva', 'tolv'];

/** Month names for the period ("januari–augusti 2019"). */
export const MONTHS = ['januari', 'februari', 'mars', 'april', 'maj', 'juni', 'juli', 'augusti', 'september', 'oktober', 'november', 'december'];

/** Last month of each period of a period kind (1-based months). */
export const PERIOD_END_MONTH: Record<PeriodKind, number[]> = {
  tertial: [4, 8, 12],
  quarter: [3, 6, 9, 12],
  half: [6, 12],
  year: [12],
};

/** "1" → "ett" for neuter nouns (löfte), else the word as in NUMBER_WORDS. */
const neuter = (word: string) => (word === 'en' ? 'ett' : word);

/** Plural of "löfte" after a number. */
const promises = (n: number, word: string) => `${n === 1 ? neuter(word) : word} ${n === 1 ? 'löfte' : 'löften'}`;
/** "klart"/"klara" after a count of promises. */
const done = (n: number, adj: string) => (n === 1 ? adj : adj.replace(/t$/, 'a'));

export const CITIZEN = {
  title: (kommun: string | null, year: number | null) => `Medborgarlöften${kommun ? ` i ${kommun}` : ''}${year ? ` ${year}` : ''}`,
  /** Who "we" are, as the first lines say it. */
  weAre: (kommun: string | null) =>
    `Polisen och ${kommun ? `${kommun} kommun` : 'kommunen'} lovar varje år att göra saker som ska göra det tryggare där du bor.`,
  period: (period: string | null) => (period ? `Här kan du läsa vad vi har gjort under ${period}.` : 'Här kan du läsa vad vi har gjort.'),
  noPromises: 'Det står inga löften i uppföljningen.',
  yearNotOver: 'Året är inte slut än. En del av det vi lovade pågår.',
  /** "Vi gav fyra löften." */
  gave: (n: number, word: string) => `Vi gav ${promises(n, word)}.`,
  /** One sentence per verdict ("Två är klara.", "Ett är delvis klart."). */
  stateCount: (state: CitizenState, n: number, word: string) => {
    const w = n === 1 ? neuter(word) : word;
    const W = w.charAt(0).toUpperCase() + w.slice(1);
    switch (state) {
      case 'done':
        return `${W} är ${done(n, 'klart')}.`;
      case 'partly':
        return `${W} är delvis ${done(n, 'klart')}.`;
      case 'not-done':
        return `${W} är inte ${done(n, 'klart')}.`;
      case 'unknown':
        return `Om ${promises(n, word)} står det inget i uppföljningen.`;
    }
  },
  /** What the three words mean, so the rule is visible. */
  legend: [
    'Klart betyder att vi har gjort det vi lovade.',
    'Delvis klart betyder att vi har gjort en del av det.',
    'Inte klart betyder att vi inte har gjort det.',
  ],
  legendUnknown: 'Ingen uppgift betyder att det inte står något om löftet i uppföljningen.',
  promiseHeading: (n: number) => `Löfte ${n}`,
  /** "Vi lovade " before a promise text that starts with "att". */
  promisedAtt: { police: 'Polisen lovade ', municipality: 'Kommunen lovade ', joint: 'Vi lovade ' },
  /** "Vi lovade så här:" before a promise text that does not start with "att". */
  promisedQuote: { police: 'Polisen lovade så här: ', municipality: 'Kommunen lovade så här: ', joint: 'Vi lovade så här: ' },
  openQuote: '”',
  closeQuote: '”',
  didHeading: 'Det här har vi gjort:',
  outcome: 'Så gick det:',
  // Activity sentences.
  didUnits: (num: string, unit: string) => `Det blev ${num} ${unit}.`,
  didOne: (article: string, unit: string) => `Det blev ${article} ${unit}.`,
  didTimes: (num: string, once: boolean) => `Vi har gjort det ${num} ${once ? 'gång' : 'gånger'}.`,
  didNone: (yearOver: boolean) => (yearOver ? 'Vi har inte gjort det.' : 'Vi har inte gjort det än.'),
  places: (list: string) => `Det var i ${list}.`,
  noGoal: 'Vi lovade inget antal.',
  goalWas: (goal: string) => `Målet var ${goal}.`,
  goalWasPlaces: (goal: string, places: string) => `Målet var ${goal}, i ${places}.`,
  goalOnce: 'att göra det en gång',
  goalReached: 'Det var målet.',
  missing: (num: string, yearOver: boolean) => (yearOver ? `Det saknas ${num}.` : `Det är ${num} kvar till målet.`),
  placesMissed: (list: string) => `Men ingen var i ${list}.`,
  /** Goal qualifiers as people say them. */
  atLeast: 'minst',
  atMost: 'högst',
  about: 'ungefär',
  perRate: (rate: string) => (rate.startsWith('varannan') ? rate : `per ${rate}`),
  times: (num: string, once: boolean) => `${num} ${once ? 'gång' : 'gånger'}`,
  noCount: 'Här finns ingen siffra.',
  wrote: 'Vi skrev: ',
  alsoWrote: 'Vi skrev också: ',
  nothing: 'Det står inget om det här i uppföljningen.',
  nothingForPromise: 'Det står inget om det här löftet i uppföljningen.',
  /** A judgement in words, where there is no count. */
  judged: {
    met: 'Vi tycker att det är klart.',
    done: 'Vi tycker att det är klart.',
    'partly-met': 'Vi tycker att det är delvis klart.',
    'in-progress': 'Arbetet pågår.',
    'not-met': 'Vi tycker att det inte är klart.',
    'not-started': 'Arbetet har inte börjat.',
    cancelled: 'Det blev inte av.',
  },
  and: 'och',
  or: 'eller',
  contactHeading: 'Vill du veta mer?',
  contactIntro: 'Hör av dig till:',
  contactNone: 'Hör av dig till kommunen eller polisen.',
  made: (date: string | null) => (date ? `Texten är gjord ur uppföljningen den ${date}.` : 'Texten är gjord ur uppföljningen.'),
  docDescription: 'Medborgarlöften: så gick det',
} as const;

/** "a, b och c" (or with "eller"). */
export function joinList(items: string[], word: string = CITIZEN.and): string {
  if (items.length <= 1) return items.join('');
  return `${items.slice(0, -1).join(', ')} ${word} ${items[items.length - 1]}`;
}

/** The CLI's lines about the citizen version. */
export const CITIZEN_CLI = {
  wroteHtml: (path: string, size: string) => `Skrev ${path} (${size}; medborgarversion, webbsida)`,
  wroteDocx: (path: string, size: string) => `Skrev ${path} (${size}; medborgarversion, Word)`,
} as const;

/** The hosts' words for the citizen export (task pane, sidebar). */
export const CITIZEN_HOST = {
  exportHtml: 'Exportera medborgarversion',
  exportDocx: 'Medborgarversion i Word',
  exportGoogleDoc: 'Medborgarversion som Google-dokument',
  progress: 'Skriver medborgarversionen …',
  what: 'medborgarversionen skrevs',
  saved: (file: string) => `Medborgarversionen sparades som ${file}.`,
  docSaved: (name: string) => `Medborgarversionen sparades som Google-dokument: ${name}.`,
  docLink: 'Medborgarversion',
  /** The file name without extension: "Medborgarversion Eskilstuna 2019 T3". */
  fileBase: (kommun: string | null, year: number | null, period: number | null) =>
    ['Medborgarversion', kommun ?? '', year ?? '', period ? `T${period}` : ''].filter((x) => x !== '').join(' ').replace(/[\\/:*?"<>|]+/g, '-'),
} as const;
