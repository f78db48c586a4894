// The task pane's Exportera medborgarversion: the citizen version of the structured sheet as edited, in one Excel sync, as a page and a .docx.
import JSZip from 'jszip';
import { AddinSession } from '../../addin/session';
import type { ExcelHost } from '../../addin/excel-adapter';
import { renderCitizenDocx, renderCitizenHtml } from '../../shared/citizen';
import { FakeWorkbook } from '../support/excel-fake';
import { seedGrid } from '../support/seeds';

async function session(): Promise<{ book: FakeWorkbook; s: AddinSession }> {
  const book = new FakeWorkbook();
  book.addGrid('Uppföljning', seedGrid('eskilstuna-2019').values as (string | null)[][]);
  book.active = 'Uppföljning';
  const s = new AddinSession(book as unknown as ExcelHost, undefined, () => new Date('2026-11-21T12:00:00Z'));
  await s.read();
  await s.commit(await s.prepareStructure());
  return { book, s };
}

describe('Exportera medborgarversion in the Excel add-in', () => {
  it('reads the structured sheet back in one sync and names the file after the kommun and period', async () => {
    const { book, s } = await session();
    const before = book.syncs;
    const { doc, fileBase } = await s.citizen();
    expect(book.syncs - before).toBe(1);
    expect(fileBase).toBe('Medborgarversion Eskilstuna 2019 T3');
    expect(doc.title).toBe('Medborgarlöften i Eskilstuna 2019');
    // Counts typed in cells are read back as written (the fake workbook does not evaluate the event-count formulas).
    expect(doc.verdicts).toHaveLength(10);
    expect([doc.verdicts[0], doc.verdicts[3]]).toEqual(['done', 'partly']);
    const html = renderCitizenHtml(doc);
    expect(html).toContain('<html lang="sv">');
    expect(html).toContain('Texten är gjord ur uppföljningen den 21 november 2026.');
    const xml = await (await JSZip.loadAsync(await renderCitizenDocx(doc))).file('word/document.xml')!.async('string');
    expect(xml).toContain('Medborgarlöften i Eskilstuna 2019');
  });

  it('asks for the structured sheet first when there is none', async () => {
    const book = new FakeWorkbook();
    book.addGrid('Uppföljning', seedGrid('eksjo-2019').values as (string | null)[][]);
    book.active = 'Uppföljning';
    const s = new AddinSession(book as unknown as ExcelHost);
    await expect(s.citizen()).rejects.toThrow('Det finns inget strukturerat blad');
  });
});

describe('the task pane\'s citizen buttons', () => {
  it('carry the words of CITIZEN_HOST in taskpane.html (the citizen texts load only with a click)', () => {
    const { readFileSync } = require('fs') as typeof import('fs');
    const { join } = require('path') as typeof import('path');
    const { CITIZEN_HOST } = require('../../shared/i18n/sv-citizen') as typeof import('../../shared/i18n/sv-citizen');
    const html = readFileSync(join(__dirname, '..', '..', 'addin', 'taskpane', 'taskpane.html'), 'utf8');
    expect(html).toContain(`<button type="button" id="btn-citizen" class="btn">${CITIZEN_HOST.exportHtml}</button>`);
    expect(html).toContain(`<button type="button" id="btn-citizen-docx" class="btn">${CITIZEN_HOST.exportDocx}</button>`);
    const pane = readFileSync(join(__dirname, '..', '..', 'addin', 'taskpane', 'taskpane.ts'), 'utf8');
    expect(pane).not.toMatch(/^import .*sv-citizen/m);
  });
});
