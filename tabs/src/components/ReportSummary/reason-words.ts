import { strings } from '../../strings';

/** A failure reason's short name in the person's language ("No Teams licence"), never its code. */
export function reasonName(code: string): string {
  return strings.report.reasonNames[code] ?? strings.report.otherReason;
}

/** The whole sentence for a reason: what happened and what a person can do about it. */
export function reasonText(code: string): string {
  return strings.report.reasonTexts[code] ?? strings.report.otherReasonText;
}
