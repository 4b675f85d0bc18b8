// SPDX-License-Identifier: EUPL-1.2
// Files on an initiative over HTTP: upload (multipart/form-data, one part "file", the kind in the
// query), list, download and delete. Access is exactly the initiative's: whoever cannot see it gets
// 404 for its files too. Downloads are always attachments (never shown inline), with the type the
// content showed at upload, nosniff and a sandboxing CSP, so a file can never run as a page here.
import { Type } from 'typebox';
import type { MultipartFile } from '@fastify/multipart';
import type { App } from '../http/app-type.js';
import { requireActor } from '../http/authorize.js';
import { loadMunicipality } from '../municipalities/queries.js';
import { ATTACHMENT_KINDS, MAX_ATTACHMENT_BYTES, type AttachmentKind } from '../../core/initiatives/index.js';
import { invalid, notFound, type AppError } from '../errors.js';
import { attachableKinds, loadVisible } from './access.js';
import { findAttachment, listAttachments } from './queries.js';
import { presentAttachment } from './present.js';
import { addAttachment, attachmentProblem, removeAttachment } from './commands/attachments.js';
import { contextOf } from './context.js';

const Code = Type.String({ pattern: '^GM[0-9]{4}$', description: 'CBS gemeentecode, e.g. GM0983' });
const Id = Type.String({ minLength: 1, maxLength: 100 });
const Params = Type.Object({ code: Code, initiativeId: Id });
const FileParams = Type.Object({ code: Code, initiativeId: Id, attachmentId: Id });

/** RFC 6266 / 5987: an ASCII fallback and the UTF-8 name. */
function contentDisposition(filename: string): string {
  const fallback = filename
    .normalize('NFD')
    .replace(/[\u0300-\u036f]/g, '')
    .replace(/[^\x20-\x7e]/g, '_')
    .replace(/["\\]/g, '_');
  return `attachment; filename="${fallback}"; filename*=UTF-8''${encodeURIComponent(filename)}`;
}

function noFile(): AppError {
  return invalid(
    'attachment_missing',
    { nl: 'Kies een bestand om toe te voegen (formulierveld "file").', en: 'Send one file in the form field "file".' },
    { rule: 'attachment_missing' },
  );
}

export function attachmentRoutes(app: App): void {
  const db = app.services.db;

  app.post(
    '/api/municipalities/:code/initiatives/:initiativeId/attachments',
    {
      schema: {
        tags: ['initiatives'],
        summary: 'Add a file: an attachment to the application, or a photo or receipt for the final account (multipart/form-data, field "file")',
        description: `At most ${MAX_ATTACHMENT_BYTES / (1024 * 1024)} MB; PDF, JPEG, PNG, WebP, HEIC, docx, xlsx or odt, recognised by content (the extension must fit). Application attachments until the decision (by the applicant or a wijkwerker for the group); photos and receipts from the grant until the final account is submitted.`,
        consumes: ['multipart/form-data'],
        params: Params,
        querystring: Type.Object({ kind: Type.Enum(ATTACHMENT_KINDS) }),
      },
    },
    async (request, reply) => {
      const municipality = await loadMunicipality(db, request.params.code);
      const ctx = contextOf(app, request, municipality);
      // Whoever may not see the initiative learns nothing, not even how it treats a file.
      await loadVisible(db, ctx.actor, municipality.id, request.params.initiativeId);
      if (!request.isMultipart()) throw noFile();
      let filename: string;
      let content: Buffer;
      try {
        const part: MultipartFile | undefined = await request.file({ limits: { fileSize: MAX_ATTACHMENT_BYTES, files: 1 } });
        if (!part || part.fieldname !== 'file') throw noFile();
        filename = part.filename;
        content = await part.toBuffer();
      } catch (error) {
        if (error instanceof app.multipartErrors.RequestFileTooLargeError) {
          throw attachmentProblem({
            code: 'attachment_too_large',
            message: `Het bestand is groter dan ${MAX_ATTACHMENT_BYTES / (1024 * 1024)} MB, het maximum voor een bijlage.`,
          });
        }
        throw error;
      }
      const kind: AttachmentKind = request.query.kind;
      const created = await db.transaction((tx) => addAttachment(tx, ctx, request.params.initiativeId, { kind, filename, content }));
      return reply.status(201).send(presentAttachment(created, municipality.code));
    },
  );

  app.get(
    '/api/municipalities/:code/initiatives/:initiativeId/attachments',
    {
      schema: {
        tags: ['initiatives'],
        summary: 'The files of an initiative (as visible as the initiative), with the kinds the caller may add now',
        params: Params,
      },
    },
    async (request) => {
      const municipality = await loadMunicipality(db, request.params.code);
      const actor = requireActor(request, municipality.id);
      const { initiative, access } = await loadVisible(db, actor, municipality.id, request.params.initiativeId);
      const items = await listAttachments(db, municipality.id, initiative.id);
      return { items: items.map((a) => presentAttachment(a, municipality.code)), canAdd: attachableKinds(access, initiative.status) };
    },
  );

  app.get(
    '/api/municipalities/:code/initiatives/:initiativeId/attachments/:attachmentId',
    {
      schema: {
        tags: ['initiatives'],
        summary: 'Download a file (always as an attachment, with the type its content showed)',
        params: FileParams,
      },
    },
    async (request, reply) => {
      const municipality = await loadMunicipality(db, request.params.code);
      const actor = requireActor(request, municipality.id);
      const { initiative } = await loadVisible(db, actor, municipality.id, request.params.initiativeId);
      const file = await findAttachment(db, municipality.id, initiative.id, request.params.attachmentId, true);
      if (!file) throw notFound({ nl: 'Dit bestand bestaat niet bij dit initiatief.', en: 'This file does not exist on this initiative.' });
      return reply
        .type(file.mediaType)
        .header('content-disposition', contentDisposition(file.filename))
        .header('x-content-type-options', 'nosniff')
        .header('content-security-policy', "default-src 'none'; sandbox")
        .header('cache-control', 'private, no-store')
        .send(file.content);
    },
  );

  app.delete(
    '/api/municipalities/:code/initiatives/:initiativeId/attachments/:attachmentId',
    {
      schema: {
        tags: ['initiatives'],
        summary: 'Remove a file while its stage allows (application attachments while a draft; photos and receipts until the account)',
        params: FileParams,
      },
    },
    async (request, reply) => {
      const municipality = await loadMunicipality(db, request.params.code);
      const ctx = contextOf(app, request, municipality);
      await db.transaction((tx) => removeAttachment(tx, ctx, request.params.initiativeId, request.params.attachmentId));
      return reply.status(204).send();
    },
  );
}
