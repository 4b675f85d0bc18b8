// SPDX-License-Identifier: EUPL-1.2
// People: search, add, change, and their roles per area (add a role, end a role). What may be done
// follows the list's `abilities`: people.manage for people, roles.assign for roles.
import { useMemo, useRef, useState } from 'react';
import { useSearchParams } from 'react-router';
import { Button, Heading, Paragraph, Table } from '../components/ads.js';
import { useI18n } from '../i18n/i18n.js';
import { useRequiredMunicipality, useRoleLabels } from '../municipality.js';
import { useApi } from '../api/use-api.js';
import { api, ProblemError, query } from '../api/client.js';
import type { AreaLevel, AreaSummary, ListResponse, Organisation, Person } from '../api/types.js';
import { LoadError, Loading, useDocumentTitle } from '../components/Layout.js';
import { isEmail, Notice, SelectField, TextField, useFormState, type FieldErrors } from '../components/forms.js';
import { roleKeys } from '../../core/access/roles.js';
import { RequireSignIn, listItems } from './admin.js';

export default function PeoplePage() {
  const { t } = useI18n();
  useDocumentTitle(t('people.heading'));
  return (
    <RequireSignIn>
      <People />
    </RequireSignIn>
  );
}

const levelOrder: Record<AreaLevel, number> = { municipality: 0, district: 1, wijk: 2, buurt: 3, custom: 4 };

function People() {
  const { t } = useI18n();
  const municipality = useRequiredMunicipality();
  const { label: roleLabel } = useRoleLabels();
  const [search, setSearch] = useSearchParams();
  const q = search.get('q') ?? '';
  const [draft, setDraft] = useState(q);
  const base = `/api/municipalities/${municipality.code}`;
  const list = useApi<ListResponse<Person>>(`${base}/people${query({ q: q || undefined })}`);
  const organisations = useApi<ListResponse<Organisation> | Organisation[]>(`${base}/organisations`);
  const [selectedId, setSelectedId] = useState<string | null>(null);
  const [done, setDone] = useState<string | null>(null);
  const panelHeading = useRef<HTMLHeadingElement>(null);

  const orgs = organisations.data ? listItems(organisations.data).items : [];
  if (list.error) return <LoadError error={list.error} onRetry={list.reload} />;
  if (!list.data) return <Loading />;
  const abilities = list.data.abilities ?? [];
  const canManagePeople = abilities.includes('people.manage');
  const canAssign = abilities.includes('roles.assign');
  const selected = list.data.items.find((p) => p.id === selectedId) ?? null;

  function open(person: Person) {
    setSelectedId(person.id);
    setDone(null);
    window.setTimeout(() => panelHeading.current?.focus(), 0);
  }

  return (
    <div className="ww-container">
      <Heading level={1} className="ams-mb-s">
        {t('people.heading')}
      </Heading>
      <Paragraph className="ams-mb-m">{t('people.intro', { name: municipality.name })}</Paragraph>
      <form
        role="search"
        className="ww-inline-form ams-mb-m"
        onSubmit={(event) => {
          event.preventDefault();
          const params = new URLSearchParams(search);
          if (draft.trim()) params.set('q', draft.trim());
          else params.delete('q');
          setSearch(params, { replace: true });
        }}
      >
        <TextField label={t('people.search')} name="q" type="search" value={draft} onChange={setDraft} />
        <Button type="submit" variant="secondary">
          {t('people.searchButton')}
        </Button>
      </form>
      {done ? <Notice kind="success">{done}</Notice> : null}
      {list.data.items.length === 0 ? (
        <Paragraph className="ams-mb-l">{t('people.none')}</Paragraph>
      ) : (
        <div className="ww-table-scroll ams-mb-l">
          <Table className="ww-table">
            <Table.Caption className="ams-visually-hidden">{t('people.heading')}</Table.Caption>
            <Table.Header>
              <Table.Row>
                <Table.HeaderCell scope="col">{t('people.name')}</Table.HeaderCell>
                <Table.HeaderCell scope="col">{t('people.email')}</Table.HeaderCell>
                <Table.HeaderCell scope="col">{t('people.organisation')}</Table.HeaderCell>
                <Table.HeaderCell scope="col">{t('people.roles')}</Table.HeaderCell>
                {canManagePeople || canAssign ? (
                  <Table.HeaderCell scope="col">
                    <span className="ams-visually-hidden">{t('people.manage')}</span>
                  </Table.HeaderCell>
                ) : null}
              </Table.Row>
            </Table.Header>
            <Table.Body>
              {list.data.items.map((p) => (
                <Table.Row key={p.id}>
                  <Table.Cell data-label={t('people.name')}>{p.name}</Table.Cell>
                  <Table.Cell data-label={t('people.email')} className="ww-break">
                    {p.email}
                  </Table.Cell>
                  <Table.Cell data-label={t('people.organisation')}>{p.organisationName ?? '–'}</Table.Cell>
                  <Table.Cell data-label={t('people.roles')}>
                    {p.roles.filter((r) => r.validTo === null).length === 0 ? (
                      <span className="ww-muted">{t('people.noRoles')}</span>
                    ) : (
                      <ul className="ww-plain-list">
                        {p.roles
                          .filter((r) => r.validTo === null)
                          .map((r) => (
                            <li key={r.assignmentId}>
                              {roleLabel(r.role)} – {r.areaName ?? '–'}
                            </li>
                          ))}
                      </ul>
                    )}
                  </Table.Cell>
                  {canManagePeople || canAssign ? (
                    <Table.Cell>
                      <Button variant="tertiary" aria-label={t('people.manageLabel', { name: p.name })} onClick={() => open(p)}>
                        {t('people.manage')}
                      </Button>
                    </Table.Cell>
                  ) : null}
                </Table.Row>
              ))}
            </Table.Body>
          </Table>
        </div>
      )}

      {selected ? (
        <section className="ww-panel ams-mb-l" aria-labelledby="persoon-beheer">
          <Heading level={2} id="persoon-beheer" tabIndex={-1} ref={panelHeading} className="ams-mb-s">
            {selected.name}
          </Heading>
          {canManagePeople ? (
            <PersonForm
              key={selected.id}
              person={selected}
              organisations={orgs}
              onSaved={(message) => {
                setDone(message);
                list.reload();
              }}
            />
          ) : null}
          <PersonRoles person={selected} canAssign={canAssign} onChanged={list.reload} />
          <Button variant="secondary" onClick={() => setSelectedId(null)}>
            {t('people.close')}
          </Button>
        </section>
      ) : null}

      {canManagePeople ? (
        <PersonForm
          key="new"
          person={null}
          organisations={orgs}
          onSaved={(message) => {
            setDone(message);
            list.reload();
          }}
        />
      ) : null}
    </div>
  );
}

function PersonForm({ person, organisations, onSaved }: { person: Person | null; organisations: Organisation[]; onSaved: (message: string) => void }) {
  const { t } = useI18n();
  const municipality = useRequiredMunicipality();
  const [name, setName] = useState(person?.name ?? '');
  const [email, setEmail] = useState(person?.email ?? '');
  const [organisationId, setOrganisationId] = useState(person?.organisationId ?? '');
  const [password, setPassword] = useState('');
  const form = useFormState();
  const headingId = person ? `persoon-wijzigen-${person.id}` : 'persoon-toevoegen';

  return (
    <form
      noValidate
      className={person ? 'ww-form ams-mb-l' : 'ww-form ww-panel'}
      aria-labelledby={headingId}
      onSubmit={(event) =>
        void form.submit(
          event,
          (): FieldErrors => ({
            name: name.trim() ? undefined : t('people.nameRequired'),
            email: !email.trim() ? t('people.emailRequired') : !isEmail(email) ? t('signIn.emailInvalid') : undefined,
          }),
          async () => {
            const base = `/api/municipalities/${municipality.code}/people`;
            const body: Record<string, unknown> = { name: name.trim(), email: email.trim(), organisationId: organisationId || null };
            if (password) body.password = password;
            if (person) {
              await api.patch(`${base}/${person.id}`, body);
              onSaved(t('app.saved'));
            } else {
              if (!organisationId) delete body.organisationId;
              await api.post(base, body);
              onSaved(t('people.created', { name: name.trim() }));
              setName('');
              setEmail('');
              setOrganisationId('');
              setPassword('');
            }
          },
        )
      }
    >
      <Heading level={person ? 3 : 2} size="level-3" id={headingId} className="ams-mb-s">
        {person ? t('people.edit', { name: person.name }) : t('people.create')}
      </Heading>
      {form.formError ? (
        <Notice kind="error" heading={t('app.errorHeading')}>
          {form.formError}
        </Notice>
      ) : null}
      <TextField label={t('people.name')} name="name" value={name} onChange={setName} error={form.fieldErrors.name} autoComplete="off" required />
      <TextField
        label={t('people.email')}
        name="email"
        type="email"
        value={email}
        onChange={setEmail}
        error={form.fieldErrors.email}
        autoComplete="off"
        required
      />
      <SelectField
        label={t('people.organisation')}
        name="organisationId"
        value={organisationId}
        onChange={setOrganisationId}
        placeholder={t('people.noOrganisation')}
        options={organisations.map((o) => ({ value: o.id, label: o.name }))}
        error={form.fieldErrors.organisationId}
        optional
      />
      <TextField
        label={t('people.password')}
        name="password"
        type="password"
        value={password}
        onChange={setPassword}
        hint={t('people.passwordHint')}
        error={form.fieldErrors.password}
        autoComplete="new-password"
        optional
      />
      <div>
        <Button type="submit" disabled={form.busy}>
          {person ? t('app.save') : t('people.create')}
        </Button>
      </div>
    </form>
  );
}

function PersonRoles({ person, canAssign, onChanged }: { person: Person; canAssign: boolean; onChanged: () => void }) {
  const { t, date, lang } = useI18n();
  const municipality = useRequiredMunicipality();
  const { label: roleLabel, roles } = useRoleLabels();
  const base = `/api/municipalities/${municipality.code}`;
  const areas = useApi<AreaSummary[]>(canAssign ? `${base}/areas` : null);
  const [role, setRole] = useState('');
  const [areaId, setAreaId] = useState('');
  const [validFrom, setValidFrom] = useState('');
  const [message, setMessage] = useState<string | null>(null);
  const [endError, setEndError] = useState<string | null>(null);
  const form = useFormState();
  const current = person.roles.filter((r) => r.validTo === null);

  const areaOptions = useMemo(
    () =>
      [...(areas.data ?? [])]
        .sort((a, b) => levelOrder[a.level] - levelOrder[b.level] || a.name.localeCompare(b.name, 'nl'))
        .map((a) => ({ value: a.id, label: `${a.name} (${t(`areas.level.${a.level}`).toLowerCase()})` })),
    [areas.data, t],
  );
  const keys = roles.length > 0 ? roles.map((r) => r.key) : [...roleKeys];

  async function end(assignmentId: string) {
    setEndError(null);
    try {
      await api.post(`${base}/role-assignments/${assignmentId}/end`, {});
      setMessage(t('people.roleEnded'));
      onChanged();
    } catch (error) {
      setEndError(error instanceof ProblemError ? error.localized(lang) : String(error));
    }
  }

  return (
    <div className="ams-mb-l">
      <Heading level={3} size="level-4" className="ams-mb-s">
        {t('people.details', { name: person.name })}
      </Heading>
      {message ? <Notice kind="success">{message}</Notice> : null}
      {endError ? <Notice kind="error">{endError}</Notice> : null}
      {current.length === 0 ? (
        <Paragraph className="ams-mb-s">{t('people.noRoles')}</Paragraph>
      ) : (
        <ul className="ww-role-list ams-mb-m">
          {current.map((r) => (
            <li key={r.assignmentId}>
              <span>
                {roleLabel(r.role)} – {r.areaName ?? '–'}{' '}
                <span className="ww-muted">
                  ({t('area.teamSince').toLowerCase()} {date(r.validFrom)})
                </span>
              </span>
              {canAssign ? (
                <Button
                  variant="secondary"
                  aria-label={t('people.endRoleLabel', { role: roleLabel(r.role), area: r.areaName ?? '' })}
                  onClick={() => void end(r.assignmentId)}
                >
                  {t('people.endRole')}
                </Button>
              ) : null}
            </li>
          ))}
        </ul>
      )}
      {canAssign ? (
        <form
          noValidate
          className="ww-form"
          aria-labelledby={`rol-toevoegen-${person.id}`}
          onSubmit={(event) =>
            void form.submit(
              event,
              (): FieldErrors => ({ role: role ? undefined : t('area.roleRequired'), areaId: areaId ? undefined : t('people.areaRequired') }),
              async () => {
                await api.post(`${base}/role-assignments`, { personId: person.id, role, areaId, ...(validFrom ? { validFrom } : {}) });
                setMessage(t('people.roleAdded'));
                setRole('');
                setAreaId('');
                setValidFrom('');
                onChanged();
              },
            )
          }
        >
          <Heading level={4} size="level-5" id={`rol-toevoegen-${person.id}`} className="ams-mb-xs">
            {t('people.addRole')}
          </Heading>
          {form.formError ? (
            <Notice kind="error" heading={t('app.errorHeading')}>
              {form.formError}
            </Notice>
          ) : null}
          <SelectField
            label={t('area.role')}
            name="role"
            value={role}
            onChange={setRole}
            placeholder={t('area.roleChoose')}
            options={keys.map((k) => ({ value: k, label: roleLabel(k) }))}
            error={form.fieldErrors.role}
            required
          />
          <SelectField
            label={t('people.area')}
            name="areaId"
            value={areaId}
            onChange={setAreaId}
            placeholder={t('people.areaChoose')}
            options={areaOptions}
            error={form.fieldErrors.areaId}
            required
          />
          <TextField
            label={t('people.validFrom')}
            name="validFrom"
            type="date"
            value={validFrom}
            onChange={setValidFrom}
            error={form.fieldErrors.validFrom}
            optional
          />
          <div>
            <Button type="submit" disabled={form.busy}>
              {t('people.addRole')}
            </Button>
          </div>
        </form>
      ) : null}
    </div>
  );
}
