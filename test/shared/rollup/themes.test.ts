// Themes of real activities: the lexicon against hand-written labels (corpus and seeds), one theme each, and the rules behind the choice.
import { importFollowUp } from '../../../shared/import/import-follow-up';
import type { FollowUp } from '../../../shared/model/follow-up';
import { THEME_IDS } from '../../../shared/lexicon/sv-themes';
import { themeOfActivity, themeOfText } from '../../../shared/rollup/themes';
import { caseGrid, loadCorpus } from '../../support/corpus';
import { importSeed, SEEDS } from '../../support/seeds';
import { HAND_LABELS, HELD_OUT_LABELS, type HandLabel } from './hand-labelled-themes';

const corpus = new Map(loadCorpus().map((c) => [c.name, c]));
const imported = new Map<string, FollowUp>();
function followUp(source: string): FollowUp {
  let f = imported.get(source);
  if (!f) {
    const c = corpus.get(source);
    f = c ? importFollowUp(caseGrid(c)) : importSeed(source);
    imported.set(source, f);
  }
  return f;
}

/** The lexicon's theme for each hand-labelled text, and the labels it gets wrong. */
function score(labels: HandLabel[]): { right: number; wrong: string[] } {
  const wrong: string[] = [];
  for (const l of labels) {
    const f = followUp(l.source);
    const hit = f.promises.flatMap((p) => p.activities.map((a) => ({ a, p }))).find((x) => x.a.text.startsWith(l.text));
    if (!hit) throw new Error(`no activity "${l.text}" in ${l.source}`);
    const got = themeOfActivity(hit.a, hit.p);
    if (got.theme !== l.theme) wrong.push(`${l.source}: "${l.text}" → ${got.theme} (${got.word ?? 'inget ord'}), väntat ${l.theme}`);
  }
  return { right: labels.length - wrong.length, wrong };
}

describe('themes of real activity texts', () => {
  it('agrees with the hand-written theme of every text the lexicon was tuned on (73 corpus and seed activities)', () => {
    expect(HAND_LABELS.length).toBeGreaterThanOrEqual(20);
    expect(score(HAND_LABELS).wrong).toEqual([]);
  });

  it('agrees with at least 90 % of the 107 held-out hand-written themes (the misses are texts a reader could also label otherwise)', () => {
    const { right, wrong } = score(HELD_OUT_LABELS);
    expect(right / HELD_OUT_LABELS.length).toBeGreaterThanOrEqual(0.9);
    expect(wrong.length).toBeLessThanOrEqual(8);
  });

  it('gives every activity of the corpus and the seeds exactly one theme of the lexicon', () => {
    const fs = [...[...corpus.keys()].map(followUp), ...SEEDS.map(followUp)];
    let n = 0;
    for (const f of fs) {
      for (const p of f.promises) {
        for (const a of p.activities) {
          expect(THEME_IDS).toContain(themeOfActivity(a, p).theme);
          n++;
        }
      }
    }
    expect(n).toBeGreaterThan(200);
  });
});

describe('themeOfText', () => {
  it('lets the longest matching word decide: a nattvandring is presence, a tätortsvandring a trygghetsvandring', () => {
    expect(themeOfText('tre nattvandringar med föreningar')?.theme).toBe('narvaro');
    expect(themeOfText('delaktig i tätortsvandringar')?.theme).toBe('trygghetsvandringar');
  });

  it('reads compounds, inflections and typos with the Swedish stemmer', () => {
    expect(themeOfText('Genomfört sex narkotikainsatser')).toEqual({ theme: 'narkotika', word: 'narkotikainsatser' });
    expect(themeOfText('besök i grundskolan')?.theme).toBe('skola-unga');
    expect(themeOfText('två trygghetsvandingar')?.theme).toBe('trygghetsvandringar');
    expect(themeOfText('hotspot-pratullering')?.theme).toBe('narvaro');
  });

  it('weighs what the activity is over its subject and its context: a walk about drugs is a walk, drug raids against youth are narkotika', () => {
    expect(themeOfText('Trygghetsvandringar med fokus på narkotikaproblematiken')?.theme).toBe('trygghetsvandringar');
    expect(themeOfText('insatser med inriktning ungdomar och narkotika')?.theme).toBe('narkotika');
    expect(themeOfText('trafikkontroller mot drogpåverkade förare')?.theme).toBe('trafik');
  });

  it('does not read a short stem into unrelated words ("för" is not "förare")', () => {
    expect(themeOfText('arbetsmetoder för sociala insatsgrupper')).toBeNull();
  });

  it('finds no theme in text without a theme word', () => {
    expect(themeOfText('Årets stadskärna 2020')).toBeNull();
    expect(themeOfText('')).toBeNull();
  });
});

describe('themeOfActivity', () => {
  const f = importFollowUp({
    sheetName: null,
    origin: { row: 0, col: 0 },
    values: [
      ['Uppföljning av medborgarlöften för Testby kommun 2023'],
      ['Löfte 1: Att minska trafikbrotten i centrum'],
      ['Aktivitet', 'Tertial 1', 'Tertial 2', 'Tertial 3'],
      ['Aktivitet A', 'Polisen har patrullerat i centrum på kvällarna', '', ''],
      ['Aktivitet B', '', '', ''],
      ['Skadegörelse', 'Polisen har patrullerat', '', ''],
    ],
  });
  const [a, b, c] = f.promises.flatMap((p) => p.activities);
  const p = f.promises[0];

  it('falls back to what was reported, then to the promise, and names where the word was', () => {
    expect(themeOfActivity(a, p)).toEqual({ theme: 'narvaro', source: 'reported', word: 'patrullerat' });
    expect(themeOfActivity(b, p)).toMatchObject({ theme: 'trafik', source: 'promise', word: 'trafikbrotten' });
    expect(themeOfActivity(b, null)).toEqual({ theme: 'ovrigt', source: 'none', word: null });
  });

  it('stops at the activity\'s own words when they point to Övrigt (skadegörelse), whatever was reported', () => {
    expect(themeOfActivity(c, p)).toMatchObject({ theme: 'ovrigt', source: 'activity', word: 'skadegörelse' });
  });
});
