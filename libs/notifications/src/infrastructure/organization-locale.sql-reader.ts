import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import type { DataSource } from 'typeorm';
import { maybeOne } from '@org/platform';
import { OrganizationLocaleReader } from '../application/ports/organization-locale.reader';
import type { OrganizationLocale } from '../domain/templates/organization-dates';

interface OrganizationRow {
  time_zone: string;
  locale: string;
}

/** Reads the founding act's one organization row. */
@Injectable()
export class OrganizationLocaleSqlReader extends OrganizationLocaleReader {
  constructor(@InjectDataSource() private readonly ds: DataSource) {
    super();
  }

  async founded(): Promise<OrganizationLocale | null> {
    const row = await maybeOne<OrganizationRow>(this.ds.manager, `SELECT time_zone, locale FROM membership.organization LIMIT 1`);
    return row ? { timeZone: row.time_zone, language: row.locale } : null;
  }
}
