import {
  catalogueSchema,
  checkFormulaRequestSchema,
  checkFormulaResponseSchema,
  createDataElementRequestSchema,
  createIndicatorRequestSchema,
  createIndicatorVersionRequestSchema,
  dataElementSchema,
  indicatorSchema,
  updateDataElementRequestSchema,
  updateIndicatorRequestSchema,
  createValidationRuleRequestSchema,
  updateValidationRuleRequestSchema,
  validationRuleSchema,
} from '#shared/contracts/catalogue.contract';
import { idParamsSchema } from '#shared/contracts/common.contract';
import { actorOf } from '#server/http/auth.plugin';
import { needs } from '#server/http/route-access';
import type { TypedApp } from '#server/http/typed';
import type { CatalogueService } from './catalogue.service';

/** The indicator catalogue: data elements, derived indicators and their formula versions. */
export function catalogueRoutes(app: TypedApp, options: { catalogue: CatalogueService }): void {
  const tags = ['catalogue'];
  const { catalogue } = options;

  app.get(
    '/api/v1/catalogue',
    {
      config: { access: needs('catalogue.read') },
      schema: { tags, summary: 'The whole indicator catalogue', response: { 200: catalogueSchema } },
    },
    () => catalogue.getCatalogue(),
  );

  app.post(
    '/api/v1/data-elements',
    {
      config: { access: needs('catalogue.manage') },
      schema: {
        tags,
        summary: 'Add a data element',
        body: createDataElementRequestSchema,
        response: { 201: dataElementSchema },
      },
    },
    async (request, reply) =>
      reply.status(201).send(await catalogue.createDataElement(actorOf(request), request.body)),
  );

  app.patch(
    '/api/v1/data-elements/:id',
    {
      config: { access: needs('catalogue.manage') },
      schema: {
        tags,
        summary: 'Change a data element',
        params: idParamsSchema,
        body: updateDataElementRequestSchema,
        response: { 200: dataElementSchema },
      },
    },
    (request) => catalogue.updateDataElement(actorOf(request), request.params.id, request.body),
  );

  app.post(
    '/api/v1/indicators',
    {
      config: { access: needs('catalogue.manage') },
      schema: {
        tags,
        summary: 'Add a derived indicator with its first formula version',
        body: createIndicatorRequestSchema,
        response: { 201: indicatorSchema },
      },
    },
    async (request, reply) =>
      reply.status(201).send(await catalogue.createIndicator(actorOf(request), request.body)),
  );

  app.patch(
    '/api/v1/indicators/:id',
    {
      config: { access: needs('catalogue.manage') },
      schema: {
        tags,
        summary: 'Change an indicator (not its formula)',
        params: idParamsSchema,
        body: updateIndicatorRequestSchema,
        response: { 200: indicatorSchema },
      },
    },
    (request) => catalogue.updateIndicator(actorOf(request), request.params.id, request.body),
  );

  app.post(
    '/api/v1/indicators/:id/versions',
    {
      config: { access: needs('catalogue.manage') },
      schema: {
        tags,
        summary: "Change an indicator's formula from a date on (a new version)",
        params: idParamsSchema,
        body: createIndicatorVersionRequestSchema,
        response: { 201: indicatorSchema },
      },
    },
    async (request, reply) =>
      reply
        .status(201)
        .send(await catalogue.addIndicatorVersion(actorOf(request), request.params.id, request.body)),
  );

  app.post(
    '/api/v1/validation-rules',
    {
      config: { access: needs('catalogue.manage') },
      schema: {
        tags,
        summary: 'Add a validation rule',
        body: createValidationRuleRequestSchema,
        response: { 201: validationRuleSchema },
      },
    },
    async (request, reply) =>
      reply.status(201).send(await catalogue.createValidationRule(actorOf(request), request.body)),
  );

  app.patch(
    '/api/v1/validation-rules/:id',
    {
      config: { access: needs('catalogue.manage') },
      schema: {
        tags,
        summary: 'Change a validation rule',
        params: idParamsSchema,
        body: updateValidationRuleRequestSchema,
        response: { 200: validationRuleSchema },
      },
    },
    (request) => catalogue.updateValidationRule(actorOf(request), request.params.id, request.body),
  );

  // A check saves nothing and reveals only what the catalogue shows, so anyone who can read the catalogue may ask.
  app.post(
    '/api/v1/formulas/check',
    {
      config: { access: needs('catalogue.read') },
      schema: {
        tags,
        summary: 'Check a formula (syntax, unknown codes, circles) without saving it',
        body: checkFormulaRequestSchema,
        response: { 200: checkFormulaResponseSchema },
      },
    },
    (request) => catalogue.checkFormula(request.body),
  );
}
