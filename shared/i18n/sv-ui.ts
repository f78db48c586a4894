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
} as const;
