/** The month before `today` as a period id (`YYYY-MM`): what officers usually report. */
export function previousMonth(today: Date = new Date()): string {
  const year = today.getUTCMonth() === 0 ? today.getUTCFullYear() - 1 : today.getUTCFullYear();
  const month = today.getUTCMonth() === 0 ? 12 : today.getUTCMonth();
  return `${year}-${String(month).padStart(2, '0')}`;
}
