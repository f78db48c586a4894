// Host-neutral workflow pieces used by both the Excel task pane and the Google Sheets sidebar.
export * from './preview';
export * from './generated-sheets';
export * from './snapshot';
export * from './split-plan';
export * from './report-analysis';
export * from './update-preview';
