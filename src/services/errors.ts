/** Errors a use case can raise; the API turns each into an application/problem+json answer. */
export interface FieldError {
  field: string;
  message: string;
}

export class DomainError extends Error {
  constructor(readonly status: number, readonly title: string, message: string, readonly errors: FieldError[] = []) {
    super(message);
  }
}

export class NotFound extends DomainError {
  constructor(what: string, id: string) {
    super(404, 'Not Found', `${what} ${id} does not exist`);
  }
}

export class Conflict extends DomainError {
  constructor(message: string, errors: FieldError[] = []) {
    super(409, 'Conflict', message, errors);
  }
}

export class Invalid extends DomainError {
  constructor(message: string, errors: FieldError[] = []) {
    super(400, 'Bad Request', message, errors);
  }
}
