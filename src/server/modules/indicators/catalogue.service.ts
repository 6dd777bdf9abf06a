import type {
  Catalogue,
  CheckFormulaRequest,
  CheckFormulaResponse,
  FormulaCheckProblem,
  CreateDataElementRequest,
  CreateIndicatorRequest,
  CreateIndicatorVersionRequest,
  DataElement,
  Indicator,
  IndicatorVersion,
  UpdateDataElementRequest,
  UpdateIndicatorRequest,
  CreateValidationRuleRequest,
  UpdateValidationRuleRequest,
  ValidationRule,
} from '#shared/contracts/catalogue.contract';
import type { LocalisedName } from '#shared/contracts/common.contract';
import type { Executor, Transactor } from '#server/db/transaction';
import type { Actor } from '#server/lib/actor';
import { described, msg } from '#shared/messages/catalogue';
import type { Message } from '#shared/messages/message';
import { AppError, found } from '#server/lib/app-error';
import { isUniqueViolation } from '#server/lib/pg-errors';
import type { AgencyService } from '../agencies/agency.service';
import type { AuditService } from '../audit/audit.service';
import {
  presentCategory,
  presentCategoryCombo,
  presentDataElement,
  presentIndicator,
  presentIndicatorVersion,
  presentValidationRule,
} from './catalogue.presenter';
import { createCatalogueRepository } from './catalogue.repository';
import { populationCodes } from '#shared/domain/population';
import { dayBefore, findVersionCycles } from './catalogue.rules';
import { defaultCatalogue } from './default-catalogue';
import { describeCycle, checkFormula, formatFormula, parseFormula } from '#shared/domain/formula';

/** Codes of the data elements Kuzot ships (the default catalogue), for the demo data generator. */
export const shippedElementCodes: ReadonlySet<string> = new Set(
  defaultCatalogue.dataElements.map((e) => e.code),
);

export type CatalogueService = ReturnType<typeof createCatalogueService>;

/** The combination used when a data element has no disaggregation. */
export const defaultComboCode = 'default';

const namesOf = (name: LocalisedName) => ({ nameKy: name.ky, nameRu: name.ru, nameEn: name.en });

const codeTaken = (code: 'DATA_ELEMENT_CODE_TAKEN' | 'INDICATOR_CODE_TAKEN') =>
  new AppError(code, undefined, { field: 'code' });

/**
 * Checks one side of a validation rule and returns its canonical text; refuses a syntax error or an unknown code
 * as VALIDATION_FAILED with `{field, position, message}`.
 */
async function checkedRuleSide(ex: Executor, field: 'leftSide' | 'rightSide', text: string): Promise<string> {
  const known = new Set<string>([...(await createCatalogueRepository(ex).listCodes()), ...populationCodes]);
  const [problem] = checkFormula(text, known);
  if (problem)
    throw new AppError(
      'VALIDATION_FAILED',
      msg('formula.in_field', { field: msg(`formula.field.${field}`), problem: problem.localised }),
      { field, position: problem.position, message: problem.message, localised: problem.localised },
    );
  const parsed = parseFormula(text);
  if (!parsed.ok) throw new Error('checkFormula accepted a formula parseFormula refuses');
  return formatFormula(parsed.value);
}

/**
 * Everything wrong with `text` as a formula for `indicatorCode` (null: a validation rule side, which nothing refers
 * to), on the catalogue as `ex` sees it: the syntax error, or one problem per unknown code, and then the circle
 * the formula would close among indicators. Also returns the canonical text when the formula parses.
 */
async function formulaProblems(
  ex: Executor,
  indicatorCode: string | null,
  text: string,
): Promise<{ problems: FormulaCheckProblem[]; canonical: string | null }> {
  const repository = createCatalogueRepository(ex);
  const known = new Set<string>([...(await repository.listCodes()), ...populationCodes]);
  if (indicatorCode !== null) known.add(indicatorCode);
  const parsed = parseFormula(text);
  const canonical = parsed.ok ? formatFormula(parsed.value) : null;
  const problems: FormulaCheckProblem[] = checkFormula(text, known).map((problem) => ({
    kind: problem.kind,
    message: problem.message,
    localised: problem.localised,
    position: problem.position,
    code: problem.kind === 'unknown-code' ? problem.code : null,
    cycle: null,
  }));
  if (problems.length || canonical === null || indicatorCode === null) return { problems, canonical };

  const indicators = await repository.listIndicators();
  const codeOf = new Map(indicators.map((i) => [i.id, i.code]));
  const formulas = new Map<string, string[]>([[indicatorCode, [canonical]]]);
  for (const version of await repository.listVersions()) {
    const code = codeOf.get(version.indicatorId);
    if (code === undefined) continue;
    formulas.set(code, [...(formulas.get(code) ?? []), version.formula]);
  }
  const cycle = findVersionCycles(formulas).find((c) => c.includes(indicatorCode));
  if (cycle)
    problems.push({
      kind: 'cycle',
      ...described(describeCycle(cycle)),
      position: null,
      code: null,
      cycle: [...cycle],
    });
  return { problems, canonical };
}

/**
 * Checks a formula about to be saved for `indicatorCode` and returns its canonical text. Refuses, as
 * VALIDATION_FAILED with `{field: 'formula', position, message}`, a syntax error or an unknown code; and, with
 * `{field: 'formula', message, cycle}`, a formula that would make indicators depend on each other in a circle.
 * Runs on the caller's transaction so it sees the catalogue as the change will.
 */
async function checkedFormula(ex: Executor, indicatorCode: string, text: string): Promise<string> {
  await createCatalogueRepository(ex).lockFormulaChanges();
  const { problems, canonical } = await formulaProblems(ex, indicatorCode, text);
  const [problem] = problems;
  const inFormula = (localised: Message) =>
    msg('formula.in_field', { field: msg('formula.field.formula'), problem: localised });
  if (problem?.cycle)
    throw new AppError('VALIDATION_FAILED', inFormula(problem.localised), {
      field: 'formula',
      message: problem.message,
      localised: problem.localised,
      cycle: problem.cycle,
    });
  if (problem)
    throw new AppError('VALIDATION_FAILED', inFormula(problem.localised), {
      field: 'formula',
      position: problem.position,
      message: problem.message,
      localised: problem.localised,
    });
  if (canonical === null) throw new Error('checkFormula accepted a formula parseFormula refuses');
  return canonical;
}

/**
 * The indicator catalogue: disaggregation categories, raw data elements reported by agencies and derived
 * indicators whose formulas are versioned by validity dates, so a changed formula never rewrites the past.
 */
export function createCatalogueService(deps: {
  tx: Transactor;
  audit: AuditService;
  agencies: AgencyService;
  /**
   * Whether a data element has stored values. The data-values module answers it; it is passed in as a
   * function because that module depends on this one (the container binds it after building both).
   */
  elementHasValues: (dataElementId: string) => Promise<boolean>;
}) {
  let cached: { version: string; catalogue: Catalogue } | null = null;

  async function loadCatalogue(): Promise<Catalogue> {
    const repository = createCatalogueRepository(deps.tx.executor);
    const [categories, options, combos, links, dataElements, indicators, versions, rules] = await Promise.all(
      [
        repository.listCategories(),
        repository.listCategoryOptions(),
        repository.listCategoryCombos(),
        repository.listComboCategories(),
        repository.listDataElements(),
        repository.listIndicators(),
        repository.listVersions(),
        repository.listValidationRules(),
      ],
    );
    return {
      categories: categories.map((c) => presentCategory(c, options)),
      categoryCombos: combos.map((c) => presentCategoryCombo(c, links)),
      dataElements: dataElements.map(presentDataElement),
      indicators: indicators.map((i) => presentIndicator(i, versions)),
      validationRules: rules.map(presentValidationRule),
      populationCodes: [...populationCodes],
    };
  }

  async function loadIndicator(ex: Executor, id: string): Promise<Indicator> {
    const repository = createCatalogueRepository(ex);
    const row = found(await repository.findIndicatorById(id), 'Indicator');
    return presentIndicator(row, await repository.listVersions(id));
  }

  async function requireAgency(agencyId: string | undefined): Promise<void> {
    if (agencyId !== undefined && !(await deps.agencies.exists(agencyId)))
      throw new AppError('VALIDATION_FAILED', msg('reference.agency_missing'), { field: 'agencyId' });
  }

  async function comboIdFor(ex: Executor, comboId: string | undefined): Promise<string> {
    const repository = createCatalogueRepository(ex);
    const combo =
      comboId === undefined
        ? await repository.findComboByCode(defaultComboCode)
        : await repository.findComboById(comboId);
    if (!combo)
      throw new AppError('VALIDATION_FAILED', msg('reference.combo_missing'), { field: 'categoryComboId' });
    return combo.id;
  }

  return {
    /**
     * The whole catalogue, for the catalogue screens and the entry forms. Kept in memory while the catalogue's
     * fingerprint (one cheap query) is unchanged, so a cell save does not reload eight tables; a change by any
     * process changes the fingerprint. Callers must not modify what they get.
     */
    async getCatalogue(): Promise<Catalogue> {
      const version = await createCatalogueRepository(deps.tx.executor).catalogueVersion();
      if (cached?.version === version) return cached.catalogue;
      // Read after the fingerprint: a change committed in between makes the next call reload, never go stale.
      const catalogue = await loadCatalogue();
      cached = { version, catalogue };
      return catalogue;
    },

    async createDataElement(actor: Actor, input: CreateDataElementRequest): Promise<DataElement> {
      await requireAgency(input.agencyId);
      return deps.tx.run(async (ex) => {
        const repository = createCatalogueRepository(ex);
        if (await repository.isCodeUsed(input.code)) throw codeTaken('DATA_ELEMENT_CODE_TAKEN');
        const row = await repository
          .insertDataElement({
            code: input.code,
            ...namesOf(input.name),
            description: input.description ?? '',
            agencyId: input.agencyId,
            unit: input.unit,
            valueType: input.valueType,
            periodType: input.periodType,
            categoryComboId: await comboIdFor(ex, input.categoryComboId),
            aggregationTime: input.aggregationTime,
            aggregationTerritory: input.aggregationTerritory,
            reportedLevel: input.reportedLevel ?? 'leaf',
            allowsNegative: input.allowsNegative ?? false,
            direction: input.direction,
          })
          .catch((error: unknown) => {
            // Another request took the code between the check and the insert.
            throw isUniqueViolation(error) ? codeTaken('DATA_ELEMENT_CODE_TAKEN') : error;
          });
        const element = presentDataElement(row);
        await deps.audit.record(ex, actor, {
          action: 'data_element.created',
          entityType: 'data_element',
          entityId: row.id,
          after: element,
        });
        return element;
      });
    },

    async updateDataElement(actor: Actor, id: string, input: UpdateDataElementRequest): Promise<DataElement> {
      await requireAgency(input.agencyId);
      // Stored values are keyed by the element's period type and disaggregation, and entered at its reporting
      // level: changing any of these would leave them meaning something else (or counted nowhere), so it is
      // refused once values exist (checked before the transaction, as the answer comes from another module;
      // a value saved in between is the accepted race).
      const current = found(
        await createCatalogueRepository(deps.tx.executor).findDataElementById(id),
        'Data element',
      );
      const changesPeriodType = input.periodType !== undefined && input.periodType !== current.periodType;
      const changesCombo =
        input.categoryComboId !== undefined && input.categoryComboId !== current.categoryComboId;
      const changesLevel = input.reportedLevel !== undefined && input.reportedLevel !== current.reportedLevel;
      if ((changesPeriodType || changesCombo || changesLevel) && (await deps.elementHasValues(id))) {
        const [what, field] = changesPeriodType
          ? ['period_type', 'periodType']
          : changesCombo
            ? ['disaggregation', 'categoryComboId']
            : ['reported_level', 'reportedLevel'];
        throw new AppError(
          'ELEMENT_HAS_VALUES',
          msg('catalogue.element_has_values', { code: current.code, what }),
          {
            field,
          },
        );
      }
      return deps.tx.run(async (ex) => {
        const repository = createCatalogueRepository(ex);
        const before = presentDataElement(found(await repository.findDataElementById(id), 'Data element'));
        const row = await repository.updateDataElement(id, {
          ...(input.name ? namesOf(input.name) : {}),
          description: input.description,
          agencyId: input.agencyId,
          unit: input.unit,
          valueType: input.valueType,
          periodType: input.periodType,
          categoryComboId:
            input.categoryComboId === undefined ? undefined : await comboIdFor(ex, input.categoryComboId),
          aggregationTime: input.aggregationTime,
          aggregationTerritory: input.aggregationTerritory,
          reportedLevel: input.reportedLevel,
          allowsNegative: input.allowsNegative,
          direction: input.direction,
          isActive: input.isActive,
        });
        const after = presentDataElement(row);
        await deps.audit.record(ex, actor, {
          action: 'data_element.updated',
          entityType: 'data_element',
          entityId: id,
          before,
          after,
        });
        return after;
      });
    },

    /** Adds a derived indicator with its formula as version 1, valid from `validFrom` on. */
    async createIndicator(actor: Actor, input: CreateIndicatorRequest): Promise<Indicator> {
      return deps.tx.run(async (ex) => {
        const repository = createCatalogueRepository(ex);
        if (await repository.isCodeUsed(input.code)) throw codeTaken('INDICATOR_CODE_TAKEN');
        const formula = await checkedFormula(ex, input.code, input.formula);
        const row = await repository
          .insertIndicator({
            code: input.code,
            ...namesOf(input.name),
            description: input.description ?? '',
            unit: input.unit,
            direction: input.direction,
            decimals: input.decimals ?? 1,
          })
          .catch((error: unknown) => {
            throw isUniqueViolation(error) ? codeTaken('INDICATOR_CODE_TAKEN') : error;
          });
        await repository.insertVersion({
          indicatorId: row.id,
          version: 1,
          formula,
          validFrom: input.validFrom,
          createdBy: actor.userId,
        });
        const indicator = await loadIndicator(ex, row.id);
        await deps.audit.record(ex, actor, {
          action: 'indicator.created',
          entityType: 'indicator',
          entityId: row.id,
          after: indicator,
        });
        return indicator;
      });
    },

    /** Changes what describes an indicator; its formula changes only through `addIndicatorVersion`. */
    async updateIndicator(actor: Actor, id: string, input: UpdateIndicatorRequest): Promise<Indicator> {
      return deps.tx.run(async (ex) => {
        const repository = createCatalogueRepository(ex);
        const before = await loadIndicator(ex, id);
        await repository.updateIndicator(id, {
          ...(input.name ? namesOf(input.name) : {}),
          description: input.description,
          unit: input.unit,
          direction: input.direction,
          decimals: input.decimals,
          isActive: input.isActive,
        });
        const after = await loadIndicator(ex, id);
        await deps.audit.record(ex, actor, {
          action: 'indicator.updated',
          entityType: 'indicator',
          entityId: id,
          before,
          after,
        });
        return after;
      });
    },

    /**
     * Gives an indicator a new formula from `validFrom` on, as a new version; the current version then ends the
     * day before. Earlier versions are never rewritten, so periods before `validFrom` keep their formula.
     * `validFrom` must be later than the current version's start.
     */
    async addIndicatorVersion(
      actor: Actor,
      id: string,
      input: CreateIndicatorVersionRequest,
    ): Promise<Indicator> {
      return deps.tx.run(async (ex) => {
        const repository = createCatalogueRepository(ex);
        const row = found(await repository.findIndicatorByIdForUpdate(id), 'Indicator');
        const before = await loadIndicator(ex, id);
        const current = before.versions.at(-1);
        if (current && input.validFrom <= current.validFrom)
          throw new AppError(
            'VALIDATION_FAILED',
            msg('catalogue.version_too_early', { version: current.version, from: current.validFrom }),
            { field: 'validFrom' },
          );
        const formula = await checkedFormula(ex, row.code, input.formula);
        if (current) await repository.closeVersion(id, current.version, dayBefore(input.validFrom));
        await repository.insertVersion({
          indicatorId: id,
          version: (current?.version ?? 0) + 1,
          formula,
          validFrom: input.validFrom,
          createdBy: actor.userId,
        });
        const after = await loadIndicator(ex, id);
        await deps.audit.record(ex, actor, {
          action: 'indicator.version_created',
          entityType: 'indicator',
          entityId: id,
          before,
          after,
        });
        return after;
      });
    },

    /** Adds a validation rule; both sides are checked like formulas and stored in canonical form. */
    async createValidationRule(actor: Actor, input: CreateValidationRuleRequest): Promise<ValidationRule> {
      return deps.tx.run(async (ex) => {
        const repository = createCatalogueRepository(ex);
        const taken = () => new AppError('VALIDATION_RULE_CODE_TAKEN', undefined, { field: 'code' });
        if (await repository.findValidationRuleByCode(input.code)) throw taken();
        const row = await repository
          .insertValidationRule({
            code: input.code,
            ...namesOf(input.name),
            description: input.description ?? '',
            leftSide: await checkedRuleSide(ex, 'leftSide', input.leftSide),
            operator: input.operator,
            rightSide: await checkedRuleSide(ex, 'rightSide', input.rightSide),
            importance: input.importance,
            periodType: input.periodType,
          })
          .catch((error: unknown) => {
            throw isUniqueViolation(error) ? taken() : error;
          });
        const rule = presentValidationRule(row);
        await deps.audit.record(ex, actor, {
          action: 'validation_rule.created',
          entityType: 'validation_rule',
          entityId: row.id,
          after: rule,
        });
        return rule;
      });
    },

    async updateValidationRule(
      actor: Actor,
      id: string,
      input: UpdateValidationRuleRequest,
    ): Promise<ValidationRule> {
      return deps.tx.run(async (ex) => {
        const repository = createCatalogueRepository(ex);
        const before = presentValidationRule(
          found(await repository.findValidationRuleById(id), 'Validation rule'),
        );
        const row = await repository.updateValidationRule(id, {
          ...(input.name ? namesOf(input.name) : {}),
          description: input.description,
          leftSide:
            input.leftSide === undefined ? undefined : await checkedRuleSide(ex, 'leftSide', input.leftSide),
          operator: input.operator,
          rightSide:
            input.rightSide === undefined
              ? undefined
              : await checkedRuleSide(ex, 'rightSide', input.rightSide),
          importance: input.importance,
          periodType: input.periodType,
          isActive: input.isActive,
        });
        const after = presentValidationRule(row);
        await deps.audit.record(ex, actor, {
          action: 'validation_rule.updated',
          entityType: 'validation_rule',
          entityId: id,
          before,
          after,
        });
        return after;
      });
    },

    /**
     * What would be wrong with a formula if it were saved now (for an indicator, or a validation rule side when
     * `indicatorCode` is omitted); saves nothing. Lets the catalogue screens check a formula as it is typed.
     */
    async checkFormula(input: CheckFormulaRequest): Promise<CheckFormulaResponse> {
      return formulaProblems(deps.tx.executor, input.indicatorCode ?? null, input.formula);
    },

    /** The version of an indicator's formula valid on a day (`YYYY-MM-DD`), or null before its first version. */
    async formulaAt(indicatorCode: string, date: string): Promise<IndicatorVersion | null> {
      const repository = createCatalogueRepository(deps.tx.executor);
      const indicator = found(await repository.findIndicatorByCode(indicatorCode), 'Indicator');
      const version = await repository.findVersionAt(indicator.id, date);
      return version ? presentIndicatorVersion(version) : null;
    },

    /**
     * Adds what is missing of the default catalogue, by code: categories and their options, combinations, data
     * elements (of agencies that exist), indicators and validation rules. Never changes what exists, so administrators' edits
     * survive restarts. Returns how many items were added.
     */
    async seedDefaults(actor: Actor): Promise<number> {
      let added = 0;
      const agencyIds = new Map((await deps.agencies.list()).items.map((a) => [a.code, a.id]));
      for (const category of defaultCatalogue.categories) {
        added += await deps.tx.run(async (ex) => {
          const repository = createCatalogueRepository(ex);
          let count = 0;
          let row = await repository.findCategoryByCode(category.code);
          if (!row) {
            row = await repository.insertCategory({ code: category.code, ...namesOf(category.name) });
            count++;
          }
          const addedOptions: string[] = [];
          for (const [index, option] of category.options.entries()) {
            if (await repository.findCategoryOption(row.id, option.code)) continue;
            await repository.insertCategoryOption({
              categoryId: row.id,
              code: option.code,
              ...namesOf(option.name),
              sortOrder: index,
            });
            addedOptions.push(option.code);
          }
          if (count || addedOptions.length)
            await deps.audit.record(ex, actor, {
              action: 'category.seeded',
              entityType: 'category',
              entityId: row.id,
              after: { code: category.code, addedOptions },
            });
          return count + addedOptions.length;
        });
      }
      for (const combo of defaultCatalogue.categoryCombos) {
        added += await deps.tx.run(async (ex) => {
          const repository = createCatalogueRepository(ex);
          if (await repository.findComboByCode(combo.code)) return 0;
          const row = await repository.insertCombo({ code: combo.code, ...namesOf(combo.name) });
          for (const [position, code] of combo.categories.entries()) {
            const category = found(await repository.findCategoryByCode(code), 'Category');
            await repository.insertComboCategory({ comboId: row.id, categoryId: category.id, position });
          }
          await deps.audit.record(ex, actor, {
            action: 'category_combo.created',
            entityType: 'category_combo',
            entityId: row.id,
            after: { code: combo.code, categories: combo.categories },
          });
          return 1;
        });
      }
      const repository = createCatalogueRepository(deps.tx.executor);
      const combos = new Map((await repository.listCategoryCombos()).map((c) => [c.code, c.id]));
      for (const { agency, categoryCombo, ...element } of defaultCatalogue.dataElements) {
        const agencyId = agencyIds.get(agency);
        if (agencyId === undefined || (await repository.isCodeUsed(element.code))) continue;
        await this.createDataElement(actor, {
          ...element,
          agencyId,
          categoryComboId: combos.get(categoryCombo),
        });
        added++;
      }
      for (const indicator of defaultCatalogue.indicators) {
        if (await repository.isCodeUsed(indicator.code)) continue;
        // An indicator whose inputs an administrator removed or renamed is left out rather than failing start-up.
        const known = new Set([...(await repository.listCodes()), ...populationCodes]);
        if (checkFormula(indicator.formula, known).length) continue;
        await this.createIndicator(actor, indicator);
        added++;
      }
      for (const rule of defaultCatalogue.validationRules) {
        if (await repository.findValidationRuleByCode(rule.code)) continue;
        const known = new Set([...(await repository.listCodes()), ...populationCodes]);
        if (checkFormula(rule.leftSide, known).length || checkFormula(rule.rightSide, known).length) continue;
        await this.createValidationRule(actor, rule);
        added++;
      }
      return added;
    },
  };
}
