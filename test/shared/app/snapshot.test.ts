// undoRecordOf/backupName: sheets a run creates are deleted on undo; sheets it replaces get hidden backup names no sheet has.
import { backupName, backupsOf, isBackupSheet, undoRecordFrom, undoRecordOf } from '../../../shared/app/snapshot';

const readBack = { sheetName: 'Medborgarlöften 2019', origin: { row: 0, col: 0 }, values: [['Kommun', 'Eskilstuna']] };

describe('undoRecordOf', () => {
  it('deletes sheets the run created and keeps the ones it replaced under backup names', () => {
    const rec = undoRecordOf('Skapa strukturerat blad', { 'Medborgarlöften 2019': readBack, Händelser: null, Kontroller: null }, '2026-11-21T10:00:00.000Z', ['Uppföljning', 'Medborgarlöften 2019']);
    expect(rec.created).toEqual(['Händelser', 'Kontroller']);
    expect(rec.restore).toEqual([{ name: 'Medborgarlöften 2019', backup: 'Ångra 1 – Medborgarlöften 2019', visibility: 'Visible' }]);
    expect(rec.at).toBe('2026-11-21T10:00:00.000Z');
    expect(JSON.parse(JSON.stringify(rec))).toEqual(rec);
    expect(backupsOf(rec)).toEqual(['Ångra 1 – Medborgarlöften 2019']);
    expect(backupsOf(null)).toEqual([]);
  });

  it('numbers the backups by the sheet’s place in the run and never takes a name the workbook has, whatever the case', () => {
    const rec = undoRecordOf('Uppdatera', { 'Medborgarlöften 2019': readBack, Händelser: readBack, Kontroller: readBack }, '2026-11-21T10:00:00.000Z', ['ångra 2 – händelser']);
    expect(rec.restore.map((r) => r.backup)).toEqual(['Ångra 1 – Medborgarlöften 2019', 'Ångra 3 – Händelser', 'Ångra 3 – Kontroller']);
    expect(new Set(rec.restore.map((r) => r.backup.toLowerCase())).size).toBe(3);
  });
});

describe('backupName', () => {
  it('stays within Excel’s 31 characters and ends in neither a space nor an apostrophe', () => {
    const long = backupName(0, 'Sammanfattning T3 2019 extra lång', []);
    expect(long.length).toBeLessThanOrEqual(31);
    expect(long).toMatch(/[^\s']$/);
    expect(backupName(0, "Blad 'x' med namn som är långt", [])).not.toMatch(/[\s']$/);
    expect(isBackupSheet(long)).toBe(true);
    expect(isBackupSheet('Medborgarlöften 2019')).toBe(false);
  });
});

describe('undoRecordFrom', () => {
  it('reads back a record kept as JSON and refuses anything that is not one', () => {
    const rec = undoRecordOf('Uppdatera', { 'Medborgarlöften 2019': readBack, Händelser: null }, '2026-11-21T10:00:00.000Z');
    rec.restore[0].visibility = 'Hidden';
    expect(undoRecordFrom(JSON.parse(JSON.stringify(rec)))).toEqual(rec);
    expect(undoRecordFrom(null)).toBeNull();
    expect(undoRecordFrom({ ...rec, created: [1] })).toBeNull();
    // A backup name undo would never make: renaming it back could hit a user's sheet.
    expect(undoRecordFrom({ ...rec, restore: [{ name: 'Blad1', backup: 'Blad2', visibility: 'Visible' }] })).toBeNull();
    expect(undoRecordFrom({ ...rec, restore: [{ ...rec.restore[0], visibility: 'Odd' }] })!.restore[0].visibility).toBe('Visible');
  });
});
