// SPDX-License-Identifier: EUPL-1.2
// Files on an initiative: the list (download links, a delete button while the stage allows it) and
// an upload form with a labelled file input that states the accepted types and the 10 MB limit. A
// file the server refuses (too large, a type it does not accept, a stage that does not allow it)
// is said at the file field, from the problem's Dutch or English detail.
import { useId, useRef, useState } from 'react';
import { Button, Field, Heading, Label } from '../../components/ads.js';
import { useI18n } from '../../i18n/i18n.js';
import { useRequiredMunicipality } from '../../municipality.js';
import { api, ProblemError, upload } from '../../api/client.js';
import type { AttachmentKind, InitiativeAttachment, InitiativeDetail } from '../../api/types.js';
import { ErrorText, Notice, SelectField, useFormState } from '../../components/forms.js';
import { attachmentStatuses, FILE_TYPES, MAX_ATTACHMENT_BYTES } from '../../../core/initiatives/attachments.js';

const ACCEPT = Object.values(FILE_TYPES)
  .flatMap((t) => [t.mediaType, ...t.extensions.map((e) => `.${e}`)])
  .join(',');
const TYPE_LABELS = Object.values(FILE_TYPES)
  .map((t) => t.label)
  .join(', ');
const MAX_MB = MAX_ATTACHMENT_BYTES / (1024 * 1024);

/** May the reader remove a file of this kind now (the server checks again)? */
function mayRemove(initiative: InitiativeDetail, kind: AttachmentKind): boolean {
  return initiative.abilities.addAttachment.includes(kind) && attachmentStatuses(kind, 'remove').includes(initiative.status);
}

function sizeText(bytes: number, lang: 'nl' | 'en'): string {
  const format = (n: number) => n.toLocaleString(lang === 'en' ? 'en-GB' : 'nl-NL', { maximumFractionDigits: 1 });
  return bytes >= 1024 * 1024 ? `${format(bytes / (1024 * 1024))} MB` : `${format(Math.max(1, Math.round(bytes / 1024)))} kB`;
}

/** The files of the given kinds, each with a download link and, where allowed, a delete button. */
export function AttachmentList({ initiative, kinds, onChanged }: { initiative: InitiativeDetail; kinds: readonly AttachmentKind[]; onChanged: () => void }) {
  const { t, lang, date } = useI18n();
  const [error, setError] = useState<string | null>(null);
  const [busy, setBusy] = useState<string | null>(null);
  const files = initiative.attachments.filter((a) => kinds.includes(a.kind));
  if (files.length === 0) return <p className="ww-muted ams-mb-s">{t('attachments.none')}</p>;
  const remove = async (file: InitiativeAttachment) => {
    setBusy(file.id);
    setError(null);
    try {
      await api.delete(file.href);
      onChanged();
    } catch (e) {
      setError(e instanceof ProblemError ? e.localized(lang) : String(e));
    } finally {
      setBusy(null);
    }
  };
  return (
    <>
      {error ? (
        <Notice kind="error" heading={t('app.errorHeading')}>
          {error}
        </Notice>
      ) : null}
      <ul className="ww-plain-list ams-mb-m">
        {files.map((file) => (
          <li key={file.id} className="ams-mb-s">
            <a className="ams-link" href={file.href} download={file.filename}>
              {file.filename}
            </a>{' '}
            <span className="ww-muted">
              ({t(`attachments.kind.${file.kind}`)}, {sizeText(file.sizeBytes, lang)}, {file.uploadedBy}, {date(file.createdAt)})
            </span>{' '}
            {mayRemove(initiative, file.kind) ? (
              <Button variant="tertiary" type="button" disabled={busy === file.id} onClick={() => void remove(file)}>
                {t('attachments.remove', { name: file.filename })}
              </Button>
            ) : null}
          </li>
        ))}
      </ul>
    </>
  );
}

/** Upload one file of one of the kinds (a choice when more than one). */
export function AttachmentUpload({
  initiative,
  kinds,
  id,
  heading,
  onDone,
}: {
  initiative: InitiativeDetail;
  kinds: readonly AttachmentKind[];
  id: string;
  heading: string;
  onDone: () => void;
}) {
  const { t } = useI18n();
  const municipality = useRequiredMunicipality();
  const form = useFormState();
  const inputId = useId();
  const input = useRef<HTMLInputElement>(null);
  const [kind, setKind] = useState<AttachmentKind>(kinds[0] ?? 'application');
  const [added, setAdded] = useState<string | null>(null);
  if (kinds.length === 0) return null;
  const error = form.fieldErrors.file;
  const hintId = `${inputId}-hint`;
  const errorId = `${inputId}-error`;
  return (
    <form
      noValidate
      className="ww-form ww-panel"
      aria-labelledby={id}
      onSubmit={(event) => {
        const file = input.current?.files?.[0];
        void form.submit(
          event,
          () => ({
            file: !file ? t('attachments.fileRequired') : file.size > MAX_ATTACHMENT_BYTES ? t('attachments.tooLarge', { mb: MAX_MB }) : undefined,
          }),
          async () => {
            await upload(`/api/municipalities/${municipality.code}/initiatives/${initiative.id}/attachments?kind=${kind}`, file!, file!.name);
            setAdded(file!.name);
            if (input.current) input.current.value = '';
            onDone();
          },
          (_problem, message) => ({ file: message }),
        );
      }}
    >
      <Heading level={3} size="level-4" id={id}>
        {heading}
      </Heading>
      {added ? <Notice kind="success">{t('attachments.added', { name: added })}</Notice> : null}
      {form.formError ? (
        <Notice kind="error" heading={t('app.errorHeading')}>
          {form.formError}
        </Notice>
      ) : null}
      {kinds.length > 1 ? (
        <SelectField
          label={t('attachments.kind')}
          name="kind"
          value={kind}
          onChange={(v) => setKind(v as AttachmentKind)}
          options={kinds.map((k) => ({ value: k, label: t(`attachments.kind.${k}`) }))}
        />
      ) : null}
      <Field invalid={Boolean(error)}>
        <Label htmlFor={inputId}>{t('attachments.file')}</Label>
        <p className="ww-hint" id={hintId}>
          {t('attachments.hint', { types: TYPE_LABELS, mb: MAX_MB })}
        </p>
        {error ? <ErrorText id={errorId}>{error}</ErrorText> : null}
        <input
          ref={input}
          id={inputId}
          name="file"
          type="file"
          accept={ACCEPT}
          aria-describedby={error ? `${hintId} ${errorId}` : hintId}
          aria-invalid={error ? true : undefined}
          onChange={() => setAdded(null)}
        />
      </Field>
      <div>
        <Button type="submit" variant="secondary" disabled={form.busy}>
          {t('attachments.upload')}
        </Button>
      </div>
    </form>
  );
}

/**
 * The status page's section: the files, and the upload for application attachments. While the
 * reader may add photos and receipts, those are listed with the final account step instead.
 */
export function AttachmentsSection({ initiative, onChanged }: { initiative: InitiativeDetail; onChanged: () => void }) {
  const { t } = useI18n();
  const canAdd = initiative.abilities.addAttachment.filter((k) => k === 'application');
  const accountHere = initiative.abilities.addAttachment.some((k) => k !== 'application');
  const kinds: readonly AttachmentKind[] = accountHere ? ['application'] : ['application', 'photo', 'receipt'];
  if (!initiative.attachments.some((a) => kinds.includes(a.kind)) && canAdd.length === 0) return null;
  return (
    <section className="ww-section" aria-labelledby="bijlagen">
      <Heading level={2} id="bijlagen" className="ams-mb-s">
        {t('attachments.heading')}
      </Heading>
      <AttachmentList initiative={initiative} kinds={kinds} onChanged={onChanged} />
      <AttachmentUpload initiative={initiative} kinds={canAdd} id="bijlage-toevoegen" heading={t('attachments.addApplication')} onDone={onChanged} />
    </section>
  );
}
