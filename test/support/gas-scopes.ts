// The OAuth scopes Google's references list for each Apps Script method the fakes model, the AuthMode.NONE limits of an add-on's onOpen, and Google's refusal texts.

/** Scope URLs. */
export const SCOPE = {
  spreadsheetsCurrentOnly: 'https://www.googleapis.com/auth/spreadsheets.currentonly',
  spreadsheets: 'https://www.googleapis.com/auth/spreadsheets',
  containerUi: 'https://www.googleapis.com/auth/script.container.ui',
  driveFile: 'https://www.googleapis.com/auth/drive.file',
  drive: 'https://www.googleapis.com/auth/drive',
  driveReadonly: 'https://www.googleapis.com/auth/drive.readonly',
  driveAppdata: 'https://www.googleapis.com/auth/drive.appdata',
  driveMetadata: 'https://www.googleapis.com/auth/drive.metadata',
  driveMetadataReadonly: 'https://www.googleapis.com/auth/drive.metadata.readonly',
  drivePhotosReadonly: 'https://www.googleapis.com/auth/drive.photos.readonly',
  driveMeetReadonly: 'https://www.googleapis.com/auth/drive.meet.readonly',
  documentsCurrentOnly: 'https://www.googleapis.com/auth/documents.currentonly',
  documents: 'https://www.googleapis.com/auth/documents',
} as const;

/**
 * Google's classification (Google Cloud "OAuth API verification" / the Drive guide "Choose Google
 * Drive API scopes", which marks drive.file "Recommended, Non-sensitive" and drive / drive.readonly
 * "Restricted"). Scopes missing here count as sensitive.
 */
export const NON_SENSITIVE_SCOPES: readonly string[] = [SCOPE.spreadsheetsCurrentOnly, SCOPE.containerUi, SCOPE.driveFile, SCOPE.driveAppdata, SCOPE.documentsCurrentOnly];

/** Any one of these scopes allows a call; [] = the reference lists no authorisation for it. */
export type Needs = readonly string[];

const SHEETS: Needs = [SCOPE.spreadsheetsCurrentOnly, SCOPE.spreadsheets];
const SHEETS_FULL: Needs = [SCOPE.spreadsheets];
const UI: Needs = [SCOPE.containerUi];
const NONE: Needs = [];
const DRIVEAPP_READ: Needs = [SCOPE.driveReadonly, SCOPE.drive];
const DRIVEAPP_WRITE: Needs = [SCOPE.drive];
const DOCS_CURRENT: Needs = [SCOPE.documentsCurrentOnly, SCOPE.documents];
const DOCS: Needs = [SCOPE.documents];

/**
 * Per class, what every method needs unless METHOD_SCOPES says otherwise: the "Authorization"
 * section of each method in developers.google.com/apps-script/reference (Spreadsheet service,
 * Base Ui, HTML, Properties, Lock, Utilities, Drive, Document services), and for the Advanced Drive
 * service the "Authorization scopes" of each Drive API v3 method (developers.google.com/drive/api/reference/rest/v3/files).
 */
export const CLASS_SCOPES: Record<string, Needs> = {
  // Spreadsheet service: "…require authorization with one or more of the following scopes:
  // spreadsheets.currentonly, spreadsheets" on every Spreadsheet/Sheet/Range… method.
  SpreadsheetApp: SHEETS,
  Spreadsheet: SHEETS,
  Sheet: SHEETS,
  Range: SHEETS,
  RangeList: SHEETS,
  EmbeddedChart: SHEETS,
  EmbeddedChartBuilder: SHEETS,
  ConditionalFormatRule: SHEETS,
  DataValidation: SHEETS,
  Protection: SHEETS,
  Filter: SHEETS,
  NamedRange: SHEETS,
  DeveloperMetadata: SHEETS,
  TextFinder: SHEETS,
  // Builders assemble a value in the script; their pages list no authorisation.
  DataValidationBuilder: NONE,
  ConditionalFormatRuleBuilder: NONE,
  RichTextValueBuilder: NONE,
  // Base service: menus need nothing (they work in AuthMode.NONE); sidebars and dialogs need script.container.ui.
  Ui: NONE,
  Menu: NONE,
  // HTML, Properties, Lock and Utilities services list no scope.
  HtmlService: NONE,
  HtmlOutput: NONE,
  PropertiesService: NONE,
  Properties: NONE,
  LockService: NONE,
  Lock: NONE,
  Utilities: NONE,
  Blob: NONE,
  // Drive service (DriveApp): readers need drive.readonly or drive, writers drive. drive.file is not enough.
  DriveApp: DRIVEAPP_READ,
  File: DRIVEAPP_READ,
  Folder: DRIVEAPP_READ,
  FolderIterator: DRIVEAPP_READ,
  FileIterator: DRIVEAPP_READ,
  // Document service.
  DocumentApp: DOCS,
  Document: DOCS_CURRENT,
  Body: DOCS_CURRENT,
  Paragraph: DOCS_CURRENT,
  Table: DOCS_CURRENT,
  TableRow: DOCS_CURRENT,
  TableCell: DOCS_CURRENT,
  Text: DOCS_CURRENT,
};

/** Methods whose page says something other than their class. */
export const METHOD_SCOPES: Record<string, Needs> = {
  // SpreadsheetApp: opening or creating another spreadsheet needs the full scope; getUi and the builders nothing.
  'SpreadsheetApp.openById': SHEETS_FULL,
  'SpreadsheetApp.openByUrl': SHEETS_FULL,
  'SpreadsheetApp.open': SHEETS_FULL,
  'SpreadsheetApp.create': SHEETS_FULL,
  'SpreadsheetApp.getUi': NONE,
  'SpreadsheetApp.newDataValidation': NONE,
  'SpreadsheetApp.newConditionalFormatRule': NONE,
  'SpreadsheetApp.newRichTextValue': NONE,
  'SpreadsheetApp.newTextStyle': NONE,
  'SpreadsheetApp.newColor': NONE,
  // Ui: "showSidebar / showModalDialog / showModelessDialog … require … script.container.ui".
  'Ui.showSidebar': UI,
  'Ui.showModalDialog': UI,
  'Ui.showModelessDialog': UI,
  // DriveApp writers.
  'DriveApp.createFile': DRIVEAPP_WRITE,
  'DriveApp.createFolder': DRIVEAPP_WRITE,
  'File.moveTo': DRIVEAPP_WRITE,
  'File.setTrashed': DRIVEAPP_WRITE,
  'File.makeCopy': DRIVEAPP_WRITE,
  'Folder.createFile': DRIVEAPP_WRITE,
  // DocumentApp: the active document needs only documents.currentonly.
  'DocumentApp.getActiveDocument': DOCS_CURRENT,
  // Advanced Drive service = Drive API v3 (files.delete is Drive.Files.remove in Apps Script).
  'Drive.Files.create': [SCOPE.drive, SCOPE.driveAppdata, SCOPE.driveFile],
  'Drive.Files.get': [SCOPE.drive, SCOPE.driveAppdata, SCOPE.driveFile, SCOPE.driveMeetReadonly, SCOPE.driveMetadata, SCOPE.driveMetadataReadonly, SCOPE.drivePhotosReadonly, SCOPE.driveReadonly],
  'Drive.Files.export': [SCOPE.drive, SCOPE.driveFile, SCOPE.driveMeetReadonly, SCOPE.driveMetadataReadonly, SCOPE.driveReadonly],
  'Drive.Files.remove': [SCOPE.drive, SCOPE.driveAppdata, SCOPE.driveFile],
  'Drive.Files.update': [SCOPE.drive, SCOPE.driveAppdata, SCOPE.driveFile, SCOPE.driveMetadata],
  'Drive.Files.list': [SCOPE.drive, SCOPE.driveAppdata, SCOPE.driveFile, SCOPE.driveMeetReadonly, SCOPE.driveMetadata, SCOPE.driveMetadataReadonly, SCOPE.drivePhotosReadonly, SCOPE.driveReadonly],
};

/** The scopes a "Class.method" call needs; undefined when the table has no entry (the fake then refuses it: add the reference's entry). */
export function scopesFor(call: string): Needs | undefined {
  if (call in METHOD_SCOPES) return METHOD_SCOPES[call];
  const cls = call.slice(0, call.lastIndexOf('.'));
  return CLASS_SCOPES[cls];
}

/**
 * What an add-on's onOpen may do in AuthMode.NONE ("Custom menus for Editor add-ons", "Editor
 * add-on authorization"): build its menu. No spreadsheet data, no properties, no dialogs.
 */
export function allowedInAuthModeNone(call: string): boolean {
  return call === 'SpreadsheetApp.getUi' || call === 'Ui.createAddonMenu' || call === 'Ui.createMenu' || call.startsWith('Menu.');
}

/**
 * The exception Apps Script throws when a call needs a scope the project does not have, as users
 * report it ("You do not have permission to call DocumentApp.openById. Required permissions:
 * https://www.googleapis.com/auth/documents", ftomassetti/DriveInvoicing#1); alternatives are "||".
 */
export function permissionError(call: string, needs: Needs): string {
  return `Exception: You do not have permission to call ${call}. Required permissions: ${needs.join(' || ')}`;
}

/** The Advanced service's answer to a call the token's scopes do not cover (Drive API 403 insufficientPermissions). */
export function insufficientScopesError(call: string): string {
  const method = call.replace(/^Drive\.Files\.remove$/, 'Drive.Files.delete').replace(/^Drive\.Files\./, 'drive.files.');
  return `GoogleJsonResponseException: API call to ${method} failed with error: Request had insufficient authentication scopes.`;
}

/** The error for `call` under `declared` scopes and `authMode`, or null when Google allows it. */
export function refusal(call: string, declared: readonly string[], authMode: 'NONE' | 'LIMITED' | 'FULL'): string | null {
  const needs = scopesFor(call);
  if (needs === undefined) return `gas-scopes: no scope entry for ${call}; add the one Google's reference lists.`;
  if (authMode === 'NONE' && !allowedInAuthModeNone(call)) return permissionError(call, needs.length ? needs : ['(an authorised add-on: AuthMode.NONE allows only menus)']);
  if (needs.length === 0 || needs.some((s) => declared.includes(s))) return null;
  return call.startsWith('Drive.') ? insufficientScopesError(call) : permissionError(call, needs);
}
