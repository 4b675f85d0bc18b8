// SPDX-License-Identifier: EUPL-1.2
// Money on screen: integer cents formatted and parsed by core/money (Dutch notation "€ 1.234,50";
// English "€1,234.50"). Amounts are typed in Dutch notation in both languages, as in the letters.
import { useCallback } from 'react';
import { formatCents, parseAmount, type AmountSign } from '../../../core/money.js';
import { useI18n } from '../../i18n/i18n.js';

/** Formats cents in the reader's language. */
export function useMoney(): (cents: number) => string {
  const { lang } = useI18n();
  return useCallback((cents: number) => formatCents(cents, lang, { nonBreakingSpace: true }), [lang]);
}

/** Cents from what a person typed ("1.234,50", "€ 25", "5.000,-"), or null when it is no valid amount. */
export function parseEuros(text: string, sign: AmountSign = 'positive'): number | null {
  try {
    return parseAmount(text, { sign });
  } catch {
    return null;
  }
}

/** Cents as the text in an amount field ("1.234,50"). */
export function amountText(cents: number): string {
  return formatCents(cents, 'nl', { symbol: false });
}
