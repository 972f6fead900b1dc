import { RequestMethod } from '@nestjs/common';
import { MetadataScanner, Reflector, type NestContainer } from '@nestjs/core';
import { PATH_METADATA, METHOD_METADATA } from '@nestjs/common/constants';
import { POLICY_KEY } from '@org/identity';
import { createTestApp, type TestApp } from '../../support/test-app';

/**
 * Every registered route declares its access policy. This enumerates the controllers the app
 * actually mounted (not a hand-kept list), so a new route without a policy fails here.
 */
describe('every route declares a policy', () => {
  let t: TestApp;
  beforeAll(async () => {
    t = await createTestApp();
  });
  afterAll(() => t.close());

  it('finds no route without a policy', () => {
    const container = (t.app as unknown as { container: NestContainer }).container;
    const scanner = new MetadataScanner();
    const reflector = t.app.get(Reflector);
    const controllers = [...container.getModules().values()].flatMap((m) => [...m.controllers.values()]);
    const routes: { route: string; policy: unknown }[] = [];
    for (const wrapper of controllers) {
      const instance = wrapper.instance;
      if (!instance) continue;
      const proto = Object.getPrototypeOf(instance);
      const base = Reflect.getMetadata(PATH_METADATA, wrapper.metatype as object) ?? '';
      for (const name of scanner.getAllMethodNames(proto)) {
        const handler = proto[name];
        const path = Reflect.getMetadata(PATH_METADATA, handler);
        if (path === undefined) continue;
        const method = RequestMethod[Reflect.getMetadata(METHOD_METADATA, handler) as number];
        const policy = reflector.getAllAndOverride(POLICY_KEY, [handler, wrapper.metatype as never]);
        routes.push({ route: `${method} /${[base, path].filter(Boolean).join('/')}`.replace(/\/+/g, '/'), policy });
      }
    }
    expect(routes.length).toBeGreaterThan(8);
    const missing = routes.filter((r) => !r.policy).map((r) => r.route);
    expect(missing).toEqual([]);
  });

  it('refuses a route that lacks a policy (the guard fails closed)', async () => {
    const { PolicyGuard } = await import('@org/identity');
    const guard = new PolicyGuard(new Reflector(), {} as never);
    const ctx = { getHandler: () => function handler() {}, getClass: () => class Bare {}, switchToHttp: () => ({ getRequest: () => ({ headers: {} }) }) };
    await expect(guard.canActivate(ctx as never)).rejects.toMatchObject({ code: 'route_without_policy' });
  });
});
