// Swedish UI strings shared by the Excel task pane and the Google Sheets sidebar/menu (one place, so English can be added).

export const UI = {
  appName: 'Medborgarlöften',
  actions: {
    read: 'Läs in',
    readAndStructure: 'Läs in och strukturera',
    structure: 'Skapa strukturerat blad',
    summary: 'Skapa sammanfattning',
    report: 'Exportera rapport',
    undo: 'Ångra senaste körning',
    sidebar: 'Visa sidopanel',
  },
  labels: {
    kommun: 'Kommun',
    year: 'År',
    reportedPeriod: 'Redovisad tertial',
    promises: 'Löften',
    activities: 'Aktiviteter',
    findings: 'Kontroller',
    noFindings: 'Inga anmärkningar.',
  },
  /** Texts both hosts' panes use around the actions. */
  pane: {
    intro: 'Markera uppföljningen (eller öppna bladet där den finns) och välj Läs in. Inget skrivs förrän du väljer att skapa ett blad.',
    readScope: 'Läs från',
    readScopeSheet: 'Hela det aktiva bladet',
    readScopeSelection: 'Bara markeringen',
    periodSetting: 'Redovisad period',
    periodAuto: 'Automatiskt (sista perioden med data)',
    preview: 'Det här hittades',
    sourceSheet: 'Källblad',
    statedPeriod: (n: number) => `Underlaget anger tertial ${n}.`,
    /** "Underlaget anger kvartal 3." for any period set. */
    statedPeriodOf: (noun: string, n: number) => `Underlaget anger ${noun} ${n}.`,
    /** The source sheet and the selection that was read: "Blad1 (A100:D140)". */
    sourceRange: (sheet: string, range: string) => `${sheet} (${range})`,
    activitiesCount: (n: number) => (n === 1 ? '1 aktivitet' : `${n} aktiviteter`),
    promisesCount: (n: number) => (n === 1 ? '1 löfte' : `${n} löften`),
    findingsCount: (n: number) => (n === 1 ? '1 anmärkning' : `${n} anmärkningar`),
    goal: 'Mål',
    total: 'Totalt',
    status: 'Status',
    noGoal: 'inget mätbart mål',
    findingHint: 'Välj en anmärkning för att gå till cellen.',
    noCell: 'ingen cell',
    steps: 'Steg',
    progress: 'Arbetar …',
    cancel: 'Avbryt',
    replace: 'Ersätt',
    confirmTitle: 'Ersätta blad?',
    confirmReplace: (names: string[]) =>
      `${names.length === 1 ? 'Bladet' : 'Bladen'} ${names.map((n) => `"${n}"`).join(', ')} finns redan och ersätts helt. Du kan ångra med "Ångra senaste körning".`,
    undoNothing: 'Det finns ingen körning att ångra.',
    undoAvailable: (action: string) => `Senaste körning: ${action}.`,
  },
  progress: {
    reading: 'Läser bladet …',
    importing: 'Tolkar uppföljningen …',
    checkingSheets: 'Kontrollerar befintliga blad …',
    writing: 'Skriver bladen …',
    readingStructured: 'Läser det strukturerade bladet …',
    buildingReport: 'Bygger rapporten …',
    undoing: 'Återställer …',
  },
  result: {
    read: (kommun: string | null, year: number | null) => `Inläst: ${[kommun ?? 'okänd kommun', year ?? ''].join(' ').trim()}.`,
    wrote: (names: string[]) => `Skrev ${names.map((n) => `"${n}"`).join(', ')}.`,
    reportSaved: (file: string) => `Rapporten sparades som ${file}.`,
    undone: (deleted: string[], restored: string[]) =>
      [deleted.length ? `Tog bort ${deleted.map((n) => `"${n}"`).join(', ')}.` : '', restored.length ? `Återställde ${restored.map((n) => `"${n}"`).join(', ')}.` : '']
        .filter(Boolean)
        .join(' ') || 'Inget att ångra.',
    selected: (cell: string) => `Markerade ${cell}.`,
  },
  errors: {
    requirements: 'Den här versionen av Excel är för gammal för tillägget. Det behöver Excel 2019, Microsoft 365 eller Excel på webben (ExcelApi 1.8).',
    notExcel: 'Tillägget fungerar bara i Excel.',
    officeMissing: 'Office-biblioteket kunde inte läsas in. Kontrollera nätverksanslutningen och öppna tillägget från Excel (Start > Medborgarlöften).',
    emptySheet: 'Bladet är tomt. Öppna bladet med uppföljningen, eller markera tabellerna, och försök igen.',
    noActivities: 'Ingen aktivitetstabell hittades. Tabellerna ska ha kolumnerna Aktivitet | Tertial 1 | Tertial 2 | Tertial 3.',
    readFirst: 'Välj Läs in först.',
    sourceIsGenerated: (name: string) => `Bladet "${name}" är ett blad som tillägget har skapat. Välj bladet med den ursprungliga uppföljningen.`,
    wouldWriteSource: (name: string) => `Bladet "${name}" är källbladet och skrivs aldrig över. Byt namn på det och försök igen.`,
    noStructured: 'Det finns inget strukturerat blad. Välj Skapa strukturerat blad först.',
    cellNotFound: (cell: string) => `Cellen ${cell} kunde inte markeras.`,
    sheetMissing: (name: string) => `Bladet "${name}" finns inte längre.`,
    tooLarge: 'Excel på webben tog inte emot ändringen: en begäran blev större än de 5 MB som Excel på webben tar emot. Öppna arbetsboken i Excel för skrivbordet (Öppna i skrivbordsappen) och kör samma åtgärd där; där finns inte den gränsen.',
    /** Excel on the web refused to send back what the add-in read (ResponsePayloadSizeLimitExceeded). */
    responseTooLarge: 'Excel på webben kunde inte skicka bladen till tillägget: svaret blev större än de 5 MB som Excel på webben skickar. Öppna arbetsboken i Excel för skrivbordet (Öppna i skrivbordsappen) och kör samma åtgärd där; där finns inte den gränsen.',
    busy: 'Excel är upptaget (till exempel medan en cell redigeras). Avsluta redigeringen och försök igen.',
    unexpected: (what: string) => `Något gick fel när ${what}. Inget har skrivits över. Försök igen, eller kontakta den som ansvarar för tillägget.`,
    whatRead: 'bladet lästes in',
    whatWrite: 'bladen skrevs',
    whatReport: 'rapporten byggdes',
    whatUndo: 'körningen ångrades',
  },
} as const;

// ---------------------------------------------------------------------------------------------
// Google Sheets host (menu, dialogs, sidebar): added by the Apps Script host; the rest of the
// wording is shared through UI above so both hosts say the same thing.
// ---------------------------------------------------------------------------------------------
/** 1020000 → "1 020 000" (no-break spaces), without Intl. */
const thousands = (n: number): string => String(Math.round(n)).replace(/\B(?=(\d{3})+(?!\d))/g, '\u00a0');

export const SHEETS_UI = {
  busy: 'Någon annan kör tillägget i det här kalkylarket just nu. Vänta en stund och försök igen.',
  reportTitle: 'Rapporten är klar',
  reportDoc: 'Öppna Google-dokumentet',
  reportPdf: 'Öppna PDF-filen',
  reportInRoot: 'Google-dokumentet och PDF-filen sparades överst i Min enhet i Google Drive, inte i kalkylarkets mapp: tillägget får bara öppna filer som det själv har skapat.',
  /** The Doc and the PDF landed in the spreadsheet's folder. */
  reportBeside: 'Google-dokumentet och PDF-filen ligger i samma mapp som kalkylarket.',
  /** The Drive export stopped at `step`; what it had created is removed again. */
  exportFailed: (step: string) => `Rapporten kunde inte sparas i Google Drive (det gick inte att ${step}). Inga halvfärdiga filer har lämnats kvar. Försök igen om en stund.`,
  /** …and the clean-up failed too: the user is told which files to delete. */
  exportLeftFiles: (step: string, names: string[]) =>
    `Rapporten kunde inte sparas i Google Drive (det gick inte att ${step}). Ta bort ${names.map((n) => `"${n}"`).join(' och ')} i Min enhet; filen är inte färdig.`,
  exportSteps: { doc: 'skapa Google-dokumentet', pdf: 'göra PDF-filen av dokumentet', savePdf: 'spara PDF-filen' },
  /** The report has more text than a Google Doc holds; nothing was created. */
  reportTooLarge: (chars: number, limit: number) =>
    `Rapporten blir för stor för ett Google-dokument (${thousands(chars)} tecken; ett Google-dokument rymmer högst ${thousands(limit)}). Inget har sparats. Gör rapporten som Word-fil i Excel-tillägget eller med kommandoradsverktyget i stället.`,
} as const;

// ---------------------------------------------------------------------------------------------
// Uppdatera: reading a newer version of the source into an existing structured sheet (both hosts).
// ---------------------------------------------------------------------------------------------
export const UPDATE_UI = {
  update: 'Uppdatera',
  replace: 'Ersätt',
  heading: 'Det finns redan ett strukturerat blad',
  offer: (sheet: string) =>
    `Bladet "${sheet}" gäller samma uppföljning. Uppdatera behåller allt du har fyllt i (antal, bedömningar, kommentarer) och fyller på från den nya versionen; Ersätt skriver bladet på nytt.`,
  preview: (summary: string) => `Uppdatera gör så här: ${summary}.`,
  more: (n: number) => `… och ${n} till (se bladet Kontroller efteråt).`,
  progress: 'Uppdaterar bladen …',
  what: 'bladen uppdaterades',
  done: (sheet: string, summary: string) => `Uppdaterade "${sheet}": ${summary}. Konflikter står på bladet Kontroller; du kan ångra med "Ångra senaste körning".`,
  readFirst: 'Välj Läs in först, så visas vad en uppdatering gör.',
} as const;
