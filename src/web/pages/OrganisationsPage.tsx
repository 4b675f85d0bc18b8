// SPDX-License-Identifier: EUPL-1.2
// Organisations (housing corporation, police, welfare, …): list, add, rename. Actions appear only
// when the list's `abilities` include people.manage.
import { useRef, useState } from 'react';
import { Button, Heading, Paragraph, Table } from '../components/ads.js';
import { useI18n } from '../i18n/i18n.js';
import { useRequiredMunicipality } from '../municipality.js';
import { useApi } from '../api/use-api.js';
import { api } from '../api/client.js';
import { organisationKinds, type ListResponse, type Organisation } from '../api/types.js';
import { LoadError, Loading, useDocumentTitle } from '../components/Layout.js';
import { Notice, SelectField, TextField, useFormState, type FieldErrors } from '../components/forms.js';
import { RequireSignIn, listItems } from './admin.js';

export default function OrganisationsPage() {
  const { t } = useI18n();
  useDocumentTitle(t('organisations.heading'));
  return (
    <RequireSignIn>
      <Organisations />
    </RequireSignIn>
  );
}

function Organisations() {
  const { t } = useI18n();
  const municipality = useRequiredMunicipality();
  const list = useApi<ListResponse<Organisation> | Organisation[]>(`/api/municipalities/${municipality.code}/organisations`);
  const [editing, setEditing] = useState<Organisation | null>(null);
  const [done, setDone] = useState<string | null>(null);
  const formHeading = useRef<HTMLHeadingElement>(null);

  if (list.error) return <LoadError error={list.error} onRetry={list.reload} />;
  if (!list.data) return <Loading />;
  const { items, abilities } = listItems(list.data);
  const canManage = abilities.includes('people.manage');
  const sorted = [...items].sort((a, b) => a.name.localeCompare(b.name, 'nl'));

  function startEdit(org: Organisation) {
    setEditing(org);
    setDone(null);
    window.setTimeout(() => formHeading.current?.focus(), 0);
  }

  return (
    <div className="ww-container">
      <Heading level={1} className="ams-mb-s">
        {t('organisations.heading')}
      </Heading>
      <Paragraph className="ams-mb-m">{t('organisations.intro', { name: municipality.name })}</Paragraph>
      {done ? <Notice kind="success">{done}</Notice> : null}
      {sorted.length === 0 ? (
        <Paragraph className="ams-mb-l">{t('organisations.none')}</Paragraph>
      ) : (
        <div className="ww-table-scroll ams-mb-l">
          <Table className="ww-table">
            <Table.Caption className="ams-visually-hidden">{t('organisations.heading')}</Table.Caption>
            <Table.Header>
              <Table.Row>
                <Table.HeaderCell scope="col">{t('organisations.name')}</Table.HeaderCell>
                <Table.HeaderCell scope="col">{t('organisations.kind')}</Table.HeaderCell>
                {canManage ? (
                  <Table.HeaderCell scope="col">
                    <span className="ams-visually-hidden">{t('app.edit')}</span>
                  </Table.HeaderCell>
                ) : null}
              </Table.Row>
            </Table.Header>
            <Table.Body>
              {sorted.map((o) => (
                <Table.Row key={o.id}>
                  <Table.Cell data-label={t('organisations.name')}>{o.name}</Table.Cell>
                  <Table.Cell data-label={t('organisations.kind')}>
                    {organisationKinds.includes(o.kind) ? t(`organisations.kind.${o.kind}`) : o.kind}
                  </Table.Cell>
                  {canManage ? (
                    <Table.Cell>
                      <Button variant="tertiary" aria-label={t('organisations.edit', { name: o.name })} onClick={() => startEdit(o)}>
                        {t('app.edit')}
                      </Button>
                    </Table.Cell>
                  ) : null}
                </Table.Row>
              ))}
            </Table.Body>
          </Table>
        </div>
      )}
      {canManage ? (
        <OrganisationForm
          key={editing?.id ?? 'new'}
          headingRef={formHeading}
          organisation={editing}
          onCancel={() => setEditing(null)}
          onSaved={(message) => {
            setDone(message);
            setEditing(null);
            list.reload();
          }}
        />
      ) : null}
    </div>
  );
}

function OrganisationForm({
  organisation,
  onSaved,
  onCancel,
  headingRef,
}: {
  organisation: Organisation | null;
  onSaved: (message: string) => void;
  onCancel: () => void;
  headingRef: React.RefObject<HTMLHeadingElement | null>;
}) {
  const { t } = useI18n();
  const municipality = useRequiredMunicipality();
  const [name, setName] = useState(organisation?.name ?? '');
  const [kind, setKind] = useState<string>(organisation?.kind ?? '');
  const form = useFormState();
  const heading = organisation ? t('organisations.edit', { name: organisation.name }) : t('organisations.create');

  return (
    <form
      noValidate
      className="ww-form ww-panel"
      aria-labelledby="organisatie-formulier"
      onSubmit={(event) =>
        void form.submit(
          event,
          (): FieldErrors => ({ name: name.trim() ? undefined : t('organisations.nameRequired'), kind: kind ? undefined : t('organisations.kindRequired') }),
          async () => {
            const base = `/api/municipalities/${municipality.code}/organisations`;
            if (organisation) await api.patch(`${base}/${organisation.id}`, { name: name.trim(), kind });
            else await api.post(base, { name: name.trim(), kind });
            onSaved(organisation ? t('app.saved') : t('organisations.created', { name: name.trim() }));
          },
        )
      }
    >
      <Heading level={2} size="level-3" id="organisatie-formulier" tabIndex={-1} ref={headingRef} className="ams-mb-s">
        {heading}
      </Heading>
      {form.formError ? (
        <Notice kind="error" heading={t('app.errorHeading')}>
          {form.formError}
        </Notice>
      ) : null}
      <TextField label={t('organisations.name')} name="name" value={name} onChange={setName} error={form.fieldErrors.name} required />
      <SelectField
        label={t('organisations.kind')}
        name="kind"
        value={kind}
        onChange={setKind}
        placeholder={t('organisations.kindChoose')}
        options={organisationKinds.map((k) => ({ value: k, label: t(`organisations.kind.${k}`) }))}
        error={form.fieldErrors.kind}
        required
      />
      <div className="ww-actions">
        <Button type="submit" disabled={form.busy}>
          {organisation ? t('app.save') : t('organisations.create')}
        </Button>
        {organisation ? (
          <Button type="button" variant="secondary" onClick={onCancel}>
            {t('app.cancel')}
          </Button>
        ) : null}
      </div>
    </form>
  );
}
