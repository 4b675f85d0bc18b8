// SPDX-License-Identifier: EUPL-1.2
// Creating a round (draft) and the checks on its settings, shared with update-round.ts.
import { randomBytes } from 'node:crypto';
import { validateBallot } from '../../../core/voting/ballot-validation.js';
import { recordAudit } from '../../audit/audit.js';
import { nowIso } from '../../budgets/time.js';
import { invalid } from '../../errors.js';
import { insertRound, replaceRoundAreas, type RoundRow, type Writer } from '../queries.js';
import type { BallotConfig, RoundRule, VotingConfig } from '../schema.js';
import { authorizeManage, ballotSettings, type RoundContext } from './common.js';

export interface RoundPhases {
  ideasFrom: string;
  ideasTo: string;
  checkTo: string;
  votingFrom: string;
  votingTo: string;
  resultsFrom: string;
}

export interface RoundInput {
  name: string;
  description?: string;
  areas: { areaId: string; budgetCents: number }[];
  phases: RoundPhases;
  ballot: BallotConfig;
  rule: RoundRule;
  threshold?: number | null;
  voting: VotingConfig;
}

const PHASE_ORDER: (keyof RoundPhases)[] = ['ideasFrom', 'ideasTo', 'checkTo', 'votingFrom', 'votingTo', 'resultsFrom'];

/** Settings that make sense together; throws a 422 naming what does not. */
export function checkRoundInput(input: RoundInput): void {
  if (input.areas.length === 0 || new Set(input.areas.map((a) => a.areaId)).size !== input.areas.length) {
    throw invalid('round_areas_invalid', { nl: 'Kies ten minste één gebied, elk gebied één keer.', en: 'Choose at least one area, each once.' });
  }
  for (let i = 1; i < PHASE_ORDER.length; i++) {
    const before = input.phases[PHASE_ORDER[i - 1]!];
    const after = input.phases[PHASE_ORDER[i]!];
    const strict = PHASE_ORDER[i] === 'resultsFrom';
    if (strict ? before >= after : before > after) {
      throw invalid(
        'round_phases_invalid',
        {
          nl: `De fasen moeten na elkaar komen: ${PHASE_ORDER[i - 1]} (${before}) ligt na ${PHASE_ORDER[i]} (${after}).`,
          en: `Phases must follow each other: ${PHASE_ORDER[i - 1]} is after ${PHASE_ORDER[i]}.`,
        },
        { from: PHASE_ORDER[i - 1], to: PHASE_ORDER[i] },
      );
    }
  }
  const b = input.ballot;
  const pairs: [number | undefined, number | undefined][] = [
    [b.minProjects, b.maxProjects],
    [b.minLength, b.maxLength],
  ];
  if (pairs.some(([min, max]) => min !== undefined && max !== undefined && min > max) || (b.type === 'cumulative' && !b.totalPoints)) {
    throw invalid('ballot_settings_invalid', {
      nl: 'De instellingen van het stembiljet kloppen niet (minimum boven maximum, of geen punten te verdelen).',
      en: 'The ballot settings are inconsistent.',
    });
  }
  try {
    validateBallot({ projects: [] }, ballotSettings(b, input.areas[0]!.budgetCents), []);
  } catch (error) {
    if (error instanceof RangeError)
      throw invalid('ballot_settings_invalid', { nl: `De instellingen van het stembiljet kloppen niet: ${error.message}.`, en: error.message });
    throw error;
  }
  if (input.rule === 'greedy-threshold' && (input.threshold === undefined || input.threshold === null)) {
    throw invalid('threshold_required', {
      nl: 'De regel greedy-threshold heeft een minimumscore nodig.',
      en: 'The greedy-threshold rule needs a minimum score.',
    });
  }
  const v = input.voting;
  if (!v.codes && !v.signIn) {
    throw invalid('voting_method_required', { nl: 'Kies stemmen met codes, met inloggen, of beide.', en: 'Choose voting with codes, with sign-in, or both.' });
  }
  if (v.scope === 'own-area-plus' && (!v.extraAreas || v.extraAreas < 1 || input.areas.length < 2)) {
    throw invalid('extra_areas_invalid', {
      nl: 'Bij stemmen in het eigen gebied plus andere: geef het aantal andere gebieden (ten minste 1) en kies meer gebieden.',
      en: 'Own area plus others needs extraAreas >= 1 and more than one area.',
    });
  }
  if (v.minAge !== undefined && v.maxAge !== undefined && v.minAge > v.maxAge) {
    throw invalid('age_range_invalid', { nl: 'De minimumleeftijd ligt boven de maximumleeftijd.', en: 'The minimum age is above the maximum age.' });
  }
}

export async function createRound(tx: Writer, ctx: RoundContext, input: RoundInput): Promise<RoundRow> {
  await authorizeManage(
    tx,
    ctx.actor,
    ctx.municipality.id,
    input.areas.map((a) => a.areaId),
  );
  checkRoundInput(input);
  const now = nowIso();
  const round = await insertRound(tx, {
    municipalityId: ctx.municipality.id,
    name: input.name.trim(),
    description: input.description?.trim() ?? '',
    ...input.phases,
    ballot: input.ballot,
    rule: input.rule,
    threshold: input.threshold ?? null,
    voting: input.voting,
    codeSecret: randomBytes(32).toString('hex'),
    createdById: ctx.actor.personId,
    createdAt: now,
    updatedAt: now,
  });
  await replaceRoundAreas(tx, ctx.municipality.id, round.id, input.areas);
  const { codeSecret: _secret, ...shown } = round;
  await recordAudit(tx, { ...ctx.audit, action: 'round.create', entityType: 'round', entityId: round.id, after: { ...shown, areas: input.areas } });
  return round;
}
