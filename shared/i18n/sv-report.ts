// Swedish texts of the follow-up report (ReportDoc, HTML and .docx renderers).
import type { PeriodKind } from '../model/follow-up';
import { ORDINAL } from './sv';

const PERIOD_NOUN: Record<PeriodKind, string> = { tertial: 'tertialet', quarter: 'kvartalet', half: 'halvåret', year: 'helåret' };
const PERIOD_WORD: Record<PeriodKind, string> = { tertial: 'tertial', quarter: 'kvartal', half: 'halvår', year: 'helår' };

export const REPORT = {
  title: (kommun: string | null, year: number | null) =>
    `Uppföljning av medborgarlöften – ${kommun ?? 'okänd kommun'}${year ? ` ${year}` : ''}`,
  /** "Uppföljningen avser tredje tertialet 2019." as the published documents say it. */
  reports: (kind: PeriodKind, period: number | null, year: number | null) => {
    const y = year ? ` ${year}` : '';
    if (kind === 'year') return `Uppföljningen avser helåret${y}.`;
    if (period === null) return `Uppföljningen anger ingen period; hela året${y} räknas.`;
    return `Uppföljningen avser ${ORDINAL[period - 1] ?? `${period}:e`} ${PERIOD_NOUN[kind]}${y}.`;
  },
  statedDiffers: (kind: PeriodKind, stated: number, reported: number) =>
    `Dokumentet anger ${PERIOD_WORD[kind]} ${stated}, men uppgifter finns till och med ${PERIOD_WORD[kind]} ${reported}; rapporten följer uppgifterna.`,
  generated: (date: string) => `Sammanställd ${date} ur uppföljningens tabeller.`,
  overviewHeading: 'Översikt',
  overview: (promises: number, activities: number) =>
    `Uppföljningen omfattar ${promises} ${promises === 1 ? 'löfte' : 'löften'} och ${activities} ${activities === 1 ? 'aktivitet' : 'aktiviteter'} med redovisning i tabell.`,
  statusCounts: (parts: string[]) => (parts.length ? `Status: ${parts.join(', ')}.` : 'Inga aktiviteter att bedöma.'),
  statusTableHeader: ['Status', 'Antal', 'Så bedöms statusen'],
  promiseHeading: (n: number, party: string | null) => `Löfte ${n}${party ? ` (${party})` : ''}`,
  noTable: 'Ingen uppföljningstabell för detta löfte.',
  columns: (periodLabels: string[]) => ['Aktivitet', ...periodLabels, 'Totalt', 'Mål', 'Status (andel av mål)'],
  notesColumn: 'Bedömning och kommentar',
  chartHeading: 'Totalt mot mål',
  chartIntro: 'Andel av målet per aktivitet med mätbart mål (100 % = målet nått). Färgen följer statusen, som också står i texten.',
  chartValue: (total: string, goal: string, pct: string) => `${total} av ${goal} (${pct})`,
  chartColumns: ['Aktivitet', 'Andel av målet (hel bredd = 100 %)', 'Status'],
  findingsHeading: 'Kontroller',
  findingsIntro: 'Saker i underlaget som bör rättas eller bedömas innan uppföljningen publiceras.',
  findingsHeader: ['Allvar', 'Cell', 'Meddelande'],
  noFindings: 'Inga anmärkningar.',
  docTitle: 'Uppföljning av medborgarlöften',
} as const;

/** "95 %" (Swedish: space before the percent sign, comma decimals). */
export function percent(share: number): string {
  return `${String(Math.round(share * 100)).replace('.', ',')} %`;
}

/** Swedish messages of the CLI's build and demo commands. */
export const BUILD = {
  missingOut: 'Ange var arbetsboken ska skrivas: -o UT.xlsx',
  badExt: (path: string, ext: string) => `"${path}" måste sluta på ${ext}.`,
  cannotWrite: (path: string, why: string) => `Kunde inte skriva "${path}": ${why}`,
  wroteXlsx: (path: string, sheets: string[], size: string) => `Skrev ${path} (${size}; blad: ${sheets.join(', ')})`,
  wroteDocx: (path: string, size: string) => `Skrev ${path} (${size}; rapport)`,
  wroteHtml: (path: string, size: string) => `Skrev ${path} (${size}; förhandsvisning av rapporten)`,
  findingsLine: (errors: number, others: number) =>
    errors ? `${errors} fel och ${others} andra anmärkningar i underlaget: se bladet Kontroller.` : `Inga fel i underlaget (${others} anmärkningar: se bladet Kontroller).`,
  demoHeading: (name: string) => `== ${name} ==`,
  demoDone: (dir: string) => `Klart. Öppna filerna i ${dir} (arbetsboken i Excel eller LibreOffice, rapporten i Word eller LibreOffice Writer).`,
  demoMissingSeed: (path: string) => `Exempelfilen "${path}" saknas.`,
} as const;
