// SPDX-License-Identifier: EUPL-1.2
// One area: its facts (with CBS as the source of the population), where it sits (breadcrumb), its
// sub-areas, a small map of its boundary, and — for people with a role there — its team, with a form
// to assign a role when the server says the reader may.
import { lazy, Suspense, useMemo, useState } from 'react';
import { useParams } from 'react-router';
import { Breadcrumb, Button, DescriptionList, Heading, Paragraph, Table } from '../components/ads.js';
import type { Feature, FeatureCollection, Geometry } from 'geojson';
import { useI18n } from '../i18n/i18n.js';
import { useRequiredMunicipality, useRoleLabels } from '../municipality.js';
import { useApi } from '../api/use-api.js';
import { api, query } from '../api/client.js';
import type { AreaDetail, AreaSummary, ListResponse, Person } from '../api/types.js';
import { LoadError, Loading, useCbsSource, useDocumentTitle } from '../components/Layout.js';
import { AppLink, HrefLink } from '../components/AppLink.js';
import { Notice, SelectField, TextField, useFormState, type FieldErrors } from '../components/forms.js';
import { roleKeys, teamRoles } from '../../core/access/roles.js';
import type { MapArea } from '../map/AreaMap.js';

const AreaMap = lazy(() => import('../map/AreaMap.js'));

export function AreaPage() {
  const { t, number, date } = useI18n();
  const municipality = useRequiredMunicipality();
  const { areaId } = useParams();
  const area = useApi<AreaDetail>(`/api/municipalities/${municipality.code}/areas/${areaId ?? ''}`);
  const { label: roleLabel } = useRoleLabels();
  useCbsSource();
  useDocumentTitle(area.data?.name);

  const features = useMemo<FeatureCollection<Geometry, MapArea> | null>(() => {
    const a = area.data;
    if (!a?.geometry) return null;
    const feature: Feature<Geometry, MapArea> = { type: 'Feature', properties: { id: a.id, name: a.name }, geometry: a.geometry };
    return { type: 'FeatureCollection', features: [feature] };
  }, [area.data]);

  if (area.error)
    return (
      <div className="ww-container">
        <LoadError error={area.error} onRetry={area.reload} />
      </div>
    );
  if (!area.data) return <Loading />;
  const a = area.data;
  // The breadcrumb follows the parents; other areas above (pilot areas this one belongs to) are listed apart.
  const trail: AreaSummary[] = [];
  for (let parentId = a.parentId; parentId;) {
    const parent = a.ancestors.find((x) => x.id === parentId);
    if (!parent || trail.includes(parent)) break;
    trail.unshift(parent);
    parentId = parent.parentId;
  }
  const alsoIn = a.ancestors.filter((x) => !trail.includes(x));
  const subAreas = [...a.children, ...(a.members ?? []).filter((m) => !a.children.some((c) => c.id === m.id))];
  const areaName = (id: string) => (id === a.id ? a.name : (a.ancestors.find((x) => x.id === id)?.name ?? '–'));
  const canAssign = a.abilities.includes('roles.assign') || a.abilities.includes('team.assign');
  const currentChildren = subAreas.filter((c) => c.validTo === null);
  const formerChildren = subAreas.filter((c) => c.validTo !== null);

  return (
    <div className="ww-container">
      {trail.length > 0 ? (
        <Breadcrumb accessibleName={t('area.breadcrumb')} className="ams-mb-m">
          {trail.map((x) => (
            <Breadcrumb.Link key={x.id} linkComponent={HrefLink} href={`/gemeente/${municipality.code}/gebied/${x.id}`}>
              {x.name}
            </Breadcrumb.Link>
          ))}
        </Breadcrumb>
      ) : null}
      <Heading level={1} className="ams-mb-s">
        {a.name}
      </Heading>
      <Paragraph size="large" className="ams-mb-l">
        {t(`areas.level.${a.level}`)} · {a.code}
      </Paragraph>
      <ul className="ww-link-list ams-mb-l">
        <li>
          <AppLink to={`/gemeente/${municipality.code}/gebied/${a.id}/profiel`}>{t('area.toProfile')}</AppLink>
        </li>
        <li>
          <AppLink to={`/gemeente/${municipality.code}/gebied/${a.id}/wijkanalyse`}>{t('area.toAnalysis')}</AppLink>
        </li>
      </ul>

      <div className="ww-area-grid ams-mb-l">
        <section aria-labelledby="gegevens">
          <Heading level={2} size="level-3" id="gegevens" className="ams-mb-s">
            {t('area.facts')}
          </Heading>
          <DescriptionList termsWidth="medium">
            <DescriptionList.Term>{t('area.level')}</DescriptionList.Term>
            <DescriptionList.Description>{t(`areas.level.${a.level}`)}</DescriptionList.Description>
            <DescriptionList.Term>{t('area.code')}</DescriptionList.Term>
            <DescriptionList.Description>{a.code}</DescriptionList.Description>
            <DescriptionList.Term>{t('area.population')}</DescriptionList.Term>
            <DescriptionList.Description>
              {a.population === null ? t('area.populationUnknown') : t('area.populationSource', { count: number(a.population), year: a.populationYear ?? '–' })}
            </DescriptionList.Description>
            <DescriptionList.Term>{t('area.validFrom')}</DescriptionList.Term>
            <DescriptionList.Description>{date(a.validFrom)}</DescriptionList.Description>
            {a.validTo ? (
              <>
                <DescriptionList.Term>{t('area.validTo')}</DescriptionList.Term>
                <DescriptionList.Description>{date(a.validTo)}</DescriptionList.Description>
              </>
            ) : null}
            {alsoIn.length > 0 ? (
              <>
                <DescriptionList.Term>{t('area.alsoIn')}</DescriptionList.Term>
                {alsoIn.map((x) => (
                  <DescriptionList.Description key={x.id}>
                    <AppLink to={`/gemeente/${municipality.code}/gebied/${x.id}`}>{x.name}</AppLink>
                    {x.validTo ? <span className="ww-muted"> ({t('area.until', { date: date(x.validTo) })})</span> : null}
                  </DescriptionList.Description>
                ))}
              </>
            ) : null}
          </DescriptionList>
        </section>
        {features ? (
          <figure className="ww-area-map">
            <Suspense fallback={<div className="ww-map ww-map--placeholder ww-map--small" />}>
              <AreaMap features={features} label={t('area.map', { name: a.name })} className="ww-map--small" />
            </Suspense>
            <figcaption className="ww-source">{a.attribution}</figcaption>
          </figure>
        ) : null}
      </div>

      <p className="ams-mb-l">
        <AppLink to={`/gemeente/${municipality.code}/gebied/${a.id}/initiatieven`}>{t('area.initiatives')}</AppLink>
      </p>
      <section aria-labelledby="deelgebieden" className="ams-mb-l">
        <Heading level={2} id="deelgebieden" className="ams-mb-s">
          {t('area.children', { name: a.name })}
        </Heading>
        {subAreas.length === 0 ? (
          <Paragraph>{t('area.noChildren')}</Paragraph>
        ) : (
          <ul className="ww-link-list ww-link-list--columns">
            {currentChildren.map((c) => (
              <li key={c.id}>
                <AppLink to={`/gemeente/${municipality.code}/gebied/${c.id}`}>{c.name}</AppLink>{' '}
                <span className="ww-muted">
                  ({t(`areas.level.${c.level}`).toLowerCase()}
                  {c.population !== null ? `, ${number(c.population)}` : ''})
                </span>
              </li>
            ))}
            {formerChildren.map((c) => (
              <li key={c.id}>
                <AppLink to={`/gemeente/${municipality.code}/gebied/${c.id}`}>{c.name}</AppLink>{' '}
                <span className="ww-muted">({t('area.former', { date: date(c.validTo!) })})</span>
              </li>
            ))}
          </ul>
        )}
      </section>

      {a.team !== null ? (
        <section aria-labelledby="team" className="ams-mb-l">
          <Heading level={2} id="team" className="ams-mb-s">
            {t('area.team')}
          </Heading>
          {a.team.length === 0 ? (
            <Paragraph>{t('area.teamEmpty')}</Paragraph>
          ) : (
            <div className="ww-table-scroll">
              <Table className="ww-table" aria-labelledby="team">
                <Table.Header>
                  <Table.Row>
                    <Table.HeaderCell scope="col">{t('area.teamRole')}</Table.HeaderCell>
                    <Table.HeaderCell scope="col">{t('area.teamName')}</Table.HeaderCell>
                    <Table.HeaderCell scope="col">{t('area.teamOrganisation')}</Table.HeaderCell>
                    <Table.HeaderCell scope="col">{t('area.teamArea')}</Table.HeaderCell>
                    <Table.HeaderCell scope="col">{t('area.teamSince')}</Table.HeaderCell>
                  </Table.Row>
                </Table.Header>
                <Table.Body>
                  {a.team.map((m) => (
                    <Table.Row key={m.assignmentId}>
                      <Table.Cell data-label={t('area.teamRole')}>{roleLabel(m.role)}</Table.Cell>
                      <Table.Cell data-label={t('area.teamName')}>{m.name}</Table.Cell>
                      <Table.Cell data-label={t('area.teamOrganisation')}>{m.organisation ?? '–'}</Table.Cell>
                      <Table.Cell data-label={t('area.teamArea')}>{areaName(m.areaId)}</Table.Cell>
                      <Table.Cell data-label={t('area.teamSince')}>{date(m.validFrom)}</Table.Cell>
                    </Table.Row>
                  ))}
                </Table.Body>
              </Table>
            </div>
          )}
          {canAssign ? <AssignRoleForm areaId={a.id} areaName={a.name} allRoles={a.abilities.includes('roles.assign')} onAssigned={area.reload} /> : null}
        </section>
      ) : null}
    </div>
  );
}

function AssignRoleForm({ areaId, areaName, allRoles, onAssigned }: { areaId: string; areaName: string; allRoles: boolean; onAssigned: () => void }) {
  const { t } = useI18n();
  const municipality = useRequiredMunicipality();
  const { label: roleLabel, roles } = useRoleLabels();
  const [personFilter, setPersonFilter] = useState('');
  const [personId, setPersonId] = useState('');
  const [role, setRole] = useState('');
  const [done, setDone] = useState<string | null>(null);
  const people = useApi<ListResponse<Person>>(`/api/municipalities/${municipality.code}/people${query({ q: personFilter.trim() || undefined })}`);
  const form = useFormState();

  const keys = (roles.length > 0 ? roles.map((r) => r.key) : [...roleKeys]).filter((k) => allRoles || (teamRoles as readonly string[]).includes(k));
  const options = (people.data?.items ?? []).map((p) => ({ value: p.id, label: p.organisationName ? `${p.name} (${p.organisationName})` : p.name }));
  if (personId && !options.some((o) => o.value === personId))
    options.unshift({ value: personId, label: people.data?.items.find((p) => p.id === personId)?.name ?? personId });

  return (
    <form
      noValidate
      className="ww-form ww-panel"
      aria-labelledby="rol-toewijzen"
      onSubmit={(event) =>
        void form.submit(
          event,
          (): FieldErrors => ({ personId: personId ? undefined : t('area.personRequired'), role: role ? undefined : t('area.roleRequired') }),
          async () => {
            await api.post('/api/municipalities/' + municipality.code + '/role-assignments', { personId, role, areaId });
            const name = people.data?.items.find((p) => p.id === personId)?.name ?? '';
            setDone(t('area.assigned', { name, role: roleLabel(role) }));
            setPersonId('');
            setRole('');
            onAssigned();
          },
        )
      }
    >
      <Heading level={3} id="rol-toewijzen" className="ams-mb-xs">
        {t('area.addRole')}
      </Heading>
      <Paragraph className="ams-mb-s">{t('area.addRoleIntro', { name: areaName })}</Paragraph>
      {done ? <Notice kind="success">{done}</Notice> : null}
      {form.formError ? (
        <Notice kind="error" heading={t('app.errorHeading')}>
          {form.formError}
        </Notice>
      ) : null}
      {people.error ? <LoadError error={people.error} onRetry={people.reload} /> : null}
      <TextField label={t('area.personSearch')} name="person-search" type="search" value={personFilter} onChange={setPersonFilter} optional />
      <SelectField
        label={t('area.person')}
        name="personId"
        value={personId}
        onChange={setPersonId}
        placeholder={t('area.personChoose')}
        options={options}
        error={form.fieldErrors.personId}
        required
      />
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
      <div>
        <Button type="submit" disabled={form.busy}>
          {t('area.assign')}
        </Button>
      </div>
    </form>
  );
}
