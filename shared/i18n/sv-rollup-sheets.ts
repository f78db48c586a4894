// Names of the roll-up's three sheets, apart from the roll-up's other texts: the hosts' first scripts need the names (which sheets are generated), not the texts.

/** Names of the roll-up sheets (at most 31 characters). */
export const ROLLUP_SHEET = {
  summary: 'Sammanställning',
  themes: 'Teman',
  activities: 'Aktiviteter per tema',
} as const;
