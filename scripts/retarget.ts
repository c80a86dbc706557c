// `npm run retarget -- <dist folder> <new site URL>`: points a copy of dist/
// at its own address, for mirror operators (see docs/mirrors.md).
import { retargetSite } from "../src/lib/retarget.ts";

const [dist, address, ...extra] = process.argv.slice(2);
if (dist === undefined || address === undefined || extra.length > 0) {
  console.error("Usage: npm run retarget -- <dist folder> <new site URL, e.g. https://mirror.example/news/>");
  process.exit(2);
}
try {
  const { from, to, changed } = retargetSite(dist, address);
  console.log(
    `Retargeted ${dist} from ${from.href} to ${to.href}; changed: ${changed.join(", ") || "nothing"}.`,
  );
} catch (error) {
  console.error(error instanceof Error ? error.message : error);
  process.exit(1);
}
