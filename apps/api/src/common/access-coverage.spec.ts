import 'reflect-metadata';
import { PATH_METADATA } from '@nestjs/common/constants';
import { CONTROLLERS, RESOLVERS } from '../app.module';
import { ACCESS_KEY } from './access.decorator';

const RESOLVER_TYPE = 'graphql:resolver_type';

function handlers(type: new (...args: never[]) => unknown, isHandler: (fn: object) => boolean) {
  const proto = type.prototype as Record<string, unknown>;
  return Object.getOwnPropertyNames(proto)
    .filter(
      (name) =>
        name !== 'constructor' && typeof proto[name] === 'function' && isHandler(proto[name] as object),
    )
    .map((name) => ({ name: `${type.name}.${name}`, fn: proto[name] as object }));
}

describe('every route and resolver declares who may call it', () => {
  const all = [
    ...CONTROLLERS.flatMap((c) => handlers(c, (fn) => Reflect.getMetadata(PATH_METADATA, fn) !== undefined)),
    ...RESOLVERS.flatMap((r) => handlers(r, (fn) => Reflect.getMetadataKeys(fn).includes(RESOLVER_TYPE))),
  ];

  it('finds the handlers', () => {
    expect(all.map((h) => h.name)).toEqual(
      expect.arrayContaining([
        'RecordsController.register',
        'PersonsResolver.persons',
        'AuditController.export',
      ]),
    );
  });

  it.each(all.map((h) => [h.name, h.fn] as const))('%s has @Access', (_name, fn) => {
    expect(Reflect.getMetadata(ACCESS_KEY, fn)).toBeDefined();
  });
});
