import type {
  Catalogue,
  CheckFormulaRequest,
  CheckFormulaResponse,
  CreateDataElementRequest,
  CreateIndicatorRequest,
  CreateIndicatorVersionRequest,
  CreateValidationRuleRequest,
  DataElement,
  Indicator,
  UpdateDataElementRequest,
  UpdateIndicatorRequest,
  UpdateValidationRuleRequest,
  ValidationRule,
} from '#shared/contracts/catalogue.contract';
import { api } from '#web/lib/api-client';

const path = (base: string, id: string) => `${base}/${encodeURIComponent(id)}`;

/** The whole catalogue: categories, combinations, data elements, indicators with versions, validation rules. */
export function getCatalogue(): Promise<Catalogue> {
  return api.get<Catalogue>('/catalogue');
}

/** Adds a data element; DATA_ELEMENT_CODE_TAKEN when its code is used by any element or indicator. */
export function createDataElement(request: CreateDataElementRequest): Promise<DataElement> {
  return api.post<DataElement>('/data-elements', request);
}

/** Changes a data element (never its code). */
export function updateDataElement(id: string, request: UpdateDataElementRequest): Promise<DataElement> {
  return api.patch<DataElement>(path('/data-elements', id), request);
}

/** Adds a derived indicator with its formula as version 1. */
export function createIndicator(request: CreateIndicatorRequest): Promise<Indicator> {
  return api.post<Indicator>('/indicators', request);
}

/** Changes what describes an indicator; the formula changes only by a new version. */
export function updateIndicator(id: string, request: UpdateIndicatorRequest): Promise<Indicator> {
  return api.patch<Indicator>(path('/indicators', id), request);
}

/** Gives an indicator a new formula from a date on; earlier periods keep their version. */
export function addIndicatorVersion(id: string, request: CreateIndicatorVersionRequest): Promise<Indicator> {
  return api.post<Indicator>(`${path('/indicators', id)}/versions`, request);
}

export function createValidationRule(request: CreateValidationRuleRequest): Promise<ValidationRule> {
  return api.post<ValidationRule>('/validation-rules', request);
}

export function updateValidationRule(
  id: string,
  request: UpdateValidationRuleRequest,
): Promise<ValidationRule> {
  return api.patch<ValidationRule>(path('/validation-rules', id), request);
}

/** What would be wrong with a formula (syntax, unknown codes, a circle); saves nothing. */
export function checkFormula(request: CheckFormulaRequest): Promise<CheckFormulaResponse> {
  return api.post<CheckFormulaResponse>('/formulas/check', request);
}
