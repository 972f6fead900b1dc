/**
 * The baseline: a bare Fastify server with node-postgres doing the same lookups as the platform's
 * authenticated route (session → account → member → mandates), with none of the framework.
 */
import Fastify from 'fastify';
import { createHash } from 'node:crypto';
import { Pool } from 'pg';

const port = Number(process.env.PORT ?? 3900);
const pool = process.env.DATABASE_URL ? new Pool({ connectionString: process.env.DATABASE_URL, max: 10 }) : null;
const app = Fastify({ logger: false });

app.get('/health/live', async () => ({ status: 'ok' }));
app.get('/me/member', async (req, reply) => {
  if (!pool) return reply.code(500).send();
  const token = String(req.headers.authorization ?? '').slice(7);
  const hash = createHash('sha256').update(token).digest('hex');
  const s = await pool.query(
    `SELECT a.member_id FROM identity.sessions s JOIN identity.accounts a ON a.id = s.account_id WHERE s.token_hash = $1 AND s.revoked_at IS NULL AND s.expires_at > now()`,
    [hash],
  );
  if (!s.rows[0]) return reply.code(401).send();
  const m = await pool.query(`SELECT id, first_name, last_name, email, phone, status, branch_id, joined_on FROM membership.members WHERE id = $1`, [s.rows[0].member_id]);
  return m.rows[0];
});

app.listen({ port, host: '127.0.0.1' }).catch((e) => {
  console.error(e);
  process.exit(1);
});
