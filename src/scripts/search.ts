// The search page: the site's own form over Pagefind's JavaScript API.
//
// The page inlines this file, minified, with its hash in the page's CSP. It
// imports Pagefind's bundle (the form's data-pagefind, relative to the page);
// only once the index has loaded does the form replace the note that search
// needs JavaScript and a served copy (a copy opened from disk cannot fetch it).
// Its messages are the form's data-* attributes, in the page's language, and
// numbers and plurals follow the page's lang through Intl.

interface PagefindResult {
  data(): Promise<{
    url: string;
    excerpt: string;
    meta: { title?: string; date?: string; published?: string };
  }>;
}
interface Pagefind {
  init(): Promise<void>;
  search(
    term: string,
    options?: { filters?: Record<string, string> },
  ): Promise<{ results: PagefindResult[] }>;
}

/** Results shown for one query; Pagefind loads a fragment for each. */
const SHOWN = 10;

const doc = document;
const byId = <T extends HTMLElement>(id: string) => doc.getElementById(id) as T;
const form = byId<HTMLFormElement>("search-form");
const input = byId<HTMLInputElement>("search-query");
const section = byId<HTMLSelectElement>("search-section");
const status = byId<HTMLElement>("search-status");
const list = byId<HTMLOListElement>("search-results");

const lang = doc.documentElement.lang;
const numbers = new Intl.NumberFormat(lang);
const plurals = new Intl.PluralRules(lang);
/** A message from the form's data-* attributes, its {placeholders} filled. */
const message = (name: string, values: Record<string, string> = {}) =>
  (form.dataset[name] ?? "").replace(/\{(\w+)\}/gu, (_, key: string) => values[key] ?? "");
const capitalized = (word: string) => word.charAt(0).toUpperCase() + word.slice(1);

const element = <K extends keyof HTMLElementTagNameMap>(tag: K, text = "") => {
  const node = doc.createElement(tag);
  node.textContent = text;
  return node;
};

/** The excerpt's text with Pagefind's <mark>s, and nothing else of its markup. */
function excerpt(html: string): HTMLParagraphElement {
  const template = doc.createElement("template");
  template.innerHTML = html;
  const paragraph = element("p");
  for (const node of template.content.childNodes) {
    paragraph.append(
      node.nodeName === "MARK" ? element("mark", node.textContent ?? "") : (node.textContent ?? ""),
    );
  }
  return paragraph;
}

async function load(): Promise<Pagefind> {
  const pagefind = (await import(new URL(form.dataset["pagefind"] ?? "", doc.baseURI).href)) as Pagefind;
  await pagefind.init();
  return pagefind;
}

load().then(
  (pagefind) => {
    byId("search-unavailable").hidden = true;
    form.hidden = false;
    let latest = 0;
    form.addEventListener("submit", async (event) => {
      event.preventDefault();
      const query = input.value.trim();
      const run = ++latest;
      if (query === "") {
        list.replaceChildren();
        status.textContent = message("empty");
        return;
      }
      const filters = section.value === "" ? undefined : { section: section.value };
      let results: PagefindResult[];
      let shown: Awaited<ReturnType<PagefindResult["data"]>>[];
      try {
        ({ results } = await pagefind.search(query, filters ? { filters } : {}));
        shown = await Promise.all(results.slice(0, SHOWN).map((result) => result.data()));
      } catch {
        status.textContent = message("failed");
        return;
      }
      if (run !== latest) return;
      list.replaceChildren(
        ...shown.map((found) => {
          const item = element("li");
          const link = element("a", found.meta.title ?? found.url);
          link.href = found.url;
          const heading = element("h2");
          heading.append(link);
          const date = element("time", found.meta.date ?? "");
          date.dateTime = found.meta.published ?? "";
          const dateline = element("p");
          dateline.className = "dateline";
          dateline.append(date);
          item.append(heading, dateline, excerpt(found.excerpt));
          return item;
        }),
      );
      const count = results.length;
      const values = { query, count: numbers.format(count), shown: numbers.format(SHOWN) };
      const category = `matches${capitalized(plurals.select(count))}`;
      status.textContent =
        count === 0
          ? message("noMatch", values)
          : message(category in form.dataset ? category : "matchesOther", values) +
            (count > SHOWN ? ` ${message("more", values)}` : "");
    });
  },
  () => {
    // No index (opened from disk, or not built): the note stays, the form stays hidden.
  },
);

export {};
