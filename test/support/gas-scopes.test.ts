// Self-test of the Apps Script fakes' authorisation: calls the manifest's scopes do not cover, and anything but the menu in AuthMode.NONE, are refused with Google's texts.
import { makeGasEnv, loadBundle, type GasEnv } from './gas-fakes';
import { SCOPE, permissionError, insufficientScopesError, scopesFor, refusal } from './gas-scopes';

type Any = Record<string, (...a: unknown[]) => Any>;
const g = (env: GasEnv, name: string) => env.globals[name] as Any;

/** Fakes under exactly these scopes (no bundle needed). */
function under(...scopes: string[]): GasEnv {
  const env = makeGasEnv();
  env.scopes = scopes;
  return env;
}

describe('OAuth scopes the manifest declares', () => {
  it('refuses DocumentApp and DriveApp under the add-on\'s scopes, with the permission text Apps Script shows', () => {
    const env = under(SCOPE.spreadsheetsCurrentOnly, SCOPE.containerUi, SCOPE.driveFile);
    expect(() => g(env, 'DocumentApp').create('Rapport')).toThrow(permissionError('DocumentApp.create', [SCOPE.documents]));
    expect(() => g(env, 'DriveApp').getFileById('ss-1')).toThrow(
      'Exception: You do not have permission to call DriveApp.getFileById. Required permissions: https://www.googleapis.com/auth/drive.readonly || https://www.googleapis.com/auth/drive',
    );
    expect(() => g(env, 'DriveApp').createFile('x')).toThrow(permissionError('DriveApp.createFile', [SCOPE.drive]));
    // Refused calls never reach the service.
    expect(env.log.calls).toEqual([]);
  });

  it('refuses a sidebar without script.container.ui, and another spreadsheet under spreadsheets.currentonly', () => {
    const env = under(SCOPE.spreadsheetsCurrentOnly);
    const ui = g(env, 'SpreadsheetApp').getUi();
    expect(() => ui.showSidebar(g(env, 'HtmlService').createHtmlOutput('<p>x</p>'))).toThrow(permissionError('Ui.showSidebar', [SCOPE.containerUi]));
    expect(scopesFor('SpreadsheetApp.openById')).toEqual([SCOPE.spreadsheets]);
    expect(refusal('SpreadsheetApp.openById', [SCOPE.spreadsheetsCurrentOnly], 'FULL')).toBe(permissionError('SpreadsheetApp.openById', [SCOPE.spreadsheets]));
    // The current spreadsheet is fine under currentonly.
    expect(g(env, 'SpreadsheetApp').getActiveSpreadsheet().getId()).toBe('ss-1');
  });

  it('refuses the Advanced Drive service without a Drive scope, as the API answers', () => {
    const env = under(SCOPE.spreadsheetsCurrentOnly, SCOPE.containerUi);
    const files = (env.globals.Drive as { Files: Any }).Files;
    expect(() => files.create({ name: 'Rapport', mimeType: 'application/vnd.google-apps.document' })).toThrow(insufficientScopesError('Drive.Files.create'));
    expect(insufficientScopesError('Drive.Files.remove')).toBe('GoogleJsonResponseException: API call to drive.files.delete failed with error: Request had insufficient authentication scopes.');
    expect(env.drive.created()).toEqual([]);
    // With drive.file it works.
    env.scopes = [SCOPE.driveFile];
    expect(files.create({ name: 'Rapport', mimeType: 'application/vnd.google-apps.document' }, undefined, { fields: 'id' })).toEqual({ id: 'drive-1' });
  });

  it('refuses a call the table has no entry for, instead of letting it through', () => {
    expect(refusal('GmailApp.sendEmail', [SCOPE.drive], 'FULL')).toMatch(/no scope entry for GmailApp\.sendEmail/);
  });

  it('reads the scopes from the built bundle\'s appsscript.json', () => {
    const env = makeGasEnv();
    loadBundle(env);
    expect(env.scopes).toEqual([SCOPE.spreadsheetsCurrentOnly, SCOPE.containerUi, SCOPE.driveFile]);
  }, 120000);
});

describe('AuthMode.NONE (an add-on\'s onOpen before the user has used it in this document)', () => {
  it('allows only building the menu: no spreadsheet data, no properties, no dialogs', () => {
    const env = under(SCOPE.spreadsheetsCurrentOnly, SCOPE.containerUi, SCOPE.driveFile);
    env.authMode = 'NONE';
    const app = g(env, 'SpreadsheetApp');
    const menu = app.getUi().createAddonMenu();
    menu.addItem('Läs in', 'menuReadAndStructure').addToUi();
    expect(env.menus).toHaveLength(1);
    expect(() => app.getActiveSpreadsheet()).toThrow(/^Exception: You do not have permission to call SpreadsheetApp\.getActiveSpreadsheet/);
    expect(() => g(env, 'PropertiesService').getDocumentProperties()).toThrow(/You do not have permission to call PropertiesService\.getDocumentProperties/);
    expect(() => app.getUi().alert('x')).toThrow(/You do not have permission to call Ui\.alert/);
    env.authMode = 'FULL';
    expect(g(env, 'PropertiesService').getDocumentProperties().getProperty('x')).toBeNull();
  });

  it('runs the built onOpen (an event with authMode NONE, or none at all) in AuthMode.NONE, and the menu still appears', () => {
    const env = makeGasEnv();
    env.ss.addSheetWithRows('Blad1', [['x']]);
    const { run } = loadBundle(env);
    run('onOpen', { authMode: 'NONE' });
    run('onOpen');
    expect(env.menus).toHaveLength(2);
    expect(env.log.calls.every((c) => /^(SpreadsheetApp\.getUi|Ui\.createAddonMenu|Menu\.)/.test(c))).toBe(true);
    // After onOpen the mode is back to FULL for menu items.
    expect(env.authMode).toBe('FULL');
  }, 120000);
});
