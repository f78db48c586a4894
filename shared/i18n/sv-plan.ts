// Swedish texts of the generated sheets (structured sheet, Händelser, Kontroller, summary) and of readStructured's findings.
import type { PeriodKind } from '../model/follow-up';

/** Base names of the generated sheets (the structured and summary names add period/year). */
export const SHEET = {
  structured: 'Medborgarlöften',
  /** The copied source sheet in the CLI's workbook when the source has no sheet name. */
  source: 'Underlag',
  events: 'Händelser',
  findings: 'Kontroller',
  summary: 'Sammanfattning',
} as const;

/**
 * The hidden sheet that keeps a replaced sheet whole until "Ångra senaste körning" (Excel names
 * it so, as Sheets names its backup copies): "Ångra 1 – Händelser", at most 31 characters.
 */
export function undoBackupSheet(n: number, name: string): string {
  return `Ångra ${n} – ${name}`.slice(0, 31).replace(/[\s']+$/, '');
}

/** True for a name `undoBackupSheet` makes. */
export function isUndoBackupSheet(name: string): boolean {
  return /^Ångra \d+ – /.test(name);
}

/** "Redovisad tertial", "Redovisat kvartal" … : the header label of the reported-period cell. */
export function reportedLabel(kind: PeriodKind): string {
  switch (kind) {
    case 'tertial':
      return 'Redovisad tertial';
    case 'quarter':
      return 'Redovisat kvartal';
    case 'half':
      return 'Redovisat halvår';
    case 'year':
      return 'Redovisat år';
  }
}

/** Singular noun of a period kind, for prose ("tertial 3", "kvartal 2"). */
export const PERIOD_NOUN: Record<PeriodKind, string> = { tertial: 'tertial', quarter: 'kvartal', half: 'halvår', year: 'år' };

export const STRUCTURED = {
  title: (kommun: string | null, year: number | null) =>
    ['Medborgarlöften', [kommun, year].filter((x) => x !== null && x !== '').join(' ')].filter(Boolean).join(' – '),
  kommun: 'Kommun',
  year: 'År',
  sourceTitle: 'Rubrik i underlaget',
  sourceSheet: 'Källblad',
  statedPeriod: 'Angiven period i underlaget',
  periodKind: 'Periodindelning',
  periodNumbers: 'Periodnummer',
  reportedHint: (n: number) => `Välj 1–${n}: totaler och status räknas om.`,
  reportedInputTitle: 'Redovisad period',
  reportedInputMessage: (n: number) => `Välj vilken period uppföljningen avser (1–${n}). Bara perioder till och med den räknas.`,
  columns: {
    id: 'ID',
    promise: 'Löfte',
    activity: 'Aktivitet',
    party: 'Ansvarig',
    op: 'Mål',
    target: 'Målvärde',
    unit: 'Enhet',
    total: 'Totalt',
    share: 'Andel av mål',
    expected: 'Förväntat hittills',
    status: 'Status',
    computedStatus: 'Beräknad status',
    judgement: 'Bedömning',
    sourceStatus: 'Egen status i underlaget',
    comment: 'Kommentar',
    text: (label: string) => `Text ${label}`,
    findings: 'Kontroller',
    rate: 'Mål per',
    places: 'Platser i målet',
    phrase: 'Målformulering',
    goalSource: 'Målet från',
    sourceCell: 'Källcell',
    judgementPhrase: 'Bedömningens ordalydelse',
    origin: 'Ursprung (förslag och källceller)',
    suggestion: 'Förslag (bedömning)',
    imported: 'Importerat (för Uppdatera)',
  },
  /** Header label (D1) of the reported period the last import gave. */
  importedPeriod: 'Inläst period',
  computedStatusNote: 'Vad antalen ger utan bedömning. Avgör Bedömning visar Status dess status med "(bedömd)".',
  suggestionColumnNote: 'Inläsningens förslag. En Bedömning lika med förslaget räknas som förslaget, inte som din egen.',
  importedNote: 'Vad senaste inläsningen skrev i raden. Uppdatera jämför med det, så att dina ändringar aldrig skrivs över. Ändra inte här.',
  importedPeriodNote: 'Perioden som senaste inläsningen angav (för Uppdatera).',
  /** Line labels of the "Ursprung" cell: "Förslag från texten: Uppnått", "Kommentar: E12 (rad 1–2)" … */
  origin: { suggestion: 'Förslag från texten', judgementCell: 'Bedömningens cell', sourceStatusCell: 'Egen status, cell', comment: 'Kommentar' },
  goalSource: { activity: 'aktivitet', promise: 'löfte', user: 'användare' } as const,
  countInputTitle: 'Antal',
  countInputMessage: 'Skriv antalet som ett heltal (0 eller mer). Lämna tomt om inget är redovisat.',
  countError: 'Antal måste vara ett heltal, 0 eller mer.',
  partyInputMessage: 'Välj Polisen, Kommunen eller Gemensamt.',
  opInputMessage: 'minst = målet nås vid minst målvärdet, högst = får inte överskridas, exakt = ska nås.',
  targetInputMessage: 'Målvärde för hela året (ett tal). Lämna tomt om aktiviteten saknar mätbart mål.',
  listError: 'Välj ett värde i listan.',
  rateNote: (value: number, rate: string, target: number) =>
    `Målet är ${String(value).replace('.', ',')} per ${rate}; målvärdet för året är ${String(target).replace('.', ',')}.`,
  statusNote: (rules: string[]) => ['Status räknas så här:', ...rules].join('\n'),
  /** Line of the status note on how a judgement counts, e.g. "Uppnått, Genomförd → Uppnått". */
  judgementRule: (lines: string[]) =>
    [
      'Bedömning avgör där inget antal finns, och över antalen när du själv valt den (inte förslaget). Status visar då "(bedömd)", Beräknad status vad antalen ger:',
      ...lines,
    ].join('\n'),
  judgementRuleLine: (labels: string[], status: string, statusAfterYear: string) =>
    `${labels.join(', ')} → ${status === statusAfterYear ? status : `${status} (${statusAfterYear} när året är slut)`}`,
  judgementInputTitle: 'Bedömning',
  judgementInputMessage:
    'Välj en bedömning: Uppnått, Delvis uppnått, Ej uppnått (mål) eller Genomförd, Pågår, Ej påbörjad, Inställd (åtgärder). Den avgör status när inget antal är redovisat. Skriv varför i Kommentar.',
  suggestionNote: (phrase: string, cell: string | null) =>
    `Förslag från texten: «${phrase}»${cell ? ` (cell ${cell} i underlaget)` : ''}. Behåll förslaget eller välj en annan bedömning.`,
  commentInputMessage: 'Kommentarer från underlaget står här ordagrant, en per rad. Skriv din egen kommentar (varför, vad händer sedan) på en ny rad.',
  /** Which lines of Kommentar came from which source cell ("E12 (rad 1–2)"). */
  commentLines: (cell: string | null, from: number, to: number) => `${cell ?? '–'} (rad ${from === to ? from : `${from}–${to}`})`,
  sourceStatusNote: 'Statusen som underlaget själv angav, ordagrant. Den räknas inte; Status och Bedömning gäller.',
  eventCountNote: 'Antalet räknas från bladet Händelser (aktivitetens ID och period). Lägg till eller ändra händelser där.',
} as const;

export const EVENTS = {
  columns: {
    id: 'Aktivitet-ID',
    activity: 'Aktivitet',
    date: 'Datum',
    place: 'Plats',
    periodFromDate: 'Period enligt datum',
    listedPeriod: 'Redovisad under period',
    check: 'Kontroll',
  },
  mismatch: (noun: string) => `Datumet ligger i ${noun} `,
  listedInputMessage: (n: number) => `Perioden (1–${n}) som händelsen räknas i på det strukturerade bladet.`,
  dateInputMessage: 'Datum som ÅÅÅÅ-MM-DD.',
} as const;

export const FINDINGS_SHEET_TEXT = {
  columns: { severity: 'Allvarlighet', sourceCell: 'Cell i underlaget', structuredCell: 'Cell i strukturerat blad', code: 'Kod', message: 'Meddelande' },
  none: 'Inga anmärkningar.',
} as const;

/** The section of the Kontroller sheet that keeps the document's other text (neither promise nor table content). */
export const OTHER_TEXT = {
  heading: 'Övrig text från underlaget',
  intro: 'Text i underlaget som varken är löfte, aktivitet eller tabellcell, ordagrant och med cellen den stod i. Tabellernas rubriker står sist.',
  columns: { kind: 'Typ', sourceCell: 'Cell i underlaget', text: 'Text' },
  note: 'Text',
  table: 'Tabell',
  none: 'Ingen övrig text.',
} as const;

export const SUMMARY = {
  title: (kommun: string | null, year: number | null, noun: string, period: number | null) =>
    `Uppföljning av medborgarlöften – ${[kommun ?? 'okänd kommun', year ?? ''].join(' ').trim()}${period !== null ? `, ${noun} ${period}` : ''}`,
  generated: (date: string) => `Sammanställd ${date}`,
  overview: 'Översikt',
  analysis: 'Sammanfattande analys',
  analysisHint: 'Skriv er analys i cellen nedan. Rapporten visar den först, och den behålls när sammanfattningen görs om.',
  statusCol: 'Status',
  countCol: 'Antal aktiviteter',
  ruleCol: 'Så räknas det',
  activities: 'Aktivitet',
  goal: 'Mål',
  total: 'Totalt',
  status: 'Status',
  bar: 'Andel av mål',
  judgement: 'Bedömning',
  comment: 'Kommentar',
  noActivities: 'Inga aktiviteter redovisade i tabell för detta löfte.',
  chartTitle: 'Totalt mot mål per aktivitet',
  chartData: 'Diagramunderlag',
  seriesTotal: 'Totalt',
  seriesGoal: 'Mål',
  promise: (id: string) => `Löfte ${id.replace(/^L/, '')}`,
  findingsCount: (n: number) => `Kontroller: ${n} anmärkningar, se bladet Kontroller.`,
} as const;

/** How summaries and reports show an activity's judgement, own status and comments. */
export const ACTIVITY_TEXT = {
  judged: (status: string) => `${status} (bedömd)`,
  /** A judgement over a count that gives another status: both shown. */
  judgedOver: (status: string, computed: string) => `${status} (bedömd; beräknad: ${computed})`,
  suggestion: (label: string, phrase: string) => (phrase ? `${label} (förslag från texten: «${phrase}»)` : `${label} (förslag från texten)`),
  ownStatus: (text: string) => `Egen status i underlaget: ${text}`,
  judgement: (text: string) => `Bedömning: ${text}`,
} as const;

/** Findings readStructured adds when a user's edit cannot be read. */
export const READ_FINDING = {
  notANumber: (cell: string, text: string) =>
    `Cellen ${cell} innehåller "${text}", som inte är ett antal. Skriv ett heltal (0 eller mer) eller lämna cellen tom; texten räknas inte.`,
  negative: (cell: string, value: number) => `Cellen ${cell} anger ${String(value).replace('.', ',')}, men ett antal kan inte vara negativt.`,
  notWhole: (cell: string, value: number) => `Cellen ${cell} anger ${String(value).replace('.', ',')}, som inte är ett heltal. Antal bör vara heltal.`,
  badTarget: (cell: string, text: string) => `Målvärdet i cellen ${cell} ("${text}") är inget tal och räknas inte som mål.`,
  badOp: (cell: string, text: string) => `Cellen ${cell} ("${text}") ska vara minst, högst eller exakt; räknas som exakt.`,
  badParty: (cell: string, text: string) => `Cellen ${cell} ("${text}") ska vara Polisen, Kommunen eller Gemensamt.`,
  badPeriod: (cell: string, text: string, n: number) => `Redovisad period i cellen ${cell} ("${text}") ska vara ett tal 1–${n}; hela året räknas.`,
  badJudgement: (cell: string, text: string) =>
    `Bedömningen i cellen ${cell} ("${text}") finns inte i listan (Uppnått, Delvis uppnått, Ej uppnått, Genomförd, Pågår, Ej påbörjad, Inställd) och räknas inte.`,
  noHeader: 'Hittade inte rubrikraden (ID, Löfte, Aktivitet …) på det strukturerade bladet. Skapa bladet på nytt med "Läs in och strukturera".',
  badDate: (cell: string, text: string) => `Datumet i cellen ${cell} ("${text}") kunde inte läsas. Skriv det som ÅÅÅÅ-MM-DD.`,
  eventNoActivity: (cell: string, id: string) => `Händelsen i cellen ${cell} hör till aktivitet "${id}", som inte finns på det strukturerade bladet.`,
  eventBadPeriod: (cell: string, text: string) => `Perioden i cellen ${cell} ("${text}") är inget giltigt periodnummer; händelsen räknas inte.`,
} as const;
