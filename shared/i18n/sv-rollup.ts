// Swedish texts of the roll-up across kommuner: theme names, the roll-up sheets, the region's report and the CLI's rollup command.
import type { ThemeId } from '../lexicon/sv-themes';
import { ROLLUP_SHEET } from './sv-rollup-sheets';

/** Theme names as the sheet's Tema list and the report show them. */
export const THEME_LABEL: Record<ThemeId, string> = {
  trygghetsvandringar: 'Trygghetsvandringar',
  narkotika: 'Narkotika',
  trafik: 'Trafik',
  'krog-alkohol': 'Krog och alkohol',
  grannsamverkan: 'Grannsamverkan',
  'skola-unga': 'Skola och unga',
  narvaro: 'Närvaro och patrullering',
  ovrigt: 'Övrigt',
};

/** Where an activity's theme came from, as the activity sheet says it. */
export const THEME_SOURCE_LABEL = {
  activity: 'aktivitetens text',
  reported: 'det redovisade',
  promise: 'löftets text',
  none: 'inget ord i ordlistan',
  user: 'ändrat i bladet',
} as const;

/** Names of the roll-up sheets (at most 31 characters); their own small file, so that knowing them (`isGeneratedSheet`) does not bring the roll-up's texts along. */
export { ROLLUP_SHEET };

const plural = (n: number, one: string, many: string) => `${n} ${n === 1 ? one : many}`;

/** "3 kommuner", "1 kommun". */
export const kommunerCount = (n: number) => plural(n, 'kommun', 'kommuner');
/** "12 aktiviteter", "1 aktivitet". */
export const activitiesCount = (n: number) => plural(n, 'aktivitet', 'aktiviteter');

/** Texts of the roll-up sheets. */
export const ROLLUP = {
  title: (kommuner: number) => `Sammanställning av medborgarlöften – ${kommunerCount(kommuner)}`,
  generated: (date: string, followUps: number, activities: number) =>
    `Sammanställd ${date} ur ${plural(followUps, 'uppföljning', 'uppföljningar')} med ${activitiesCount(activities)}.`,
  statusHint: 'Status per aktivitet som i varje kommuns uppföljning (strukturerade bladet). Andel uppnådda mål = uppnådda bland aktiviteter med mätbart mål.',
  perKommun: 'Per kommun',
  allKommuner: 'Alla kommuner',
  unnamedKommun: (n: number) => `Kommun ${n}`,
  columns: {
    nr: 'Nr',
    kommun: 'Kommun',
    year: 'År',
    period: 'Redovisad period',
    activities: 'Aktiviteter',
    withGoal: 'Med mål',
    metGoal: 'Uppnådda mål',
    metShare: 'Andel uppnådda mål',
    bar: 'Stapel',
    errors: 'Fel i underlaget',
    warnings: 'Varningar',
    source: 'Underlag',
    target: 'Summa mål',
    outcome: 'Utfall mot mål',
    outcomeShare: 'Andel av mål',
  },
  themesTitle: (kommuner: number) => `Medborgarlöften per tema – ${kommunerCount(kommuner)}`,
  themesPointer: `Per tema: se bladet ${ROLLUP_SHEET.themes}. Varje aktivitets tema står i bladet Aktiviteter per tema, där det kan ändras.`,
  themeHint: 'Varje aktivitet har ett tema (bladet Aktiviteter per tema). Ändra Tema där så räknas tabellerna här om. Summa mål och utfall räknar aktiviteter med ett minst- eller exakt-mål; utfallet är aktivitetens totalt, 0 om inget är räknat.',
  theme: (label: string) => `Tema: ${label}`,
  chartTitle: 'Status per kommun',
  digest: 'Kontroller i underlagen',
  digestHint: 'Anmärkningar från kommunernas uppföljningar, grupperade per kontroll. Rätta dem i respektive kommuns uppföljning.',
  digestColumns: { severity: 'Allvar', code: 'Kontroll', count: 'Antal', kommuner: 'Kommuner', example: 'Exempel' },
  noFindings: 'Inga anmärkningar i underlagen.',
  moreKommuner: (names: string, more: number) => `${names} och ${more} till`,
  noPeriod: 'Helår',
} as const;

/** Texts of the activity sheet (one row per activity, with its Tema). */
export const ROLLUP_ACTIVITIES = {
  title: 'Aktiviteter per tema',
  hint: 'Välj ett annat Tema i listan om ordlistan har valt fel. Tabellerna på bladet Teman räknas om direkt, och ändringen står kvar när sammanställningen görs om.',
  columns: {
    nr: 'Nr',
    kommun: 'Kommun',
    promise: 'Löfte',
    id: 'ID',
    activity: 'Aktivitet',
    theme: 'Tema',
    suggestion: 'Förslag från ordlistan',
    word: 'Ordet som gav förslaget',
    goal: 'Mål',
    target: 'Målvärde',
    total: 'Totalt',
    status: 'Status',
    sumTarget: 'Mål i summan',
  },
  word: (word: string | null, source: string) => (word ? `${word} (${source})` : source),
  themeInputTitle: 'Tema',
  themeInputMessage: 'Välj det tema aktiviteten hör till. Ditt val gäller även när sammanställningen görs om.',
  themeError: 'Välj ett tema i listan.',
  none: 'Inga aktiviteter i underlagen.',
} as const;

/** Findings of reading a roll-up sheet back. */
export const ROLLUP_READ = {
  noHeader: `Bladet ${ROLLUP_SHEET.activities} saknar rubrikraden (Nr, Kommun, …); inga temaändringar lästes.`,
  badTheme: (cell: string, text: string) => `${cell}: "${text}" är inget tema i listan; ordlistans förslag används.`,
} as const;

/** Texts of the region's report. */
export const ROLLUP_REPORT = {
  title: (kommuner: number) => `Medborgarlöften – sammanställning för ${kommunerCount(kommuner)}`,
  lead: (kommuner: number, activities: number) => `Sammanställningen omfattar ${kommunerCount(kommuner)} och ${activitiesCount(activities)} med redovisning i tabell.`,
  generated: (date: string) => `Sammanställd ${date} ur kommunernas uppföljningar.`,
  goalsMet: (met: number, withGoal: number, pct: string) =>
    withGoal ? `${met} av ${activitiesCount(withGoal)} med mätbart mål har nått målet (${pct}).` : 'Ingen aktivitet har ett mätbart mål.',
  perKommun: 'Per kommun',
  kommunColumns: ['Kommun', 'År', 'Period', 'Aktiviteter', 'Uppnådda mål', 'Fel i underlaget', 'Varningar'],
  metOf: (met: number, withGoal: number, pct: string) => (withGoal ? `${met} av ${withGoal} (${pct})` : '–'),
  statusHeading: 'Status per kommun',
  statusIntro: 'Andel av kommunens aktiviteter per status. Färgen följer statusen; ordet och antalet står också i text och i tabellen.',
  statusTableTotal: 'Totalt',
  chartRow: (total: number, parts: string[]) => `${activitiesCount(total)}${parts.length ? `: ${parts.join(', ')}` : ''}`,
  perTheme: 'Per tema',
  themeIntro: 'Varje aktivitet har ett tema från ordlistan eller det tema en användare valt i sammanställningen. Mål och utfall räknar aktiviteter med ett minst- eller exakt-mål.',
  themeColumns: ['Kommun', 'Aktiviteter', 'Med mål', 'Uppnådda mål', 'Summa mål', 'Utfall mot mål', 'Andel av mål'],
  noThemeActivities: 'Inga aktiviteter med detta tema.',
  digest: 'Kontroller i underlagen',
  digestIntro: 'Anmärkningar från kommunernas uppföljningar som bör rättas eller bedömas innan sammanställningen publiceras.',
  digestColumns: ['Allvar', 'Kontroll', 'Antal', 'Kommuner', 'Exempel'],
  noFindings: 'Inga anmärkningar i underlagen.',
  rulesHeading: 'Så bedöms statusen',
  rulesColumns: ['Status', 'Så bedöms statusen'],
  docTitle: 'Sammanställning av medborgarlöften',
} as const;

/** Messages of the CLI's rollup command. */
export const ROLLUP_CLI = {
  missingFiles: 'Ange uppföljningar att sammanställa: filer eller en mapp.',
  missingOut: 'Ange var sammanställningen ska skrivas: -o REGION.xlsx',
  emptyDir: (dir: string) => `Mappen "${dir}" innehåller inga uppföljningar (.txt, .tsv, .csv, .xlsx, .docx).`,
  skipped: (path: string, why: string) => `Hoppar över ${path}: ${why}`,
  notFollowUp: (path: string) => `Filen "${path}" innehåller ingen uppföljningstabell.`,
  rollupWorkbook: (path: string) => `Hoppar över ${path}: det är en sammanställning, ingen kommuns uppföljning.`,
  read: (path: string, kommun: string, activities: number, sheet: string | null) =>
    `Läste ${path}${sheet ? ` (bladet ${sheet})` : ''}: ${kommun}, ${activitiesCount(activities)}`,
  nothingRead: 'Ingen av filerna kunde läsas; ingen sammanställning skrevs.',
  keptThemes: (n: number, path: string) => `${n} ${n === 1 ? 'temaändring' : 'temaändringar'} från ${path} står kvar.`,
  wroteXlsx: (path: string, kommuner: number, activities: number, size: string) =>
    `Skrev ${path} (${size}; ${kommunerCount(kommuner)}, ${activitiesCount(activities)}; blad: ${ROLLUP_SHEET.summary}, ${ROLLUP_SHEET.themes}, ${ROLLUP_SHEET.activities})`,
  wroteDocx: (path: string, size: string) => `Skrev ${path} (${size}; rapport för regionen)`,
  wroteHtml: (path: string, size: string) => `Skrev ${path} (${size}; rapport för regionen som webbsida)`,
  findingsLine: (errors: number, kommuner: number, skipped: number) =>
    [
      errors ? `${errors} fel i underlagen från ${kommunerCount(kommuner)}: se Kontroller i underlagen.` : 'Inga fel i underlagen.',
      ...(skipped ? [`${skipped} ${skipped === 1 ? 'fil kunde' : 'filer kunde'} inte läsas.`] : []),
    ].join(' '),
} as const;

/** Texts of the roll-up in the hosts: the pane's and sidebar's buttons, the menu item, progress, results and errors. */
export const ROLLUP_HOST = {
  /** The action (button, menu item, undo record). */
  action: 'Sammanställ flera kommuner',
  /** The pane's button for the region's report as a Word file. */
  exportDocx: 'Sammanställning i Word',
  /** The sidebar's button for the region's report as a Google Doc. */
  exportGoogleDoc: 'Sammanställning som Google-dokument',
  progress: 'Läser kommunernas strukturerade blad …',
  progressReport: 'Bygger rapporten för regionen …',
  writing: 'Skriver sammanställningen …',
  /** The label of the report's links in the sidebar. */
  docLink: 'Sammanställning',
  what: 'sammanställningen gjordes',
  whatReport: 'rapporten för regionen byggdes',
  noKommuner:
    'Det finns inget strukturerat blad att sammanställa. Skapa först ett strukturerat blad per kommun, eller kopiera in kommunernas strukturerade blad hit, och försök igen.',
  wrote: (kommuner: number, activities: number, names: string[]) =>
    `Sammanställde ${kommunerCount(kommuner)} med ${activitiesCount(activities)}: skrev ${names.map((n) => `"${n}"`).join(', ')}.`,
  /** Appended when an earlier roll-up's theme corrections were kept. */
  keptThemes: (n: number) => `${n} ${n === 1 ? 'temaändring' : 'temaändringar'} från förra sammanställningen står kvar.`,
  saved: (file: string) => `Rapporten för regionen sparades som ${file}.`,
  docSaved: (name: string) => `Rapporten för regionen sparades som Google-dokument: ${name}.`,
  /** The report's file name without extension: "Sammanställning av medborgarlöften 2026-05-04". */
  fileBase: (date: string) => `${ROLLUP_REPORT.docTitle} ${date}`,
} as const;
