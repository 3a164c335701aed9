import type { FastifyRequest } from 'fastify';
import type { App, Deps } from '../../core/http/pipeline.js';
import { inOrganisation } from '../../core/http/pipeline.js';
import { NoContent, OrgParams, problems } from '../../core/http/schemas.js';
import { P } from './policies.js';
import * as S from './schemas.js';
import { createIncident, getIncident, listIncidents, updateIncident } from './manage-incidents.js';
import { answerAvg, answerCbw } from './legal.js';
import { addEvent } from './timeline.js';
import { createTask, deleteTask, updateTask } from './tasks.js';
import { getReport, putDraft, sendReport } from './reports.js';
import { IncidentSettingsBody, IncidentSettingsDto } from './settings-schemas.js';
import { getIncidentSettings, putIncidentSettings } from './settings.js';
import { addLesson } from './lessons.js';
import { incidentReportDocument } from './report-pdf.js';
import { defaultReportRenderer } from '../../core/reports/index.js';
import { FileDownload, attachment } from '../../core/http/files.js';

const tags = ['incidenten'];
type Params = Record<string, string>;
const params = (request: FastifyRequest) => request.params as Params;

/**
 * The incident register (issue #6): incidents with the legal questions, the reporting deadlines of the
 * Cbw and the AVG computed from the recorded moments, an append-only timeline, tasks and the reports.
 * Deleting an incident is deliberately not offered: an incident register keeps its records (close it).
 */
export async function incidentRoutes(app: App, deps: Deps): Promise<void> {
  const org = '/organisations/:org';
  const inc = `${org}/incidents/:incidentId`;

  app.get(
    `${org}/incidents`,
    {
      schema: {
        tags,
        summary:
          'Incidenten (standaard alles behalve gesloten), nieuwste bewustwording eerst, met de eerstvolgende wettelijke termijn en of er een termijn is verstreken; filters op status, ernst, soort, verstreken termijn en tekst',
        params: OrgParams,
        querystring: S.IncidentListQuery,
        response: { 200: S.IncidentList, ...problems(400, 401, 403, 404) },
      },
    },
    inOrganisation(deps, P['incidents.read'], (ctx) => listIncidents(ctx, ctx.request.query as any)),
  );
  app.post(
    `${org}/incidents`,
    {
      schema: {
        tags,
        summary: 'Incident registreren. Het moment van bewustwording ligt niet in de toekomst; het begin niet later dan de bewustwording; behandelaars zijn leden, koppelingen bestaan in de organisatie',
        params: OrgParams,
        body: S.IncidentCreateBody,
        response: { 201: S.IncidentDto, ...problems(400, 401, 403, 404) },
      },
    },
    inOrganisation(deps, P['incidents.manage'], async (ctx) => {
      const out = await createIncident(ctx, ctx.request.body as any);
      ctx.reply.code(201);
      return out;
    }),
  );
  app.get(
    inc,
    {
      schema: {
        tags,
        summary: 'Eén incident met de wettelijke termijnen (nu berekend), de meldingen, taken, koppelingen en de tijdlijn (oudste eerst)',
        params: S.IncidentParams,
        response: { 200: S.IncidentDto, ...problems(401, 403, 404) },
      },
    },
    inOrganisation(deps, P['incidents.read'], (ctx) => getIncident(ctx, params(ctx.request).incidentId)),
  );
  app.patch(
    inc,
    {
      schema: {
        tags,
        summary:
          'Incident wijzigen. Een vastgelegd moment (bewustwording, begin, afhandeling) corrigeren kan alleen met correctionReason en komt op de tijdlijn; de termijnen volgen vanzelf. Status afgehandeld zet het moment van afhandeling, gesloten het moment van sluiten',
        params: S.IncidentParams,
        body: S.IncidentPatchBody,
        response: { 200: S.IncidentDto, ...problems(400, 401, 403, 404) },
      },
    },
    inOrganisation(deps, P['incidents.manage'], (ctx) => updateIncident(ctx, params(ctx.request).incidentId, ctx.request.body as any)),
  );
  app.put(
    `${inc}/legal/cbw`,
    {
      schema: {
        tags,
        summary: 'Juridische vraag Cbw beantwoorden: is dit een significant incident? Met afweging; wie en wanneer worden vastgelegd. Bij ja lopen de meldtermijnen van de Cyberbeveiligingswet',
        params: S.IncidentParams,
        body: S.CbwBody,
        response: { 200: S.IncidentDto, ...problems(400, 401, 403, 404) },
      },
    },
    inOrganisation(deps, P['incidents.manage'], (ctx) => answerCbw(ctx, params(ctx.request).incidentId, ctx.request.body as any)),
  );
  app.put(
    `${inc}/legal/avg`,
    {
      schema: {
        tags,
        summary:
          'Juridische vraag AVG beantwoorden: is dit een inbreuk in verband met persoonsgegevens? Met afweging, categorieën en aantallen betrokkenen en registraties, gevolgen en of betrokkenen worden ingelicht (art. 34). Bij ja loopt de meldtermijn voor de Autoriteit Persoonsgegevens',
        params: S.IncidentParams,
        body: S.AvgBody,
        response: { 200: S.IncidentDto, ...problems(400, 401, 403, 404) },
      },
    },
    inOrganisation(deps, P['incidents.manage'], (ctx) => answerAvg(ctx, params(ctx.request).incidentId, ctx.request.body as any)),
  );
  app.post(
    `${inc}/events`,
    {
      schema: {
        tags,
        summary: 'Gebeurtenis, besluit of notitie aan de tijdlijn toevoegen (de tijdlijn wordt nooit gewijzigd; niet in de toekomst, wel vóór de bewustwording)',
        params: S.IncidentParams,
        body: S.EventBody,
        response: { 201: S.EventDto, ...problems(400, 401, 403, 404) },
      },
    },
    inOrganisation(deps, P['incidents.manage'], async (ctx) => {
      const out = await addEvent(ctx, params(ctx.request).incidentId, ctx.request.body as any);
      ctx.reply.code(201);
      return out;
    }),
  );
  app.post(
    `${inc}/tasks`,
    {
      schema: {
        tags,
        summary: 'Taak bij het incident aanmaken (de uitvoerder is lid van de organisatie)',
        params: S.IncidentParams,
        body: S.TaskBody,
        response: { 201: S.TaskDto, ...problems(400, 401, 403, 404) },
      },
    },
    inOrganisation(deps, P['incidents.manage'], async (ctx) => {
      const out = await createTask(ctx, params(ctx.request).incidentId, ctx.request.body as any);
      ctx.reply.code(201);
      return out;
    }),
  );
  app.patch(
    `${inc}/tasks/:taskId`,
    {
      schema: { tags, summary: 'Taak wijzigen of afvinken (done)', params: S.TaskParams, body: S.TaskPatch, response: { 200: S.TaskDto, ...problems(400, 401, 403, 404) } },
    },
    inOrganisation(deps, P['incidents.manage'], (ctx) => updateTask(ctx, params(ctx.request).incidentId, params(ctx.request).taskId, ctx.request.body as any)),
  );
  app.delete(
    `${inc}/tasks/:taskId`,
    { schema: { tags, summary: 'Taak verwijderen', params: S.TaskParams, response: { 204: NoContent, ...problems(401, 403, 404) } } },
    inOrganisation(deps, P['incidents.manage'], async (ctx) => {
      await deleteTask(ctx, params(ctx.request).incidentId, params(ctx.request).taskId);
      ctx.reply.code(204);
      return null;
    }),
  );
  app.post(
    `${inc}/lessons`,
    {
      schema: {
        tags,
        summary: 'Geleerde les vastleggen: een actie met eigenaar en uiterste datum (eventueel bij een maatregel), gevolgd bij de acties; de les komt op de tijdlijn',
        params: S.IncidentParams,
        body: S.LessonBody,
        response: { 201: S.LessonActionDto, ...problems(400, 401, 403, 404) },
      },
    },
    inOrganisation(deps, P['incidents.manage'], async (ctx) => {
      const a = await addLesson(ctx, params(ctx.request).incidentId, ctx.request.body as any);
      ctx.reply.code(201);
      return { id: a.id, title: a.title, description: a.description, owner: a.owner, dueDate: a.dueDate, status: a.status, overdue: a.overdue, measure: a.measure };
    }),
  );
  app.get(
    `${inc}/reports/:kind`,
    {
      schema: {
        tags,
        summary:
          'Een melding (vroegtijdige waarschuwing, incidentmelding, voortgangsrapport, eindrapport, melding datalek aan de AP): het concept uit het dossier of het bewerkte concept, of zoals verzonden. 404 als de melding (nog) niet van toepassing is',
        params: S.ReportParams,
        response: { 200: S.ReportDto, ...problems(401, 403, 404) },
      },
    },
    inOrganisation(deps, P['incidents.read'], (ctx) => getReport(ctx, params(ctx.request).incidentId, params(ctx.request).kind)),
  );
  app.get(
    `${inc}/reports/:kind/pdf`,
    {
      schema: {
        tags,
        summary: 'De melding als PDF (A4): concept of zoals verzonden, met wettelijke grondslag en de sha-256 van de verzonden inhoud',
        params: S.ReportParams,
        response: { 200: FileDownload, ...problems(401, 403, 404) },
      },
    },
    inOrganisation(deps, P['incidents.read'], async (ctx) => {
      const { incidentId, kind } = params(ctx.request);
      const doc = await incidentReportDocument(ctx, incidentId, kind);
      const file = await defaultReportRenderer.renderPdf(doc);
      ctx.audit.record({ organisationId: ctx.org.id, entityType: 'incident_report', entityId: incidentId, action: 'export', after: { kind, format: 'pdf' } });
      attachment(ctx.reply, 'application/pdf', `${doc.footer?.split(' · ')[0] ?? 'incident'}-${kind}.pdf`);
      return file;
    }),
  );
  app.put(
    `${inc}/reports/:kind`,
    {
      schema: {
        tags,
        summary: 'Het concept van een melding bewerken (volgt daarna het dossier niet meer). 409 als de melding al is verzonden',
        params: S.ReportParams,
        body: S.ReportDraftBody,
        response: { 200: S.ReportDto, ...problems(400, 401, 403, 404, 409) },
      },
    },
    inOrganisation(deps, P['incidents.manage'], (ctx) => putDraft(ctx, params(ctx.request).incidentId, params(ctx.request).kind, (ctx.request.body as any).content)),
  );
  app.post(
    `${inc}/reports/:kind/send`,
    {
      schema: {
        tags,
        summary:
          'Melding als verzonden vastleggen: de inhoud, het tijdstip, wie en via welk kanaal, met de sha-256 van de canonieke JSON. Eén keer per soort (409 als al verzonden). Kanaal csirt bezorgt de melding (een kopie met de hash) in de inbox van het aangesloten CSIRT; zonder gekoppeld CSIRT 409',
        params: S.ReportParams,
        body: S.ReportSendBody,
        response: { 200: S.ReportDto, ...problems(400, 401, 403, 404, 409) },
      },
    },
    inOrganisation(deps, P['incidents.manage'], (ctx) => sendReport(ctx, params(ctx.request).incidentId, params(ctx.request).kind, ctx.request.body as any)),
  );
  app.get(
    `${org}/incident-settings`,
    {
      schema: {
        tags,
        summary: 'Instellingen van de incidenten: hoeveel uur vóór elke wettelijke termijn een herinnering komt (inbox en e-mail); standaard 12 en 2 uur',
        params: OrgParams,
        response: { 200: IncidentSettingsDto, ...problems(401, 403, 404) },
      },
    },
    inOrganisation(deps, P['incidents.read'], (ctx) => getIncidentSettings(ctx)),
  );
  app.put(
    `${org}/incident-settings`,
    {
      schema: {
        tags,
        summary: 'Herinneringen vóór de termijnen instellen: 1 tot 5 verschillende aantallen uren, elk van 1 tot 168 (beheerder en CISO)',
        params: OrgParams,
        body: IncidentSettingsBody,
        response: { 200: IncidentSettingsDto, ...problems(400, 401, 403, 404) },
      },
    },
    inOrganisation(deps, P['incidents.configure'], (ctx) => putIncidentSettings(ctx, ctx.request.body as any)),
  );
}
