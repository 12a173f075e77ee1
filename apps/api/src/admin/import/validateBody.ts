import { BadRequestException, ValidationPipe } from '@nestjs/common';
import { err, ok, type Result } from '@app/lifecycle';

/**
 * The app's global ValidationPipe, with the options app.factory.ts gives it: unknown fields
 * rejected, nested bodies checked, every message naming its field. Running the pipe itself (not
 * class-validator by hand) keeps an import line's messages word for word those of the HTTP route.
 */
const pipe = new ValidationPipe({
  whitelist: true,
  forbidNonWhitelisted: true,
  forbidUnknownValues: true,
  transform: true,
  validationError: { target: false, value: false },
});

/** The body as an instance of its DTO class, or each problem prefixed with where it is in the line. */
export async function validateBody<T extends object>(value: object, metatype: new () => T, path: string): Promise<Result<T, string[]>> {
  try {
    return ok((await pipe.transform(value, { type: 'body', metatype })) as T);
  } catch (error) {
    if (!(error instanceof BadRequestException)) throw error;
    const { message } = error.getResponse() as { message: string | string[] };
    return err([message].flat().map((problem) => `${path}.${problem}`));
  }
}
