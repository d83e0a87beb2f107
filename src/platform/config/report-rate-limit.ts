/**
 * How many reports one client may send in a window. The numbers are administrators' settings
 * (reports.perIpPerDay, reports.perIpPer10Minutes); the windows are fixed (reports/submit-report.ts).
 */
export interface RateLimitPolicy {
  max: number;
  windowSeconds: number;
}
