// SPDX-License-Identifier: EUPL-1.2
// A correction: a signed amount with a reason, on what is available, or on an initiative's
// reserved or paid amount. Refused (nothing saved) when it would break the ledger's invariant.
import type { CorrectionTarget } from '../../../core/ledger/index.js';
import type { Cents } from '../../../core/money.js';
import { recordAudit } from '../../audit/audit.js';
import { requiredText } from '../input.js';
import type { LedgerRow, Writer } from '../queries.js';
import { presentLedgerRow, type CommandContext, type LockedLedger } from './ledger.js';

export async function correctBudget(
  tx: Writer,
  ctx: CommandContext,
  ledger: LockedLedger,
  input: { amount: Cents; reason: string; target?: CorrectionTarget | undefined; initiativeId?: string | undefined },
): Promise<LedgerRow> {
  const reason = requiredText(input.reason, 'correction_reason_required', { nl: 'Een correctie heeft een reden nodig.', en: 'A correction needs a reason.' });
  const row = await ledger.append(
    {
      type: 'correction',
      amount: input.amount,
      reason,
      target: input.target ?? 'available',
      ...(input.initiativeId ? { initiativeId: input.initiativeId } : {}),
    },
    reason,
  );
  await recordAudit(tx, {
    ...ctx,
    action: 'budget.correct',
    entityType: 'budget',
    entityId: ledger.budget.id,
    after: { entry: presentLedgerRow(row) },
    reason,
  });
  return row;
}
