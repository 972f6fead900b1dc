import { Injectable } from '@nestjs/common';
import * as argon2 from 'argon2';

/** argon2id. Tests may lower the cost through ARGON2_MEMORY_KIB; production keeps the default. */
@Injectable()
export class PasswordHasher {
  private readonly options = {
    type: argon2.argon2id as 2,
    memoryCost: Number(process.env.ARGON2_MEMORY_KIB) || 19_456,
    timeCost: 2,
    parallelism: 1,
    raw: false as const,
  };
  private dummy?: Promise<string>;

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
