// Invariant (English, comma-separated) plan formulas → the syntax a Google spreadsheet's locale parses.
//
// What the documentation says (checked with the search tool, 2026):
// - The Apps Script reference for Range.setFormula / setFormulas / setValues only says formulas
//   are given "in A1 notation" and that a string starting with "=" is a formula; it says nothing
//   about function names or separators. The Sheets REST docs (CellData.userEnteredValue
//   .formulaValue) say no more.
// - What Sheets does is documented only by users: formulas are parsed with the separators of
//   the spreadsheet's locale (File › Settings), not the script's. In a semicolon locale such as
//   Swedish, a comma between arguments is a parse error or is read as a decimal comma; Sheets
//   never auto-corrects "," to ";" there, while the 28 comma locales accept ";" and correct it
//   to ","; "\" between array-literal columns is not corrected either
//   (https://stackoverflow.com/questions/73767719 "locale differences in google sheets",
//   https://github.com/googleapis/google-api-nodejs-client/issues/1994 (Turkish locale),
//   https://github.com/google-marketing-solutions/advanced-bidding-manager/issues/1 (de_DE),
//   https://www.benlcollins.com/spreadsheets/sheets-location/ (decimal comma: ";" between
//   arguments, "\" between array columns), https://gist.github.com/rtwalz/99f962981e2bd42eacfe97af03a090af
//   (separator per getSpreadsheetLocale() code)).
// - Function names stay English in every locale (Sheets has no localized function names, unlike
//   Excel and LibreOffice); nothing in the reference says otherwise, so names are not translated.
// So: in the comma locales the invariant formula is written as is; in every other locale
// (sv_SE among them) "," between arguments becomes ";", "," between array columns "\" and a
// decimal point ",". The plans' formulas hold no decimal or array literals today, so only the
// argument separator matters in practice.

/** Spreadsheet locales (getSpreadsheetLocale()) whose formulas use "," between arguments. */
const COMMA_LOCALES = new Set([
  'en_US', 'en_GB', 'en_AU', 'en_CA', 'en_IE', 'en_IN', 'en_PH', 'cy_GB', 'zh_CN', 'zh_HK', 'zh_TW', 'ja_JP', 'ko_KR',
  'hi_IN', 'bn_IN', 'gu_IN', 'kn_IN', 'ml_IN', 'mr_IN', 'pa_IN', 'ta_IN', 'te_IN', 'iw_IL', 'he_IL', 'ar_EG', 'es_MX',
  'mn_MN', 'my_MM', 'th_TH', 'fil_PH', 'de_CH', 'fr_CH', 'it_CH',
]);

/** True when the spreadsheet locale (e.g. "sv_SE") writes formulas with ";" separators. */
export function usesSemicolons(locale: string | null | undefined): boolean {
  if (!locale) return false;
  if (COMMA_LOCALES.has(locale)) return false;
  // Unknown English/Chinese/Japanese/Korean variants read like their comma siblings.
  if (/^(en|zh|ja|ko)(_|$)/i.test(locale)) return false;
  return true;
}

/**
 * Rewrites an invariant formula for a semicolon locale: "," between arguments → ";",
 * "," between array-literal columns → "\", decimal points in number literals → ",". Text in
 * string literals and sheet names in quotes is left alone.
 */
export function toLocaleFormula(formula: string): string {
  let out = '';
  const braces: number[] = [];
  let depth = 0;
  for (let i = 0; i < formula.length; i++) {
    const ch = formula[i];
    if (ch === '"' || ch === "'") {
      // Copy the literal through its closing quote (doubled quotes escape).
      let j = i + 1;
      while (j < formula.length) {
        if (formula[j] === ch && formula[j + 1] === ch) j += 2;
        else if (formula[j] === ch) break;
        else j++;
      }
      out += formula.slice(i, j + 1);
      i = j;
      continue;
    }
    if (ch === '(') depth++;
    if (ch === ')') depth--;
    if (ch === '{') braces.push(depth);
    if (ch === '}') braces.pop();
    if (ch === ',') {
      out += braces.length && braces[braces.length - 1] === depth ? '\\' : ';';
      continue;
    }
    if (ch === '.' && /\d/.test(formula[i + 1] ?? '') && /[\d]/.test(formula[i - 1] ?? '') && !/[A-Za-z$]/.test(precedingToken(formula, i))) {
      out += ',';
      continue;
    }
    out += ch;
  }
  return out;
}

/** The identifier-ish token right before position i (to tell "1.5" from "Sheet1.A"). */
function precedingToken(s: string, i: number): string {
  let j = i - 1;
  while (j >= 0 && /[A-Za-z0-9_$]/.test(s[j])) j--;
  return s.slice(j + 1, i).replace(/\d+$/, '');
}

/** The formula as this spreadsheet should get it. */
export function formulaForLocale(locale: string | null | undefined): (f: string) => string {
  return usesSemicolons(locale) ? toLocaleFormula : (f) => f;
}
