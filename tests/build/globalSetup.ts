import { hostileSite, ownSite, rtlSite } from "../support/fixture.ts";

/** Builds the fixtures the build and browser groups share, one after the other (builds share .astro/). */
export default async function setup(): Promise<void> {
  await ownSite.build();
  await hostileSite.build();
  await rtlSite.build();
}
