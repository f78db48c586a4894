// The real corpus (test/fixtures/real): every hand-made expectation of every case holds, or is a named, explained exception.
import { FollowUpSchema } from '../../../shared/model/follow-up';
import { checkCase, loadCorpus, loadExceptions } from '../../support/corpus';

const corpus = loadCorpus();
const exceptions = loadExceptions();

test('the corpus holds at least the fourteen given follow-ups', () => {
  expect(corpus.length).toBeGreaterThanOrEqual(14);
});

describe.each(corpus.map((c) => [c.name, c] as const))('%s', (_name, c) => {
  test('imports with every expectation holding (known exceptions say why)', () => {
    const { followUp, results } = checkCase(c, exceptions[c.name] ?? []);
    expect(() => FollowUpSchema.parse(followUp)).not.toThrow();
    const missed = results.filter((r) => !r.held && !r.exception).map((r) => `#${r.row + 1} ${r.key}: expected ${JSON.stringify(r.expected)}, got ${JSON.stringify(r.actual)} — ${r.text.slice(0, 80)}`);
    expect(missed).toEqual([]);
    // An exception that now holds is stale: remove it from exceptions.json.
    const stale = results.filter((r) => r.held && r.exception).map((r) => `#${r.row + 1} ${r.key}`);
    expect(stale).toEqual([]);
  });
});
