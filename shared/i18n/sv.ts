// Swedish user-facing words of the core: statuses, parties, goal operators, period names.
import type { GoalOp, JudgementValue, Party, Severity, Status } from '../model/follow-up';

/** Status words as Swedish municipalities use them. */
export const STATUS_LABEL: Record<Status, string> = {
  met: 'Uppnått',
  'on-track': 'Enligt plan',
  behind: 'Efter plan',
  'not-met': 'Ej uppnått',
  'no-goal': 'Inget mål',
  'no-data': 'Saknar uppgift',
  manual: 'Bedöm manuellt',
};

/** The rule behind each status, shown to users next to the colours. */
export const STATUS_RULE: Record<Status, string> = {
  met: 'Totalt hittills når målet.',
  'on-track': 'Totalt hittills ≥ målet × redovisad period / antal perioder.',
  behind: 'Totalt hittills under förväntat, men året är inte slut.',
  'not-met': 'Året är slut (eller ett högst-mål är överskridet) och målet nåddes inte.',
  'no-goal': 'Aktiviteten har inget mätbart mål.',
  'no-data': 'Inget är redovisat.',
  manual: 'Bara text är redovisad: bedöm måluppfyllelsen manuellt.',
};

/** Status colours (fill, font) used by plans and reports; the word is always shown too. */
export const STATUS_COLOUR: Record<Status, { fill: string; font: string }> = {
  met: { fill: '#C6EFCE', font: '#006100' },
  'on-track': { fill: '#E2F0D9', font: '#375623' },
  behind: { fill: '#FFEB9C', font: '#9C5700' },
  'not-met': { fill: '#FFC7CE', font: '#9C0006' },
  'no-goal': { fill: '#FFFFFF', font: '#404040' },
  'no-data': { fill: '#E7E6E6', font: '#404040' },
  manual: { fill: '#E7E6E6', font: '#404040' },
};

export const PARTY_LABEL: Record<Exclude<Party, null>, string> = {
  police: 'Polisen',
  municipality: 'Kommunen',
  joint: 'Gemensamt',
};

export const GOAL_OP_LABEL: Record<GoalOp, string> = { '>=': 'minst', '<=': 'högst', '=': 'exakt' };

export const SEVERITY_LABEL: Record<Severity, string> = { error: 'Fel', warning: 'Varning', info: 'Info' };

/** Ordinal words for "tertial N" in prose. */
export const ORDINAL = ['första', 'andra', 'tredje', 'fjärde'];

/** Judgement words (Västerås and Jönköping publish these scales): for goals, then for actions. */
export const JUDGEMENT_LABEL: Record<JudgementValue, string> = {
  met: 'Uppnått',
  'partly-met': 'Delvis uppnått',
  'not-met': 'Ej uppnått',
  done: 'Genomförd',
  'in-progress': 'Pågår',
  'not-started': 'Ej påbörjad',
  cancelled: 'Inställd',
};

/** The judgement scales in list order: goals (Uppnått …) first, then actions (Genomförd …). */
export const JUDGEMENT_ORDER: JudgementValue[] = ['met', 'partly-met', 'not-met', 'done', 'in-progress', 'not-started', 'cancelled'];
