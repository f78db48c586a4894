// The bench's floor: one pass of a plain tokenising regular expression over a grid's cell texts. The core ÷ floor ratio is
// comparable between machines (both scale with the CPU), where milliseconds are not.
import { cellText, type Grid } from '../../shared/model/grid';

/** A plain tokeniser: runs of letters, runs of digits, any other non-space character. */
const TOKEN = /\p{L}+|\d+|\S/gu;

/** Every non-empty cell text of the grid, as the importer sees it (the host's text, else the raw value). */
export function cellTexts(grid: Grid): string[] {
  const out: string[] = [];
  grid.values.forEach((row, r) => {
    for (let c = 0; c < row.length; c++) {
      const t = cellText(grid, r, c);
      if (t !== '') out.push(t);
    }
  });
  return out;
}

/** One tokenising pass over the texts; returns the token count so the pass cannot be optimised away. */
export function tokenPass(texts: string[]): number {
  let tokens = 0;
  for (const t of texts) {
    TOKEN.lastIndex = 0;
    while (TOKEN.exec(t) !== null) tokens++;
  }
  return tokens;
}
