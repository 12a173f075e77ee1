// Prints the run's totals as one plain line ("Tests: N passed, N failed, N skipped") that any
// CI can read, after Jest's own summary.
class SummaryReporter {
  onRunComplete(_contexts, results) {
    const { numPassedTests, numFailedTests, numPendingTests, numTodoTests, numRuntimeErrorTestSuites } = results;
    if (numRuntimeErrorTestSuites > 0) console.log(`Suites that failed to run: ${numRuntimeErrorTestSuites}`);
    console.log(`Tests: ${numPassedTests} passed, ${numFailedTests + numRuntimeErrorTestSuites} failed, ${numPendingTests + numTodoTests} skipped`);
  }
}
module.exports = SummaryReporter;
