// Payload size of plans and splitting of big plans so each host request stays under Excel on the web's 5 MB limit.
import type { Block, SheetPlan } from '../model/sheet-plan';

/** Excel on the web rejects a request (one context.sync) whose payload passes 5 MB. */
export const EXCEL_WEB_REQUEST_LIMIT = 5 * 1024 * 1024;
/**
 * Budget per request for plan JSON: 4 MiB, leaving a 20 % margin under the limit for the
 * Office.js request envelope (object paths, per-call headers) that the plan's JSON does not hold.
 */
export const DEFAULT_REQUEST_BUDGET = 4 * 1024 * 1024;

/** UTF-8 byte length of a string (no TextEncoder: the core compiles without DOM or Node types). */
export function utf8Length(s: string): number {
  let n = 0;
  for (let i = 0; i < s.length; i++) {
    const c = s.charCodeAt(i);
    if (c < 0x80) n += 1;
    else if (c < 0x800) n += 2;
    else if (c >= 0xd800 && c <= 0xdbff) {
      n += 4;
      i++;
    } else n += 3;
  }
  return n;
}

/** Size in bytes of a plan (or plans) as JSON: the measure the hosts batch by. */
export function planBytes(plan: SheetPlan | SheetPlan[]): number {
  return utf8Length(JSON.stringify(plan));
}

/**
 * Office.js sends one action per note, link, rule, validation and merge, each with its object
 * path (sheet → range → collection), a few hundred bytes more than the item's own JSON.
 */
export const PER_CALL_OVERHEAD = 400;

const LISTS = ['merges', 'conditionalFormats', 'validations', 'notes', 'links'] as const;

function listItems(plan: SheetPlan): number {
  return LISTS.reduce((n, k) => n + (plan[k]?.length ?? 0), 0);
}

/** Estimated size of the request that writes the plans: their JSON plus the per-call overhead of list items. */
export function requestBytes(plan: SheetPlan | SheetPlan[]): number {
  const plans = Array.isArray(plan) ? plan : [plan];
  return planBytes(plans) + plans.reduce((n, p) => n + listItems(p) * PER_CALL_OVERHEAD, 0);
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
 * Splits a plan into pieces of at most `maxBytes` each (as estimated by requestBytes). The
 * first piece creates the sheet and carries the sheet-wide settings (widths, frozen panes,
 * chart, tab colour); block rows, then merges, rules, validations, notes and links follow in
 * as many pieces as they need, each piece writing only into the same sheet. A plan that fits
 * comes back unchanged as the only piece. Blocks are cut between rows, so every piece is a
 * valid plan that lands whole.
 */
export function splitPlan(plan: SheetPlan, maxBytes: number = DEFAULT_REQUEST_BUDGET): SheetPlan[] {
  if (requestBytes(plan) <= maxBytes) return [plan];
  const pieces: SheetPlan[] = [];
  let current = skeleton(plan);
  let used = planBytes(current);
  const contBytes = planBytes(continuation(plan));
  const flush = () => {
    pieces.push(current);
    current = continuation(plan);
    used = contBytes;
  };
  const isEmpty = (p: SheetPlan) => p.blocks.length === 0 && LISTS.every((k) => !p[k]?.length);
  for (const b of plan.blocks) {
    let start = 0;
    while (start < b.values.length) {
      // Grow the slice row by row while it fits; a block costs its frame plus its rows.
      let end = start;
      let size = utf8Length(JSON.stringify(sliceBlock(b, start, start))) + 1;
      while (end < b.values.length) {
        const rowBytes =
          utf8Length(JSON.stringify(b.values[end])) +
          (b.numberFormats ? utf8Length(JSON.stringify(b.numberFormats[end] ?? null)) + 1 : 0) +
          (b.styles ? utf8Length(JSON.stringify(b.styles[end] ?? null)) + 1 : 0) +
          1;
        if (used + size + rowBytes > maxBytes) break;
        size += rowBytes;
        end++;
      }
      if (end === start) {
        // Not even one row fits next to what the piece holds: start a fresh piece, or give up.
        if (current.blocks.length === 0 && pieces.length > 0) throw new PlanTooLargeError(plan.name, b.row + start);
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
      const size = utf8Length(JSON.stringify(item)) + 1 + PER_CALL_OVERHEAD;
      if (used + size > maxBytes && !isEmpty(current)) flush();
      (current[k] as unknown[]).push(item);
      used += size;
    }
  }
  if (!isEmpty(current) || pieces.length === 0) pieces.push(current);
  return pieces;
}

/**
 * Groups the plans of one action into requests of at most `maxBytes` each: plans that fit
 * together share a request (one sync for the whole action when everything fits); a plan that
 * is too big on its own is split with splitPlan. Order is kept. Each inner array is one request.
 */
export function batchPlans(plans: SheetPlan[], maxBytes: number = DEFAULT_REQUEST_BUDGET): SheetPlan[][] {
  if (requestBytes(plans) <= maxBytes) return plans.length ? [plans] : [];
  const batches: SheetPlan[][] = [];
  let current: SheetPlan[] = [];
  let used = 2;
  for (const plan of plans) {
    for (const piece of splitPlan(plan, maxBytes)) {
      const b = requestBytes(piece) + 1;
      if (current.length && used + b > maxBytes) {
        batches.push(current);
        current = [];
        used = 2;
      }
      current.push(piece);
      used += b;
    }
  }
  if (current.length) batches.push(current);
  return batches;
}
