// Which sheet names the product may replace: its own generated sheets, never a user's sheet.
import { findStructuredSheet, generatedKind, isGeneratedSheet } from '../../../shared/app/generated-sheets';

describe('generated sheet names', () => {
  it('recognises the structured, events, findings and summary sheets with their suffixes', () => {
    expect(generatedKind('Medborgarlöften 2019')).toBe('structured');
    expect(generatedKind('Medborgarlöften')).toBe('structured');
    expect(generatedKind('Händelser')).toBe('events');
    expect(generatedKind('Kontroller')).toBe('findings');
    expect(generatedKind('Sammanfattning T3 2019')).toBe('summary');
    expect(generatedKind('Sammanfattning K2 2021')).toBe('summary');
    expect(generatedKind('Sammanfattning 2019')).toBe('summary');
  });

  it('treats every other name as the user\u2019s (the source sheet is never replaced)', () => {
    for (const n of ['Blad1', 'eskilstuna-2019', 'Medborgarlöften 2019 (2)', 'Medborgarlöften uppföljning', 'Sammanfattning T5 2019', 'kontroller', 'Händelser 2']) {
      expect(isGeneratedSheet(n)).toBe(false);
    }
  });

  it('finds the structured sheet to read back, preferring the exact name', () => {
    const names = ['Blad1', 'Medborgarlöften 2018', 'Medborgarlöften 2019', 'Kontroller'];
    expect(findStructuredSheet(names, 'Medborgarlöften 2018')).toBe('Medborgarlöften 2018');
    expect(findStructuredSheet(names)).toBe('Medborgarlöften 2019');
    expect(findStructuredSheet(['Blad1'])).toBeNull();
  });
});
