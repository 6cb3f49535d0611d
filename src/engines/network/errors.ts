/** Raised for malformed input; `field` names the offending field so an API can answer 400. */
export class NetworkInputError extends Error {
  constructor(
    readonly field: string,
    message: string,
  ) {
    super(`${field}: ${message}`);
    this.name = 'NetworkInputError';
  }
}
