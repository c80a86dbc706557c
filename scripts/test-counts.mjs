// Prints "N passed, N failed" from a vitest JSON report. A test file that
// failed to run, a skipped test, or an empty run all count as failures.
import { readFileSync } from "node:fs";

const report = JSON.parse(readFileSync(process.argv[2] ?? "tests/.output/results.json", "utf8"));
const brokenFiles = report.testResults.filter(
  (file) => file.status === "failed" && file.assertionResults.length === 0,
);
const failed =
  report.numFailedTests +
  report.numPendingTests +
  report.numTodoTests +
  brokenFiles.length +
  (report.numTotalTests === 0 ? 1 : 0);
console.log(`${report.numPassedTests} passed, ${failed} failed`);
