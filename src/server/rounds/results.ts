// SPDX-License-Identifier: EUPL-1.2
// Results of a round: per area, the area's ballots as a pabulib file (core/voting roundAreaFile,
// the same file the export writes), tallied exactly by the round's rule, with an explanation per
// project; turnout per area (ballots / codes issued) and per age group.
import { formatCents } from '../../core/money.js';
import { profileFromPb } from '../../core/voting/profile.js';
import { ratToDecimal, ratToNumber, type Rational } from '../../core/voting/rational.js';
import { runRule, type OutcomeReason, type ProjectOutcome } from '../../core/voting/rules.js';
import { roundAreaFile } from '../../core/voting/round-file.js';
import { AGE_GROUPS } from '../../core/voting/codes.js';
import type { PbFile } from '../../core/voting/pabulib.js';
import type { BallotRow, ProjectRow, RoundAreaRow, RoundRow } from './queries.js';

export type ResultReason = 'funded' | 'funded-add1' | 'did-not-fit' | 'below-threshold' | 'stopped-no-skip' | 'not-selected-mes' | 'no-support';

const REASONS: Record<OutcomeReason, ResultReason> = {
  funded: 'funded',
  funded_in_completion: 'funded-add1',
  did_not_fit: 'did-not-fit',
  below_threshold: 'below-threshold',
  stopped_no_skip: 'stopped-no-skip',
  not_affordable: 'not-selected-mes',
  no_support: 'no-support',
};

export interface ProjectResult {
  projectId: string;
  title: string;
  costCents: number;
  score: number;
  supporters: number;
  funded: boolean;
  reason: ResultReason;
  explanation: { nl: string; en: string };
  supportShare?: string;
  initiativeId: string | null;
}

export interface AreaResult {
  areaId: string;
  areaName: string;
  budgetCents: number;
  spentCents: number;
  ballots: number;
  eligible?: number;
  turnoutPercent?: number;
  projects: ProjectResult[];
}

export interface RoundResults {
  roundId: string;
  rule: RoundRow['rule'];
  areas: AreaResult[];
  turnoutByAgeGroup: { group: string; ballots: number }[];
}

/** The pabulib file of one area (voter ids 1..n; anonymise before it leaves the server). */
export function areaFile(round: RoundRow, area: RoundAreaRow, projects: readonly ProjectRow[], ballots: readonly BallotRow[]): PbFile {
  return roundAreaFile({
    roundName: round.name,
    areaName: area.areaName,
    budgetCents: area.budgetCents,
    ballot: round.ballot,
    rule: round.rule,
    threshold: round.threshold,
    votingFrom: round.votingFrom,
    votingTo: round.votingTo,
    projects: projects.filter((p) => p.areaId === area.areaId).map((p) => ({ id: p.id, title: p.title, costCents: p.costCents })),
    ballots: ballots.filter((b) => b.areaId === area.areaId).map((b) => ({ projects: b.projects, points: b.points })),
  });
}

/** Money counted in 10^-digits currency units, as cents for display (rounded; display only). */
function ratCents(r: Rational, digits: number): number {
  return Math.round(ratToNumber(r) * 10 ** (2 - digits));
}

function explain(o: ProjectOutcome, digits: number, costCents: number, threshold: number | null): { nl: string; en: string } {
  const cost = formatCents(costCents);
  const left = o.budgetLeftBefore !== undefined ? formatCents(Number(o.budgetLeftBefore) * 10 ** (2 - digits)) : undefined;
  switch (o.reason) {
    case 'funded':
    case 'funded_in_completion': {
      const es = o.equalShares;
      if (es) {
        const money = formatCents(ratCents(es.supportersMoney, digits));
        const max = formatCents(ratCents(es.maxPayment, digits));
        const extra = o.reason === 'funded_in_completion' ? ' (pas gekozen nadat het budget per kiezer werd verhoogd, add1)' : '';
        return {
          nl: `Gekozen${extra}: ${o.supporters} voorstanders hadden samen ${money} over voor een project van ${cost}; ieder betaalde hoogstens ${max}.`,
          en: `Funded${o.reason === 'funded_in_completion' ? ' (after add1 raised the per-voter budget)' : ''}: ${o.supporters} supporters had ${money} left between them for a project costing ${cost}; each paid at most ${max}.`,
        };
      }
      return {
        nl: `Gekozen met score ${o.score} (plaats ${o.rank ?? '-'}); kost ${cost}, er was nog ${left ?? '-'} over.`,
        en: `Funded with score ${o.score} (place ${o.rank ?? '-'}); costs ${cost}, ${left ?? '-'} was left.`,
      };
    }
    case 'did_not_fit':
      return {
        nl: `Niet gekozen: kost ${cost}, maar er was nog maar ${left ?? '-'} over toen het aan de beurt was (score ${o.score}).`,
        en: `Not funded: costs ${cost}, only ${left ?? '-'} was left at its turn (score ${o.score}).`,
      };
    case 'below_threshold':
      return {
        nl: `Niet gekozen: score ${o.score} ligt onder de minimumscore ${threshold ?? '-'}.`,
        en: `Not funded: score ${o.score} is below the minimum score ${threshold ?? '-'}.`,
      };
    case 'stopped_no_skip':
      return {
        nl: `Niet gekozen: de telling stopte bij een eerder project dat niet meer in het budget paste (score ${o.score}).`,
        en: `Not funded: the count stopped at an earlier project that no longer fitted (score ${o.score}).`,
      };
    case 'not_affordable':
      return {
        nl: `Niet gekozen: de ${o.supporters} voorstanders hadden samen niet genoeg van hun deel van het budget over voor ${cost} (score ${o.score}).`,
        en: `Not funded: its ${o.supporters} supporters did not have enough of their share of the budget left for ${cost} (score ${o.score}).`,
      };
    case 'no_support':
      return { nl: 'Niet gekozen: niemand stemde erop.', en: 'Not funded: nobody voted for it.' };
  }
}

export function computeResults(
  round: RoundRow,
  areas: readonly RoundAreaRow[],
  projects: readonly ProjectRow[],
  ballots: readonly BallotRow[],
  codesIssued: Map<string, number>,
): RoundResults {
  const byId = new Map(projects.map((p) => [p.id, p]));
  const out: AreaResult[] = areas.map((area) => {
    const file = areaFile(round, area, projects, ballots);
    const { profile } = profileFromPb(file);
    const result = runRule(profile, round.rule, { threshold: round.threshold ?? undefined });
    const order = new Map(result.funded.map((id, i) => [id, i]));
    const list = result.projects.map((o): ProjectResult => {
      const project = byId.get(o.id)!;
      const es = o.equalShares;
      return {
        projectId: o.id,
        title: project.title,
        costCents: project.costCents,
        score: o.score,
        supporters: o.supporters,
        funded: o.funded,
        reason: REASONS[o.reason],
        explanation: explain(o, result.digits, project.costCents, round.threshold),
        ...(es ? { supportShare: ratToDecimal({ n: es.supportersMoney.n, d: es.supportersMoney.d * o.cost }, 4) } : {}),
        initiativeId: project.initiativeId,
      };
    });
    // Funded first in the order the rule chose them, then the rest by score.
    list.sort((a, b) => (a.funded !== b.funded ? (a.funded ? -1 : 1) : a.funded ? order.get(a.projectId)! - order.get(b.projectId)! : b.score - a.score));
    const spentCents = list.filter((p) => p.funded).reduce((sum, p) => sum + p.costCents, 0);
    const count = file.votes.length;
    const eligible = codesIssued.get(area.areaId);
    return {
      areaId: area.areaId,
      areaName: area.areaName,
      budgetCents: area.budgetCents,
      spentCents,
      ballots: count,
      ...(eligible ? { eligible, turnoutPercent: Math.round((count * 1000) / eligible) / 10 } : {}),
      projects: list,
    };
  });
  const groups = new Map<string, number>();
  for (const b of ballots) if (b.ageGroup) groups.set(b.ageGroup, (groups.get(b.ageGroup) ?? 0) + 1);
  const turnoutByAgeGroup = AGE_GROUPS.filter((g) => groups.has(g)).map((g) => ({ group: g, ballots: groups.get(g)! }));
  return { roundId: round.id, rule: round.rule, areas: out, turnoutByAgeGroup };
}
