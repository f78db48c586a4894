// Swedish texts of an update from a newer source: what changed, conflicts and gone activities (Kontroller, previews).

/** Names of the things an update compares, as the structured sheet's columns call them. */
export const UPDATE_FIELD = {
  activity: 'Aktivitet',
  party: 'Ansvarig',
  goal: 'Mål',
  judgement: 'Bedömning',
  sourceStatus: 'Egen status i underlaget',
  reported: 'Redovisad period',
  text: (label: string) => `Text ${label}`,
} as const;

export const UPDATE = {
  empty: 'tomt',
  noGoal: 'inget mål',
  conflict: (field: string, activity: string, cell: string | null, sheet: string, source: string, sourceCell: string | null) =>
    `Uppdatering: ${field}${activity ? ` för "${activity}"` : ''}${cell ? ` (cell ${cell})` : ''}: bladet har ${sheet}, den nya versionen av underlaget ${source}${sourceCell ? ` (cell ${sourceCell})` : ''}. Bladets värde behålls.`,
  gone: (activity: string, oldCell: string | null) =>
    `Uppdatering: "${activity}"${oldCell ? ` (tidigare cell ${oldCell} i underlaget)` : ''} finns inte i den nya versionen av underlaget. Aktiviteten står kvar med allt som är ifyllt.`,
  added: (sourceCell: string | null) => `Uppdatering: ny aktivitet från den nya versionen av underlaget${sourceCell ? ` (cell ${sourceCell})` : ''}.`,
  changed: (field: string, from: string, to: string) => `Uppdatering: ${field} ändrades från ${from} till ${to} enligt den nya versionen av underlaget.`,
  otherPeriods: (sheet: number, source: number) => `Bladet har ${sheet} perioder per år och den nya versionen av underlaget ${source}; den kan inte läsas in som en uppdatering. Välj Ersätt i stället.`,
  otherFollowUp: (sheet: string, source: string) => `Bladet gäller ${sheet} och underlaget ${source}: det är inte samma uppföljning. Välj Ersätt i stället.`,
  /** "5 nya aktiviteter, 3 ifyllda perioder, 1 konflikt" for previews and result lines. */
  summary: (n: { added: number; filled: number; changed: number; conflicts: number; gone: number }) =>
    [
      `${n.added} ${n.added === 1 ? 'ny aktivitet' : 'nya aktiviteter'}`,
      `${n.filled} ${n.filled === 1 ? 'ifylld cell' : 'ifyllda celler'}`,
      `${n.changed} ${n.changed === 1 ? 'ändrad cell' : 'ändrade celler'}`,
      `${n.conflicts} ${n.conflicts === 1 ? 'konflikt' : 'konflikter'}`,
      `${n.gone} ${n.gone === 1 ? 'aktivitet saknas' : 'aktiviteter saknas'} i underlaget`,
    ].join(', '),
} as const;
