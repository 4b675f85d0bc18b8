// SPDX-License-Identifier: EUPL-1.2
// Checking a submitted ballot (online or paper) against the round, before anything is written:
// the projects split per area (own area, plus at most N others when the round allows), each part
// validated by core/voting's validateBallot with that area's budget, and the voter's age.
import { ageAllowed, ageGroupOf, ageInYear } from '../../core/voting/codes.js';
import { validateBallot, type BallotViolation } from '../../core/voting/ballot-validation.js';
import { formatCents } from '../../core/money.js';
import { invalid } from '../errors.js';
import type { ProjectRow, RoundAreaRow, RoundRow } from './queries.js';
import { ballotSettings, requireRoundArea } from './commands/common.js';

export interface BallotChoices {
  areaId: string;
  projects: string[];
  points?: number[] | undefined;
  birthYear?: number | undefined;
}

/** One area's part of a ballot, ready to store. */
export interface BallotPart {
  areaId: string;
  projects: string[];
  points: number[] | null;
}

export interface CheckedBallot {
  parts: BallotPart[];
  ageGroup: string | null;
}

function violationMessage(v: BallotViolation, area: RoundAreaRow, projects: Map<string, ProjectRow>, chosen: readonly string[]): string {
  const name = (id: string | undefined) => (id ? (projects.get(id)?.title ?? id) : '');
  switch (v.code) {
    case 'over_budget': {
      const total = chosen.reduce((sum, id) => sum + (projects.get(id)?.costCents ?? 0), 0);
      return `De gekozen projecten in ${area.areaName} kosten samen ${formatCents(total)}, meer dan het budget van ${formatCents(area.budgetCents)}.`;
    }
    case 'under_min_spend': {
      const total = chosen.reduce((sum, id) => sum + (projects.get(id)?.costCents ?? 0), 0);
      return `Besteed meer van het budget van ${formatCents(area.budgetCents)} in ${area.areaName}; de gekozen projecten kosten samen ${formatCents(total)}.`;
    }
    case 'unknown_project':
      return `Project "${v.projectId}" staat niet op het stembiljet van ${area.areaName}.`;
    default:
      return v.projectId ? v.message.replace(`"${v.projectId}"`, `"${name(v.projectId)}"`) : v.message;
  }
}

/** Throws a 422 `ballot_<violation>` (the first violation's code; all of them in details) or returns the parts. */
export function checkBallot(round: RoundRow, areas: readonly RoundAreaRow[], allProjects: readonly ProjectRow[], choices: BallotChoices): CheckedBallot {
  const own = requireRoundArea(areas, choices.areaId);
  const byId = new Map(allProjects.map((p) => [p.id, p]));
  const plus = round.voting.scope === 'own-area-plus';
  const parts = new Map<string, { projects: string[]; points: number[] }>([[own.areaId, { projects: [], points: [] }]]);
  choices.projects.forEach((id, i) => {
    const project = byId.get(id);
    const areaId = plus && project && project.areaId !== own.areaId ? project.areaId : own.areaId;
    const part = parts.get(areaId) ?? { projects: [], points: [] };
    part.projects.push(id);
    if (choices.points !== undefined && i < choices.points.length) part.points.push(choices.points[i]!);
    parts.set(areaId, part);
  });
  if (choices.points !== undefined && choices.points.length !== choices.projects.length) {
    throw invalid('ballot_points_length', {
      nl: `U koos ${choices.projects.length} projecten maar gaf ${choices.points.length} puntenaantallen.`,
      en: 'Points and projects differ in length.',
    });
  }
  if (plus && parts.size - 1 > (round.voting.extraAreas ?? 0)) {
    throw invalid('ballot_too_many_areas', {
      nl: `U mag behalve in uw eigen gebied in ten hoogste ${round.voting.extraAreas ?? 0} andere gebieden stemmen; u koos projecten in ${parts.size - 1}.`,
      en: `You may vote in at most ${round.voting.extraAreas ?? 0} other areas besides your own.`,
    });
  }
  const violations: (BallotViolation & { areaId: string })[] = [];
  const messages: string[] = [];
  const out: BallotPart[] = [];
  for (const [areaId, part] of parts) {
    const area = requireRoundArea(areas, areaId);
    const areaProjects = allProjects.filter((p) => p.areaId === areaId).map((p) => ({ id: p.id, cost: BigInt(p.costCents) }));
    const found = validateBallot(
      { projects: part.projects, ...(choices.points !== undefined ? { points: part.points } : {}) },
      ballotSettings(round.ballot, area.budgetCents),
      areaProjects,
    );
    for (const v of found) {
      violations.push({ ...v, areaId });
      messages.push(violationMessage(v, area, byId, part.projects));
    }
    out.push({ areaId, projects: part.projects, points: round.ballot.type === 'cumulative' ? part.points : null });
  }
  if (violations.length > 0) {
    throw invalid(
      `ballot_${violations[0]!.code}`,
      { nl: messages.join(' '), en: `The ballot is not valid: ${violations.map((v) => v.code).join(', ')}.` },
      { violations },
    );
  }
  return { parts: out, ageGroup: checkAge(round, choices.birthYear) };
}

/** The voter's age group, after checking the round's age range (422 when outside it or missing). */
export function checkAge(round: RoundRow, birthYear: number | undefined): string | null {
  const { minAge, maxAge } = round.voting;
  const year = Number(round.votingTo.slice(0, 4));
  if (birthYear === undefined) {
    if (minAge === undefined && maxAge === undefined) return null;
    throw invalid('birth_year_required', {
      nl: 'Vul uw geboortejaar in: bij deze stemming geldt een leeftijdsgrens.',
      en: 'Enter your birth year: this vote has an age limit.',
    });
  }
  const age = ageInYear(birthYear, year);
  if (age < 0 || age > 130) throw invalid('birth_year_invalid', { nl: 'Dit geboortejaar klopt niet.', en: 'This birth year is not valid.' });
  if (!ageAllowed(age, minAge, maxAge)) {
    const range =
      minAge !== undefined && maxAge !== undefined
        ? `van ${minAge} tot en met ${maxAge} jaar`
        : minAge !== undefined
          ? `van ${minAge} jaar en ouder`
          : `tot en met ${maxAge} jaar`;
    throw invalid(
      'age_not_eligible',
      {
        nl: `Bij deze stemming mogen inwoners ${range} stemmen (leeftijd in ${year}).`,
        en: `Only residents aged ${minAge ?? 0}-${maxAge ?? '∞'} (in ${year}) may vote.`,
      },
      { minAge, maxAge },
    );
  }
  return ageGroupOf(age);
}
