import { Injectable } from '@nestjs/common';
import { DomainError } from '@org/kernel';
import { DisciplineDb } from '../../infrastructure/discipline-db';
import { MemberDirectoryRepository, type DirectoryEntry } from '../../infrastructure/member-directory.repository';

/**
 * The minimal directory a complainant picks respondents and witnesses from: name and branch,
 * nothing else (no contact data, no status). At least two letters; at most 20 answers.
 */
@Injectable()
export class MemberDirectoryQuery {
  constructor(
    private readonly db: DisciplineDb,
    private readonly directory: MemberDirectoryRepository,
  ) {}

  search(text: string | undefined): Promise<DirectoryEntry[]> {
    const q = (text ?? '').trim();
    if (q.replace(/\s/g, '').length < 2 || q.length > 100) {
      throw new DomainError('invalid', 'discipline.directory_query', 'Type at least two letters of the name (at most 100 characters).');
    }
    return this.db.transaction((tx) => this.directory.search(tx, q));
  }
}
