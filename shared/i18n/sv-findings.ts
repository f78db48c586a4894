// Swedish messages of the importer's findings: what is wrong and what to do, naming the cell.

const n = (v: number) => String(v).replace('.', ',');

export const FINDING = {
  empty: () => 'Bladet är tomt. Klistra in uppföljningens tabeller (Aktivitet | Tertial 1 | Tertial 2 | Tertial 3) och försök igen.',
  noTables: () =>
    'Hittade ingen tabell med rubrikraden "Aktivitet" följd av periodkolumner (Tertial 1–3, T1–T3, Kvartal 1–4 eller Utfall). Lägg till en sådan rubrikrad ovanför aktiviteterna.',
  cumulativeMismatch: (cell: string, stated: number, computed: number, label: string) =>
    `Cellen ${cell} anger den löpande summan ${n(stated)}, men summan av ${label} blir ${n(computed)}. Rätta antalet eller summan inom parentes.`,
  cumulativeDecrease: (cell: string, stated: number, before: number) =>
    `Cellen ${cell} anger totalt ${n(stated)}, vilket är mindre än summan ${n(before)} för perioderna före. En löpande summa kan inte minska: kontrollera siffrorna.`,
  eventOutsidePeriod: (cell: string, place: string | null, date: string, actual: string, column: string) =>
    `Händelsen ${place ? `${place} ` : ''}${date} i cellen ${cell} står under ${column}, men datumet ligger i ${actual}. Flytta den till rätt kolumn eller rätta datumet.`,
  eventOutsideYear: (cell: string, place: string | null, date: string, year: number) =>
    `Händelsen ${place ? `${place} ` : ''}${date} i cellen ${cell} ligger utanför uppföljningsåret ${year}. Kontrollera datumet.`,
  placeNearDuplicate: (cell: string, odd: string, common: string) =>
    `"${odd}" i cellen ${cell} liknar "${common}" som skrivs så på andra ställen i dokumentet. Är det ett stavfel?`,
  goalPlaceMissing: (cell: string, place: string, visited: string[]) =>
    `Målet för aktiviteten i ${cell} nämner ${place}, men ingen händelse är redovisad där (redovisade platser: ${visited.join(', ') || 'inga'}). Antalet kan vara uppnått medan platserna inte är det.`,
  templatePlaceholder: (cell: string, text: string) =>
    `Cellen ${cell} innehåller "${text}", som ser ut som en platshållare kvar från en mall. Ersätt den med rätt uppgift.`,
  periodContradicted: (cell: string | null, stated: string, last: string) =>
    `Dokumentet${cell ? ` (cell ${cell})` : ''} säger att uppföljningen avser ${stated}, men det finns uppgifter till och med ${last}. Redovisad period sätts till ${last}; ändra inställningen om det är fel.`,
  dataAfterPeriod: (cell: string, column: string, reported: string) =>
    `Cellen ${cell} (${column}) har uppgifter, men redovisad period är ${reported}. Uppgiften räknas inte förrän perioden redovisas.`,
  periodEmpty: (cell: string, column: string) =>
    `Cellen ${cell} (${column}) är tom, fast aktiviteten redovisar antal för andra perioder. Skriv 0 om inget gjordes, annars antalet.`,
  countMissing: (cell: string, unit: string | null) =>
    `Cellen ${cell} har text men inget antal${unit ? ` ${unit}` : ''}. Aktiviteten har ett mål i antal: skriv antalet (t.ex. "3") så att det kan räknas.`,
  otherUnit: (cell: string, unit: string | null) =>
    `Talet i cellen ${cell} räknar något annat än${unit ? ` ${unit}` : ' aktivitetens enhet'} och räknas inte mot målet.`,
  approx: (cell: string, value: number) => `Cellen ${cell} anger ett ungefärligt antal; det räknas som ${n(value)}.`,
  lowerBound: (cell: string, value: number) => `Cellen ${cell} anger "minst ${n(value)}"; det räknas som ${n(value)} (lägsta värde).`,
  duplicateMerged: (cell: string, first: string) =>
    `Aktiviteten i ${cell} är en kopia av den i ${first} med samma uppgifter och har slagits ihop med den. Texten finns kvar bland anteckningarna.`,
  duplicateConflict: (cell: string, first: string) =>
    `Aktiviteten i ${cell} har samma namn som den i ${first} men andra uppgifter. Kontrollera om det är samma aktivitet.`,
  cellError: (cell: string, text: string) => `Cellen ${cell} innehåller felvärdet ${text}. Rätta formeln eller skriv in värdet.`,
  notWhole: (cell: string, value: number) => `Cellen ${cell} anger ${n(value)}, som inte är ett heltal. Antal bör vara heltal.`,
  activityNoName: (cell: string) => `Raden med cellen ${cell} har uppgifter men ingen aktivitet. Skriv aktivitetens namn i kolumnen Aktivitet.`,
  rateGoal: (cell: string, value: number, rate: string, target: number) =>
    `Målet i ${cell} är ${n(value)} per ${rate}; för året räknas det som ${n(target)}.`,
  noPromise: () => 'Hittade inga löften ovanför tabellerna; aktiviteterna samlas under "Löften utan rubrik".',
  statedTotalMismatch: (cell: string, stated: number, computed: number, label: string) =>
    `Cellen ${cell} anger totalt ${n(stated)}, men summan av ${label} blir ${n(computed)}. Rätta summan eller antalen.`,
  statedSumMismatch: (cell: string, stated: number, computed: number, column: string, rows: string) =>
    `Summaraden anger ${n(stated)} i cellen ${cell} (${column}), men aktiviteterna ovanför (${rows}) blir tillsammans ${n(computed)}. Rätta summan eller antalen.`,
} as const;

export const UNNAMED_PROMISE = 'Löften utan rubrik';
