// Every string the site itself writes, per language. A language that lacks a
// key is a type error; tests/unit/strings.test.ts checks the values.

export type Lang = "en" | "ru" | "fa";

/** A message per plural category of `Intl.PluralRules` (`other` always); `{count}` is the number. */
export type PluralMessages = { readonly other: string } & Partial<Record<Intl.LDMLPluralRule, string>>;

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
  /** The header's link to the search page, its heading and its button. */
  readonly search: string;
  readonly searchDescription: (siteName: string) => string;
  /** The note shown until the script has loaded the index, then the links to browse instead. */
  readonly searchUnavailable: string;
  readonly browseInstead: string;
  readonly browseHome: string;
  readonly browseSections: string;
  readonly browseTags: string;
  readonly browseArchive: string;
  readonly browseFeed: string;
  readonly searchQueryLabel: string;
  readonly searchSectionLabel: string;
  readonly allSections: string;
  // The search script's messages, filled in the browser: `{query}` as typed, `{count}` and
  // `{shown}` formatted by Intl.NumberFormat in the page's language.
  readonly searchEmpty: string;
  readonly searchFailed: string;
  readonly searchNoMatch: string;
  readonly searchMatches: PluralMessages;
  /** After the count, when there are more results than are shown. */
  readonly searchMore: string;
  readonly mirrorsDescription: (siteName: string) => string;
  readonly mirrorsIntro: string;
  /** Around the checksums file's name, which is shown as code. */
  readonly mirrorsChecksums: readonly [before: string, after: string];
  readonly noMirrors: string;
  /** Before the link to mirrors.json. */
  readonly mirrorsForApps: string;
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
    search: "Search",
    searchDescription: (siteName) => `Search the articles of ${siteName}.`,
    searchUnavailable:
      "Search needs JavaScript, and a copy of this site served from a web address: a copy opened from a file cannot load the search index.",
    browseInstead: "You can browse instead:",
    browseHome: "The latest articles, on the home page",
    browseSections: "Articles by section",
    browseTags: "Articles by tag",
    browseArchive: "Articles by month, in the archive",
    browseFeed: "Every new article, in the RSS feed",
    searchQueryLabel: "Words to search for",
    searchSectionLabel: "Section",
    allSections: "All sections",
    searchEmpty: "Type a word to search for.",
    searchFailed: "Search failed in this browser. Try the home page or the feed instead.",
    searchNoMatch: "No articles match “{query}”.",
    searchMatches: { one: "{count} article matches “{query}”.", other: "{count} articles match “{query}”." },
    searchMore: "The {shown} best are listed.",
    mirrorsDescription: (siteName) =>
      `Copies of ${siteName} at other addresses, for readers who cannot reach this one.`,
    mirrorsIntro: "When this address is blocked, these copies of the site carry the same pages.",
    mirrorsChecksums: [
      "Any copy may be out of date or fake: the file",
      "at a copy's root lists every file's checksum, signed by the newsroom.",
    ],
    noMirrors: "No mirrors are listed yet.",
    mirrorsForApps: "For apps and bots:",
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
    search: "Поиск",
    searchDescription: (siteName) => `Поиск по статьям ${siteName}.`,
    searchUnavailable:
      "Для поиска нужен JavaScript и копия сайта, открытая по веб-адресу: копия, открытая из файла, не может загрузить поисковый индекс.",
    browseInstead: "Вместо этого можно просмотреть:",
    browseHome: "Последние статьи на главной странице",
    browseSections: "Статьи по рубрикам",
    browseTags: "Статьи по тегам",
    browseArchive: "Статьи по месяцам, в архиве",
    browseFeed: "Все новые статьи в RSS-ленте",
    searchQueryLabel: "Слова для поиска",
    searchSectionLabel: "Рубрика",
    allSections: "Все рубрики",
    searchEmpty: "Введите слово для поиска.",
    searchFailed: "В этом браузере поиск не сработал. Попробуйте главную страницу или ленту.",
    searchNoMatch: "По запросу «{query}» статей не найдено.",
    searchMatches: {
      one: "По запросу «{query}» найдена {count} статья.",
      few: "По запросу «{query}» найдено {count} статьи.",
      many: "По запросу «{query}» найдено {count} статей.",
      other: "По запросу «{query}» найдено {count} статьи.",
    },
    searchMore: "Показаны {shown} самых подходящих.",
    mirrorsDescription: (siteName) =>
      `Копии ${siteName} по другим адресам — для читателей, которым недоступен этот.`,
    mirrorsIntro: "Если этот адрес заблокирован, те же страницы есть на этих копиях сайта.",
    mirrorsChecksums: [
      "Любая копия может оказаться устаревшей или поддельной: файл",
      "в корне копии содержит контрольные суммы всех файлов, подписанные редакцией.",
    ],
    noMirrors: "Зеркала пока не указаны.",
    mirrorsForApps: "Для приложений и ботов:",
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
    search: "جست‌وجو",
    searchDescription: (siteName) => `جست‌وجو در مطالب ${siteName}.`,
    searchUnavailable:
      "جست‌وجو به جاوااسکریپت نیاز دارد، و به نسخه‌ای از این وب‌سایت که از یک نشانی وب باز شده باشد: نسخه‌ای که از یک پرونده باز شود نمی‌تواند نمایهٔ جست‌وجو را بارگذاری کند.",
    browseInstead: "به‌جای آن می‌توانید مرور کنید:",
    browseHome: "تازه‌ترین مطالب، در صفحهٔ نخست",
    browseSections: "مطالب بر پایهٔ بخش",
    browseTags: "مطالب بر پایهٔ برچسب",
    browseArchive: "مطالب بر پایهٔ ماه، در بایگانی",
    browseFeed: "همهٔ مطالب تازه، در خوراک RSS",
    searchQueryLabel: "واژه‌های جست‌وجو",
    searchSectionLabel: "بخش",
    allSections: "همهٔ بخش‌ها",
    searchEmpty: "واژه‌ای برای جست‌وجو بنویسید.",
    searchFailed: "جست‌وجو در این مرورگر انجام نشد. به‌جای آن صفحهٔ نخست یا خوراک را ببینید.",
    searchNoMatch: "هیچ مطلبی با «{query}» پیدا نشد.",
    searchMatches: { other: "{count} مطلب با «{query}» پیدا شد." },
    searchMore: "{shown} نتیجهٔ برتر فهرست شده‌اند.",
    mirrorsDescription: (siteName) =>
      `نسخه‌هایی از ${siteName} در نشانی‌های دیگر، برای خوانندگانی که به این نشانی دسترسی ندارند.`,
    mirrorsIntro: "وقتی این نشانی مسدود است، این نسخه‌های وب‌سایت همان صفحه‌ها را دارند.",
    mirrorsChecksums: [
      "هر نسخه‌ای ممکن است قدیمی یا جعلی باشد: پروندهٔ",
      "در ریشهٔ هر نسخه، چکیدهٔ همهٔ پرونده‌ها را با امضای تحریریه فهرست می‌کند.",
    ],
    noMirrors: "هنوز هیچ آینه‌ای فهرست نشده است.",
    mirrorsForApps: "برای برنامه‌ها و ربات‌ها:",
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
