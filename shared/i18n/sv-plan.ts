// Swedish texts of the generated sheets (structured sheet, Händelser, Kontroller, summary) and of readStructured's findings.
import type { PeriodKind } from '../model/follow-up';

/** Base names of the generated sheets (the structured and summary names add period/year). */
export const SHEET = {
  structured: 'Medborgarlöften',
  events: 'Händelser',
  findings: 'Kontroller',
  summary: 'Sammanfattning',
} as const;

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
    text: (label: string) => `Text ${label}`,
    findings: 'Kontroller',
    rate: 'Mål per',
    places: 'Platser i målet',
    phrase: 'Målformulering',
    goalSource: 'Målet från',
    sourceCell: 'Källcell',
  },
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

export const SUMMARY = {
  title: (kommun: string | null, year: number | null, noun: string, period: number | null) =>
    `Uppföljning av medborgarlöften – ${[kommun ?? 'okänd kommun', year ?? ''].join(' ').trim()}${period !== null ? `, ${noun} ${period}` : ''}`,
  generated: (date: string) => `Sammanställd ${date}`,
  overview: 'Översikt',
  statusCol: 'Status',
  countCol: 'Antal aktiviteter',
  ruleCol: 'Så räknas det',
  activities: 'Aktivitet',
  goal: 'Mål',
  total: 'Totalt',
  status: 'Status',
  bar: 'Andel av mål',
  noActivities: 'Inga aktiviteter redovisade i tabell för detta löfte.',
  chartTitle: 'Totalt mot mål per aktivitet',
  chartData: 'Diagramunderlag',
  seriesTotal: 'Totalt',
  seriesGoal: 'Mål',
  promise: (id: string) => `Löfte ${id.replace(/^L/, '')}`,
  findingsCount: (n: number) => `Kontroller: ${n} anmärkningar, se bladet Kontroller.`,
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
  noHeader: 'Hittade inte rubrikraden (ID, Löfte, Aktivitet …) på det strukturerade bladet. Skapa bladet på nytt med "Läs in och strukturera".',
  badDate: (cell: string, text: string) => `Datumet i cellen ${cell} ("${text}") kunde inte läsas. Skriv det som ÅÅÅÅ-MM-DD.`,
  eventNoActivity: (cell: string, id: string) => `Händelsen i cellen ${cell} hör till aktivitet "${id}", som inte finns på det strukturerade bladet.`,
  eventBadPeriod: (cell: string, text: string) => `Perioden i cellen ${cell} ("${text}") är inget giltigt periodnummer; händelsen räknas inte.`,
} as const;
