import { ValidateBy, ValidateIf, type ValidationArguments } from 'class-validator';

// Input rules shared by input types, as class-validator decorators (their codes are mapped in input-validation.ts).

export const NOT_NULLABLE = 'notNullable';
export const CALENDAR_DATE = 'isCalendarDate';

/**
 * An optional field that null cannot be given to: leaving it out keeps (or defaults) the value, an explicit null is
 * refused with NOT_NULLABLE naming the field. Use it instead of @IsOptional() wherever the field has no "empty"
 * value to clear to (a name, a visibility, a list that has [] for empty); @IsOptional() stays on fields that null
 * clears (website, capacity, neededBy, ...). Other validators of the field do not run for an absent one.
 */
export function Omittable(): PropertyDecorator {
  return (target, key) => {
    ValidateIf((_object, value) => value !== undefined)(target, key as string);
    ValidateBy({
      name: NOT_NULLABLE,
      validator: {
        validate: (value) => value !== null,
        defaultMessage: (args?: ValidationArguments) => `${args?.property} cannot be null: leave it out to keep it as it is`,
      },
    })(target, key as string);
  };
}

const DATE = /^(\d{4})-(\d{2})-(\d{2})$/;

/** A real calendar date written YYYY-MM-DD, years 0001 to 9999 (what PostgreSQL's date takes without surprises). */
export function isCalendarDate(value: unknown): boolean {
  if (typeof value !== 'string') return false;
  const match = DATE.exec(value);
  if (!match) return false;
  const [year, month, day] = match.slice(1).map(Number);
  if (year < 1 || month < 1 || month > 12 || day < 1) return false;
  const leap = (year % 4 === 0 && year % 100 !== 0) || year % 400 === 0;
  const days = [31, leap ? 29 : 28, 31, 30, 31, 30, 31, 31, 30, 31, 30, 31][month - 1];
  return day <= days;
}

/** Strict ISO calendar date (YYYY-MM-DD, a day that exists): INVALID_DATE otherwise. */
export function IsCalendarDate(): PropertyDecorator {
  return ValidateBy({
    name: CALENDAR_DATE,
    validator: {
      validate: isCalendarDate,
      defaultMessage: (args?: ValidationArguments) => `${args?.property} must be a date written YYYY-MM-DD, e.g. 2027-03-31`,
    },
  });
}
