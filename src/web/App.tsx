// SPDX-License-Identifier: EUPL-1.2
// Routes (Dutch paths) and the frame around them.
import { lazy, Suspense } from 'react';
import { BrowserRouter, Navigate, Outlet, Route, Routes, useMatch, useParams, useSearchParams } from 'react-router';
import { Heading, Paragraph } from './components/ads.js';
import { AppLink } from './components/AppLink.js';
import { I18nProvider, useT } from './i18n/i18n.js';
import { SessionProvider, useSession } from './session.js';
import { MunicipalityProvider } from './municipality.js';
import { useApi } from './api/use-api.js';
import type { Municipality } from './api/types.js';
import { Layout, LoadError, Loading, useDocumentTitle } from './components/Layout.js';
import { SignInPage } from './pages/SignInPage.js';
import { AreasPage } from './pages/AreasPage.js';
import { AreaPage } from './pages/AreaPage.js';
import { OutboxPage } from './pages/OutboxPage.js';
import { InitiativeRedirect } from './pages/initiatives/InitiativePage.js';

// Residents' initiatives: the overview and dashboard, the application form, one initiative, the public area page.
const InitiativesPage = lazy(() => import('./pages/initiatives/InitiativesPage.js'));
const ApplicationPage = lazy(() => import('./pages/initiatives/ApplicationPage.js'));
const InitiativePage = lazy(() => import('./pages/initiatives/InitiativePage.js'));
const PublicAreaInitiativesPage = lazy(() => import('./pages/initiatives/PublicAreaInitiativesPage.js'));

// The administration pages are only for a few people: loaded on demand.
const PeoplePage = lazy(() => import('./pages/PeoplePage.js'));
const OrganisationsPage = lazy(() => import('./pages/OrganisationsPage.js'));
// Neighbourhood budget rounds: loaded on demand (the results page loads Plot on top, lazily).
const RoundsPage = lazy(() => import('./pages/rounds/RoundsPage.js'));
const RoundPage = lazy(() => import('./pages/rounds/RoundPage.js'));
const IdeaPage = lazy(() => import('./pages/rounds/IdeaPage.js'));
const VotePage = lazy(() => import('./pages/rounds/VotePage.js'));
const ResultsPage = lazy(() => import('./pages/rounds/ResultsPage.js'));
const RoundManagePage = lazy(() => import('./pages/rounds/ManagePage.js'));
// Wijkkompas (figures, maps, analysis) and the residents' survey form: loaded on demand.
const WijkkompasPage = lazy(() => import('./pages/monitor/WijkkompasPage.js').then((m) => ({ default: m.WijkkompasPage })));
const ProfilePage = lazy(() => import('./pages/monitor/ProfilePage.js').then((m) => ({ default: m.ProfilePage })));
const AnalysisPage = lazy(() => import('./pages/monitor/AnalysisPage.js').then((m) => ({ default: m.AnalysisPage })));
const SurveyCodePage = lazy(() => import('./pages/survey/SurveyPage.js').then((m) => ({ default: m.SurveyCodePage })));
const SurveyPage = lazy(() => import('./pages/survey/SurveyPage.js').then((m) => ({ default: m.SurveyPage })));
const SurveyThanksPage = lazy(() => import('./pages/survey/SurveyPage.js').then((m) => ({ default: m.SurveyThanksPage })));
// Staff pages for the survey (questionnaires, waves, results): for the onderzoeker, loaded on demand.
const SurveysPage = lazy(() => import('./pages/surveys/SurveysPage.js').then((m) => ({ default: m.SurveysPage })));
const QuestionnairePage = lazy(() => import('./pages/surveys/QuestionnairePage.js').then((m) => ({ default: m.QuestionnairePage })));
const WavePage = lazy(() => import('./pages/surveys/WavePage.js').then((m) => ({ default: m.WavePage })));
const WaveResultsPage = lazy(() => import('./pages/surveys/ResultsPage.js').then((m) => ({ default: m.ResultsPage })));

export function App() {
  return (
    <BrowserRouter>
      <I18nProvider>
        <SessionProvider>
          <Routes>
            <Route element={<Shell />}>
              <Route index element={<HomePage />} />
              <Route path="inloggen" element={<SignInPage />} />
              <Route path="initiatieven/:initiativeId" element={<InitiativeRedirect />} />
              <Route path="gemeente/:code" element={<MunicipalityPages />}>
                <Route index element={<AreasPage />} />
                <Route path="gebied/:areaId" element={<AreaPage />} />
                <Route path="gebied/:areaId/profiel" element={<ProfilePage />} />
                <Route path="gebied/:areaId/wijkanalyse" element={<AnalysisPage />} />
                <Route path="wijkkompas" element={<WijkkompasPage />} />
                <Route path="enquetes" element={<SurveysPage />} />
                <Route path="enquetes/:surveyId" element={<QuestionnairePage />} />
                <Route path="enquetes/ronde/:waveId" element={<WavePage />} />
                <Route path="enquetes/ronde/:waveId/resultaten" element={<WaveResultsPage />} />
                <Route path="beheer/personen" element={<PeoplePage />} />
                <Route path="beheer/organisaties" element={<OrganisationsPage />} />
                <Route path="initiatieven" element={<InitiativesPage />} />
                <Route path="initiatieven/nieuw" element={<ApplicationPage />} />
                <Route path="initiatieven/:initiativeId" element={<InitiativePage />} />
                <Route path="initiatieven/:initiativeId/wijzigen" element={<ApplicationPage />} />
                <Route path="gebied/:areaId/initiatieven" element={<PublicAreaInitiativesPage />} />
                <Route path="outbox" element={<OutboxPage />} />
                <Route path="rondes" element={<RoundsPage />} />
                <Route path="rondes/:roundId" element={<RoundPage />} />
                <Route path="rondes/:roundId/idee" element={<IdeaPage />} />
                <Route path="rondes/:roundId/stemmen" element={<VotePage />} />
                <Route path="rondes/:roundId/uitslag" element={<ResultsPage />} />
                <Route path="rondes/:roundId/beheer" element={<RoundManagePage />} />
                <Route path="*" element={<NotFoundPage />} />
              </Route>
              <Route
                path="enquete"
                element={
                  <Suspense fallback={<Loading />}>
                    <Outlet />
                  </Suspense>
                }
              >
                <Route index element={<SurveyCodePage />} />
                <Route path="bedankt" element={<SurveyThanksPage />} />
                <Route path=":code" element={<SurveyPage />} />
              </Route>
              <Route path="*" element={<NotFoundPage />} />
            </Route>
          </Routes>
        </SessionProvider>
      </I18nProvider>
    </BrowserRouter>
  );
}

const lastMunicipalityKey = 'wijkwijs.municipality';

/** Works out which municipality the page belongs to, themes the frame with it and renders the page. */
function Shell() {
  const match = useMatch('/gemeente/:code/*');
  const [search] = useSearchParams();
  const { actor, loading: sessionLoading } = useSession();
  const list = useApi<Municipality[]>('/api/municipalities', { cache: true });

  const remembered = (() => {
    try {
      return window.localStorage.getItem(lastMunicipalityKey);
    } catch {
      return null;
    }
  })();
  const all = list.data ?? [];
  const wanted = match?.params.code ?? search.get('gemeente') ?? actor?.municipality ?? remembered ?? (all.length === 1 ? all[0]!.code : null);
  const municipality = all.find((m) => m.code === wanted) ?? (match ? null : all.length === 1 ? all[0]! : null);
  if (municipality) {
    try {
      window.localStorage.setItem(lastMunicipalityKey, municipality.code);
    } catch {
      // not remembered
    }
  }

  return (
    <MunicipalityProvider municipality={municipality}>
      <Layout>
        {list.error ? <LoadError error={list.error} onRetry={list.reload} /> : list.loading || sessionLoading ? <Loading /> : <Outlet context={all} />}
      </Layout>
    </MunicipalityProvider>
  );
}

/** Pages under /gemeente/:code render once that municipality is known. */
function MunicipalityPages() {
  const { code } = useParams();
  const list = useApi<Municipality[]>('/api/municipalities', { cache: true });
  if (list.loading) return <Loading />;
  if (!list.data?.some((m) => m.code === code)) return <NotFoundPage />;
  return (
    <Suspense fallback={<Loading />}>
      <Outlet />
    </Suspense>
  );
}

function HomePage() {
  const t = useT();
  const list = useApi<Municipality[]>('/api/municipalities', { cache: true });
  useDocumentTitle(undefined);
  if (list.loading) return <Loading />;
  const all = list.data ?? [];
  if (all.length === 1) return <Navigate to={`/gemeente/${all[0]!.code}`} replace />;
  return (
    <div className="ww-container">
      <Heading level={1} className="ams-mb-m">
        {t('home.heading')}
      </Heading>
      <Paragraph className="ams-mb-m">{t('home.intro')}</Paragraph>
      {all.length === 0 ? (
        <Paragraph>{t('home.none')}</Paragraph>
      ) : (
        <ul className="ww-link-list">
          {all.map((m) => (
            <li key={m.code}>
              <AppLink to={`/gemeente/${m.code}`}>{m.theme.displayName}</AppLink>
            </li>
          ))}
        </ul>
      )}
    </div>
  );
}

function NotFoundPage() {
  const t = useT();
  useDocumentTitle(t('app.notFoundHeading'));
  return (
    <div className="ww-container">
      <Heading level={1} className="ams-mb-m">
        {t('app.notFoundHeading')}
      </Heading>
      <Paragraph className="ams-mb-m">{t('app.notFound')}</Paragraph>
      <AppLink to="/">{t('app.toHome')}</AppLink>
    </div>
  );
}
