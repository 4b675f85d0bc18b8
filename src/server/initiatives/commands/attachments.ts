// SPDX-License-Identifier: EUPL-1.2
// Adding and removing files on an initiative, in the caller's transaction with the initiative
// locked: who may (the applicant's side, core/initiatives attachmentCapability), when (the stage the
// kind belongs to), what (type by magic bytes, size, a name that fits the content), and an audit
// event with the file's sha256 in the same transaction.
import { createHash } from 'node:crypto';
import {
  ATTACHMENT_KIND_LABELS_NL,
  MAX_ATTACHMENTS,
  FILE_TYPES,
  attachmentCapability,
  attachmentStageProblem,
  checkAttachmentFile,
  safeFilename,
  type AttachmentKind,
  type AttachmentProblem,
} from '../../../core/initiatives/index.js';
import { recordAudit } from '../../audit/audit.js';
import { AppError, invalid, notFound } from '../../errors.js';
import { nowIso } from '../../budgets/time.js';
import { deleteAttachment, findAttachment, insertAttachment, listAttachments, type AttachmentMeta, type Writer } from '../queries.js';
import { loadForStep, type InitiativeContext, type LoadedInitiative } from './common.js';

const PROBLEM_STATUS: Record<AttachmentProblem['code'], number> = {
  attachment_empty: 422,
  attachment_too_large: 413,
  attachment_type_not_allowed: 415,
  attachment_type_mismatch: 415,
};

export function attachmentProblem(problem: AttachmentProblem): AppError {
  return new AppError(
    problem.code,
    PROBLEM_STATUS[problem.code],
    { nl: problem.message, en: problem.message },
    { rule: problem.code, ...('detected' in problem ? { detected: problem.detected } : {}) },
  );
}

/** 403 naming the capability, or 422 naming the stage, unless the caller may change this kind now. */
function assertMayChange(loaded: LoadedInitiative, kind: AttachmentKind, change: 'add' | 'remove'): void {
  const capability = attachmentCapability(kind);
  if (!loaded.access.capabilities.has(capability)) {
    throw new AppError(
      'capability_missing',
      403,
      {
        nl: `Alleen de aanvrager (of een wijkwerker namens de groep) kan een ${ATTACHMENT_KIND_LABELS_NL[kind]} ${change === 'add' ? 'toevoegen' : 'verwijderen'}.`,
        en: `Only the applicant's side may ${change} this kind of file.`,
      },
      { rule: capability },
    );
  }
  const stage = attachmentStageProblem(kind, change, loaded.initiative.status);
  if (stage) {
    throw invalid(
      'attachment_stage_closed',
      { nl: stage, en: `Files of kind '${kind}' cannot be ${change === 'add' ? 'added' : 'removed'} in this status.` },
      {
        rule: 'attachment_stage_closed',
        currentStatus: loaded.initiative.status,
      },
    );
  }
}

export async function addAttachment(
  tx: Writer,
  ctx: InitiativeContext,
  initiativeId: string,
  input: { kind: AttachmentKind; filename: string; content: Buffer },
): Promise<AttachmentMeta> {
  const loaded = await loadForStep(tx, ctx, initiativeId);
  assertMayChange(loaded, input.kind, 'add');
  const filename = safeFilename(input.filename);
  const checked = checkAttachmentFile(filename, input.content);
  if ('problem' in checked) throw attachmentProblem(checked.problem);
  if ((await listAttachments(tx, ctx.municipality.id, initiativeId)).length >= MAX_ATTACHMENTS) {
    throw invalid(
      'attachment_limit',
      {
        nl: `Een initiatief kan ten hoogste ${MAX_ATTACHMENTS} bestanden hebben; verwijder er eerst een.`,
        en: `At most ${MAX_ATTACHMENTS} files per initiative.`,
      },
      { rule: 'attachment_limit', limit: MAX_ATTACHMENTS },
    );
  }
  const sha256 = createHash('sha256').update(input.content).digest('hex');
  const row = await insertAttachment(tx, {
    municipalityId: ctx.municipality.id,
    initiativeId,
    kind: input.kind,
    filename,
    mediaType: FILE_TYPES[checked.type].mediaType,
    sizeBytes: input.content.length,
    sha256,
    content: input.content,
    uploadedById: ctx.actor.personId,
    uploadedByLabel: ctx.actor.name,
    createdAt: nowIso(),
  });
  await recordAudit(tx, {
    ...ctx.audit,
    action: 'initiative.attachment_add',
    entityType: 'initiative',
    entityId: initiativeId,
    before: null,
    after: row,
    reason: null,
  });
  return row;
}

export async function removeAttachment(tx: Writer, ctx: InitiativeContext, initiativeId: string, attachmentId: string): Promise<void> {
  const loaded = await loadForStep(tx, ctx, initiativeId);
  const attachment = await findAttachment(tx, ctx.municipality.id, initiativeId, attachmentId);
  if (!attachment) throw notFound({ nl: 'Dit bestand bestaat niet bij dit initiatief.', en: 'This file does not exist on this initiative.' });
  assertMayChange(loaded, attachment.kind, 'remove');
  await deleteAttachment(tx, ctx.municipality.id, initiativeId, attachmentId);
  await recordAudit(tx, {
    ...ctx.audit,
    action: 'initiative.attachment_remove',
    entityType: 'initiative',
    entityId: initiativeId,
    before: attachment,
    after: null,
    reason: null,
  });
}
