import * as fs from 'node:fs';
import * as path from 'node:path';
import { Injectable } from '@nestjs/common';
import { ConfigError, type AppConfig, type Logger } from '@org/platform';
import { decodeKey, generateKey, keyFingerprint, KeyRing, type MasterKey } from '../../crypto';

/**
 * The master keys of the disciplinary context (S11). Only this context is given them; the
 * database holds nothing but data keys wrapped under them.
 *
 * Where they come from, in order:
 * 1. `DISCIPLINE_KEY` (base64, 32 bytes): the active key;
 * 2. `DISCIPLINE_KEY_FILE`: one key per line, `<keyId>:<base64>` or a bare base64 key (`#` starts
 *    a comment); the last line is active unless `DISCIPLINE_KEY` is also set, in which case the
 *    file's keys stay in the ring to unwrap what was wrapped before a rotation;
 * 3. neither, and not a production deployment on PostgreSQL: `<DATA_DIR>/discipline.key`, created
 *    on first start with mode 0600 (and logged — the path and fingerprint, never the key).
 * A production deployment on PostgreSQL without a key refuses to start.
 *
 * A bare key's id is derived from its fingerprint (`k` + 12 hex digits), so it is stable across
 * restarts and different for every key.
 */
export function loadDisciplineKeyRing(config: AppConfig, logger: Logger, env: Record<string, string | undefined> = process.env): KeyRing {
  const keys: MasterKey[] = [];
  let active: string | null = null;
  const add = (keyId: string | null, key: Buffer): string => {
    const id = keyId ?? `k${keyFingerprint(key).replace(/:/g, '').slice(0, 12)}`;
    if (!keys.some((k) => k.keyId === id)) keys.push({ keyId: id, key });
    return id;
  };
  const file = config.disciplineKeyFile ?? env.DISCIPLINE_KEY_FILE;
  if (file) {
    let text: string;
    try {
      text = fs.readFileSync(file, 'utf8');
    } catch {
      throw new ConfigError('DISCIPLINE_KEY_FILE', `cannot be read (${file}); it must hold the discipline master key(s)`);
    }
    const lines = text.split('\n').map((l) => l.trim()).filter((l) => l && !l.startsWith('#'));
    if (lines.length === 0) throw new ConfigError('DISCIPLINE_KEY_FILE', `holds no key (${file})`);
    for (const line of lines) {
      const m = /^([A-Za-z0-9_-]{1,64}):(.+)$/.exec(line);
      try {
        active = add(m ? m[1] : null, decodeKey(m ? m[2] : line));
      } catch {
        throw new ConfigError('DISCIPLINE_KEY_FILE', `has a line that is not a 32-byte base64 key (${file})`);
      }
    }
    warnIfReadableByOthers(file, logger);
  }
  const envKey = config.disciplineKey ?? env.DISCIPLINE_KEY;
  if (envKey) {
    try {
      active = add(null, decodeKey(envKey));
    } catch {
      throw new ConfigError('DISCIPLINE_KEY', 'must be 32 bytes encoded in base64 (generate one with: openssl rand -base64 32)');
    }
  }
  if (active === null) {
    if (config.nodeEnv === 'production' && config.databaseUrl) {
      throw new ConfigError(
        'DISCIPLINE_KEY',
        'is required in production on PostgreSQL (or DISCIPLINE_KEY_FILE): case content is encrypted with it, and it must not live beside the database',
      );
    }
    const generated = path.join(config.dataDir, 'discipline.key');
    if (!fs.existsSync(generated)) {
      fs.mkdirSync(config.dataDir, { recursive: true });
      const key = generateKey();
      try {
        fs.writeFileSync(generated, `# Discipline master key, generated on first start. Back it up: without it no case can be read.\n${key.toString('base64')}\n`, { mode: 0o600, flag: 'wx' });
        logger.warn(
          { path: generated, fingerprint: keyFingerprint(key) },
          'generated a new discipline master key (no DISCIPLINE_KEY or DISCIPLINE_KEY_FILE set); keep a backup of this file, apart from the database',
        );
      } catch (e) {
        if ((e as NodeJS.ErrnoException).code !== 'EEXIST') throw e;
      }
    }
    return loadDisciplineKeyRing({ ...config, disciplineKey: undefined, disciplineKeyFile: generated }, logger, {});
  }
  return KeyRing.create(keys, active);
}

function warnIfReadableByOthers(file: string, logger: Logger): void {
  try {
    if ((fs.statSync(file).mode & 0o077) !== 0) logger.warn({ path: file }, 'the discipline key file is readable by other users; chmod 600 it');
  } catch {
    /* already read above */
  }
}

/** The loaded key ring, as the context's services receive it. */
@Injectable()
export class DisciplineKeys {
  constructor(private readonly keyRing: KeyRing) {}

  ring(): KeyRing {
    return this.keyRing;
  }
}
