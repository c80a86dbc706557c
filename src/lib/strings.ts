// Every string the site itself writes, per language. A language that lacks a
// key is a type error; tests/unit/strings.test.ts checks the values.

export type Lang = "en" | "ru" | "fa";

export interface SiteStrings {
  readonly skipLink: string;
  readonly feedLink: string;
  /** The footer's link to the mirrors page. */
  readonly mirrorsLink: string;
  /** The home page's heading, and the name of the main list's numbered pages. */
  readonly latestArticles: string;
  readonly articles: string;
  /** The heading of a list's numbered page; the number arrives formatted. */
  readonly listPage: (name: string, page: string) => string;
  readonly pagerLabel: string;
  readonly newestArticles: string;
  readonly newerArticles: string;
  readonly olderArticles: string;
  readonly oldestArticles: string;
  readonly pageNumber: (page: string) => string;
  readonly browseLabel: string;
  readonly sections: string;
  readonly sectionsDescription: string;
  readonly tags: string;
  readonly tagsDescription: string;
  readonly allTags: string;
  readonly tagList: (name: string) => string;
  readonly archive: string;
  readonly archiveDescription: string;
  /** Before the numbered pages of a month in the archive. */
  readonly pagesFromOldest: string;
  /** The nav of an article's section and tags, and its two labels. */
  readonly topicsLabel: string;
  readonly sectionLabel: string;
  readonly tagsLabel: string;
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
    mirrorsLink: "Mirrors",
    latestArticles: "Latest articles",
    articles: "Articles",
    listPage: (name, page) => `${name}, page ${page}`,
    pagerLabel: "Pages of articles",
    newestArticles: "Newest articles",
    newerArticles: "Newer articles",
    olderArticles: "Older articles",
    oldestArticles: "Oldest articles",
    pageNumber: (page) => `Page ${page}`,
    browseLabel: "Browse",
    sections: "Sections",
    sectionsDescription: "Every section of the archive.",
    tags: "Tags",
    tagsDescription: "Every tag of the archive.",
    allTags: "All tags",
    tagList: (name) => `Tag: ${name}`,
    archive: "Archive",
    archiveDescription: "Every article by the month it was published.",
    pagesFromOldest: "pages from the oldest:",
    topicsLabel: "Section and tags",
    sectionLabel: "Section:",
    tagsLabel: "Tags:",
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
    mirrorsLink: "Зеркала",
    latestArticles: "Последние статьи",
    articles: "Статьи",
    listPage: (name, page) => `${name}, страница ${page}`,
    pagerLabel: "Страницы статей",
    newestArticles: "Самые новые статьи",
    newerArticles: "Более новые статьи",
    olderArticles: "Более старые статьи",
    oldestArticles: "Самые старые статьи",
    pageNumber: (page) => `Страница ${page}`,
    browseLabel: "Обзор",
    sections: "Рубрики",
    sectionsDescription: "Все рубрики архива.",
    tags: "Теги",
    tagsDescription: "Все теги архива.",
    allTags: "Все теги",
    tagList: (name) => `Тег: ${name}`,
    archive: "Архив",
    archiveDescription: "Все статьи по месяцам публикации.",
    pagesFromOldest: "страницы, начиная с самых старых:",
    topicsLabel: "Рубрика и теги",
    sectionLabel: "Рубрика:",
    tagsLabel: "Теги:",
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
    mirrorsLink: "آینه‌ها",
    latestArticles: "تازه‌ترین مطالب",
    articles: "مطالب",
    listPage: (name, page) => `${name}، صفحهٔ ${page}`,
    pagerLabel: "صفحه‌های مطالب",
    newestArticles: "تازه‌ترین مطالب",
    newerArticles: "مطالب تازه‌تر",
    olderArticles: "مطالب قدیمی‌تر",
    oldestArticles: "قدیمی‌ترین مطالب",
    pageNumber: (page) => `صفحهٔ ${page}`,
    browseLabel: "مرور",
    sections: "بخش‌ها",
    sectionsDescription: "همهٔ بخش‌های بایگانی.",
    tags: "برچسب‌ها",
    tagsDescription: "همهٔ برچسب‌های بایگانی.",
    allTags: "همهٔ برچسب‌ها",
    tagList: (name) => `برچسب: ${name}`,
    archive: "بایگانی",
    archiveDescription: "همهٔ مطالب بر پایهٔ ماه انتشار.",
    pagesFromOldest: "صفحه‌ها از قدیمی‌ترین:",
    topicsLabel: "بخش و برچسب‌ها",
    sectionLabel: "بخش:",
    tagsLabel: "برچسب‌ها:",
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
