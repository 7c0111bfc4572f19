import type { AudienceReport, UnresolvedEntry } from './audience-report';
import { REPORT_ROW_CAP } from './audience-report';
import type { CsvRejectedRow } from './csv-recipients';

/** Collects the audience report while pages stream by, keeping at most REPORT_ROW_CAP problem rows. */
export class ReportBuilder {
  skippedGuests = 0;
  skippedDisabled = 0;
  excluded = 0;
  private readonly unresolvedRows: UnresolvedEntry[] = [];
  private readonly rejectedRows: CsvRejectedRow[] = [];
  private truncated = false;

  unresolved(entry: UnresolvedEntry): void {
    if (this.unresolvedRows.length < REPORT_ROW_CAP) this.unresolvedRows.push(entry);
    else this.truncated = true;
  }

  csvRejected(rows: CsvRejectedRow[]): void {
    const room = REPORT_ROW_CAP - this.rejectedRows.length;
    this.rejectedRows.push(...rows.slice(0, Math.max(0, room)));
    if (rows.length > room) this.truncated = true;
  }

  build(counts: { recipients: number; needInstall: number; estimatedSeconds: number; resolvedAt: number }): AudienceReport {
    return {
      ...counts,
      excluded: this.excluded,
      skippedGuests: this.skippedGuests,
      skippedDisabled: this.skippedDisabled,
      unresolved: this.unresolvedRows,
      unresolvedTruncated: this.truncated,
      csvRejected: this.rejectedRows,
    };
  }
}
