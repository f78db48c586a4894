// Invariant (English, comma-separated) plan formulas → the syntax a Google spreadsheet's locale parses.
//
// What the documentation says and does not say: the Apps Script reference for Range.setFormula /
// setFormulas / setValues only says formulas are given "in A1 notation" and that a value starting
// with "=" is interpreted as a formula; it says nothing about argument or decimal separators. The
// Sheets UI parses formulas by the spreadsheet's locale (File › Settings): in Swedish (sv_SE) the
// argument separator is ";" and the decimal separator ",", array literals use "\" between columns.
// Reports from script authors differ (parse errors with "," in semicolon locales, and "Sheets now
// accepts ';' in every locale"), and published scripts pick the separator from
// getSpreadsheetLocale(). So we do the same: in a decimal-comma locale formulas are written in
// the locale's own syntax, which Sheets accepts in both readings; elsewhere they stay invariant.

/** Locales whose formulas use ";" between arguments and "," as decimal separator. */
const SEMICOLON_LOCALE = /^(sv|da|nb|nn|no|fi|is|de|fr|nl|it|es|pt|pl|cs|sk|hu|ru|uk|tr|el|bg|hr|sr|ro|sl|lt|lv|et|az|be|hy|ka|kk|in|id|ca)(_|$)/i;

/** True when the spreadsheet locale (e.g. "sv_SE") writes formulas with ";" separators. */
export function usesSemicolons(locale: string | null | undefined): boolean {
  if (!locale) return false;
  if (/^es_MX$/i.test(locale)) return false;
  return SEMICOLON_LOCALE.test(locale);
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
