// SPDX-License-Identifier: EUPL-1.2
// Residents' initiatives in the Venlo demo: one budget line with rules (spelregels) and, for the
// year the demo is loaded, a budget for each stadsdeel, so a resident can apply right away and the
// demo wijkregisseur (Blerick) and wijkwethouder can decide. The amounts, purposes and mandates are
// assumed for the demo (the 2016 council paper names no figures): the wijkregisseur decides up to
// EUR 2,500, the wijkwethouder up to the maximum of EUR 15,000.
import type { Db } from '../db/client.js';
import { euros } from '../../core/money.js';
import { defineRulesVersion } from '../budgets/commands/define-rules.js';
import { createBudget } from '../budgets/commands/create-budget.js';
import type { CommandContext } from '../budgets/commands/ledger.js';
import { businessDate } from '../budgets/time.js';

type Tx = Parameters<Parameters<Db['transaction']>[0]>[0];

export const DEMO_RULES_KEY = 'venlo-bewonersinitiatieven';

/** Budget per stadsdeel (by custom-area code) for the current year, in whole euros. */
const districtBudgets: { code: string; name: string; amount: number }[] = [
  { code: 'SD0983-VENLO', name: 'Venlo', amount: 40_000 },
  { code: 'SD0983-BLERICK', name: 'Blerick', amount: 25_000 },
  { code: 'SD0983-TEGELEN', name: 'Tegelen', amount: 20_000 },
  { code: 'SD0983-ARCEN-VELDEN', name: 'Arcen en Velden', amount: 15_000 },
  { code: 'SD0983-BELFELD', name: 'Belfeld', amount: 10_000 },
];

export async function seedInitiatives(tx: Tx, ctx: CommandContext, areaIds: ReadonlyMap<string, string>): Promise<void> {
  await defineRulesVersion(tx, ctx, {
    rules: {
      budgetKey: DEMO_RULES_KEY,
      name: 'Spelregels bewonersinitiatieven Venlo (demo)',
      validFrom: '2016-01-01',
      eligiblePurposes: ['liveability', 'social_cohesion', 'physical_environment'],
      exclusions: ['facilities'],
      labels: {
        liveability: 'leefbaarheid',
        social_cohesion: 'sociale samenhang',
        physical_environment: 'verbetering van de fysieke leefomgeving',
        facilities: 'voorzieningen',
      },
      applicantTypes: ['residents_group', 'resident'],
      maxAmount: euros(15_000),
      mandates: [
        { role: 'wijkregisseur', label: 'wijkregisseur', upTo: euros(2_500) },
        { role: 'wijkwethouder', label: 'wijkwethouder', upTo: null },
      ],
      published: ['title', 'summary', 'area', 'amount_requested', 'amount_granted', 'decision', 'payments'],
    },
  });
  const year = Number(businessDate().slice(0, 4));
  for (const d of districtBudgets) {
    const areaId = areaIds.get(d.code);
    if (!areaId) continue;
    await createBudget(tx, ctx, {
      areaId,
      rulesKey: DEMO_RULES_KEY,
      name: `Bewonersinitiatieven ${d.name} ${year}`,
      year,
      fundingSources: [
        { kind: 'municipal_programme', name: 'Wijkgericht werken (programmabegroting)', amount: euros(d.amount), earmark: 'Bewonersinitiatieven' },
      ],
    });
  }
}
