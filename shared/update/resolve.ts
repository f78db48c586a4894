// The rule for one value in an update: the sheet, what the last import wrote there, and the newer source → which one stays, and whether it is news or a conflict.

/**
 * What happened to one value: `same` (sheet and source agree), `kept` (the source has nothing:
 * the sheet's stays), `filled` (the sheet was empty and the source has a value), `changed` (the
 * sheet held the importer's value, untouched, and the source now says another), `conflict` (the
 * user changed the value, the source says another: the user's stays).
 */
export type Outcome = 'same' | 'kept' | 'filled' | 'changed' | 'conflict';

/**
 * The update rule, the same for every value, compared as keys ("" = empty):
 * 1. sheet = source → same; 2. source empty → the sheet's value stays (kept); 3. the user has not
 * changed the value (it equals what the last import wrote — `imported`, undefined when the
 * sheet does not say, and then only an empty cell counts as untouched) and the sheet is empty →
 * filled from the source; 4. untouched → changed to the source's; 5. the user changed it → the
 * sheet's value stays and it is a conflict. So a value the user typed, cleared or corrected is
 * never overwritten.
 */
export function resolve(sheet: string, imported: string | undefined, source: string): { take: 'sheet' | 'source'; outcome: Outcome } {
  if (sheet === source) return { take: 'sheet', outcome: 'same' };
  if (source === '') return { take: 'sheet', outcome: 'kept' };
  const untouched = imported === undefined ? sheet === '' : sheet === imported;
  if (untouched) return { take: 'source', outcome: sheet === '' ? 'filled' : 'changed' };
  return { take: 'sheet', outcome: 'conflict' };
}
