// What the pane loads with its first writing action (one lazy chunk): plan builders, readStructured, the report builder, undo records and the undo adapter.
export { planImportSheets } from '../shared/plan/index';
export { planSummary } from '../shared/plan/summary';
export { readStructured } from '../shared/plan/read-structured';
export { buildReport } from '../shared/report/build-report';
export { backupsOf, undoRecordOf } from '../shared/app/snapshot';
export { backupHost, undoRun } from './undo-adapter';
