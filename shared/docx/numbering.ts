// List numbering of a Word document (numbering.xml, list styles in styles.xml): the "• " or "1. " a list paragraph shows.
import { walkXml, wordLocal, wordPrefix } from './xml';

/** One level of a list definition. */
interface Level {
  /** numFmt: "bullet", "decimal", "lowerLetter", "none" … */
  format: string;
  /** lvlText: "%1." or a bullet character. */
  text: string;
  start: number;
}

/** A document's list definitions and the list numbering its paragraph styles carry. */
export interface Numbering {
  /** numId → abstract definition's levels (by ilvl) and start overrides. */
  nums: Map<string, { levels: Map<number, Level>; starts: Map<number, number> }>;
  /** Paragraph styleId → the list it belongs to, following basedOn. */
  styleLists: Map<string, { numId: string; ilvl: number | null }>;
}

function intOf(v: string | undefined, fallback: number): number {
  const n = v === undefined ? NaN : parseInt(v, 10);
  return Number.isFinite(n) ? n : fallback;
}

/**
 * Reads numbering.xml and styles.xml (either may be missing) into list definitions. Never throws
 * on content it does not know; a part that is not XML is read as missing.
 */
export function parseNumbering(numberingXml: string | null | undefined, stylesXml?: string | null): Numbering {
  const abstracts = new Map<string, Map<number, Level>>();
  const numRefs = new Map<string, { abstractId: string; starts: Map<number, number> }>();
  if (numberingXml) {
    let prefix = 'w';
    let first = true;
    let abstract: Map<number, Level> | null = null;
    let level: Level | null = null;
    let num: { abstractId: string; starts: Map<number, number> } | null = null;
    let overrideLevel: number | null = null;
    try {
      walkXml(numberingXml, {
        open(name, attrs) {
          if (first) {
            prefix = wordPrefix(attrs);
            first = false;
          }
          const local = wordLocal(name, prefix);
          const val = attrs[prefix ? `${prefix}:val` : 'val'];
          const attr = (a: string) => attrs[prefix ? `${prefix}:${a}` : a];
          if (local === 'abstractNum') {
            abstract = new Map();
            abstracts.set(attr('abstractNumId') ?? '', abstract);
          } else if (local === 'lvl' && abstract) {
            level = { format: 'decimal', text: '', start: 1 };
            abstract.set(intOf(attr('ilvl'), 0), level);
          } else if (local === 'numFmt' && level) level.format = val ?? 'decimal';
          else if (local === 'lvlText' && level) level.text = val ?? '';
          else if (local === 'start' && level) level.start = intOf(val, 1);
          else if (local === 'num') {
            num = { abstractId: '', starts: new Map() };
            numRefs.set(attr('numId') ?? '', num);
          } else if (local === 'abstractNumId' && num) num.abstractId = val ?? '';
          else if (local === 'lvlOverride' && num) overrideLevel = intOf(attr('ilvl'), 0);
          else if (local === 'startOverride' && num && overrideLevel !== null) num.starts.set(overrideLevel, intOf(val, 1));
        },
        close(name) {
          const local = wordLocal(name, prefix);
          if (local === 'abstractNum') abstract = null;
          else if (local === 'lvl') level = null;
          else if (local === 'num') num = null;
          else if (local === 'lvlOverride') overrideLevel = null;
        },
        text() {},
      });
    } catch {
      // A broken numbering part: lists fall back to "• ".
    }
  }
  const nums: Numbering['nums'] = new Map();
  for (const [id, ref] of numRefs) nums.set(id, { levels: abstracts.get(ref.abstractId) ?? new Map(), starts: ref.starts });
  return { nums, styleLists: parseStyleLists(stylesXml) };
}

/** Paragraph styles that carry list numbering (e.g. "Punktlista"), resolved through basedOn. */
function parseStyleLists(stylesXml: string | null | undefined): Numbering['styleLists'] {
  const own = new Map<string, { numId: string | null; ilvl: number | null; basedOn: string | null }>();
  if (stylesXml) {
    let prefix = 'w';
    let first = true;
    let style: { numId: string | null; ilvl: number | null; basedOn: string | null } | null = null;
    let depth = 0;
    let inPPr = false;
    try {
      walkXml(stylesXml, {
        open(name, attrs) {
          if (first) {
            prefix = wordPrefix(attrs);
            first = false;
          }
          const local = wordLocal(name, prefix);
          const val = attrs[prefix ? `${prefix}:val` : 'val'];
          if (local === 'style' && (attrs[prefix ? `${prefix}:type` : 'type'] ?? 'paragraph') === 'paragraph') {
            style = { numId: null, ilvl: null, basedOn: null };
            own.set(attrs[prefix ? `${prefix}:styleId` : 'styleId'] ?? '', style);
            depth = 0;
          } else if (style) {
            // saxes reports an end tag for self-closing elements too, so every start counts.
            depth++;
            if (local === 'pPr' && depth === 1) inPPr = true;
            else if (local === 'basedOn') style.basedOn = val ?? null;
            else if (inPPr && local === 'numId') style.numId = val ?? null;
            else if (inPPr && local === 'ilvl') style.ilvl = intOf(val, 0);
          }
        },
        close(name) {
          const local = wordLocal(name, prefix);
          if (local === 'style' && depth === 0) style = null;
          else if (style) {
            if (local === 'pPr' && depth === 1) inPPr = false;
            depth--;
          }
        },
        text() {},
      });
    } catch {
      // A broken styles part: no style-based lists.
    }
  }
  const out: Numbering['styleLists'] = new Map();
  for (const id of own.keys()) {
    let cur: string | null = id;
    const seen = new Set<string>();
    let ilvl: number | null = null;
    while (cur !== null && !seen.has(cur)) {
      seen.add(cur);
      const s = own.get(cur);
      if (!s) break;
      if (ilvl === null && s.ilvl !== null) ilvl = s.ilvl;
      if (s.numId !== null) {
        if (s.numId !== '0') out.set(id, { numId: s.numId, ilvl });
        break;
      }
      cur = s.basedOn;
    }
  }
  return out;
}

function letters(n: number, upper: boolean): string {
  // Word repeats the letter after z: a … z, aa … zz.
  const k = Math.max(1, n);
  const ch = String.fromCharCode(97 + ((k - 1) % 26)).repeat(Math.floor((k - 1) / 26) + 1);
  return upper ? ch.toUpperCase() : ch;
}

function roman(n: number, upper: boolean): string {
  if (n <= 0 || n >= 4000) return String(n);
  const table: [number, string][] = [[1000, 'm'], [900, 'cm'], [500, 'd'], [400, 'cd'], [100, 'c'], [90, 'xc'], [50, 'l'], [40, 'xl'], [10, 'x'], [9, 'ix'], [5, 'v'], [4, 'iv'], [1, 'i']];
  let s = '';
  let v = n;
  for (const [k, r] of table) while (v >= k) { s += r; v -= k; }
  return upper ? s.toUpperCase() : s;
}

function formatNumber(n: number, format: string): string {
  switch (format) {
    case 'lowerLetter': return letters(n, false);
    case 'upperLetter': return letters(n, true);
    case 'lowerRoman': return roman(n, false);
    case 'upperRoman': return roman(n, true);
    case 'decimalZero': return n < 10 ? `0${n}` : String(n);
    default: return String(n);
  }
}

/** The list counters of one document, advanced paragraph by paragraph in document order. */
export class ListCounters {
  private counters = new Map<string, (number | undefined)[]>();

  constructor(private numbering: Numbering) {}

  /** The list a paragraph is in: its own numPr, else its style's (numId "0" switches a list off). */
  listOf(numId: string | null, ilvl: number | null, styleId: string | null): { numId: string; ilvl: number } | null {
    if (numId === '0') return null;
    const fromStyle = styleId ? this.numbering.styleLists.get(styleId) : undefined;
    const id = numId ?? fromStyle?.numId ?? null;
    if (id === null) return null;
    return { numId: id, ilvl: Math.min(8, Math.max(0, ilvl ?? fromStyle?.ilvl ?? 0)) };
  }

  /**
   * The prefix a list paragraph shows, counting it: "• " for a bullet (whatever its symbol, which
   * is often a private-use character of a symbol font), "3. " or "b) " for a numbered level, "" for
   * a level numbered "none". A list without a definition reads as a bullet.
   */
  next(numId: string, ilvl: number): string {
    const def = this.numbering.nums.get(numId);
    const level = def?.levels.get(ilvl);
    if (!def || !level || level.format === 'bullet') return '• ';
    let c = this.counters.get(numId);
    if (!c) this.counters.set(numId, (c = []));
    const startOf = (l: number) => def.starts.get(l) ?? def.levels.get(l)?.start ?? 1;
    c[ilvl] = c[ilvl] === undefined ? startOf(ilvl) : (c[ilvl] as number) + 1;
    for (let l = ilvl + 1; l < c.length; l++) c[l] = undefined;
    if (level.format === 'none') return '';
    const text = level.text.replace(/%([1-9])/g, (_m, d: string) => {
      const l = Number(d) - 1;
      const n = l === ilvl ? (c as (number | undefined)[])[l] ?? 1 : (c as (number | undefined)[])[l] ?? startOf(l);
      return formatNumber(n, def.levels.get(l)?.format ?? 'decimal');
    });
    return text.trim() ? `${text.trim()} ` : '';
  }
}
