// Browser helpers shared by the Excel task pane and the Sheets sidebar: element lookup, text-only elements, the period setting.

/** The element with this id (a missing id is a build error, not a user's). */
export function byId<T extends HTMLElement = HTMLElement>(id: string): T {
  const e = document.getElementById(id);
  if (!e) throw new Error(`#${id} saknas`);
  return e as T;
}

/** Creates an element whose text is set with textContent: sheet text is never parsed as HTML. */
export function el(tag: string, cls?: string, text?: string): HTMLElement {
  const e = document.createElement(tag);
  if (cls) e.className = cls;
  if (text !== undefined) e.textContent = text;
  return e;
}

/**
 * Fills a reported-period select: "automatic" (empty value) first, then the follow-up's own
 * periods ("Tertial 1" …, "Kvartal 4") as 1..n. Keeps the user's choice when it still fits; does
 * nothing when the list is already these periods.
 */
export function fillPeriodSelect(select: HTMLSelectElement, labels: string[], autoLabel: string): void {
  const key = labels.join('|');
  if (select.dataset.periods === key) return;
  const keep = select.value;
  const auto = el('option', undefined, autoLabel) as HTMLOptionElement;
  auto.value = '';
  select.replaceChildren(
    auto,
    ...labels.map((label, i) => {
      const o = el('option', undefined, label) as HTMLOptionElement;
      o.value = String(i + 1);
      return o;
    }),
  );
  select.value = keep && Number(keep) <= labels.length ? keep : '';
  select.dataset.periods = key;
}
