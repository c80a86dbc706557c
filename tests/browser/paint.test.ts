import { describe, expect, it } from "vitest";
import {
  appealShown,
  articleUrl,
  type Recorded,
  serveVariant,
  type Session,
  snoozeScriptElement,
  useSessions,
  withoutCsp,
} from "./support/harness.ts";

// A snoozed appeal must never be painted, not for one frame, and hiding it
// must move nothing: the decision is made before the first paint.

const sessions = useSessions();
let session: Session;

/** Frames in which the appeal was painted. */
const paintedFrames = (recorded: Recorded) => recorded.frames.filter((frame) => frame === "visible").length;
const cls = (recorded: Recorded) => recorded.shifts.reduce((sum, value) => sum + value, 0);

/** A session whose appeal was snoozed (by a click on the real page), then a fresh load of `url`. */
async function snoozedThenLoad(url: () => Promise<string> | string): Promise<Recorded> {
  session = await sessions.open();
  const { page } = session;
  await page.goto(articleUrl());
  await page.getByRole("button", { name: "Remind me later." }).click();
  await page.goto(await url());
  return session.recorded();
}

describe("a page loaded while the appeal is snoozed", () => {
  it("never paints the appeal: hidden when inserted and in every one of the first frames", async () => {
    const recorded = await snoozedThenLoad(articleUrl);
    expect(recorded.inserted).toBe("hidden");
    expect(recorded.frames.length).toBeGreaterThan(0);
    expect(recorded.frames.every((frame) => frame === "hidden" || frame === "absent")).toBe(true);
    expect(recorded.frames.at(-1)).toBe("hidden");
    expect(paintedFrames(recorded)).toBe(0);
  });

  it("shifts nothing (CLS 0)", async () => {
    const recorded = await snoozedThenLoad(articleUrl);
    expect(cls(recorded)).toBe(0);
  });

  it("nor does a first visit, with the appeal shown (CLS 0)", async () => {
    session = await sessions.open();
    await session.page.goto(articleUrl());
    const recorded = await session.recorded();
    expect(recorded.inserted).toBe("visible");
    expect(paintedFrames(recorded)).toBeGreaterThan(0);
    expect(cls(recorded)).toBe(0);
  });
});

describe("the detectors catch what they are there to catch", () => {
  it("the flash detector sees a page that decides one frame late", async () => {
    // The same script, run two animation frames after the page starts: the
    // appeal is painted, then hidden. (No CSP on this variant: the wrapped
    // script has another hash.)
    const recorded = await snoozedThenLoad(() =>
      serveVariant(session.page, "articles/decides-late/", (html) => {
        const element = snoozeScriptElement(html);
        const code = element.slice("<script>".length, -"</script>".length);
        const late = `<script>requestAnimationFrame(()=>requestAnimationFrame(()=>{${code}}))</script>`;
        return withoutCsp(html).replace(element, late);
      }),
    );
    expect(recorded.inserted).toBe("visible");
    expect(paintedFrames(recorded)).toBeGreaterThan(0);
    // ...and it did hide the appeal in the end, so only the timing was wrong.
    expect(recorded.frames.at(-1)).toBe("hidden");
    expect(await appealShown(session.page)).toBe(false);
  });

  it("the layout-shift meter sees content that moves after the first paint", async () => {
    const recorded = await snoozedThenLoad(() =>
      serveVariant(session.page, "articles/shifts/", (html) =>
        withoutCsp(html).replace(
          "</main>",
          `</main><script>requestAnimationFrame(()=>setTimeout(()=>{const d=document.createElement("div");d.textContent="Breaking";d.style.height="120px";document.querySelector("main").prepend(d)},50))</script>`,
        ),
      ),
    );
    expect(cls(recorded)).toBeGreaterThan(0);
  });
});
