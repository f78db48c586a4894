// Request size of plans as Office.js sends them, and splitting of big plans so each request stays under Excel on the web's 5 MB limit.
import type { Block, SheetPlan } from '../model/sheet-plan';
import { blockBytes, blockFrameBytes, blockWidth, itemBytes, READ_BYTES_PER_CELL, REQUEST_FRAME_BYTES, rowBytes, rowStyleBytes, skeletonBytes, utf8 } from './request-estimate';

/**
 * Excel on the web refuses a request (one context.sync) or a response whose payload passes 5 MB
 * ("Resource limits and performance optimization for Office Add-ins"): read as 5,000,000 bytes,
 * the stricter of the two readings.
 */
export const EXCEL_WEB_REQUEST_LIMIT = 5_000_000;
/**
 * Budget per request and per response on the web: 4,500,000 bytes as estimated per operation
 * (request-estimate.ts, an upper bound of Office.js's own serialisation), a 10 % margin under the limit.
 */
export const DEFAULT_REQUEST_BUDGET = 4_500_000;

/** UTF-8 byte length of a string (no TextEncoder: the core compiles without DOM or Node types). */
export const utf8Length = utf8;

/** Size in bytes of a plan (or plans) as JSON: what the plans hold, not what Office.js sends (see requestBytes). */
export function planBytes(plan: SheetPlan | SheetPlan[]): number {
  return utf8(JSON.stringify(plan));
}

const LISTS = ['merges', 'conditionalFormats', 'validations', 'notes', 'links'] as const;

/** Estimated bytes of one plan (piece) inside a request: its sheet-wide part, blocks and list items, per operation the adapter queues. */
export function pieceBytes(plan: SheetPlan): number {
  let n = skeletonBytes(plan);
  for (const b of plan.blocks) n += blockBytes(b, plan.styles ?? {});
  for (const k of LISTS) for (const item of plan[k] ?? []) n += itemBytes(k, item) + 1;
  return n;
}

/**
 * Estimated size of the request that writes the plans in one sync, as Office.js serialises it:
 * every object path, Instantiate, SetProperty and Method action the Excel adapter queues, with
 * the values they carry (an upper bound; request-estimate.ts).
 */
export function requestBytes(plan: SheetPlan | SheetPlan[]): number {
  const plans = Array.isArray(plan) ? plan : [plan];
  return REQUEST_FRAME_BYTES + plans.reduce((n, p) => n + pieceBytes(p), 0);
}

/** Thrown when a single row of a plan is bigger than a whole request may be. */
export class PlanTooLargeError extends Error {
  constructor(readonly sheet: string, readonly row: number) {
    super(`Raden ${row + 1} i bladet "${sheet}" är för stor för att skrivas i en begäran till Excel.`);
  }
}

/** The part of a plan that is not block content (rules, notes, links, chart, widths). */
function skeleton(plan: SheetPlan): SheetPlan {
  return { ...plan, blocks: [], merges: [], conditionalFormats: [], validations: [], notes: [], links: [] };
}

/** A continuation piece only writes cells; it carries the styles its blocks name. */
function continuation(plan: SheetPlan): SheetPlan {
  return {
    name: plan.name,
    kind: plan.kind,
    blocks: [],
    styles: plan.styles,
    columnWidths: [],
    frozenRows: 0,
    frozenColumns: 0,
    merges: [],
    conditionalFormats: [],
    validations: [],
    notes: [],
    links: [],
    chart: null,
    tabColor: null,
  };
}

function sliceBlock(b: Block, from: number, to: number): Block {
  return {
    row: b.row + from,
    col: b.col,
    values: b.values.slice(from, to),
    ...(b.numberFormats ? { numberFormats: b.numberFormats.slice(from, to) } : {}),
    ...(b.styles ? { styles: b.styles.slice(from, to) } : {}),
  };
}

/**
 * Splits a plan into pieces whose requests are at most `maxBytes` each (as estimated by
 * requestBytes). The first piece creates the sheet and carries the sheet-wide settings (widths,
 * frozen panes, chart, tab colour); block rows, then merges, rules, validations, notes and links
 * follow in as many pieces as they need, each piece writing only into the same sheet. A plan
 * that fits comes back unchanged as the only piece. Blocks are cut between rows, so every piece
 * is a valid plan that lands whole.
 */
export function splitPlan(plan: SheetPlan, maxBytes: number = DEFAULT_REQUEST_BUDGET): SheetPlan[] {
  if (requestBytes(plan) <= maxBytes) return [plan];
  const max = maxBytes - REQUEST_FRAME_BYTES;
  const styles = plan.styles ?? {};
  const pieces: SheetPlan[] = [];
  let current = skeleton(plan);
  let used = pieceBytes(current);
  const contBytes = pieceBytes(continuation(plan));
  const flush = () => {
    pieces.push(current);
    current = continuation(plan);
    used = contBytes;
  };
  const isEmpty = (p: SheetPlan) => p.blocks.length === 0 && LISTS.every((k) => !p[k]?.length);
  for (const b of plan.blocks) {
    const width = blockWidth(b);
    let start = 0;
    while (start < b.values.length) {
      // Grow the slice row by row while it fits; a slice costs its frame plus its rows and the style runs they start.
      let end = start;
      let size = blockFrameBytes(b);
      while (end < b.values.length) {
        const rb = rowBytes(b, end, width) + rowStyleBytes(b, end, start, styles);
        if (used + size + rb > max) break;
        size += rb;
        end++;
      }
      if (end === start) {
        // Not even one row fits next to what the piece holds: start a fresh piece, or give up.
        if (isEmpty(current) && pieces.length > 0) throw new PlanTooLargeError(plan.name, b.row + start);
        flush();
        continue;
      }
      current.blocks.push(sliceBlock(b, start, end));
      used += size;
      start = end;
    }
  }
  for (const k of LISTS) {
    for (const item of plan[k] ?? []) {
      const size = itemBytes(k, item) + 1;
      if (used + size > max && !isEmpty(current)) flush();
      (current[k] as unknown[]).push(item);
      used += size;
    }
  }
  if (!isEmpty(current) || pieces.length === 0) pieces.push(current);
  return pieces;
}

/**
 * Groups the plans of one action into requests of at most `maxBytes` each (estimated by
 * requestBytes): plans that fit together share a request (one sync for the whole action when
 * everything fits); a plan that is too big on its own is split with splitPlan. Order is kept.
 * Each inner array is one request.
 */
export function batchPlans(plans: SheetPlan[], maxBytes: number = DEFAULT_REQUEST_BUDGET): SheetPlan[][] {
  if (requestBytes(plans) <= maxBytes) return plans.length ? [plans] : [];
  const batches: SheetPlan[][] = [];
  let current: SheetPlan[] = [];
  let used = REQUEST_FRAME_BYTES;
  for (const plan of plans) {
    for (const piece of splitPlan(plan, maxBytes)) {
      const b = pieceBytes(piece);
      if (current.length && used + b > maxBytes) {
        batches.push(current);
        current = [];
        used = REQUEST_FRAME_BYTES;
      }
      current.push(piece);
      used += b;
    }
  }
  if (current.length) batches.push(current);
  return batches;
}

/** A property a read loads per cell. */
export type ReadProp = 'values' | 'text' | 'formulas' | 'numberFormat';

/** A sheet to read: its used range's size and the properties loaded. */
export interface ReadTarget {
  name: string;
  rows: number;
  cols: number;
  props: ReadProp[];
}

/** Rows from..to (relative to the used range) of one sheet, read in one request. */
export interface ReadBand {
  name: string;
  from: number;
  to: number;
}

/** Bytes of a band's frame in the response and request: its range, query and result envelope. */
const BAND_FRAME_BYTES = 400;

/** Estimated response bytes of reading `rows` rows of a sheet `cols` wide with `props` (READ_BYTES_PER_CELL per cell and property). */
export function readBytes(rows: number, cols: number, props: ReadProp[]): number {
  const perCell = props.reduce((n, p) => n + READ_BYTES_PER_CELL[p], 0);
  return BAND_FRAME_BYTES + rows * (cols * perCell + 4 * props.length);
}

/**
 * Plans the requests of a read so each response stays within `budget` bytes (estimated by
 * readBytes): whole sheets share a request while they fit, a sheet bigger than the budget is read
 * in bands of rows. Order is kept; empty sheets need no band. Each inner array is one request.
 */
export function readRequests(targets: ReadTarget[], budget: number): ReadBand[][] {
  const requests: ReadBand[][] = [];
  let current: ReadBand[] = [];
  let used = 0;
  for (const t of targets) {
    if (t.rows <= 0 || t.cols <= 0) continue;
    const perRow = readBytes(1, t.cols, t.props) - BAND_FRAME_BYTES;
    let from = 0;
    while (from < t.rows) {
      let room = Math.floor((budget - used - BAND_FRAME_BYTES) / perRow);
      if (room < 1 && current.length) {
        requests.push(current);
        current = [];
        used = 0;
        continue;
      }
      room = Math.max(1, room);
      const to = Math.min(t.rows, from + room);
      current.push({ name: t.name, from, to });
      used += readBytes(to - from, t.cols, t.props);
      from = to;
    }
  }
  if (current.length) requests.push(current);
  return requests;
}
