// The citizen page in headless Chromium: lang sv, h1/h2 in order, AA contrast for every text on its background, verdict words, no scripts or external resources, escaped text.
import type { Browser } from 'playwright-core';
import { buildCitizen, CITIZEN_COLOUR_PAIRS, CITIZEN_STATE_LABEL, renderCitizenHtml } from '../../../shared/citizen';
import type { FollowUp } from '../../../shared/model/follow-up';
import { launchChromium } from '../../support/browser';
import { contrast } from '../../support/contrast';
import { importSeed, SEEDS } from '../../support/seeds';

const opts = { generatedAt: '2026-11-21' };

function hostile(): FollowUp {
  const f = importSeed('eskilstuna-2019');
  f.promises[0].text = 'Att <script>alert(1)</script> hålla <img src=x onerror=alert(2)> möten & "mer".';
  f.promises[0].activities[0].text = '</li><h1>Falsk rubrik</h1>';
  f.notes.push({ cell: 'A300', text: 'Kontakt: <a href="https://example.com">klicka</a> 016-710 10 00' });
  return f;
}

describe('contrast of the page\'s colours', () => {
  it('is checked by a correct formula', () => {
    expect(contrast('#000000', '#ffffff')).toBeCloseTo(21, 5);
    expect(contrast('#777777', '#ffffff')).toBeCloseTo(4.48, 2);
  });

  it.each(CITIZEN_COLOUR_PAIRS.map((p) => [p.name, p.text, p.background] as const))('%s (%s on %s) is at least 4.5:1', (_name, text, background) => {
    expect(contrast(text, background)).toBeGreaterThanOrEqual(4.5);
  });
});

describe('the citizen page as HTML text', () => {
  const html = renderCitizenHtml(buildCitizen(importSeed('eksjo-2019'), opts));

  it('is one self-contained Swedish document without scripts, images or external resources', () => {
    expect(html.startsWith('<!DOCTYPE html>\n<html lang="sv">')).toBe(true);
    expect(html).toContain('<meta charset="utf-8">');
    expect(html).not.toMatch(/<script|<img|<link|<iframe|<object|<embed|@import|url\(|\bsrc=|https?:/i);
    expect(html).not.toMatch(/\son[a-z]+=/i);
  });

  it('escapes the kommun\'s text: no markup of theirs reaches the page', () => {
    const h = renderCitizenHtml(buildCitizen(hostile(), opts));
    expect(h).not.toMatch(/<script|<img|<h1>Falsk|href="https/i);
    expect(h).toContain('&lt;script&gt;alert(1)&lt;/script&gt;');
    expect(h).toContain('&lt;/li&gt;&lt;h1&gt;Falsk rubrik&lt;/h1&gt;');
    // The phone number of the contact line is a tel: link; the web address in it stays text.
    expect(h).toContain('<a href="tel:+46167101000">016-710 10 00</a>');
  });
});

describe('the citizen page in Chromium (scripts off)', () => {
  let browser: Browser;
  beforeAll(async () => {
    browser = await launchChromium();
  });
  afterAll(async () => {
    await browser?.close();
  });

  async function load(f: FollowUp) {
    const context = await browser.newContext({ javaScriptEnabled: false });
    const page = await context.newPage();
    const requests: string[] = [];
    page.on('request', (r) => requests.push(r.url()));
    await page.setContent(renderCitizenHtml(buildCitizen(f, opts)), { waitUntil: 'load' });
    return { page, context, requests };
  }

  it.each(SEEDS)('%s: lang, headings in order, verdict words, AA contrast of every text, no requests', async (seed) => {
    const f = importSeed(seed);
    const { page, context, requests } = await load(f);
    const facts = await page.evaluate(() => {
      const headings = [...document.querySelectorAll('h1,h2,h3,h4,h5,h6')].map((h) => [Number(h.tagName[1]), h.textContent ?? ''] as [number, string]);
      const sections = [...document.querySelectorAll('main section')].map((s) => ({
        heading: s.querySelector('h2')?.textContent ?? '',
        verdict: s.querySelector('.verdict')?.textContent ?? '',
      }));
      // Every element with its own text: its colour and the first opaque background up its ancestors.
      const pairs: { text: string; color: string; background: string }[] = [];
      const opaque = (c: string) => c !== 'transparent' && !/rgba\(.*,\s*0\)$/.test(c);
      for (const el of [...document.body.querySelectorAll('*')]) {
        const own = [...el.childNodes].filter((n) => n.nodeType === 3 && (n.textContent ?? '').trim()).map((n) => n.textContent).join('');
        if (!own.trim()) continue;
        let bg = 'rgb(255, 255, 255)';
        for (let e: Element | null = el; e; e = e.parentElement) {
          const c = getComputedStyle(e).backgroundColor;
          if (opaque(c)) {
            bg = c;
            break;
          }
        }
        pairs.push({ text: own.trim().slice(0, 40), color: getComputedStyle(el).color, background: bg });
      }
      return {
        lang: document.documentElement.lang,
        title: document.title,
        headings,
        sections,
        pairs,
        scripts: document.querySelectorAll('script').length,
        images: document.querySelectorAll('img, svg, picture, video, audio').length,
        links: [...document.querySelectorAll('a')].map((a) => a.getAttribute('href') ?? ''),
        main: document.querySelectorAll('main').length,
      };
    });
    await context.close();

    expect(facts.lang).toBe('sv');
    expect(facts.title).toBe(f.kommun === 'Eksjö' ? 'Medborgarlöften i Eksjö 2019' : 'Medborgarlöften i Eskilstuna 2019');
    expect(facts.main).toBe(1);
    // One h1, first; then h2 only (no level skipped).
    expect(facts.headings[0][0]).toBe(1);
    expect(facts.headings.filter((h) => h[0] === 1)).toHaveLength(1);
    facts.headings.slice(1).forEach((h, i) => expect(h[0] - facts.headings[i][0]).toBeLessThanOrEqual(1));
    expect(facts.headings.slice(1).every((h) => h[0] === 2)).toBe(true);
    // Every promise section ends with its verdict in words.
    const promiseSections = facts.sections.filter((s) => /^Löfte \d+$/.test(s.heading));
    expect(promiseSections.length).toBe(f.promises.length);
    const words = Object.values(CITIZEN_STATE_LABEL);
    for (const s of promiseSections) expect(words.some((w) => s.verdict.trim().endsWith(`Så gick det: ${w}`))).toBe(true);
    // Contrast of every text on its own background.
    expect(facts.pairs.length).toBeGreaterThan(20);
    const low = facts.pairs.filter((p) => contrast(p.color, p.background) < 4.5);
    expect(low).toEqual([]);
    expect(facts.scripts).toBe(0);
    expect(facts.images).toBe(0);
    expect(facts.links.every((h) => /^(mailto|tel):/.test(h))).toBe(true);
    // setContent loads nothing from anywhere.
    expect(requests.filter((u) => !u.startsWith('about:') && !u.startsWith('data:'))).toEqual([]);
  });

  it('shows the kommun\'s markup as text', async () => {
    const { page, context } = await load(hostile());
    const facts = await page.evaluate(() => ({
      h1: document.querySelectorAll('h1').length,
      scripts: document.querySelectorAll('script').length,
      text: document.body.innerText,
    }));
    await context.close();
    expect(facts).toMatchObject({ h1: 1, scripts: 0 });
    expect(facts.text).toContain('<script>alert(1)</script>');
    expect(facts.text).toContain('</li><h1>Falsk rubrik</h1>');
  });
});
