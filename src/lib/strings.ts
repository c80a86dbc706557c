// Every string the site itself writes, per language. A language that lacks a
// key is a type error; tests/unit/strings.test.ts checks the values.

export type Lang = "en" | "ru" | "fa";

export interface SiteStrings {
  readonly skipLink: string;
  readonly feedLink: string;
  readonly latestArticles: string;
  /** The heading of list pages after the first; numbers arrive already formatted. */
  readonly latestArticlesPage: (page: string, count: string) => string;
  readonly pagerLabel: string;
  readonly newerArticles: string;
  readonly olderArticles: string;
  readonly pageOf: (page: string, count: string) => string;
  /** Between the published date and the updated date in a dateline. */
  readonly updated: string;
  /** Before the links to an article's translations. */
  readonly readIn: string;
  /** Said after "Remind me later."; `days` is formatted, `count` chooses the plural. */
  readonly appealHidden: (days: string, count: number) => string;
  readonly notFoundTitle: string;
  readonly notFoundText: string;
  readonly notFoundHomeLink: string;
}

const ruPlural = new Intl.PluralRules("ru");

export const STRINGS: Readonly<Record<Lang, SiteStrings>> = {
  en: {
    skipLink: "Skip to content",
    feedLink: "RSS feed",
    latestArticles: "Latest articles",
    latestArticlesPage: (page, count) => `Latest articles, page ${page} of ${count}`,
    pagerLabel: "Pages of articles",
    newerArticles: "Newer articles",
    olderArticles: "Older articles",
    pageOf: (page, count) => `Page ${page} of ${count}`,
    updated: "Updated",
    readIn: "Read in",
    appealHidden: (days, count) =>
      `Appeal hidden. It will show again in ${days} ${count === 1 ? "day" : "days"}.`,
    notFoundTitle: "Page not found",
    notFoundText: "There is no page at this address. It may have moved, or the link may be mistyped.",
    notFoundHomeLink: "See the latest articles on the home page",
  },
  ru: {
    skipLink: "Перейти к содержанию",
    feedLink: "RSS-лента",
    latestArticles: "Последние статьи",
    latestArticlesPage: (page, count) => `Последние статьи, страница ${page} из ${count}`,
    pagerLabel: "Страницы статей",
    newerArticles: "Новее",
    olderArticles: "Старше",
    pageOf: (page, count) => `Страница ${page} из ${count}`,
    updated: "Обновлено",
    readIn: "Читать на другом языке:",
    appealHidden: (days, count) =>
      `Обращение скрыто. Оно появится снова через ${days} ${
        { one: "день", few: "дня", many: "дней", other: "дня", zero: "дней", two: "дня" }[
          ruPlural.select(count)
        ]
      }.`,
    notFoundTitle: "Страница не найдена",
    notFoundText: "По этому адресу страницы нет. Возможно, она переехала или в ссылке опечатка.",
    notFoundHomeLink: "Последние статьи на главной странице",
  },
  fa: {
    skipLink: "رفتن به محتوا",
    feedLink: "خوراک RSS",
    latestArticles: "تازه‌ترین مطالب",
    latestArticlesPage: (page, count) => `تازه‌ترین مطالب، صفحهٔ ${page} از ${count}`,
    pagerLabel: "صفحه‌های مطالب",
    newerArticles: "مطالب تازه‌تر",
    olderArticles: "مطالب قدیمی‌تر",
    pageOf: (page, count) => `صفحهٔ ${page} از ${count}`,
    updated: "به‌روزشده",
    readIn: "خواندن به زبان",
    appealHidden: (days) => `پیام پنهان شد. ${days} روز دیگر دوباره نمایش داده می‌شود.`,
    notFoundTitle: "صفحه پیدا نشد",
    notFoundText: "در این نشانی صفحه‌ای نیست. شاید جابه‌جا شده باشد یا پیوند اشتباه نوشته شده باشد.",
    notFoundHomeLink: "تازه‌ترین مطالب در صفحهٔ نخست",
  },
};

const numberFormats = new Map<Lang, Intl.NumberFormat>();

/** A whole number as the language writes it (Persian digits in Persian). */
export function formatNumber(lang: Lang, value: number): string {
  let format = numberFormats.get(lang);
  if (format === undefined) {
    format = new Intl.NumberFormat(lang, { useGrouping: false });
    numberFormats.set(lang, format);
  }
  return format.format(value);
}
