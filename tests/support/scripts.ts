/**
 * Script elements a browser runs. A `<script type="application/ld+json">` is
 * a data block: never executed, so outside the CSP's `script-src` and the
 * page's JavaScript budget.
 */
export const EXECUTABLE_SCRIPT =
  'script:not([type]), script[type=""], script[type="module"], script[type="text/javascript"]';
