// The built task pane's stand-in Office host for Chromium tests: office.js replaced by `Office` and `Excel.run` over the recording Excel fake, holding sheets cell for cell (formulas, number formats) as a Node test built them.
import { readFileSync } from 'fs';
import { join } from 'path';
import * as ts from 'typescript';
import type { FakeCell, FakeWorkbook } from './excel-fake';
import { ROOT } from './build';

/**
 * The recording Excel fake (test/support/excel-fake.ts and the modules it imports) transpiled
 * to a script for the page, so the pane talks to the same fake as the adapter tests.
 */
export function fakeScript(): string {
  const modules: Record<string, string> = {
    '../../shared/model/a1': join(ROOT, 'shared/model/a1.ts'),
    './excel-api-sets': join(ROOT, 'test/support/excel-api-sets.ts'),
    './excel-fake-state': join(ROOT, 'test/support/excel-fake-state.ts'),
    fake: join(ROOT, 'test/support/excel-fake.ts'),
  };
  const defs = Object.entries(modules).map(([id, file]) => {
    const js = ts.transpileModule(readFileSync(file, 'utf8'), {
      compilerOptions: { module: ts.ModuleKind.CommonJS, target: ts.ScriptTarget.ES2020, esModuleInterop: true },
      fileName: file,
    }).outputText;
    return `${JSON.stringify(id)}: function (module, exports, require) {\n${js}\n}`;
  });
  return `(function () {
  var defs = {${defs.join(',\n')}};
  var cache = {};
  function req(id) {
    if (cache[id]) return cache[id].exports;
    if (!defs[id]) throw new Error('module ' + id + ' is not in the page bundle');
    var module = { exports: {} };
    cache[id] = module;
    defs[id](module, module.exports, req);
    return module.exports;
  }
  window.ExcelFake = req('fake');
})();`;
}

/** One sheet of a fake workbook as the page's stub rebuilds it: every cell's content, number format and look. */
export interface SheetCells {
  name: string;
  cells: [string, FakeCell][];
  merges: string[];
}

/** The sheets of a Node-side fake workbook, for `window.__setup.books`. */
export function bookCells(book: FakeWorkbook): SheetCells[] {
  return book.sheets.map((s) => ({ name: s.name, cells: [...s.cells.entries()], merges: [...s.merges] }));
}

/**
 * What office.js is replaced with: `Office` (onReady, requirements, platform) and `Excel.run`
 * over a fake workbook holding `__setup.books` (cells as built in Node, recalculated by the
 * exposed `__evaluate`), with `__book` for the test to look into.
 */
export const OFFICE_STUB = `(function () {
  var setup = window.__setup || {};
  var book = new window.ExcelFake.FakeWorkbook(setup.requirementSets || undefined);
  (setup.books || []).forEach(function (s) {
    var sheet = book.addSheet(s.name);
    s.cells.forEach(function (kv) { sheet.cells.set(kv[0], Object.assign({}, kv[1], { format: Object.assign({}, kv[1].format) })); });
    sheet.merges = s.merges.slice();
  });
  book.dirty = true;
  if (setup.active) book.active = setup.active;
  if (window.__evaluate) book.evaluator = function (sheets) { return window.__evaluate(sheets); };
  window.__book = book;
  var info = { host: 'Excel', platform: setup.platform || book.profile.platform };
  window.Office = {
    HostType: { Excel: 'Excel' },
    context: {
      platform: info.platform,
      displayLanguage: 'sv-SE',
      requirements: { isSetSupported: function (name, v) { return name === 'ExcelApi' && book.supports(String(v || '1.1')); } },
    },
    onReady: function (cb) {
      return new Promise(function (resolve) {
        setTimeout(function () { if (cb) cb(info); window.__paneReady = true; resolve(info); }, 0);
      });
    },
  };
  window.Excel = { run: function (batch) { return book.run(batch); } };
})();`;
