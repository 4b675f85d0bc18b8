// SPDX-License-Identifier: EUPL-1.2
// The decision letter of an initiative as PDF, rendered when asked from what the decision recorded
// (letters.ts decisionLetterInput), for whoever may see the initiative (404 otherwise, and 404 while
// nothing has been decided). An inadmissibility decision is a letter too.
import type { Db } from '../db/client.js';
import type { SignedInActor } from '../http/context.js';
import type { Municipality } from '../municipalities/queries.js';
import { findArea } from '../areas/queries.js';
import { findPerson } from '../people/queries.js';
import { findRules } from '../budgets/queries.js';
import { notFound } from '../errors.js';
import { loadVisible } from './access.js';
import { decisionLetterInput, decisionLetterModel, inadmissibleLetterModel } from './letters.js';
import { renderLetterPdf, type PdfOptions } from './letter-pdf.js';

type Q = Pick<Db, 'select' | 'selectDistinct' | 'execute'>;

export async function decisionLetterPdf(
  q: Q,
  ctx: { actor: SignedInActor; municipality: Municipality },
  initiativeId: string,
  options: PdfOptions = {},
): Promise<{ filename: string; content: Buffer }> {
  const { initiative } = await loadVisible(q, ctx.actor, ctx.municipality.id, initiativeId);
  const noLetter = () =>
    notFound({ nl: 'Over deze aanvraag is nog niet besloten: er is geen besluitbrief.', en: 'No decision has been taken on this application yet.' });
  if (initiative.decision === null || initiative.decidedOn === null) throw noLetter();
  const deciderName = initiative.decidedById ? ((await findPerson(q, ctx.municipality.id, initiative.decidedById))?.name ?? '') : '';
  const filename = `${initiative.reference}-besluit.pdf`;
  if (initiative.decision === 'inadmissible') {
    const model = inadmissibleLetterModel({
      municipalityName: ctx.municipality.name,
      initiative,
      motivation: initiative.motivation ?? '',
      on: initiative.decidedOn,
      deciderName,
    });
    return { filename, content: await renderLetterPdf(model, options) };
  }
  const rules = initiative.rulesId ? await findRules(q, ctx.municipality.id, initiative.rulesId) : undefined;
  if (!rules) throw noLetter();
  const area = await findArea(q, ctx.municipality.id, initiative.areaId);
  const input = decisionLetterInput(initiative, { municipalityName: ctx.municipality.name, rules: rules.rules, areaName: area?.name ?? '', deciderName });
  return { filename, content: await renderLetterPdf(decisionLetterModel(input), options) };
}
