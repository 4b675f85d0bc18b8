// SPDX-License-Identifier: EUPL-1.2
// A budget for one area and one year (or a pilot period such as Venlo's, ending 31-12-2017), on a
// rules line that must already have rules: money is only released with spelregels (Almelo). Its
// first funding sources are booked in the same transaction.
import { rulesInForce } from '../../../core/mandates/index.js';
import { recordAudit } from '../../audit/audit.js';
import { conflict, invalid } from '../../errors.js';
import { assertPeriod, readDate } from '../input.js';
import { findBudgetByLine, insertBudget, listRules, lockRulesKey, type BudgetRow, type FundingSourceRow, type Writer } from '../queries.js';
import { nowIso } from '../time.js';
import { openLedger, type CommandContext } from './ledger.js';
import { addFundingSource, type FundingSourceInput } from './funding.js';

export interface CreateBudgetInput {
  areaId: string;
  rulesKey: string;
  name: string;
  year: number;
  periodStart?: string | undefined;
  periodEnd?: string | undefined;
  planId?: string | null | undefined;
  pledgesCountAsAvailable?: boolean | undefined;
  fundingSources?: FundingSourceInput[] | undefined;
}

export async function createBudget(tx: Writer, ctx: CommandContext, input: CreateBudgetInput): Promise<{ budget: BudgetRow; sources: FundingSourceRow[] }> {
  const name = input.name.trim();
  if (name === '') throw invalid('budget_name_required', { nl: 'Geef het budget een naam.', en: 'Give the budget a name.' }, { rule: 'budget_name_required' });
  if (!Number.isInteger(input.year) || input.year < 1990 || input.year > 2100) {
    throw invalid(
      'budget_year_invalid',
      { nl: `${input.year} is geen geldig begrotingsjaar.`, en: `${input.year} is not a valid budget year.` },
      { rule: 'budget_year_invalid' },
    );
  }
  const periodStart = readDate(input.periodStart ?? `${input.year}-01-01`, 'De begindatum van het budget');
  const periodEnd = readDate(input.periodEnd ?? `${input.year}-12-31`, 'De einddatum van het budget');
  assertPeriod(periodStart, periodEnd, { from: 'De begindatum van het budget', to: 'de einddatum' });

  await lockRulesKey(tx, ctx.municipalityId, input.rulesKey);
  const versions = await listRules(tx, ctx.municipalityId, input.rulesKey);
  if (versions.length === 0) {
    throw invalid(
      'rules_missing',
      {
        nl: `Voor de budgetlijn '${input.rulesKey}' zijn nog geen spelregels vastgesteld; een budget wordt pas beschikbaar met spelregels (wat mag, wie besluit, hoe wordt verantwoord).`,
        en: `No rules have been set for budget line '${input.rulesKey}'; a budget is only released with rules.`,
      },
      { rule: 'rules_missing' },
    );
  }
  if (await findBudgetByLine(tx, ctx.municipalityId, input.rulesKey, input.areaId, input.year)) {
    throw conflict(
      'budget_exists',
      { nl: `Er is al een budget ${input.year} van deze budgetlijn voor dit gebied.`, en: `A ${input.year} budget of this line already exists for this area.` },
      { rule: 'budget_exists' },
    );
  }
  const rules =
    rulesInForce(
      versions.map((v) => v.rules),
      periodStart,
    ) ?? versions[versions.length - 1]!.rules;
  const budget = await insertBudget(tx, {
    municipalityId: ctx.municipalityId,
    areaId: input.areaId,
    planId: input.planId ?? null,
    rulesKey: input.rulesKey,
    name,
    year: input.year,
    periodStart,
    periodEnd,
    pledgesCountAsAvailable: input.pledgesCountAsAvailable ?? rules.pledgesCountAsAvailable,
    createdAt: nowIso(),
  });
  await recordAudit(tx, { ...ctx, action: 'budget.create', entityType: 'budget', entityId: budget.id, before: null, after: budget });
  const sources: FundingSourceRow[] = [];
  if (input.fundingSources && input.fundingSources.length > 0) {
    const ledger = await openLedger(tx, ctx, budget.id);
    for (const source of input.fundingSources) sources.push((await addFundingSource(tx, ctx, ledger, source)).source);
  }
  return { budget, sources };
}
