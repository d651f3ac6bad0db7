import { describe, expect, test } from '@jest/globals';
import { Controller, Get, Module, Post } from '@nestjs/common';
import { DiscoveryModule, DiscoveryService, MetadataScanner, Reflector } from '@nestjs/core';
import { Test } from '@nestjs/testing';
import { Public } from '#platform';
import { checkRouteAccess, UndeclaredRouteAccessError } from './check-route-access.js';
import { listRouteAccess } from './list-route-access.js';
import { Roles } from './roles.decorator.js';

describe('checkRouteAccess', () => {
  test('passes when every route is public or names roles', () => {
    expect(() =>
      checkRouteAccess([
        { route: 'GET /health/live (HealthController.live)', isPublic: true, roles: [] },
        { route: 'GET /auth/me (AuthController.me)', isPublic: false, roles: ['applicant'] },
      ]),
    ).not.toThrow();
  });

  test('refuses, naming every route that declares nothing', () => {
    const check = () =>
      checkRouteAccess([
        { route: 'GET /a (A.a)', isPublic: true, roles: [] },
        { route: 'POST /b (B.b)', isPublic: false, roles: [] },
        { route: 'GET /c (C.c)', isPublic: false, roles: [] },
      ]);
    expect(check).toThrow(UndeclaredRouteAccessError);
    expect(check).toThrow('Every route needs @Public() or @Roles(...); these have neither: POST /b (B.b), GET /c (C.c)');
  });
});

// Controllers as an app would declare them: on the class, on the method, and one forgotten.
@Public()
@Controller('open')
class OpenController {
  @Get('a')
  a(): void {}
}

@Controller('mixed')
@Roles('administrator')
class MixedController {
  @Get()
  list(): void {}

  @Post(':id/public')
  @Public()
  open(): void {}

  helper(): void {}
}

@Controller('forgotten')
class ForgottenController {
  @Get()
  @Roles('reviewer')
  fine(): void {}

  @Post('oops')
  oops(): void {}
}

@Module({ imports: [DiscoveryModule], controllers: [OpenController, MixedController, ForgottenController] })
class FakeApiModule {}

describe('listRouteAccess', () => {
  test('finds every route handler with what it declares, and the check names the forgotten one', async () => {
    const moduleRef = await Test.createTestingModule({ imports: [FakeApiModule] }).compile();
    const routes = listRouteAccess(moduleRef.get(DiscoveryService), moduleRef.get(MetadataScanner), moduleRef.get(Reflector));
    expect(routes).toEqual(
      expect.arrayContaining([
        { route: 'GET /open/a (OpenController.a)', method: 'GET', path: '/open/a', isPublic: true, roles: [], throttled: false },
        { route: 'GET /mixed (MixedController.list)', method: 'GET', path: '/mixed', isPublic: false, roles: ['administrator'], throttled: false },
        {
          route: 'POST /mixed/:id/public (MixedController.open)',
          method: 'POST',
          path: '/mixed/:id/public',
          isPublic: true,
          roles: ['administrator'],
          throttled: false,
        },
        { route: 'GET /forgotten (ForgottenController.fine)', method: 'GET', path: '/forgotten', isPublic: false, roles: ['reviewer'], throttled: false },
        { route: 'POST /forgotten/oops (ForgottenController.oops)', method: 'POST', path: '/forgotten/oops', isPublic: false, roles: [], throttled: true },
      ]),
    );
    expect(routes).toHaveLength(5); // helper() is not a route
    expect(() => checkRouteAccess(routes)).toThrow(/these have neither: POST \/forgotten\/oops \(ForgottenController\.oops\)$/);
    await moduleRef.close();
  });
});
