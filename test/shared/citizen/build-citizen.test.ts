// The citizen version of both seeds says, in plain Swedish, what was promised, what was done and whether it is done; numbers as people say them; no codes, cells or council status words.
import { withStatus } from '../../../shared/calc/status';
import { buildCitizen, citizenParagraphs, periodPhrase, quotable, sayNumber, type CitizenDoc } from '../../../shared/citizen';
import { STATUS_LABEL } from '../../../shared/i18n/sv';
import { importFollowUp } from '../../../shared/import/import-follow-up';
import type { FollowUp } from '../../../shared/model/follow-up';
import { gridFromTsv } from '../../../shared/model/grid';
import { activity, importSeed, seedText } from '../../support/seeds';

const opts = { generatedAt: '2026-11-21' };
/** Text with no-break spaces as plain spaces, for reading the numbers. */
const plain = (s: string) => s.replace(/\u00a0/g, ' ');
const paragraphs = (d: CitizenDoc) => citizenParagraphs(d).map((p) => plain(p.map((s) => s.text).join('')));
const fullText = (d: CitizenDoc) => paragraphs(d).join('\n');

/** The paragraphs of promise n: from its heading to the next heading. */
function section(d: CitizenDoc, n: number): string {
  const ps = paragraphs(d);
  const i = ps.indexOf(`Löfte ${n}`);
  if (i < 0) throw new Error(`no Löfte ${n}`);
  const j = ps.findIndex((p, k) => k > i && (/^Löfte \d+$/.test(p) || p === 'Vill du veta mer?'));
  return ps.slice(i, j).join('\n');
}

/** No council jargon, no codes, no cell addresses. */
function expectPlain(d: CitizenDoc): void {
  const t = fullText(d);
  for (const word of Object.values(STATUS_LABEL)) expect(t.toLowerCase()).not.toContain(word.toLowerCase());
  expect(t).not.toMatch(/tertial/i);
  expect(t).not.toMatch(/\b[A-Z]{1,2}\d{1,5}\b/); // A1, D163
  expect(t).not.toMatch(/brottskod|5010|STORM|STATUS/);
  expect(t).not.toMatch(/\bL\d+\b|\bA\d+\b/);
}

describe('the citizen version of the Eksjö seed (tertial 3 of 2019)', () => {
  const d = buildCitizen(importSeed('eksjo-2019'), opts);

  it('has a title, the months it covers, and a count of promises per verdict', () => {
    expect(d.title).toBe('Medborgarlöften i Eksjö 2019');
    expect(d.blocks[0]).toEqual({ type: 'heading', level: 1, text: d.title });
    expect(d.period).toBe('januari–december 2019');
    expect(paragraphs(d)[1]).toContain('under januari–december 2019.');
    expect(paragraphs(d)).toContain('Vi gav två löften. Två är delvis klara.');
  });

  it('gives each promise "Vi lovade …", what was done and a verdict word', () => {
    // Written by hand from the seed: Löfte 1 (trygghet på resecentrum): the tillsyner are done,
    // the trygghetsvandringar only described in words → Delvis klart. Löfte 2 (unga och droger):
    // riktade insatser 14 ≥ 10, the föreläsning held, four samverkansmöten; the
    // föräldraintroduktion only described → Delvis klart.
    expect(d.verdicts).toEqual(['partly', 'partly']);
    const l1 = section(d, 1);
    expect(l1).toContain('Vi lovade att öka den upplevda tryggheten på resecentrum och i närområdet.');
    expect(l1).toContain('Det här har vi gjort:');
    expect(l1).toContain('Ökad polisiär närvaro vid resecentrum. Det blev minst 40 tillsyner. Vi lovade inget antal. Klart.');
    expect(l1).toMatch(/två trygghetsvandringar i Mariannelund\. Här finns ingen siffra\. Vi skrev: ”Förändringar har gjorts i järnvägsparken/);
    expect(l1).toContain('Så gick det: Delvis klart.');
    const l2 = section(d, 2);
    expect(l2).toContain('Vi lovade att minska risken för unga att hamna i drogberoende och kriminalitet.');
    expect(l2).toContain('Det blev 14 riktade insatser. Målet var minst tio. Klart.');
    expect(l2).toContain('Det blev en drogförebyggande föreläsning. Det var målet. Klart.');
    expect(l2).toContain('Det blev fyra samverkansmöten. Det var målet. Klart.');
    expect(l2).toMatch(/föräldrar som inte deltar i SFI\. Här finns ingen siffra\. Vi skrev: ”Homepartyprojektet/);
    expect(l2).toContain('Så gick det: Delvis klart.');
  });

  it('uses no codes, cell addresses or status words of the council report', () => {
    expectPlain(d);
  });

  it('says there is no contact named and sends readers to the kommun or the police', () => {
    expect(d.contacts).toEqual([]);
    expect(paragraphs(d)).toContain('Hör av dig till kommunen eller polisen.');
  });
});

describe('the citizen version of the Eskilstuna seed', () => {
  const d = buildCitizen(importSeed('eskilstuna-2019'), opts);

  it('covers the whole of 2019 (the data reach tertial 3 whatever the text says)', () => {
    expect(d.title).toBe('Medborgarlöften i Eskilstuna 2019');
    expect(d.period).toBe('januari–december 2019');
    expect(paragraphs(d)).toContain('Vi gav tio löften. Ett är klart. Två är delvis klara. Om sju löften står det inget i uppföljningen.');
  });

  it('says per promise what the police and the kommun did, with numbers as people say them', () => {
    // By hand: Löfte 1 narkotika 1 470 ingripanden, no goal → Klart. Löfte 2 patrullering has no
    // table → Ingen uppgift. Löfte 3: four walks (goal two) but none in Skiftinge or Lagersberg →
    // Delvis klart for the walks; three medborgarforum, one in Fröslunda → Klart; so Delvis
    // klart. Löfte 4: 190 of 200 trafikkontroller → Delvis klart. Löfte 5–10 (the kommun's)
    // have no table → Ingen uppgift.
    expect(d.verdicts).toEqual(['done', 'unknown', 'partly', 'partly', 'unknown', 'unknown', 'unknown', 'unknown', 'unknown', 'unknown']);
    const l1 = section(d, 1);
    expect(l1).toContain('Polisen lovade att ingripa mot de lokala kriminella nätverk');
    expect(l1).toContain('Ingripande narkotikabrott. Vi har gjort det 1 470 gånger. Vi lovade inget antal.');
    expect(l1).toContain('Så gick det: Klart.');
    expect(section(d, 2)).toContain('Det står inget om det här löftet i uppföljningen.\nSå gick det: Ingen uppgift.');
    const l3 = section(d, 3);
    expect(l3).toContain(
      'Trygghetsvandring. Det blev fyra trygghetsvandringar. Det var i Göksten, Stadsparken, Centrala Thla och Nyfors. Målet var två, i Skiftinge och Lagersberg. Men ingen var i Skiftinge eller Lagersberg. Delvis klart.',
    );
    expect(l3).toContain('Medborgarforum. Vi har gjort det tre gånger. Det var i Fröslunda och Lagersberg. Målet var att göra det en gång, i Fröslunda. Klart.');
    expect(l3).toContain('Så gick det: Delvis klart.');
    const l4 = section(d, 4);
    expect(l4).toContain('Trafikkontroll i utsatta områden. Det blev 190 trafik- och trafikrelaterade kontroller. Målet var 200. Det saknas tio.');
    expect(l4).toContain('Så gick det: Delvis klart.');
    expect(section(d, 5)).toContain('Kommunen lovade att arbeta aktivt mot nolltolerans');
  });

  it('leaves the crime codes and the system names in brackets out of the activity names', () => {
    expectPlain(d);
    expect(fullText(d)).not.toContain('(enligt');
    expect(fullText(d)).not.toContain('HOBIT');
    // Brackets of words stay: the named stadsdelar are part of the promise.
    expect(section(d, 3)).toContain('(Skiftinge och Lagersberg)');
  });

  it('writes 1 470 with a no-break space, so it never wraps', () => {
    expect(JSON.stringify(d)).toContain('1\u00a0470');
  });
});

describe('the citizen version during the year', () => {
  it('names the months of tertial 2 and says the year is not over', () => {
    const d = buildCitizen(importSeed('eskilstuna-2019', 2), opts);
    expect(d.period).toBe('januari–augusti 2019');
    expect(paragraphs(d)).toContain('Året är inte slut än. En del av det vi lovade pågår.');
    // 126 of 200 trafikkontroller by August: 74 to go, not "missing".
    expect(section(d, 4)).toContain('Det blev 126 trafik- och trafikrelaterade kontroller. Målet var 200. Det är 74 kvar till målet.');
    expect(section(d, 4)).toContain('Så gick det: Delvis klart.');
    // 1 019 ingripanden, no goal, year not over: under way.
    expect(section(d, 1)).toContain('Vi har gjort det 1 019 gånger.');
    expect(d.verdicts[0]).toBe('partly');
  });

  it('says approximations as "ungefär" (Eksjö tertial 1: ett tjugotal tillsyner)', () => {
    const d = buildCitizen(importSeed('eksjo-2019', 1), opts);
    expect(d.period).toBe('januari–april 2019');
    expect(section(d, 1)).toContain('Det blev ungefär 20 tillsyner.');
    // Six of at least ten riktade insatser by April.
    expect(section(d, 2)).toContain('Det blev sex riktade insatser. Målet var minst tio. Det är fyra kvar till målet.');
  });

  it('names the months of other period sets', () => {
    expect(periodPhrase('quarter', 1, 2021)).toBe('januari–mars 2021');
    expect(periodPhrase('half', 1, null)).toBe('januari–juni');
    expect(periodPhrase('tertial', null, 2020)).toBe('januari–december 2020');
  });
});

describe('judgements and comments where there is no count', () => {
  function judged(): FollowUp {
    const f = importSeed('eksjo-2019');
    const intro = activity(f, 'Kommunen ska ordna en föräldraintroduktion');
    const walks = activity(f, 'Kommunen ska genomföra två trygghetsvandringar');
    const set = (id: string, patch: object) => {
      for (const p of f.promises) p.activities = p.activities.map((a) => (a.id === id ? withStatus({ ...a, ...patch }, 3) : a));
    };
    set(intro.id, { judgement: { value: 'met', phrase: '', cell: 'H20', source: 'user' }, comments: [{ cell: 'I20', text: 'Alla nyanlända föräldrar har fått en plats.' }] });
    set(walks.id, { judgement: { value: 'not-started', phrase: '', cell: 'H16', source: 'user' } });
    return f;
  }

  it('uses the judgement for the verdict and quotes the comment, without its cell', () => {
    const d = buildCitizen(judged(), opts);
    const l2 = section(d, 2);
    expect(l2).toMatch(/inte deltar i SFI\. Vi tycker att det är klart\. Vi skrev: ”Homepartyprojektet[^”]*Alla nyanlända föräldrar har fått en plats\.” Klart\./);
    // Every activity of Löfte 2 is now done.
    expect(l2).toContain('Så gick det: Klart.');
    expect(section(d, 1)).toMatch(/Mariannelund\. Arbetet har inte börjat\./);
    expect(d.verdicts).toEqual(['partly', 'done']);
    expect(fullText(d)).not.toMatch(/\b[HI]\d+\b/);
  });

  it('adds a comment after a count', () => {
    const f = importSeed('eskilstuna-2019');
    const t = activity(f, 'Trafikkontroll');
    t.comments = [{ cell: 'E173', text: 'Två pass ställdes in i juli' }];
    const d = buildCitizen(f, opts);
    expect(section(d, 4)).toContain('Det saknas tio. Vi skrev också: ”Två pass ställdes in i juli.”');
  });
});

describe('who to contact', () => {
  const contacts = [
    '',
    'Kontaktpersoner:',
    'Anna Andersson, trygghetssamordnare, Eksjö kommun',
    'anna.andersson@eksjo.se, 0381-360 00',
    '',
    '',
    '',
    'Vi har haft kontakt med skolor under hösten.',
    '',
    'Brott anmäls till Polisen på 114 14.',
  ].join('\n');
  const f = importFollowUp(gridFromTsv(`${seedText('eksjo-2019')}\n${contacts}\n`, 'eksjo'));
  const d = buildCitizen(f, opts);

  it('lists the lines under a Kontakt heading and lines with a phone number, not a mere mention of "kontakt"', () => {
    expect(d.contacts).toEqual(['Anna Andersson, trygghetssamordnare, Eksjö kommun', 'anna.andersson@eksjo.se, 0381-360 00', 'Brott anmäls till Polisen på 114 14.']);
    const ps = paragraphs(d);
    const i = ps.indexOf('Vill du veta mer?');
    expect(ps.slice(i)).toEqual(['Vill du veta mer?', 'Hör av dig till:', ...d.contacts, 'Texten är gjord ur uppföljningen den 21 november 2026.']);
  });

  it('links e-mail addresses and phone numbers', () => {
    const spans = d.blocks.flatMap((b) => (b.type === 'paragraph' ? b.spans : []));
    expect(spans.filter((s) => s.href).map((s) => [s.text, s.href])).toEqual([
      ['anna.andersson@eksjo.se', 'mailto:anna.andersson@eksjo.se'],
      ['0381-360 00', 'tel:+4638136000'],
      ['114 14', 'tel:11414'],
    ]);
  });

  it('does not take dates or years for phone numbers', () => {
    expect(buildCitizen(importSeed('eskilstuna-2019'), opts).contacts).toEqual([]);
  });
});

describe('numbers and quotes', () => {
  it('says small numbers in words, others in digits with thousands apart', () => {
    expect([0, 1, 2, 10, 12, 13, 200, 1470, 12500].map((n) => plain(sayNumber(n)))).toEqual(['noll', 'en', 'två', 'tio', 'tolv', '13', '200', '1 470', '12 500']);
    expect(sayNumber(1, { neuter: true })).toBe('ett');
    expect(sayNumber(20, { approx: true })).toBe('ungefär 20');
    expect(sayNumber(40, { lowerBound: true })).toBe('minst 40');
    expect(sayNumber(4, { lowerBound: true })).toBe('minst fyra');
    expect(sayNumber(2.5)).toBe('2,5');
  });

  it('quotes the kommun\'s words with codes in brackets left out and a full stop at the end', () => {
    expect(quotable('Ingripande narkotikabrott (enligt STATUS; brottskod 5010, 5011)')).toBe('Ingripande narkotikabrott.');
    expect(quotable('Trygghetsvandringar (Skiftinge och Lagersberg)')).toBe('Trygghetsvandringar (Skiftinge och Lagersberg).');
    expect(quotable('  Genomfört  sex\ninsatser. ')).toBe('Genomfört sex insatser.');
  });

  it('reads "X lovar att" as who promised', () => {
    const f = importSeed('eksjo-2019');
    f.promises[0].text = 'Polisen och kommunen lovar att hålla tre möten.';
    f.promises[1].text = 'Eksjö kommun kommer att ordna kurser';
    const d = buildCitizen(f, opts);
    expect(section(d, 1)).toContain('Vi lovade att hålla tre möten.');
    expect(section(d, 2)).toContain('Kommunen lovade att ordna kurser.');
  });
});

describe('a user\'s judgement over a count', () => {
  it('decides the verdict and is said after the numbers, which stay as counted', () => {
    const f = importSeed('eskilstuna-2019');
    const t = activity(f, 'Trafikkontroll');
    const judged = withStatus({ ...t, judgement: { value: 'met', phrase: '', cell: 'H173', source: 'user' } }, 3);
    f.promises[3].activities = [judged];
    const d = buildCitizen(f, opts);
    expect(section(d, 4)).toContain('Det blev 190 trafik- och trafikrelaterade kontroller. Målet var 200. Det saknas tio. Vi tycker att det är klart.');
    expect(section(d, 4)).toContain('Så gick det: Klart.');
  });
});
