// The summary sheet (overview, per-promise tables in readers' form, chart, REPT bars), the Händelser and Kontroller sheets.
import { withStatus } from '../../../shared/calc/status';
import { STATUS_COLOUR } from '../../../shared/i18n/sv';
import type { SheetPlan } from '../../../shared/model/sheet-plan';
import { parseA1Range } from '../../../shared/model/a1';
import {
  EVENT_COLS,
  EVENTS_SHEET,
  FINDING_COLS,
  planEvents,
  planFindings,
  planImportSheets,
  planStructured,
  planSummary,
  planToGrid,
  readStructured,
  statusStyle,
  structuredColumns,
  STRUCTURED_ROWS,
} from '../../../shared/plan';
import { eksjoSample, eskilstunaSample } from '../../support/sample-follow-ups';
import { importSeed } from '../../support/seeds';
import { evaluatePlans, hostGrid } from './evaluate';

const rowOf = (grid: unknown[][], first: unknown) => grid.findIndex((r) => r[0] === first);

describe('summary sheet', () => {
  test('Eskilstuna T3: title, date, overview per status with its rule, readers-form cells, status words with colour', () => {
    const plan = planSummary(eskilstunaSample(3), { generatedAt: '2020-01-08' });
    const g = planToGrid(plan);
    expect(plan.name).toBe('Sammanfattning T3 2019');
    expect(g[0][0]).toBe('Uppföljning av medborgarlöften – Eskilstuna 2019, tertial 3');
    expect(g[1][0]).toBe('Sammanställd 2020-01-08');
    const overview = (word: string) => g[rowOf(g, word)].slice(0, 3);
    expect(overview('Uppnått')).toEqual(['Uppnått', 2, 'Totalt hittills når målet.']);
    expect(overview('Ej uppnått')[1]).toBe(1);
    expect(overview('Inget mål')[1]).toBe(1);
    expect(overview('Efter plan')[1]).toBe(0);
    const nark = g[rowOf(g, 'Ingripande narkotikabrott (enligt STATUS; brottskod 5010, 5011)')];
    expect(nark.slice(0, 7)).toEqual(['Ingripande narkotikabrott (enligt STATUS; brottskod 5010, 5011)', 540, '479 (1019)', '451 (1470)', null, 'Inget mål', 1470]);
    // A plain count and a total are numbers (formatted), never numbers stored as text; a running total in brackets is readers' text.
    const narkRow = rowOf(g, 'Ingripande narkotikabrott (enligt STATUS; brottskod 5010, 5011)');
    expect(plan.blocks[0].numberFormats?.[narkRow].slice(1, 7)).toEqual(['# ##0', null, null, null, null, '# ##0']);
    const walkRow = rowOf(g, 'Trygghetsvandring');
    expect(g[walkRow].slice(1, 6)).toEqual([null, null, 'Göksten 2019-11-08, Stadsparken 2019-11-12, Centrala Thla 2019-11-20, Nyfors 2019-11-26', '2 trygghetsvandringar (Skiftinge, Lagersberg)', 'Uppnått']);
    expect(plan.blocks[0].styles?.[walkRow][5]).toBe(statusStyle('met'));
    expect(plan.styles[statusStyle('met')].fill).toBe(STATUS_COLOUR.met.fill);
    expect(g.some((r) => r[0] === 'Inga aktiviteter redovisade i tabell för detta löfte.')).toBe(false);
  });

  test('promises without a table say so (seed import, Löfte 2)', () => {
    const g = planToGrid(planSummary(importSeed('eskilstuna-2019'), { generatedAt: '2020-01-08' }));
    expect(g.filter((r) => r[0] === 'Inga aktiviteter redovisade i tabell för detta löfte.').length).toBe(7);
  });

  test('Eksjö: approximate and lower-bound counts read as "ca 20", "minst …", as numbers where they are one number', () => {
    const plan = planSummary(eksjoSample(3), { generatedAt: '2020-01-08' });
    const g = planToGrid(plan);
    const r = rowOf(g, 'Ökad polisiär närvaro vid resecentrum');
    expect(g[r].slice(1, 4)).toEqual([20, 'ca 10 (ca 30)', 'minst 10 (minst 40)']);
    expect(g[r][6]).toBe(40);
    const formats = plan.blocks[0].numberFormats![r];
    expect([formats[1], formats[6]]).toEqual(['"ca "# ##0', '"minst ca "# ##0']);
  });

  test('at tertial 2 later periods are left out and the name and title say T2', () => {
    const plan = planSummary(eskilstunaSample(2), { generatedAt: '2019-09-01' });
    const g = planToGrid(plan);
    expect(plan.name).toBe('Sammanfattning T2 2019');
    expect(g[0][0]).toMatch(/tertial 2$/);
    const traffic = g[rowOf(g, 'Trafikkontroll i utsatta områden (inklusive synlighet och kommunikativt förhållningssätt: STORM-HOBIT)')];
    expect(traffic.slice(1, 7)).toEqual([83, '43 (126)', null, '200 kontroller', 'Efter plan', 126]);
  });

  test('chart series and REPT bars point at total and goal; bars evaluate to the share of the goal', () => {
    const f = eskilstunaSample(3);
    const plan: SheetPlan = planSummary(f, { generatedAt: '2020-01-08' });
    expect(plan.chart).not.toBeNull();
    const chart = plan.chart!;
    const wb = evaluatePlans([plan]);
    const cat = parseA1Range(chart.categories)!;
    const totals = parseA1Range(chart.series[0].values)!;
    const goals = parseA1Range(chart.series[1].values)!;
    expect([cat.rows, totals.rows, goals.rows]).toEqual([4, 4, 4]);
    const read = (r: { row: number; col: number; rows: number }) => Array.from({ length: r.rows }, (_, i) => wb.value(plan.name, r.row + i, r.col));
    expect(read(totals)).toEqual([1470, 4, 3, 190]);
    expect(read(goals)).toEqual([null, 2, 1, 200]);
    const g = planToGrid(plan);
    const traffic = rowOf(g, 'Trafikkontroll i utsatta områden (inklusive synlighet och kommunikativt förhållningssätt: STORM-HOBIT)');
    expect(wb.value(plan.name, traffic, 7)).toBe('█'.repeat(19) + '░');
    expect(wb.value(plan.name, rowOf(g, 'Trygghetsvandring'), 7)).toBe('█'.repeat(20));
    expect(wb.value(plan.name, rowOf(g, 'Ingripande narkotikabrott (enligt STATUS; brottskod 5010, 5011)'), 7)).toBe('');
  });

  test('Bedömning and Kommentar per activity: a judged status says so, a suggestion says it is one, own status and comments one per line', () => {
    const f = eksjoSample(3);
    const walk = f.promises[0].activities[1];
    f.promises[0].activities[1] = withStatus(
      { ...walk, judgement: { value: 'not-started', phrase: 'har inte kommit igång', cell: 'D24', source: 'text' }, sourceStatus: { cell: 'E24', text: 'Ej startad' }, comments: [{ cell: 'F24', text: '=Flyttad till 2020' }] },
      3,
    );
    const plan = planSummary(f, { generatedAt: '2020-01-08' });
    const g = planToGrid(plan);
    const header = g.findIndex((r) => r[0] === 'Aktivitet');
    expect(g[header]).toEqual(['Aktivitet', 'T1', 'T2', 'T3', 'Mål', 'Status', 'Totalt', 'Andel av mål', 'Bedömning', 'Kommentar']);
    const r = g[rowOf(g, walk.text)];
    expect(r.slice(5, 6)).toEqual(['Ej uppnått (bedömd)']);
    expect(r.slice(8)).toEqual(['Ej påbörjad (förslag från texten: «har inte kommit igång»)', 'Egen status i underlaget: Ej startad\n=Flyttad till 2020']);
    expect(plan.blocks[0].styles?.[rowOf(g, walk.text)][5]).toBe(statusStyle('not-met'));
    const counted = g[rowOf(g, 'Genomföra minst tio riktade insatser mot alkohol och droger i hela kommunen.')];
    expect(counted.slice(8)).toEqual([null, null]);
  });

  test('built from readStructured after an edit, the summary shows the edited count and status', () => {
    const f = eskilstunaSample(3);
    const plans = planImportSheets(f);
    const wb = evaluatePlans(plans);
    const c = structuredColumns(3);
    const g = planToGrid(plans[0]);
    const row = g.findIndex((r) => r[c.id] === 'A4');
    wb.set(plans[0].name, row, c.periodStart + 2, 80);
    const back = readStructured({ structured: hostGrid(wb, plans[0]), events: hostGrid(wb, plans[1]), findings: hostGrid(wb, plans[2]) });
    const s = planToGrid(planSummary(back, { generatedAt: '2020-01-08' }));
    const traffic = s[rowOf(s, 'Trafikkontroll i utsatta områden (inklusive synlighet och kommunikativt förhållningssätt: STORM-HOBIT)')];
    // The running total follows the edit: 83 + 43 + 80 = 206.
    expect(traffic.slice(3, 7)).toEqual(['80 (206)', '200 kontroller', 'Uppnått', 206]);
  });
});

describe('Händelser and Kontroller sheets', () => {
  test('events carry real dates, the period from the date by formula, and flag an event listed under the wrong tertial', () => {
    const f = eskilstunaSample(3);
    const plan = planEvents(f);
    const wb = evaluatePlans([planStructured(f), plan]);
    const g = wb.grid(EVENTS_SHEET).values;
    expect(g[0]).toEqual(['Aktivitet-ID', 'Aktivitet', 'Datum', 'Plats', 'Period enligt datum', 'Redovisad under period', 'Kontroll']);
    const forum = g.findIndex((r) => r[EVENT_COLS.place] === 'Fröslunda');
    expect(g[forum]).toEqual(['A3', 'Medborgarforum', 43587, 'Fröslunda', 2, 1, 'Datumet ligger i tertial 2']);
    expect(plan.blocks[0].numberFormats?.[forum][EVENT_COLS.date]).toBe('yyyy-mm-dd');
    expect(g.filter((r) => r[EVENT_COLS.id] === 'A2').map((r) => r[EVENT_COLS.check])).toEqual(['', '', '', '']);
    wb.set(EVENTS_SHEET, forum, EVENT_COLS.date, 43560); // 2019-04-05
    expect([wb.value(EVENTS_SHEET, forum, EVENT_COLS.periodFromDate), wb.value(EVENTS_SHEET, forum, EVENT_COLS.check)]).toEqual([1, '']);
  });

  test('findings sheet: severity words, links to the source cell and to the structured cell, code, message', () => {
    const f = importSeed('eskilstuna-2019');
    const plan = planFindings(f);
    const g = planToGrid(plan);
    expect(g[0]).toEqual(['Allvarlighet', 'Cell i underlaget', 'Cell i strukturerat blad', 'Kod', 'Meddelande']);
    // Findings fill the rows down to the blank row before the section of other text.
    expect(g.findIndex((x) => x[0] === 'Övrig text från underlaget') - 2).toBe(f.findings.length);
    const r = g.findIndex((x) => x[FINDING_COLS.code] === 'event-outside-period');
    const structured = planToGrid(planStructured(f));
    const c = structuredColumns(3);
    const forumRow = structured.findIndex((x) => x[c.id] === 'A3');
    const target = `H${forumRow + 1}`;
    expect(g[r].slice(0, 4)).toEqual(['Varning', 'B119', target, 'event-outside-period']);
    expect(plan.links).toEqual(expect.arrayContaining([
      { cell: `B${r + 1}`, text: 'B119', sheet: 'eskilstuna-2019', target: 'B119' },
      { cell: `C${r + 1}`, text: target, sheet: 'Medborgarlöften 2019', target },
    ]));
    expect(STRUCTURED_ROWS.firstData).toBeGreaterThan(0);
  });

  test('the document\'s other text follows the findings, verbatim, each with its source cell linked to the source sheet', () => {
    const f = importSeed('eskilstuna-2019');
    const plan = planFindings(f);
    const g = planToGrid(plan);
    const head = g.findIndex((x) => x[0] === 'Övrig text från underlaget');
    expect(g[head - 1].every((x) => x === null)).toBe(true);
    expect(g[head + 2]).toEqual(['Typ', 'Cell i underlaget', null, null, 'Text']);
    const rows = g.slice(head + 3);
    expect(rows).toHaveLength(f.notes.length + f.tables.length);
    const storm = rows.find((x) => String(x[4]).startsWith('STORM'))!;
    expect(storm).toEqual(['Text', 'A134', null, null, 'STORM: 701 händelserapporter - 701 prickar i kartan (0 saknar koordinater)']);
    expect(rows.map((x) => x[4])).toContain('- Synlighet genom trafikkontroll i stort sett uppfyllt.');
    expect(rows.map((x) => x[4])).toContain('Sammanfattning');
    const stormRow = head + 3 + rows.indexOf(storm);
    expect(plan.links).toContainEqual({ cell: `B${stormRow + 1}`, text: 'A134', sheet: 'eskilstuna-2019', target: 'A134' });
    const table = rows.find((x) => x[0] === 'Tabell')!;
    expect(table.slice(1)).toEqual(['A54', null, null, '➤ Medborgarlöfte 1\nAktivitet | Tertial 1 | Tertial 2 | Tertial 3']);
    // readStructured reads the findings only, not the section below them.
    const plans = planImportSheets(f);
    const wb = evaluatePlans(plans);
    const back = readStructured({ structured: hostGrid(wb, plans[0]), events: hostGrid(wb, plans[1]), findings: hostGrid(wb, plans[2]) });
    expect(back.findings).toEqual(f.findings);
  });

  test('no findings: the sheet says so', () => {
    const g = planToGrid(planFindings(eksjoSample()));
    expect(g[1][0]).toBe('Inga anmärkningar.');
  });
});
