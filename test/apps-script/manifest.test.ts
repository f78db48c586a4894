// The built appsscript.json: only non-sensitive OAuth scopes (no verification needed to publish), and the Advanced Drive service the report uses.
import { readFileSync } from 'fs';
import { join } from 'path';
import { bundleFiles } from '../support/gas-fakes';
import { NON_SENSITIVE_SCOPES, SCOPE } from '../support/gas-scopes';

describe('appsscript.json', () => {
  const source = JSON.parse(readFileSync(join(__dirname, '..', '..', 'apps-script', 'appsscript.json'), 'utf8'));
  let built: typeof source;
  beforeAll(() => {
    built = JSON.parse(bundleFiles().manifest);
  }, 120000);

  it('declares exactly spreadsheets.currentonly, script.container.ui and drive.file, all non-sensitive', () => {
    expect(built.oauthScopes).toEqual([SCOPE.spreadsheetsCurrentOnly, SCOPE.containerUi, SCOPE.driveFile]);
    for (const s of built.oauthScopes) expect(NON_SENSITIVE_SCOPES).toContain(s);
    expect(built.oauthScopes).not.toContain(SCOPE.documents);
    expect(built.oauthScopes).not.toContain(SCOPE.drive);
    expect(built).toEqual(source);
  });

  it('enables the Advanced Drive service (Drive API v3) as `Drive`', () => {
    expect(built.dependencies.enabledAdvancedServices).toEqual([{ userSymbol: 'Drive', serviceId: 'drive', version: 'v3' }]);
  });

  it('the bundle no longer calls DocumentApp or DriveApp', () => {
    const { code } = bundleFiles();
    expect(code).not.toMatch(/\b(DocumentApp|DriveApp)\./);
    expect(code).toMatch(/\.Files\.create\(/);
    expect(code).toMatch(/\.Files\.export\b/);
  });
});
