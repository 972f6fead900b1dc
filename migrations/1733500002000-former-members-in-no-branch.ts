import type { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * Former members (expelled, resigned, declined) are in no branch, whoever changes their status:
 * the membership context's own writes already clear the branch, but an expulsion written by the
 * disciplinary context changed the status only, so the expelled member stayed listed in their
 * old branch for its secretary and treasurer. A trigger clears the branch (and an application's
 * branch) whenever a record takes a former member's status; existing records are repaired.
 * Only the national membership office sees former members.
 */
export class FormerMembersInNoBranch1733500002000 implements MigrationInterface {
  name = 'FormerMembersInNoBranch1733500002000';

  async up(q: QueryRunner): Promise<void> {
    await q.query(`
      CREATE FUNCTION membership.former_members_in_no_branch() RETURNS trigger LANGUAGE plpgsql AS $$
      BEGIN
        IF NEW.status IN ('expelled', 'resigned', 'declined') THEN
          NEW.branch_id := NULL;
          NEW.application_branch_id := NULL;
        END IF;
        RETURN NEW;
      END $$`);
    await q.query(
      `CREATE TRIGGER members_former_in_no_branch BEFORE INSERT OR UPDATE OF status, branch_id, application_branch_id ON membership.members FOR EACH ROW EXECUTE FUNCTION membership.former_members_in_no_branch()`,
    );
    await q.query(
      `UPDATE membership.members SET branch_id = NULL, application_branch_id = NULL
        WHERE status IN ('expelled', 'resigned', 'declined') AND (branch_id IS NOT NULL OR application_branch_id IS NOT NULL)`,
    );
  }

  async down(q: QueryRunner): Promise<void> {
    await q.query(`DROP TRIGGER members_former_in_no_branch ON membership.members`);
    await q.query(`DROP FUNCTION membership.former_members_in_no_branch()`);
  }
}
