/**
 * Jest setup (every test file): aws-cdk-lib prints a validation report to the console each time
 * a synthesis has warnings. Tests that build a warning on purpose assert it through
 * `Annotations`, so those reports would only bury real output: they are kept here instead of
 * printed. Reports with an error, and anything else written to the console, still print.
 * GATEHOUSE_PRINT_VALIDATION_REPORTS=1 prints them all.
 */
const REPORT_MARK = 'A copy of this report can be found in:';
const captured: string[] = [];
const print = console.error.bind(console);

/** The validation reports of warnings synthesized by the current test file, oldest first. */
export function capturedValidationReports(): readonly string[] {
  return captured;
}

/** A report whose every finding is a warning. */
export function isWarningsOnlyReport(text: string): boolean {
  return text.includes(REPORT_MARK) && /^\s*WARNING /m.test(text) && !/^\s*(ERROR|FAILURE) /m.test(text);
}

if (process.env.GATEHOUSE_PRINT_VALIDATION_REPORTS !== '1') {
  console.error = (...args: unknown[]) => {
    const text = args.map(String).join(' ');
    if (isWarningsOnlyReport(text)) {
      captured.push(text);
      return;
    }
    print(...args);
  };
}
