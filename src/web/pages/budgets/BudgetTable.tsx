// SPDX-License-Identifier: EUPL-1.2
// Budgets with what is available, reserved, paid and still free (derived from the ledger by the
// server), as a table that becomes cards on a phone. Used by the dashboard and the public area page.
import { Table } from '../../components/ads.js';
import { useT } from '../../i18n/i18n.js';
import type { BudgetBalance } from '../../api/types.js';
import { useMoney } from './money.js';

export function BudgetTable({ budgets, caption }: { budgets: BudgetBalance[]; caption: string }) {
  const t = useT();
  const money = useMoney();
  return (
    <div className="ww-table-scroll">
      <Table className="ww-table">
        <Table.Caption className="ams-visually-hidden">{caption}</Table.Caption>
        <Table.Header>
          <Table.Row>
            <Table.HeaderCell scope="col">{t('budgets.name')}</Table.HeaderCell>
            <Table.HeaderCell scope="col">{t('budgets.available')}</Table.HeaderCell>
            <Table.HeaderCell scope="col">{t('budgets.reserved')}</Table.HeaderCell>
            <Table.HeaderCell scope="col">{t('budgets.paid')}</Table.HeaderCell>
            <Table.HeaderCell scope="col">{t('budgets.free')}</Table.HeaderCell>
          </Table.Row>
        </Table.Header>
        <Table.Body>
          {budgets.map((b) => (
            <Table.Row key={b.id}>
              <Table.Cell data-label={t('budgets.name')}>
                {b.name}
                {b.closed ? <span className="ww-muted"> ({t('budgets.closed')})</span> : null}
              </Table.Cell>
              <Table.Cell data-label={t('budgets.available')}>{money(b.availableCents)}</Table.Cell>
              <Table.Cell data-label={t('budgets.reserved')}>{money(b.reservedCents)}</Table.Cell>
              <Table.Cell data-label={t('budgets.paid')}>{money(b.paidCents)}</Table.Cell>
              <Table.Cell data-label={t('budgets.free')}>{money(b.freeCents)}</Table.Cell>
            </Table.Row>
          ))}
        </Table.Body>
      </Table>
    </div>
  );
}
