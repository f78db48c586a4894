// Public surface of the shared core used by all hosts.
export * from './model/grid';
export * from './model/a1';
export * from './model/follow-up';
export * from './model/periods';
export * from './model/sheet-plan';
export * from './calc/status';
export * from './i18n/sv';
export { importFollowUp } from './import/import-follow-up';
export type { ImportOptions } from './import/import-follow-up';
