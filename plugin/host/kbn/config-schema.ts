/**
 * Stand-in for `@kbn/config-schema` (see README.md): the few builders the plugin's config uses,
 * with Kibana's semantics — defaults apply to missing keys, unknown keys are rejected, and errors
 * name the key as `[key]: message`.
 */
export class Type<V> {
  constructor(
    private readonly check: (value: unknown, key: string) => V,
    readonly defaultValue?: V,
  ) {}

  validate(value: unknown, _context?: Record<string, unknown>, namespace?: string): V {
    return this.check(value, namespace ?? 'value');
  }
}

export type TypeOf<T extends Type<unknown>> = T extends Type<infer V> ? V : never;

type Props = Record<string, Type<unknown>>;
type ObjectValue<P extends Props> = { [K in keyof P]: TypeOf<P[K]> };

interface TypeOptions<V> {
  defaultValue?: V;
  validate?: (value: V) => string | void;
}

function primitive<V>(expected: string, options: TypeOptions<V> = {}): Type<V> {
  return new Type<V>((value, key) => {
    const resolved = value === undefined ? options.defaultValue : value;
    if (typeof resolved !== expected) {
      throw new Error(
        `[${key}]: expected value of type [${expected}] but got [${describe(value)}]`,
      );
    }
    const problem = options.validate?.(resolved as V);
    if (problem) throw new Error(`[${key}]: ${problem}`);
    return resolved as V;
  }, options.defaultValue);
}

function describe(value: unknown): string {
  if (value === undefined) return 'undefined';
  if (value === null) return 'null';
  return Array.isArray(value) ? 'Array' : typeof value;
}

export const schema = {
  string: (options?: TypeOptions<string>) => primitive<string>('string', options),
  number: (options?: TypeOptions<number>) => primitive<number>('number', options),
  boolean: (options?: TypeOptions<boolean>) => primitive<boolean>('boolean', options),

  maybe<V>(type: Type<V>): Type<V | undefined> {
    return new Type<V | undefined>((value, key) =>
      value === undefined ? undefined : type.validate(value, {}, key),
    );
  },

  object<P extends Props>(props: P): Type<ObjectValue<P>> {
    const check = (value: unknown, key: string): ObjectValue<P> => {
      const input = value === undefined ? {} : value;
      if (typeof input !== 'object' || input === null || Array.isArray(input)) {
        throw new Error(`[${key}]: expected a plain object value, but found [${describe(value)}]`);
      }
      const record = input as Record<string, unknown>;
      for (const unknownKey of Object.keys(record).filter((k) => !(k in props))) {
        throw new Error(`[${key}.${unknownKey}]: definition for this key is missing`);
      }
      const result: Record<string, unknown> = {};
      for (const [name, type] of Object.entries(props)) {
        result[name] = type.validate(record[name], {}, key === 'value' ? name : `${key}.${name}`);
      }
      return result as ObjectValue<P>;
    };
    return new Type(check);
  },
};
