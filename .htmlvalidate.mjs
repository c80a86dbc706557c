// html-validate settings for every page in dist/ (tests/build/quality.test.ts).
/** @type {import("html-validate").ConfigData} */
const config = {
  extends: ["html-validate:recommended"],
  rules: {
    // Headlines are the publisher's words and the <title> carries them whole;
    // shortening them for a search-engine heuristic would alter the copy.
    "long-title": "off",
  },
};

export default config;
