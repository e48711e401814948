import { validate, type ValidationError } from 'class-validator';
import { CALENDAR_DATE, NOT_NULLABLE } from './input-rules.js';

export interface FieldIssue {
  code: string;
  field: string;
  message: string;
}

// class-validator constraint names mapped to the stable codes partners can switch on.
const CODE_BY_CONSTRAINT: Record<string, string> = {
  isEmail: 'INVALID_EMAIL',
  isUrl: 'INVALID_URL',
  isLength: 'INVALID_LENGTH',
  minLength: 'INVALID_LENGTH',
  maxLength: 'INVALID_LENGTH',
  isNotEmpty: 'REQUIRED',
  arrayMaxSize: 'TOO_MANY',
  arrayMinSize: 'TOO_FEW',
  min: 'OUT_OF_RANGE',
  max: 'OUT_OF_RANGE',
  isLatitude: 'OUT_OF_RANGE',
  isLongitude: 'OUT_OF_RANGE',
  matches: 'INVALID_FORMAT',
  isISO31661Alpha2: 'INVALID_FORMAT',
  isISO6391: 'INVALID_FORMAT',
  arrayUnique: 'DUPLICATE',
  [NOT_NULLABLE]: 'NOT_NULLABLE',
  [CALENDAR_DATE]: 'INVALID_DATE',
};

function flatten(errors: ValidationError[], path: string, out: FieldIssue[]): void {
  for (const error of errors) {
    const field = path ? `${path}.${error.property}` : error.property;
    const constraints = Object.entries(error.constraints ?? {});
    if (constraints.length > 0) {
      // An explicit null that is not allowed is the problem to report, not the other rules null also fails.
      const [name, message] = constraints.find(([constraint]) => constraint === NOT_NULLABLE) ?? constraints[0];
      out.push({ code: CODE_BY_CONSTRAINT[name] ?? 'INVALID', field, message });
    }
    if (error.children?.length) flatten(error.children, field, out);
  }
}

/** Validates a decorated input object; `root` names it in field paths (e.g. "input.name"). */
export async function validateInput(value: object, root: string): Promise<FieldIssue[]> {
  const errors = await validate(value, { forbidUnknownValues: false, validationError: { target: false, value: false } });
  const issues: FieldIssue[] = [];
  flatten(errors, root, issues);
  return issues;
}
