// SPDX-License-Identifier: EUPL-1.2
// What every survey command receives, and the errors they share.
import type { AuditActor } from '../../audit/audit.js';
import { conflict, notFound } from '../../errors.js';
import type { WaveStatus } from '../schema.js';

export interface SurveyContext {
  municipalityId: string;
  actor: AuditActor;
  requestId: string;
}

export function surveyNotFound() {
  return notFound({ nl: 'Deze vragenlijst bestaat niet.', en: 'This survey does not exist.' });
}

export function waveNotFound() {
  return notFound({ nl: 'Deze ronde bestaat niet.', en: 'This wave does not exist.' });
}

const statusNames: Record<WaveStatus, string> = { draft: 'in voorbereiding', sampled: 'steekproef getrokken', open: 'open', closed: 'gesloten' };

/** 409 `wave_status` unless the wave is in one of `allowed`. */
export function requireWaveStatus(status: WaveStatus, allowed: readonly WaveStatus[], doing: { nl: string; en: string }): void {
  if (allowed.includes(status)) return;
  throw conflict(
    'wave_status',
    { nl: `Dat kan niet nu de ronde ${statusNames[status]} is: ${doing.nl}.`, en: `Not possible while the wave is ${status}: ${doing.en}.` },
    { status, allowed },
  );
}
