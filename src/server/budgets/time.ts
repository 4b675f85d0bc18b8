// SPDX-License-Identifier: EUPL-1.2
// The business date (Europe/Amsterdam) and the timestamp of a booking, both from the process clock,
// so bookings, deadlines and exports agree on what "today" is.
import { amsterdamDate, type IsoDate } from '../../core/calendar/index.js';

export function businessDate(): IsoDate {
  return amsterdamDate(Date.now());
}

export function nowIso(): string {
  return new Date().toISOString();
}
