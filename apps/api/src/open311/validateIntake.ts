import { plainToInstance } from 'class-transformer';
import { validate, type ValidationError } from 'class-validator';
import { LogIssueDto } from '../issues/intake/logIssue.dto';
import type { IntakeBody } from './serviceRequestIntake';

/** The Open311 field each intake field came from, so that a refusal names what the client sent. */
const OPEN311_FIELD: Readonly<Record<string, string>> = {
  title: 'description',
  description: 'description',
  category: 'service_code',
  areaId: 'attribute[area]',
  'location.lat': 'lat',
  'location.lng': 'long',
  'location.address': 'address_string',
  'raisedBy.name': 'first_name and last_name',
  'raisedBy.email': 'email',
  'raisedBy.phone': 'phone',
};

/**
 * The intake's own rules (POST /issues's DTO, as the global ValidationPipe applies them), so
 * an Open311 request is held to exactly what any other intake is. Answers one description per
 * problem, naming the Open311 field; empty when the body is valid.
 */
export async function intakeProblems(body: IntakeBody): Promise<string[]> {
  const dto = plainToInstance(LogIssueDto, body);
  const errors = await validate(dto, { whitelist: true, forbidNonWhitelisted: true, forbidUnknownValues: true });
  return errors.flatMap((error) => describe(error, ''));
}

function describe(error: ValidationError, parent: string): string[] {
  const path = `${parent}${error.property}`;
  const field = OPEN311_FIELD[path] ?? path;
  const own = Object.values(error.constraints ?? {}).map((message) => (message.startsWith(error.property) ? `${field}${message.slice(error.property.length)}` : `${field}: ${message}`));
  return [...own, ...(error.children ?? []).flatMap((child) => describe(child, `${path}.`))];
}
