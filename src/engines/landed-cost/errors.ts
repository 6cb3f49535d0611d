/** Bad input is reported field by field; the API maps this to a 400 problem document. */
export interface FieldIssue {
  field: string;
  message: string;
}

export class LandedCostInputError extends Error {
  readonly status = 400;
  constructor(readonly issues: FieldIssue[]) {
    super(issues.map((i) => `${i.field}: ${i.message}`).join('; '));
    this.name = 'LandedCostInputError';
  }
}
