import type { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * One schema per bounded context, and two group roles for real PostgreSQL deployments:
 * `commons_app` (the platform) and `commons_discipline` (the disciplinary context). Login roles
 * are made members of these by the operator (see README). On the embedded database there is
 * one superuser and these grants are inert; there the separation is enforced by the code
 * boundaries and CI proves the grants on a real server.
 */
export class SchemasAndRoles1732233600000 implements MigrationInterface {
  name = 'SchemasAndRoles1732233600000';

  async up(q: QueryRunner): Promise<void> {
    for (const s of ['identity', 'audit', 'membership', 'dues', 'notifications', 'discipline', 'elections']) {
      await q.query(`CREATE SCHEMA IF NOT EXISTS ${s}`);
    }
    await q.query(`
      DO $$
      BEGIN
        IF NOT EXISTS (SELECT 1 FROM pg_roles WHERE rolname = 'commons_app') THEN
          BEGIN CREATE ROLE commons_app NOLOGIN; EXCEPTION WHEN insufficient_privilege THEN RAISE NOTICE 'cannot create role commons_app'; END;
        END IF;
        IF NOT EXISTS (SELECT 1 FROM pg_roles WHERE rolname = 'commons_discipline') THEN
          BEGIN CREATE ROLE commons_discipline NOLOGIN; EXCEPTION WHEN insufficient_privilege THEN RAISE NOTICE 'cannot create role commons_discipline'; END;
        END IF;
      END $$`);
    // Privileges on tables created later by the migrating role. The app role gets nothing in
    // `discipline` and no UPDATE/DELETE in `audit` (granted table by table there).
    await q.query(`
      DO $$
      DECLARE s text;
      BEGIN
        IF EXISTS (SELECT 1 FROM pg_roles WHERE rolname = 'commons_app') THEN
          FOREACH s IN ARRAY ARRAY['identity', 'membership', 'dues', 'notifications', 'elections'] LOOP
            EXECUTE format('GRANT USAGE ON SCHEMA %I TO commons_app', s);
            EXECUTE format('ALTER DEFAULT PRIVILEGES IN SCHEMA %I GRANT SELECT, INSERT, UPDATE, DELETE ON TABLES TO commons_app', s);
            EXECUTE format('ALTER DEFAULT PRIVILEGES IN SCHEMA %I GRANT USAGE, SELECT ON SEQUENCES TO commons_app', s);
          END LOOP;
          REVOKE ALL ON SCHEMA discipline FROM PUBLIC;
        END IF;
        IF EXISTS (SELECT 1 FROM pg_roles WHERE rolname = 'commons_discipline') THEN
          GRANT USAGE ON SCHEMA discipline TO commons_discipline;
          ALTER DEFAULT PRIVILEGES IN SCHEMA discipline GRANT SELECT, INSERT, UPDATE, DELETE ON TABLES TO commons_discipline;
          ALTER DEFAULT PRIVILEGES IN SCHEMA discipline GRANT USAGE, SELECT ON SEQUENCES TO commons_discipline;
          FOREACH s IN ARRAY ARRAY['identity', 'membership', 'dues', 'notifications'] LOOP
            EXECUTE format('GRANT USAGE ON SCHEMA %I TO commons_discipline', s);
            EXECUTE format('ALTER DEFAULT PRIVILEGES IN SCHEMA %I GRANT SELECT ON TABLES TO commons_discipline', s);
          END LOOP;
        END IF;
      END $$`);
  }

  async down(q: QueryRunner): Promise<void> {
    for (const s of ['elections', 'discipline', 'notifications', 'dues', 'membership', 'audit', 'identity']) {
      await q.query(`DROP SCHEMA IF EXISTS ${s} CASCADE`);
    }
  }
}
