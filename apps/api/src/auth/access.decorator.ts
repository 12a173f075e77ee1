import { applyDecorators, SetMetadata } from '@nestjs/common';
import { ApiBearerAuth } from '@nestjs/swagger';
import type { Role } from '@app/lifecycle';

export const ACCESS = 'access';

/** Who a route lets in. A route without one is refused to everybody (deny by default). */
export type Access = { readonly anonymous: true } | { readonly anonymous: false; readonly roles: readonly Role[] };

/** Signed-in staff with one of these roles (admin always included). */
export const Roles = (...roles: readonly Role[]) =>
  applyDecorators(SetMetadata(ACCESS, { anonymous: false, roles } satisfies Access), ApiBearerAuth());

/** Anyone, signed in or not; a token that is present must still be valid. */
export const AllowAnonymous = () => SetMetadata(ACCESS, { anonymous: true } satisfies Access);
