// Formats periods, goals and totals the way follow-up readers know them ("479 (1019)", "ca 20", "minst 40", events).
import type { Activity, Goal, Period } from '../model/follow-up';
import { GOAL_OP_LABEL } from '../i18n/sv';

/**
 * A period as follow-up readers write it: the count with the running total in brackets once it
 * differs ("479 (1019)", "3 (14)", "minst 10 (minst 40)", "ca 20"), an event list
 * ("Göksten 2019-11-08, …", or one per line with `eventSeparator: '\n'`), or the kept text when
 * there is no count.
 */
export function formatPeriod(p: Period, eventSeparator = ', '): string {
  if (p.kind === 'events' && p.events.length) {
    let out = '';
    for (let i = 0; i < p.events.length; i++) {
      const { place, date } = p.events[i];
      if (i) out += eventSeparator;
      out += place ? (date ? `${place} ${date}` : place) : date || '';
    }
    return out;
  }
  if (p.value === null) return p.text.replace(/\s+/g, ' ').trim();
  const q = (v: number) => `${p.lowerBound ? 'minst ' : p.approx ? 'ca ' : ''}${String(v).replace('.', ',')}`;
  const cum = p.cumulative ?? p.statedCumulative;
  return cum !== null && cum !== undefined && cum !== p.value ? `${q(p.value)} (${q(cum)})` : q(p.value);
}

/** "minst 10 riktade insatser", "2 trygghetsvandringar (Skiftinge, Lagersberg)", "1 per vecka". */
export function formatGoal(g: Goal | null): string {
  if (!g) return '';
  const op = g.op === '=' ? '' : `${GOAL_OP_LABEL[g.op]} `;
  const rate = g.rate ? ` per ${g.rate}` : '';
  const places = g.places.length ? ` (${g.places.join(', ')})` : '';
  return `${op}${String(g.value).replace('.', ',')}${g.unit ? ` ${g.unit}` : ''}${rate}${places}`;
}

/** Total with its qualifier ("ca 30", "minst 40"), or "" when nothing is counted. */
export function formatTotal(a: Activity): string {
  if (a.total === null) return '';
  return `${a.totalLowerBound ? 'minst ' : a.totalApprox ? 'ca ' : ''}${String(a.total).replace('.', ',')}`;
}
