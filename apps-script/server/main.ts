// Apps Script entry: every function Sheets or google.script.run calls is assigned to `global`, which gas-webpack-plugin turns into top-level functions.
import { onInstall, onOpen } from './menu';
import { menuReadAndStructure, menuReport, menuSidebar, menuSummary, menuUndo, openWordFile, preview, report, selectCell, structure, summary, undo } from './actions';
import { citizenDoc, citizenPage } from './actions';
import { update } from './actions';
import { menuRollup, rollup, rollupDoc } from './actions';

declare const global: Record<string, unknown>;

global.onOpen = onOpen;
global.onInstall = onInstall;
global.menuReadAndStructure = menuReadAndStructure;
global.menuSummary = menuSummary;
global.menuReport = menuReport;
global.menuSidebar = menuSidebar;
global.menuUndo = menuUndo;
global.preview = preview;
global.structure = structure;
global.summary = summary;
global.report = report;
global.undo = undo;
global.selectCell = selectCell;
global.openWordFile = openWordFile;
global.citizenPage = citizenPage;
global.citizenDoc = citizenDoc;
global.update = update;
global.rollup = rollup;
global.rollupDoc = rollupDoc;
global.menuRollup = menuRollup;
