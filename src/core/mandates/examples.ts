// SPDX-License-Identifier: EUPL-1.2
/**
 * Example rules (spelregels) for the five seed municipalities, as test fixtures and seed data.
 *
 * Facts taken from the council papers are marked "source:". Everything else (mandate limits,
 * maximum amounts, dates the papers do not give, purposes as keys) is ASSUMED, chosen to be
 * plausible and to exercise the rules; a municipality configures its own.
 */

import { euros, type Cents } from '../money.js';
import { defineRules, type BudgetRules } from './rules.js';

export interface ExampleBudget {
  readonly municipality: string;
  /** CBS municipality code. */
  readonly cbsCode: string;
  /** The areas the budget covers (names as in the council paper). */
  readonly areas: readonly string[];
  /** Rule versions, oldest first. */
  readonly rules: readonly BudgetRules[];
  /** Money put into the budget per year (ledger `allocation` entries). */
  readonly allocations: readonly { readonly year: number; readonly amount: Cents; readonly source: string }[];
  /** Co-funding partners and what they pledge per year (ledger `cofunding_pledge` entries). */
  readonly cofunding: readonly { readonly partnerId: string; readonly name: string; readonly year: number; readonly pledged: Cents }[];
  readonly notes: string;
}

/**
 * Oosterhout (raadsvoorstel 27 August 2020). Source: EUR 150,000 in 2020 for residents' initiatives
 * that improve the physical living environment, paid from the public-space works plan; EUR 300,000
 * planned for 2021; three wijkmakelaars with a strong mandate; every alderman a wijkwethouder.
 * Assumed: the limits, the maximum per initiative, year-end lapse.
 */
export const oosterhout: ExampleBudget = {
  municipality: 'Oosterhout',
  cbsCode: 'GM0826',
  areas: ['Oosterhout'],
  rules: [
    defineRules({
      budgetKey: 'oosterhout-bewonersinitiatieven-fysiek',
      version: 1,
      name: 'Bewonersinitiatieven fysieke leefomgeving Oosterhout',
      validFrom: '2020-01-01',
      eligiblePurposes: ['physical_environment'],
      labels: { physical_environment: 'verbetering van de fysieke leefomgeving', social_cohesion: 'sociale samenhang' },
      applicantTypes: ['residents_group', 'resident'],
      maxAmount: euros(25_000),
      mandates: [
        { role: 'wijkmakelaar', label: 'wijkmakelaar', upTo: euros(10_000) },
        { role: 'wijkwethouder', label: 'wijkwethouder', upTo: euros(25_000) },
        { role: 'college', label: 'college van B&W', upTo: null },
      ],
      yearEnd: 'lapse',
    }),
  ],
  allocations: [
    { year: 2020, amount: euros(150_000), source: 'Begroting 2020, uitvoeringsplanning Openbare Ruimte (JOR)' },
    { year: 2021, amount: euros(300_000), source: 'Begroting 2021 (voorgenomen), uitvoeringsplanning Openbare Ruimte' },
  ],
  cofunding: [],
  notes: 'Sociale projecten worden "nieuw voor oud" uit bestaande budgetten betaald, niet uit dit budget.',
};

/**
 * Almelo (wijksturing, 2020). Source: EUR 150,000 in 2020 rising to EUR 300,000 in 2023, released
 * only with spelregels on what it may be spent on, who may grant it and how it is accounted for;
 * wijkregisseurs. Assumed: the mandate table (wijkregisseur ≤ EUR 2,500, wijkwethouder
 * ≤ EUR 25,000, college above), the dates, a second version in 2023 that raises the wijkregisseur's
 * mandate; the amounts for 2021 and 2022 are not in the paper and left out.
 */
const almeloBase = {
  budgetKey: 'almelo-wijkbudget',
  name: 'Spelregels wijkbudget Almelo',
  eligiblePurposes: ['area_task'],
  labels: { area_task: 'bijdrage aan een wijkopgave uit de wijkagenda', facilities: 'voorzieningen' },
  applicantTypes: ['residents_group', 'resident', 'organisation'],
  maxAmount: euros(50_000),
  published: ['title', 'summary', 'area', 'amount_requested', 'amount_granted', 'decision', 'motivation', 'organisation_name', 'final_account'],
} as const;

export const almelo: ExampleBudget = {
  municipality: 'Almelo',
  cbsCode: 'GM0141',
  areas: ['Almelo'],
  rules: [
    defineRules({
      ...almeloBase,
      version: 1,
      validFrom: '2020-06-01',
      mandates: [
        { role: 'wijkregisseur', label: 'wijkregisseur', upTo: 250_000 },
        { role: 'wijkwethouder', label: 'wijkwethouder', upTo: 2_500_000 },
        { role: 'college', label: 'college van B&W', upTo: null },
      ],
    }),
    defineRules({
      ...almeloBase,
      version: 2,
      validFrom: '2023-01-01',
      mandates: [
        { role: 'wijkregisseur', label: 'wijkregisseur', upTo: euros(5_000) },
        { role: 'wijkwethouder', label: 'wijkwethouder', upTo: euros(25_000) },
        { role: 'college', label: 'college van B&W', upTo: null },
      ],
    }),
  ],
  allocations: [
    { year: 2020, amount: euros(150_000), source: 'Programmabegroting 2020, amendement' },
    { year: 2023, amount: euros(300_000), source: 'Meerjarenraming' },
  ],
  cofunding: [],
  notes: 'Het budget komt pas beschikbaar na een collegebesluit over de spelregels.',
};

/**
 * Voorschoten (kadernota wijkgericht werken, 15 April 2009). Source: a working budget of at most
 * EUR 5,000 a year for small, quick measures from the conversations with residents, facilities
 * excluded; a coordinator. Assumed: the coordinator decides the whole amount, no final account,
 * the start date, who may ask.
 */
export const voorschoten: ExampleBudget = {
  municipality: 'Voorschoten',
  cbsCode: 'GM0626',
  areas: ['Voorschoten'],
  rules: [
    defineRules({
      budgetKey: 'voorschoten-werkbudget',
      version: 1,
      name: 'Werkbudget wijkgericht werken Voorschoten',
      validFrom: '2009-05-01',
      eligiblePurposes: ['small_measure'],
      exclusions: ['facilities'],
      labels: { small_measure: 'kleine, snelle maatregel uit een wijkgesprek', facilities: 'voorzieningen' },
      applicantTypes: ['residents_group', 'resident', 'organisation'],
      maxAmount: euros(5_000),
      mandates: [{ role: 'wijkcoordinator', label: 'wijkcoördinator', upTo: euros(5_000) }],
      finalAccountRequiredAbove: null,
      yearEnd: 'lapse',
    }),
  ],
  allocations: [2009, 2010, 2011, 2012].map((year) => ({
    year,
    amount: euros(5_000),
    source: 'Begrotingspost wijkbeleid',
  })),
  cofunding: [],
  notes: 'Smeerolie voor kleine maatregelen en activiteiten, exclusief voorzieningen.',
};

/**
 * Oude IJsselstreek (zero-based budgeting, wijkgericht werken, 22 March 2012). Source: budgets for
 * initiatives in the villages from regular municipal budgets, co-funded by partners such as the
 * housing corporation Wonion and Rabobank. Assumed: all amounts, the mandates, a 25% own
 * contribution, carry-over at year end.
 */
export const oudeIJsselstreek: ExampleBudget = {
  municipality: 'Oude IJsselstreek',
  cbsCode: 'GM1509',
  areas: ['kernen van Oude IJsselstreek'],
  rules: [
    defineRules({
      budgetKey: 'oude-ijsselstreek-kernbudget',
      version: 1,
      name: 'Initiatievenbudget kernen Oude IJsselstreek',
      validFrom: '2012-03-22',
      eligiblePurposes: ['liveability'],
      labels: { liveability: 'leefbaarheid in wijk of kern' },
      applicantTypes: ['residents_group', 'organisation'],
      maxAmount: euros(10_000),
      ownContributionBp: 2_500,
      mandates: [
        { role: 'kernregisseur', label: 'kernregisseur', upTo: euros(2_500) },
        { role: 'wethouder', label: 'wethouder', upTo: euros(10_000) },
      ],
      yearEnd: 'carry_over',
      pledgesCountAsAvailable: false,
    }),
  ],
  allocations: [{ year: 2012, amount: euros(20_000), source: 'Reguliere budgetten (leefbaarheid)' }],
  cofunding: [
    { partnerId: 'wonion', name: 'Wonion (woningcorporatie)', year: 2012, pledged: euros(10_000) },
    { partnerId: 'rabobank', name: 'Rabobank', year: 2012, pledged: euros(5_000) },
  ],
  notes: 'Toezeggingen van partners tellen pas mee als het geld binnen is.',
};

/**
 * Venlo (raadsinformatiebrief 2016-38, 19 April 2016). Source: steering on neighbourhood budgets,
 * pilot areas the district Blerick (instead of the wijk Klingerberg) and Steyl, until 31 December
 * 2017; resident-led budgeting ("Buurt Bestuurt"). Assumed: purposes, limits, mandates.
 */
export const venlo: ExampleBudget = {
  municipality: 'Venlo',
  cbsCode: 'GM0983',
  areas: ['Blerick', 'Steyl'],
  rules: [
    defineRules({
      budgetKey: 'venlo-wijkbudget-pilot',
      version: 1,
      name: 'Pilot wijkbudget Blerick en Steyl',
      validFrom: '2016-04-19',
      validUntil: '2017-12-31',
      eligiblePurposes: ['liveability', 'social_cohesion'],
      labels: { liveability: 'leefbaarheid', social_cohesion: 'sociale samenhang' },
      applicantTypes: ['residents_group'],
      maxAmount: euros(15_000),
      mandates: [
        { role: 'gebiedsregisseur', label: 'gebiedsregisseur', upTo: euros(5_000) },
        { role: 'wijkwethouder', label: 'wijkwethouder', upTo: null },
      ],
    }),
  ],
  allocations: [],
  cofunding: [],
  notes: 'De pilot loopt tot en met 31 december 2017, zodat ten minste één P&C-cyclus wordt bestreken.',
};

export const EXAMPLE_BUDGETS: readonly ExampleBudget[] = [oosterhout, almelo, voorschoten, oudeIJsselstreek, venlo];
