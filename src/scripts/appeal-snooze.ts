// "Remind me later.": the appeal's snooze, decided before the first paint,
// so that a snoozed appeal never shows, not for one frame.
//
// The page inlines this file, minified, first in <body> (after the CSP <meta>
// that Astro writes at the end of <head>, before any content), with its hash
// in the page's CSP. The text is the same on every page; what differs per
// page comes from <meta name="appeal-snooze" content="ID VERSION DAYS"> in <head>.
// Stored on this device: localStorage["appeal-snooze:ID"] = "VERSION TIME",
// TIME being when the reader snoozed it, in milliseconds since 1970.
// Storage that is missing, throws or holds nonsense means: show the appeal.

const doc = document;
const root = doc.documentElement;
const SNOOZED = "appeal-snoozed";
const DAY = 864e5;

// Scripts run here: CSS shows the dismiss button only under this class.
root.classList.add("js");

const meta = doc.querySelector<HTMLMetaElement>('meta[name="appeal-snooze"]');
const [id, version, days] = (meta?.content ?? "").split(" ");
const key = `appeal-snooze:${id}`;

try {
  const [storedVersion, since] = (localStorage.getItem(key) ?? "").split(" ");
  const elapsed = Date.now() - Number(since);
  if (storedVersion === version && elapsed >= 0 && elapsed < Number(days) * DAY) {
    root.classList.add(SNOOZED);
  }
} catch {
  // Storage is disabled or throws: the appeal shows.
}

// One listener on the document: the button need not exist yet.
doc.addEventListener("click", (event) => {
  if (!(event.target instanceof Element) || !event.target.closest(".appeal-dismiss")) return;
  root.classList.add(SNOOZED);
  try {
    localStorage.setItem(key, `${version} ${Date.now()}`);
  } catch {
    // Not remembered, but hidden for this page view all the same.
  }
  const status = doc.getElementById("appeal-status");
  if (status) status.textContent = status.dataset["message"] ?? "";
  // Focus goes where the reader was: the end of the article, which the appeal followed.
  const target = doc.querySelector<HTMLElement>("article > :last-child") ?? doc.querySelector("main");
  if (target) {
    target.tabIndex = -1;
    target.focus();
  }
});

export {};
