import { Inject, Injectable } from '@nestjs/common';
import * as argon2 from 'argon2';
import { APP_CONFIG, envInteger, type AppConfig, type Env } from '@org/platform';

/** argon2id's memory cost (`ARGON2_MEMORY_KIB`, default 19,456 KiB); tests lower it, production keeps the default. */
export function loadPasswordHashingMemoryKib(env: Env): number {
  return envInteger(env, 'ARGON2_MEMORY_KIB', 19_456, { min: 8, max: 4_194_304, unit: 'KiB' });
}

/** argon2id. The cost is read from the platform's configuration (`AppConfig.env`). */
@Injectable()
export class PasswordHasher {
  private readonly options;
  private dummy?: Promise<string>;

  constructor(@Inject(APP_CONFIG) config: Pick<AppConfig, 'env'>) {
    this.options = {
      type: argon2.argon2id as 2,
      memoryCost: loadPasswordHashingMemoryKib(config.env),
      timeCost: 2,
      parallelism: 1,
      raw: false as const,
    };
  }

  hash(password: string): Promise<string> {
    return argon2.hash(password, this.options);
  }

  async verify(hash: string | null, password: string): Promise<boolean> {
    // Spend the same time whether or not the account exists.
    const target = hash ?? (await (this.dummy ??= argon2.hash('not-a-password', this.options)));
    try {
      return (await argon2.verify(target, password)) && hash !== null;
    } catch {
      return false;
    }
  }
}
