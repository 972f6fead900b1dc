-- The schema the migrations produce, as `npm run schema:snapshot` reads it from PostgreSQL.
-- Generated: do not edit. `npm run schema:check` (and test/e2e/platform/schema-snapshot.e2e.spec.ts)
-- fail when the migrations and this file disagree; after adding a migration, run
-- `npm run schema:snapshot` and commit the change to this file with it.

EXTENSION pg_trgm  -- needs pg_trgm
SCHEMA audit  GRANT commons_app: USAGE; commons_caucuses: USAGE; commons_discipline: USAGE
SCHEMA caucuses  GRANT commons_caucuses: USAGE
SCHEMA congress_floor  GRANT commons_app: USAGE
SCHEMA discipline  GRANT commons_discipline: USAGE
SCHEMA dues  GRANT commons_app: USAGE; commons_discipline: USAGE
SCHEMA elections  GRANT commons_app: USAGE
SCHEMA identity  GRANT commons_app: USAGE; commons_discipline: USAGE
SCHEMA membership  GRANT commons_app: USAGE; commons_discipline: USAGE
SCHEMA notifications  GRANT commons_app: USAGE; commons_discipline: USAGE
SCHEMA platform  GRANT commons_app: USAGE
SCHEMA public
SCHEMA restrictions  GRANT commons_app: USAGE; commons_discipline: USAGE
DEFAULT PRIVILEGES IN SCHEMA congress_floor ON TABLES  GRANT commons_app: DELETE, INSERT, SELECT, UPDATE
DEFAULT PRIVILEGES IN SCHEMA discipline ON SEQUENCES  GRANT commons_discipline: SELECT, USAGE
DEFAULT PRIVILEGES IN SCHEMA discipline ON TABLES  GRANT commons_discipline: DELETE, INSERT, SELECT, UPDATE
DEFAULT PRIVILEGES IN SCHEMA dues ON SEQUENCES  GRANT commons_app: SELECT, USAGE
DEFAULT PRIVILEGES IN SCHEMA dues ON TABLES  GRANT commons_app: DELETE, INSERT, SELECT, UPDATE
DEFAULT PRIVILEGES IN SCHEMA elections ON SEQUENCES  GRANT commons_app: SELECT, USAGE
DEFAULT PRIVILEGES IN SCHEMA elections ON TABLES  GRANT commons_app: DELETE, INSERT, SELECT, UPDATE
DEFAULT PRIVILEGES IN SCHEMA identity ON SEQUENCES  GRANT commons_app: SELECT, USAGE
DEFAULT PRIVILEGES IN SCHEMA identity ON TABLES  GRANT commons_app: DELETE, INSERT, SELECT, UPDATE
DEFAULT PRIVILEGES IN SCHEMA membership ON SEQUENCES  GRANT commons_app: SELECT, USAGE
DEFAULT PRIVILEGES IN SCHEMA membership ON TABLES  GRANT commons_app: DELETE, INSERT, SELECT, UPDATE
DEFAULT PRIVILEGES IN SCHEMA notifications ON SEQUENCES  GRANT commons_app: SELECT, USAGE
DEFAULT PRIVILEGES IN SCHEMA notifications ON TABLES  GRANT commons_app: DELETE, INSERT, SELECT, UPDATE; commons_discipline: SELECT

SEQUENCE congress_floor.speakers_seq_seq AS bigint START 1 INCREMENT 1 MINVALUE 1 MAXVALUE 9223372036854775807

SEQUENCE discipline.participants_id_seq AS bigint START 1 INCREMENT 1 MINVALUE 1 MAXVALUE 9223372036854775807  GRANT commons_discipline: SELECT, USAGE

SEQUENCE dues.member_levels_id_seq AS bigint START 1 INCREMENT 1 MINVALUE 1 MAXVALUE 9223372036854775807  GRANT commons_app: SELECT, USAGE

SEQUENCE membership.branch_periods_id_seq AS bigint START 1 INCREMENT 1 MINVALUE 1 MAXVALUE 9223372036854775807  GRANT commons_app: SELECT, USAGE; commons_discipline: SELECT, USAGE

SEQUENCE membership.meeting_speakers_seq_seq AS bigint START 1 INCREMENT 1 MINVALUE 1 MAXVALUE 9223372036854775807  GRANT commons_app: SELECT, USAGE

SEQUENCE membership.members_member_number_seq AS bigint START 1 INCREMENT 1 MINVALUE 1 MAXVALUE 9223372036854775807  GRANT commons_app: SELECT, USAGE; commons_discipline: SELECT, USAGE

SEQUENCE membership.status_history_id_seq AS bigint START 1 INCREMENT 1 MINVALUE 1 MAXVALUE 9223372036854775807  GRANT commons_app: SELECT, USAGE; commons_discipline: SELECT, USAGE

SEQUENCE public.migrations_id_seq AS integer START 1 INCREMENT 1 MINVALUE 1 MAXVALUE 2147483647

SEQUENCE restrictions.active_id_seq AS bigint START 1 INCREMENT 1 MINVALUE 1 MAXVALUE 9223372036854775807  GRANT commons_discipline: SELECT, USAGE

TABLE audit.chain_head
  COLUMN id smallint NOT NULL
  COLUMN last_seq bigint NOT NULL
  COLUMN last_hash text NOT NULL
  CONSTRAINT chain_head_id_check CHECK ((id = 1))
  CONSTRAINT chain_head_pkey PRIMARY KEY (id)
  INDEX chain_head_pkey: CREATE UNIQUE INDEX chain_head_pkey ON audit.chain_head USING btree (id)
  GRANT commons_app: SELECT, UPDATE; commons_caucuses: SELECT, UPDATE; commons_discipline: SELECT, UPDATE

TABLE audit.entries
  COLUMN seq bigint NOT NULL
  COLUMN id uuid NOT NULL DEFAULT gen_random_uuid()
  COLUMN occurred_at timestamp with time zone NOT NULL
  COLUMN actor_id uuid
  COLUMN actor_kind text NOT NULL
  COLUMN context text NOT NULL
  COLUMN action text NOT NULL
  COLUMN subject_type text NOT NULL
  COLUMN subject_id text
  COLUMN data jsonb NOT NULL DEFAULT '{}'::jsonb
  COLUMN prev_hash text NOT NULL
  COLUMN hash text NOT NULL
  CONSTRAINT entries_id_key UNIQUE (id)
  CONSTRAINT entries_pkey PRIMARY KEY (seq)
  INDEX entries_id_key: CREATE UNIQUE INDEX entries_id_key ON audit.entries USING btree (id)
  INDEX entries_pkey: CREATE UNIQUE INDEX entries_pkey ON audit.entries USING btree (seq)
  INDEX entries_subject_idx: CREATE INDEX entries_subject_idx ON audit.entries USING btree (subject_type, subject_id, seq)
  TRIGGER entries_append_only: CREATE TRIGGER entries_append_only BEFORE DELETE OR UPDATE ON audit.entries FOR EACH ROW EXECUTE FUNCTION audit.refuse_change()
  TRIGGER entries_no_truncate: CREATE TRIGGER entries_no_truncate BEFORE TRUNCATE ON audit.entries FOR EACH STATEMENT EXECUTE FUNCTION audit.refuse_change()
  GRANT commons_app: INSERT, SELECT; commons_caucuses: INSERT, SELECT; commons_discipline: INSERT, SELECT

TABLE caucuses.caucuses
  COLUMN id uuid NOT NULL DEFAULT gen_random_uuid()
  COLUMN name text NOT NULL
  COLUMN purpose text NOT NULL
  COLUMN stage text NOT NULL DEFAULT 'forming'::text
  COLUMN threshold integer NOT NULL
  COLUMN created_at timestamp with time zone NOT NULL
  COLUMN formed_at timestamp with time zone
  CONSTRAINT caucuses_check CHECK (((stage = 'formed'::text) = (formed_at IS NOT NULL)))
  CONSTRAINT caucuses_name_check CHECK (((length(name) >= 1) AND (length(name) <= 120)))
  CONSTRAINT caucuses_pkey PRIMARY KEY (id)
  CONSTRAINT caucuses_purpose_check CHECK (((length(purpose) >= 1) AND (length(purpose) <= 2000)))
  CONSTRAINT caucuses_stage_check CHECK ((stage = ANY (ARRAY['forming'::text, 'formed'::text])))
  CONSTRAINT caucuses_threshold_check CHECK ((threshold >= 2))
  INDEX caucuses_name_unique: CREATE UNIQUE INDEX caucuses_name_unique ON caucuses.caucuses USING btree (lower(name))
  INDEX caucuses_pkey: CREATE UNIQUE INDEX caucuses_pkey ON caucuses.caucuses USING btree (id)
  GRANT commons_caucuses: DELETE, INSERT, SELECT, UPDATE

TABLE caucuses.members
  COLUMN caucus_id uuid NOT NULL
  COLUMN member_id uuid NOT NULL
  COLUMN joined_at timestamp with time zone NOT NULL
  CONSTRAINT members_caucus_id_fkey FOREIGN KEY (caucus_id) REFERENCES caucuses.caucuses(id) ON DELETE CASCADE
  CONSTRAINT members_pkey PRIMARY KEY (caucus_id, member_id)
  INDEX caucus_members_member: CREATE INDEX caucus_members_member ON caucuses.members USING btree (member_id)
  INDEX members_pkey: CREATE UNIQUE INDEX members_pkey ON caucuses.members USING btree (caucus_id, member_id)
  GRANT commons_caucuses: DELETE, INSERT, SELECT, UPDATE

TABLE caucuses.posts
  COLUMN id uuid NOT NULL DEFAULT gen_random_uuid()
  COLUMN caucus_id uuid NOT NULL
  COLUMN author_member_id uuid NOT NULL
  COLUMN body text NOT NULL
  COLUMN posted_at timestamp with time zone NOT NULL
  CONSTRAINT posts_body_check CHECK (((length(body) >= 1) AND (length(body) <= 10000)))
  CONSTRAINT posts_caucus_id_fkey FOREIGN KEY (caucus_id) REFERENCES caucuses.caucuses(id) ON DELETE CASCADE
  CONSTRAINT posts_pkey PRIMARY KEY (id)
  INDEX caucus_posts_caucus: CREATE INDEX caucus_posts_caucus ON caucuses.posts USING btree (caucus_id, posted_at)
  INDEX posts_pkey: CREATE UNIQUE INDEX posts_pkey ON caucuses.posts USING btree (id)
  GRANT commons_caucuses: DELETE, INSERT, SELECT, UPDATE

TABLE caucuses.vote_participants
  COLUMN vote_id uuid NOT NULL
  COLUMN member_id uuid NOT NULL
  CONSTRAINT vote_participants_pkey PRIMARY KEY (vote_id, member_id)
  CONSTRAINT vote_participants_vote_id_fkey FOREIGN KEY (vote_id) REFERENCES caucuses.votes(id) ON DELETE CASCADE
  INDEX vote_participants_pkey: CREATE UNIQUE INDEX vote_participants_pkey ON caucuses.vote_participants USING btree (vote_id, member_id)
  GRANT commons_caucuses: DELETE, INSERT, SELECT, UPDATE

TABLE caucuses.vote_tallies
  COLUMN vote_id uuid NOT NULL
  COLUMN option_index integer NOT NULL
  COLUMN votes integer NOT NULL DEFAULT 0
  CONSTRAINT vote_tallies_option_index_check CHECK ((option_index >= 0))
  CONSTRAINT vote_tallies_pkey PRIMARY KEY (vote_id, option_index)
  CONSTRAINT vote_tallies_vote_id_fkey FOREIGN KEY (vote_id) REFERENCES caucuses.votes(id) ON DELETE CASCADE
  CONSTRAINT vote_tallies_votes_check CHECK ((votes >= 0))
  INDEX vote_tallies_pkey: CREATE UNIQUE INDEX vote_tallies_pkey ON caucuses.vote_tallies USING btree (vote_id, option_index)
  GRANT commons_caucuses: DELETE, INSERT, SELECT, UPDATE

TABLE caucuses.votes
  COLUMN id uuid NOT NULL DEFAULT gen_random_uuid()
  COLUMN caucus_id uuid NOT NULL
  COLUMN question text NOT NULL
  COLUMN options jsonb NOT NULL
  COLUMN opened_by uuid NOT NULL
  COLUMN opened_at timestamp with time zone NOT NULL
  COLUMN closed_at timestamp with time zone
  CONSTRAINT votes_caucus_id_fkey FOREIGN KEY (caucus_id) REFERENCES caucuses.caucuses(id) ON DELETE CASCADE
  CONSTRAINT votes_pkey PRIMARY KEY (id)
  CONSTRAINT votes_question_check CHECK (((length(question) >= 1) AND (length(question) <= 500)))
  INDEX caucus_votes_caucus: CREATE INDEX caucus_votes_caucus ON caucuses.votes USING btree (caucus_id, opened_at)
  INDEX votes_pkey: CREATE UNIQUE INDEX votes_pkey ON caucuses.votes USING btree (id)
  GRANT commons_caucuses: DELETE, INSERT, SELECT, UPDATE

TABLE congress_floor.agenda_items
  COLUMN id uuid NOT NULL
  COLUMN congress_id uuid NOT NULL
  COLUMN position integer NOT NULL
  COLUMN title text NOT NULL
  COLUMN kind text NOT NULL
  COLUMN report_text text
  COLUMN presented_by text
  COLUMN starts_at timestamp with time zone NOT NULL
  COLUMN minutes integer NOT NULL
  COLUMN last_list text
  CONSTRAINT agenda_items_congress_id_fkey FOREIGN KEY (congress_id) REFERENCES congress_floor.floors(congress_id)
  CONSTRAINT agenda_items_congress_id_position_key UNIQUE (congress_id, "position")
  CONSTRAINT agenda_items_kind_check CHECK ((kind = ANY (ARRAY['report'::text, 'motions'::text, 'business'::text])))
  CONSTRAINT agenda_items_last_list_check CHECK ((last_list = ANY (ARRAY['open'::text, 'reserved'::text])))
  CONSTRAINT agenda_items_minutes_check CHECK ((minutes > 0))
  CONSTRAINT agenda_items_pkey PRIMARY KEY (id)
  INDEX agenda_items_congress_id_position_key: CREATE UNIQUE INDEX agenda_items_congress_id_position_key ON congress_floor.agenda_items USING btree (congress_id, "position")
  INDEX agenda_items_pkey: CREATE UNIQUE INDEX agenda_items_pkey ON congress_floor.agenda_items USING btree (id)
  GRANT commons_app: DELETE, INSERT, SELECT, UPDATE

TABLE congress_floor.amendments
  COLUMN id uuid NOT NULL
  COLUMN motion_id uuid NOT NULL
  COLUMN number integer NOT NULL
  COLUMN from_line integer NOT NULL
  COLUMN to_line integer NOT NULL
  COLUMN text text NOT NULL
  COLUMN moved_by uuid NOT NULL
  COLUMN stage text NOT NULL
  COLUMN submitted_at timestamp with time zone NOT NULL
  COLUMN amends uuid
  CONSTRAINT amendments_amends_fkey FOREIGN KEY (amends) REFERENCES congress_floor.amendments(id)
  CONSTRAINT amendments_motion_id_fkey FOREIGN KEY (motion_id) REFERENCES congress_floor.motions(id)
  CONSTRAINT amendments_motion_id_number_key UNIQUE (motion_id, number)
  CONSTRAINT amendments_pkey PRIMARY KEY (id)
  CONSTRAINT amendments_stage_check CHECK ((stage = ANY (ARRAY['submitted'::text, 'voting'::text, 'carried'::text, 'lost'::text, 'fallen'::text, 'withdrawn'::text])))
  INDEX amendments_amends_idx: CREATE INDEX amendments_amends_idx ON congress_floor.amendments USING btree (amends) WHERE (amends IS NOT NULL)
  INDEX amendments_motion_id_number_key: CREATE UNIQUE INDEX amendments_motion_id_number_key ON congress_floor.amendments USING btree (motion_id, number)
  INDEX amendments_pkey: CREATE UNIQUE INDEX amendments_pkey ON congress_floor.amendments USING btree (id)
  GRANT commons_app: DELETE, INSERT, SELECT, UPDATE

TABLE congress_floor.bulletins
  COLUMN congress_id uuid NOT NULL
  COLUMN opens_at timestamp with time zone NOT NULL
  COLUMN closes_at timestamp with time zone NOT NULL
  COLUMN max_words integer NOT NULL
  COLUMN set_by uuid NOT NULL
  COLUMN set_at timestamp with time zone NOT NULL
  CONSTRAINT bulletins_check CHECK ((closes_at > opens_at))
  CONSTRAINT bulletins_congress_id_fkey FOREIGN KEY (congress_id) REFERENCES congress_floor.floors(congress_id)
  CONSTRAINT bulletins_max_words_check CHECK ((max_words > 0))
  CONSTRAINT bulletins_pkey PRIMARY KEY (congress_id)
  INDEX bulletins_pkey: CREATE UNIQUE INDEX bulletins_pkey ON congress_floor.bulletins USING btree (congress_id)
  GRANT commons_app: DELETE, INSERT, SELECT, UPDATE

TABLE congress_floor.card_vote_cards
  COLUMN vote_id uuid NOT NULL
  COLUMN member_id uuid NOT NULL
  COLUMN delegation uuid NOT NULL
  COLUMN weight integer NOT NULL
  COLUMN answer text NOT NULL
  CONSTRAINT card_vote_cards_answer_check CHECK ((answer = ANY (ARRAY['yes'::text, 'no'::text, 'abstain'::text])))
  CONSTRAINT card_vote_cards_pkey PRIMARY KEY (vote_id, member_id)
  CONSTRAINT card_vote_cards_vote_id_fkey FOREIGN KEY (vote_id) REFERENCES congress_floor.votes(id)
  CONSTRAINT card_vote_cards_weight_check CHECK ((weight > 0))
  INDEX card_vote_cards_pkey: CREATE UNIQUE INDEX card_vote_cards_pkey ON congress_floor.card_vote_cards USING btree (vote_id, member_id)
  GRANT commons_app: DELETE, INSERT, SELECT, UPDATE

TABLE congress_floor.composite_originals
  COLUMN composite_id uuid NOT NULL
  COLUMN motion_id uuid NOT NULL
  COLUMN consent boolean
  COLUMN answered_by uuid
  COLUMN answered_at timestamp with time zone
  COLUMN withdrawal_by uuid
  COLUMN withdrawal_at timestamp with time zone
  CONSTRAINT composite_originals_composite_id_fkey FOREIGN KEY (composite_id) REFERENCES congress_floor.composites(id)
  CONSTRAINT composite_originals_motion_id_fkey FOREIGN KEY (motion_id) REFERENCES congress_floor.motions(id)
  CONSTRAINT composite_originals_pkey PRIMARY KEY (composite_id, motion_id)
  INDEX composite_originals_motion_idx: CREATE INDEX composite_originals_motion_idx ON congress_floor.composite_originals USING btree (motion_id)
  INDEX composite_originals_pkey: CREATE UNIQUE INDEX composite_originals_pkey ON congress_floor.composite_originals USING btree (composite_id, motion_id)
  GRANT commons_app: DELETE, INSERT, SELECT, UPDATE

TABLE congress_floor.composites
  COLUMN id uuid NOT NULL
  COLUMN congress_id uuid NOT NULL
  COLUMN title text NOT NULL
  COLUMN text text NOT NULL
  COLUMN proposed_by uuid NOT NULL
  COLUMN proposed_at timestamp with time zone NOT NULL
  COLUMN state text NOT NULL
  COLUMN motion_id uuid
  CONSTRAINT composites_congress_id_fkey FOREIGN KEY (congress_id) REFERENCES congress_floor.floors(congress_id)
  CONSTRAINT composites_motion_id_fkey FOREIGN KEY (motion_id) REFERENCES congress_floor.motions(id)
  CONSTRAINT composites_pkey PRIMARY KEY (id)
  CONSTRAINT composites_state_check CHECK ((state = ANY (ARRAY['proposed'::text, 'agreed'::text, 'refused'::text, 'withdrawn'::text])))
  INDEX composites_pkey: CREATE UNIQUE INDEX composites_pkey ON congress_floor.composites USING btree (id)
  GRANT commons_app: DELETE, INSERT, SELECT, UPDATE

TABLE congress_floor.contributions
  COLUMN id uuid NOT NULL
  COLUMN congress_id uuid NOT NULL
  COLUMN author_kind text NOT NULL
  COLUMN author_ref uuid NOT NULL
  COLUMN title text NOT NULL
  COLUMN text text NOT NULL
  COLUMN words integer NOT NULL
  COLUMN published_at timestamp with time zone NOT NULL
  COLUMN withdrawn_at timestamp with time zone
  COLUMN idempotency_sha256 text
  COLUMN request_sha256 text
  CONSTRAINT contributions_author_kind_check CHECK ((author_kind = ANY (ARRAY['member'::text, 'caucus'::text])))
  CONSTRAINT contributions_congress_id_fkey FOREIGN KEY (congress_id) REFERENCES congress_floor.bulletins(congress_id)
  CONSTRAINT contributions_pkey PRIMARY KEY (id)
  CONSTRAINT contributions_words_check CHECK ((words > 0))
  INDEX contributions_by_congress: CREATE INDEX contributions_by_congress ON congress_floor.contributions USING btree (congress_id, published_at)
  INDEX contributions_idempotency: CREATE UNIQUE INDEX contributions_idempotency ON congress_floor.contributions USING btree (congress_id, author_kind, author_ref, idempotency_sha256) WHERE (idempotency_sha256 IS NOT NULL)
  INDEX contributions_pkey: CREATE UNIQUE INDEX contributions_pkey ON congress_floor.contributions USING btree (id)
  GRANT commons_app: DELETE, INSERT, SELECT, UPDATE

TABLE congress_floor.floors
  COLUMN congress_id uuid NOT NULL
  COLUMN motion_deadline timestamp with time zone NOT NULL
  COLUMN seconders_required integer NOT NULL
  COLUMN voting text NOT NULL
  COLUMN alternation text NOT NULL
  COLUMN speaking_seconds integer NOT NULL
  COLUMN next_motion_number integer NOT NULL DEFAULT 1
  COLUMN opened_by uuid NOT NULL
  COLUMN opened_at timestamp with time zone NOT NULL
  COLUMN quorum_kind text NOT NULL DEFAULT 'none'::text
  COLUMN quorum_value integer NOT NULL DEFAULT 0
  COLUMN emergency_acceptance text NOT NULL DEFAULT 'congress'::text
  CONSTRAINT floors_alternation_check CHECK ((alternation = ANY (ARRAY['none'::text, 'alternate-lists'::text, 'first-time-first'::text])))
  CONSTRAINT floors_emergency_acceptance_check CHECK ((emergency_acceptance = ANY (ARRAY['congress'::text, 'committee'::text])))
  CONSTRAINT floors_pkey PRIMARY KEY (congress_id)
  CONSTRAINT floors_quorum_kind_check CHECK ((quorum_kind = ANY (ARRAY['none'::text, 'count'::text, 'share'::text])))
  CONSTRAINT floors_quorum_value_check CHECK ((quorum_value >= 0))
  CONSTRAINT floors_seconders_required_check CHECK ((seconders_required >= 0))
  CONSTRAINT floors_speaking_seconds_check CHECK ((speaking_seconds > 0))
  CONSTRAINT floors_voting_check CHECK ((voting = ANY (ARRAY['open'::text, 'secret'::text, 'card'::text])))
  INDEX floors_pkey: CREATE UNIQUE INDEX floors_pkey ON congress_floor.floors USING btree (congress_id)
  GRANT commons_app: DELETE, INSERT, SELECT, UPDATE

TABLE congress_floor.motions
  COLUMN id uuid NOT NULL
  COLUMN congress_id uuid NOT NULL
  COLUMN agenda_item_id uuid
  COLUMN number integer NOT NULL
  COLUMN title text NOT NULL
  COLUMN text text NOT NULL
  COLUMN submitter_kind text NOT NULL
  COLUMN submitter_ref uuid
  COLUMN submitted_by uuid NOT NULL
  COLUMN stage text NOT NULL
  COLUMN refusal_reason text
  COLUMN amended_text text
  COLUMN submitted_at timestamp with time zone NOT NULL
  COLUMN decided_at timestamp with time zone
  COLUMN version integer NOT NULL
  COLUMN composited_into uuid
  COLUMN emergency_reason text
  COLUMN admission_reason text
  CONSTRAINT motions_agenda_item_id_fkey FOREIGN KEY (agenda_item_id) REFERENCES congress_floor.agenda_items(id)
  CONSTRAINT motions_composited_into_fkey FOREIGN KEY (composited_into) REFERENCES congress_floor.motions(id)
  CONSTRAINT motions_congress_id_fkey FOREIGN KEY (congress_id) REFERENCES congress_floor.floors(congress_id)
  CONSTRAINT motions_congress_id_number_key UNIQUE (congress_id, number)
  CONSTRAINT motions_pkey PRIMARY KEY (id)
  CONSTRAINT motions_stage_check CHECK ((stage = ANY (ARRAY['submitted'::text, 'admitted'::text, 'refused'::text, 'debated'::text, 'voting'::text, 'carried'::text, 'lost'::text, 'referred'::text, 'withdrawn'::text, 'composited'::text, 'awaiting-acceptance'::text, 'not-accepted'::text])))
  CONSTRAINT motions_submitter_kind_check CHECK ((submitter_kind = ANY (ARRAY['member'::text, 'branch'::text, 'executive'::text, 'caucus'::text, 'composite'::text])))
  INDEX motions_congress_id_number_key: CREATE UNIQUE INDEX motions_congress_id_number_key ON congress_floor.motions USING btree (congress_id, number)
  INDEX motions_pkey: CREATE UNIQUE INDEX motions_pkey ON congress_floor.motions USING btree (id)
  GRANT commons_app: DELETE, INSERT, SELECT, UPDATE

TABLE congress_floor.officers
  COLUMN congress_id uuid NOT NULL
  COLUMN member_id uuid NOT NULL
  COLUMN role text NOT NULL
  CONSTRAINT officers_congress_id_fkey FOREIGN KEY (congress_id) REFERENCES congress_floor.floors(congress_id)
  CONSTRAINT officers_pkey PRIMARY KEY (congress_id, member_id, role)
  CONSTRAINT officers_role_check CHECK ((role = ANY (ARRAY['chair'::text, 'standing-orders'::text])))
  INDEX officers_pkey: CREATE UNIQUE INDEX officers_pkey ON congress_floor.officers USING btree (congress_id, member_id, role)
  GRANT commons_app: DELETE, INSERT, SELECT, UPDATE

TABLE congress_floor.open_vote_cards
  COLUMN vote_id uuid NOT NULL
  COLUMN member_id uuid NOT NULL
  COLUMN answer text NOT NULL
  CONSTRAINT open_vote_cards_answer_check CHECK ((answer = ANY (ARRAY['yes'::text, 'no'::text, 'abstain'::text])))
  CONSTRAINT open_vote_cards_pkey PRIMARY KEY (vote_id, member_id)
  CONSTRAINT open_vote_cards_vote_id_fkey FOREIGN KEY (vote_id) REFERENCES congress_floor.votes(id)
  INDEX open_vote_cards_pkey: CREATE UNIQUE INDEX open_vote_cards_pkey ON congress_floor.open_vote_cards USING btree (vote_id, member_id)
  GRANT commons_app: DELETE, INSERT, SELECT, UPDATE

TABLE congress_floor.seconders
  COLUMN motion_id uuid NOT NULL
  COLUMN member_id uuid NOT NULL
  COLUMN position integer NOT NULL
  CONSTRAINT seconders_motion_id_fkey FOREIGN KEY (motion_id) REFERENCES congress_floor.motions(id)
  CONSTRAINT seconders_pkey PRIMARY KEY (motion_id, member_id)
  INDEX seconders_pkey: CREATE UNIQUE INDEX seconders_pkey ON congress_floor.seconders USING btree (motion_id, member_id)
  GRANT commons_app: DELETE, INSERT, SELECT, UPDATE

TABLE congress_floor.speakers
  COLUMN id uuid NOT NULL
  COLUMN agenda_item_id uuid NOT NULL
  COLUMN member_id uuid NOT NULL
  COLUMN list text NOT NULL
  COLUMN point_of_order boolean NOT NULL
  COLUMN seq bigint NOT NULL GENERATED ALWAYS AS IDENTITY
  COLUMN state text NOT NULL
  COLUMN started_at timestamp with time zone
  COLUMN ends_at timestamp with time zone
  COLUMN ended_at timestamp with time zone
  CONSTRAINT speakers_agenda_item_id_fkey FOREIGN KEY (agenda_item_id) REFERENCES congress_floor.agenda_items(id)
  CONSTRAINT speakers_list_check CHECK ((list = ANY (ARRAY['open'::text, 'reserved'::text])))
  CONSTRAINT speakers_pkey PRIMARY KEY (id)
  CONSTRAINT speakers_state_check CHECK ((state = ANY (ARRAY['waiting'::text, 'speaking'::text, 'done'::text, 'withdrawn'::text])))
  INDEX speakers_one_waiting_uq: CREATE UNIQUE INDEX speakers_one_waiting_uq ON congress_floor.speakers USING btree (agenda_item_id, member_id, point_of_order) WHERE (state = ANY (ARRAY['waiting'::text, 'speaking'::text]))
  INDEX speakers_pkey: CREATE UNIQUE INDEX speakers_pkey ON congress_floor.speakers USING btree (id)
  GRANT commons_app: DELETE, INSERT, SELECT, UPDATE

TABLE congress_floor.vote_participation
  COLUMN vote_id uuid NOT NULL
  COLUMN member_id uuid NOT NULL
  CONSTRAINT vote_participation_pkey PRIMARY KEY (vote_id, member_id)
  CONSTRAINT vote_participation_vote_id_fkey FOREIGN KEY (vote_id) REFERENCES congress_floor.votes(id)
  INDEX vote_participation_pkey: CREATE UNIQUE INDEX vote_participation_pkey ON congress_floor.vote_participation USING btree (vote_id, member_id)
  GRANT commons_app: DELETE, INSERT, SELECT, UPDATE

TABLE congress_floor.votes
  COLUMN id uuid NOT NULL
  COLUMN congress_id uuid NOT NULL
  COLUMN motion_id uuid NOT NULL
  COLUMN amendment_id uuid
  COLUMN secret boolean NOT NULL
  COLUMN electorate integer NOT NULL
  COLUMN opened_at timestamp with time zone NOT NULL
  COLUMN closed_at timestamp with time zone
  COLUMN yes integer NOT NULL DEFAULT 0
  COLUMN no integer NOT NULL DEFAULT 0
  COLUMN abstain integer NOT NULL DEFAULT 0
  COLUMN carried boolean
  COLUMN by_card boolean NOT NULL DEFAULT false
  COLUMN quorum integer
  COLUMN acceptance boolean NOT NULL DEFAULT false
  CONSTRAINT votes_amendment_id_fkey FOREIGN KEY (amendment_id) REFERENCES congress_floor.amendments(id)
  CONSTRAINT votes_congress_id_fkey FOREIGN KEY (congress_id) REFERENCES congress_floor.floors(congress_id)
  CONSTRAINT votes_motion_id_fkey FOREIGN KEY (motion_id) REFERENCES congress_floor.motions(id)
  CONSTRAINT votes_pkey PRIMARY KEY (id)
  INDEX votes_one_open_uq: CREATE UNIQUE INDEX votes_one_open_uq ON congress_floor.votes USING btree (congress_id) WHERE (closed_at IS NULL)
  INDEX votes_pkey: CREATE UNIQUE INDEX votes_pkey ON congress_floor.votes USING btree (id)
  GRANT commons_app: DELETE, INSERT, SELECT, UPDATE

TABLE discipline.ad_hoc_appointments
  COLUMN case_id uuid NOT NULL
  COLUMN snapshot jsonb NOT NULL
  COLUMN opened_at timestamp with time zone NOT NULL
  COLUMN completed_at timestamp with time zone
  CONSTRAINT ad_hoc_appointments_case_id_fkey FOREIGN KEY (case_id) REFERENCES discipline.cases(id)
  CONSTRAINT ad_hoc_appointments_pkey PRIMARY KEY (case_id)
  INDEX ad_hoc_appointments_pkey: CREATE UNIQUE INDEX ad_hoc_appointments_pkey ON discipline.ad_hoc_appointments USING btree (case_id)
  GRANT commons_discipline: DELETE, INSERT, SELECT, UPDATE

TABLE discipline.appeals
  COLUMN id uuid NOT NULL
  COLUMN finding_id uuid NOT NULL
  COLUMN case_id uuid NOT NULL
  COLUMN status text NOT NULL
  COLUMN outcome text
  COLUMN lodged_at timestamp with time zone NOT NULL
  COLUMN decided_at timestamp with time zone
  COLUMN panel_draw jsonb
  COLUMN sealed text NOT NULL
  COLUMN version integer NOT NULL DEFAULT 1
  CONSTRAINT appeals_finding_id_fkey FOREIGN KEY (finding_id) REFERENCES discipline.findings(id)
  CONSTRAINT appeals_finding_id_key UNIQUE (finding_id)
  CONSTRAINT appeals_outcome_check CHECK ((outcome = ANY (ARRAY['uphold'::text, 'modify_sanction'::text, 'remand'::text])))
  CONSTRAINT appeals_pkey PRIMARY KEY (id)
  CONSTRAINT appeals_status_check CHECK ((status = ANY (ARRAY['lodged'::text, 'panel_seated'::text, 'decided'::text])))
  INDEX appeals_case_idx: CREATE INDEX appeals_case_idx ON discipline.appeals USING btree (case_id)
  INDEX appeals_finding_id_key: CREATE UNIQUE INDEX appeals_finding_id_key ON discipline.appeals USING btree (finding_id)
  INDEX appeals_pkey: CREATE UNIQUE INDEX appeals_pkey ON discipline.appeals USING btree (id)
  GRANT commons_discipline: DELETE, INSERT, SELECT, UPDATE

TABLE discipline.case_keys
  COLUMN case_id uuid NOT NULL
  COLUMN wrapped_key text NOT NULL
  COLUMN master_key_id text NOT NULL
  COLUMN created_at timestamp with time zone NOT NULL
  COLUMN rewrapped_at timestamp with time zone
  CONSTRAINT case_keys_case_id_fkey FOREIGN KEY (case_id) REFERENCES discipline.cases(id)
  CONSTRAINT case_keys_pkey PRIMARY KEY (case_id)
  INDEX case_keys_master_idx: CREATE INDEX case_keys_master_idx ON discipline.case_keys USING btree (master_key_id)
  INDEX case_keys_pkey: CREATE UNIQUE INDEX case_keys_pkey ON discipline.case_keys USING btree (case_id)
  GRANT commons_discipline: DELETE, INSERT, SELECT, UPDATE

TABLE discipline.case_messages
  COLUMN id uuid NOT NULL
  COLUMN case_id uuid NOT NULL
  COLUMN sender_id text NOT NULL
  COLUMN sender_role text NOT NULL
  COLUMN audience_kind text NOT NULL
  COLUMN audience_person_id text
  COLUMN sent_at timestamp with time zone NOT NULL
  COLUMN disclosed_at timestamp with time zone
  COLUMN sealed text NOT NULL
  CONSTRAINT case_messages_audience_kind_check CHECK ((audience_kind = ANY (ARRAY['panel'::text, 'participant'::text, 'all_parties'::text])))
  CONSTRAINT case_messages_pkey PRIMARY KEY (id)
  CONSTRAINT case_messages_sender_role_check CHECK ((sender_role = ANY (ARRAY['panel'::text, 'complainant'::text, 'respondent'::text, 'witness'::text, 'officer'::text])))
  INDEX case_messages_case_idx: CREATE INDEX case_messages_case_idx ON discipline.case_messages USING btree (case_id, sent_at, id)
  INDEX case_messages_pkey: CREATE UNIQUE INDEX case_messages_pkey ON discipline.case_messages USING btree (id)
  GRANT commons_discipline: DELETE, INSERT, SELECT, UPDATE

TABLE discipline.cases
  COLUMN id uuid NOT NULL
  COLUMN reference text NOT NULL
  COLUMN stage text NOT NULL
  COLUMN path text NOT NULL
  COLUMN serious boolean NOT NULL
  COLUMN serious_violence boolean NOT NULL
  COLUMN serious_sexual_misconduct boolean NOT NULL
  COLUMN serious_threats boolean NOT NULL
  COLUMN received_at timestamp with time zone NOT NULL
  COLUMN clock_started_at timestamp with time zone NOT NULL
  COLUMN triaged_at timestamp with time zone
  COLUMN panel_seated_at timestamp with time zone
  COLUMN finding_at timestamp with time zone
  COLUMN closed_at timestamp with time zone
  COLUMN triage_due_at timestamp with time zone
  COLUMN panel_due_at timestamp with time zone
  COLUMN finding_due_at timestamp with time zone
  COLUMN interim_due_at timestamp with time zone
  COLUMN duty_commissioner_id uuid
  COLUMN panel_member_ids uuid[] NOT NULL DEFAULT '{}'::uuid[]
  COLUMN conflicted_ids uuid[] NOT NULL DEFAULT '{}'::uuid[]
  COLUMN respondents_informed boolean NOT NULL DEFAULT false
  COLUMN ad_hoc_seats_requested integer NOT NULL DEFAULT 0
  COLUMN complainant_member_id uuid
  COLUMN complainant_email text
  COLUMN snapshot jsonb NOT NULL
  COLUMN version integer NOT NULL DEFAULT 1
  COLUMN updated_at timestamp with time zone NOT NULL
  CONSTRAINT cases_path_check CHECK ((path = ANY (ARRAY['record-only'::text, 'informal'::text, 'formal'::text])))
  CONSTRAINT cases_pkey PRIMARY KEY (id)
  CONSTRAINT cases_reference_key UNIQUE (reference)
  CONSTRAINT cases_stage_check CHECK ((stage = ANY (ARRAY['received'::text, 'triaged'::text, 'panel_seated'::text, 'investigating'::text, 'finding'::text, 'final'::text, 'published'::text, 'closed_record_only'::text, 'resolved_informally'::text, 'withdrawn'::text])))
  INDEX cases_ad_hoc_idx: CREATE INDEX cases_ad_hoc_idx ON discipline.cases USING btree (ad_hoc_seats_requested) WHERE (ad_hoc_seats_requested > 0)
  INDEX cases_complainant_email_idx: CREATE INDEX cases_complainant_email_idx ON discipline.cases USING btree (complainant_email) WHERE (complainant_email IS NOT NULL)
  INDEX cases_complainant_member_idx: CREATE INDEX cases_complainant_member_idx ON discipline.cases USING btree (complainant_member_id) WHERE (complainant_member_id IS NOT NULL)
  INDEX cases_duty_idx: CREATE INDEX cases_duty_idx ON discipline.cases USING btree (duty_commissioner_id) WHERE (duty_commissioner_id IS NOT NULL)
  INDEX cases_open_idx: CREATE INDEX cases_open_idx ON discipline.cases USING btree (stage) WHERE (stage = ANY (ARRAY['received'::text, 'triaged'::text, 'panel_seated'::text, 'investigating'::text, 'finding'::text]))
  INDEX cases_panel_idx: CREATE INDEX cases_panel_idx ON discipline.cases USING gin (panel_member_ids)
  INDEX cases_pkey: CREATE UNIQUE INDEX cases_pkey ON discipline.cases USING btree (id)
  INDEX cases_reference_key: CREATE UNIQUE INDEX cases_reference_key ON discipline.cases USING btree (reference)
  GRANT commons_discipline: DELETE, INSERT, SELECT, UPDATE

TABLE discipline.declared_relationships
  COLUMN id uuid NOT NULL
  COLUMN member_id uuid NOT NULL
  COLUMN other_member_id uuid NOT NULL
  COLUMN declared_at timestamp with time zone NOT NULL
  CONSTRAINT declared_relationships_check CHECK ((member_id <> other_member_id))
  CONSTRAINT declared_relationships_member_id_other_member_id_key UNIQUE (member_id, other_member_id)
  CONSTRAINT declared_relationships_pkey PRIMARY KEY (id)
  INDEX declared_relationships_member_id_other_member_id_key: CREATE UNIQUE INDEX declared_relationships_member_id_other_member_id_key ON discipline.declared_relationships USING btree (member_id, other_member_id)
  INDEX declared_relationships_other_idx: CREATE INDEX declared_relationships_other_idx ON discipline.declared_relationships USING btree (other_member_id)
  INDEX declared_relationships_pkey: CREATE UNIQUE INDEX declared_relationships_pkey ON discipline.declared_relationships USING btree (id)
  GRANT commons_discipline: DELETE, INSERT, SELECT, UPDATE

TABLE discipline.directory_searches
  COLUMN searcher_tag text NOT NULL
  COLUMN searched_at timestamp with time zone NOT NULL
  INDEX directory_searches_tag_idx: CREATE INDEX directory_searches_tag_idx ON discipline.directory_searches USING btree (searcher_tag, searched_at)
  GRANT commons_discipline: DELETE, INSERT, SELECT, UPDATE

TABLE discipline.duty_rotation
  COLUMN id smallint NOT NULL
  COLUMN last_index integer
  COLUMN updated_at timestamp with time zone NOT NULL
  CONSTRAINT duty_rotation_id_check CHECK ((id = 1))
  CONSTRAINT duty_rotation_pkey PRIMARY KEY (id)
  INDEX duty_rotation_pkey: CREATE UNIQUE INDEX duty_rotation_pkey ON discipline.duty_rotation USING btree (id)
  GRANT commons_discipline: DELETE, INSERT, SELECT, UPDATE

TABLE discipline.email_verifications
  COLUMN id uuid NOT NULL
  COLUMN email text NOT NULL
  COLUMN code_hash text NOT NULL
  COLUMN attempts integer NOT NULL DEFAULT 0
  COLUMN created_at timestamp with time zone NOT NULL
  COLUMN expires_at timestamp with time zone NOT NULL
  COLUMN confirmed_at timestamp with time zone
  COLUMN token_hash text
  COLUMN token_expires_at timestamp with time zone
  CONSTRAINT email_verifications_pkey PRIMARY KEY (id)
  CONSTRAINT email_verifications_token_hash_key UNIQUE (token_hash)
  INDEX email_verifications_email_idx: CREATE INDEX email_verifications_email_idx ON discipline.email_verifications USING btree (email, created_at)
  INDEX email_verifications_pkey: CREATE UNIQUE INDEX email_verifications_pkey ON discipline.email_verifications USING btree (id)
  INDEX email_verifications_token_hash_key: CREATE UNIQUE INDEX email_verifications_token_hash_key ON discipline.email_verifications USING btree (token_hash)
  GRANT commons_discipline: DELETE, INSERT, SELECT, UPDATE

TABLE discipline.escalations
  COLUMN id uuid NOT NULL
  COLUMN case_id uuid NOT NULL
  COLUMN deadline text NOT NULL
  COLUMN due_at timestamp with time zone NOT NULL
  COLUMN escalated_at timestamp with time zone NOT NULL
  COLUMN recipients uuid[] NOT NULL
  CONSTRAINT escalations_case_id_deadline_due_at_key UNIQUE (case_id, deadline, due_at)
  CONSTRAINT escalations_case_id_fkey FOREIGN KEY (case_id) REFERENCES discipline.cases(id)
  CONSTRAINT escalations_deadline_check CHECK ((deadline = ANY (ARRAY['triage'::text, 'panel_seated'::text, 'finding'::text, 'interim_measures'::text])))
  CONSTRAINT escalations_pkey PRIMARY KEY (id)
  INDEX escalations_case_id_deadline_due_at_key: CREATE UNIQUE INDEX escalations_case_id_deadline_due_at_key ON discipline.escalations USING btree (case_id, deadline, due_at)
  INDEX escalations_pkey: CREATE UNIQUE INDEX escalations_pkey ON discipline.escalations USING btree (id)
  GRANT commons_discipline: DELETE, INSERT, SELECT, UPDATE

TABLE discipline.evidence
  COLUMN id uuid NOT NULL
  COLUMN case_id uuid NOT NULL
  COLUMN submitted_by text NOT NULL
  COLUMN content_type text NOT NULL
  COLUMN size_bytes integer NOT NULL
  COLUMN submitted_at timestamp with time zone NOT NULL
  COLUMN sealed_meta text NOT NULL
  COLUMN content bytea NOT NULL
  CONSTRAINT evidence_pkey PRIMARY KEY (id)
  CONSTRAINT evidence_size_bytes_check CHECK ((size_bytes > 0))
  INDEX evidence_case_idx: CREATE INDEX evidence_case_idx ON discipline.evidence USING btree (case_id, submitted_at)
  INDEX evidence_pkey: CREATE UNIQUE INDEX evidence_pkey ON discipline.evidence USING btree (id)
  GRANT commons_discipline: DELETE, INSERT, SELECT, UPDATE

TABLE discipline.findings
  COLUMN id uuid NOT NULL
  COLUMN case_id uuid NOT NULL
  COLUMN respondent_id uuid NOT NULL
  COLUMN status text NOT NULL
  COLUMN remand_of uuid
  COLUMN upheld boolean
  COLUMN decided_at timestamp with time zone
  COLUMN appeal_deadline timestamp with time zone
  COLUMN final_at timestamp with time zone
  COLUMN final_sanction text
  COLUMN sealed text NOT NULL
  COLUMN version integer NOT NULL DEFAULT 1
  COLUMN opened_at timestamp with time zone NOT NULL
  CONSTRAINT findings_final_sanction_check CHECK ((final_sanction = ANY (ARRAY['no_finding'::text, 'warning'::text, 'conditions'::text, 'suspension'::text, 'expulsion'::text])))
  CONSTRAINT findings_pkey PRIMARY KEY (id)
  CONSTRAINT findings_remand_of_fkey FOREIGN KEY (remand_of) REFERENCES discipline.findings(id)
  CONSTRAINT findings_status_check CHECK ((status = ANY (ARRAY['deliberating'::text, 'decided'::text, 'notified'::text, 'under_appeal'::text, 'final'::text, 'set_aside'::text])))
  INDEX findings_case_idx: CREATE INDEX findings_case_idx ON discipline.findings USING btree (case_id, opened_at)
  INDEX findings_due_idx: CREATE INDEX findings_due_idx ON discipline.findings USING btree (appeal_deadline) WHERE (status = 'notified'::text)
  INDEX findings_live_uq: CREATE UNIQUE INDEX findings_live_uq ON discipline.findings USING btree (case_id, respondent_id) WHERE (status <> 'set_aside'::text)
  INDEX findings_pkey: CREATE UNIQUE INDEX findings_pkey ON discipline.findings USING btree (id)
  INDEX findings_respondent_idx: CREATE INDEX findings_respondent_idx ON discipline.findings USING btree (respondent_id) WHERE (status = 'final'::text)
  GRANT commons_discipline: DELETE, INSERT, SELECT, UPDATE

TABLE discipline.interim_decisions
  COLUMN id uuid NOT NULL
  COLUMN case_id uuid NOT NULL
  COLUMN decided_at timestamp with time zone NOT NULL
  COLUMN decided_by uuid[] NOT NULL
  COLUMN outcome text NOT NULL
  COLUMN measures jsonb NOT NULL
  COLUMN reasons_ref text NOT NULL
  COLUMN ended_at timestamp with time zone
  CONSTRAINT interim_decisions_case_id_fkey FOREIGN KEY (case_id) REFERENCES discipline.cases(id)
  CONSTRAINT interim_decisions_outcome_check CHECK ((outcome = ANY (ARRAY['measures'::text, 'no_measures'::text])))
  CONSTRAINT interim_decisions_pkey PRIMARY KEY (id)
  INDEX interim_decisions_case_idx: CREATE INDEX interim_decisions_case_idx ON discipline.interim_decisions USING btree (case_id, decided_at)
  INDEX interim_decisions_pkey: CREATE UNIQUE INDEX interim_decisions_pkey ON discipline.interim_decisions USING btree (id)
  GRANT commons_discipline: DELETE, INSERT, SELECT, UPDATE

TABLE discipline.interim_proposals
  COLUMN id uuid NOT NULL
  COLUMN case_id uuid NOT NULL
  COLUMN proposed_by uuid NOT NULL
  COLUMN proposed_at timestamp with time zone NOT NULL
  COLUMN outcome text NOT NULL
  COLUMN measures jsonb NOT NULL
  COLUMN reasons_ref text NOT NULL
  COLUMN concurrences uuid[] NOT NULL
  COLUMN decision_id uuid
  COLUMN closed_at timestamp with time zone
  CONSTRAINT interim_proposals_case_id_fkey FOREIGN KEY (case_id) REFERENCES discipline.cases(id)
  CONSTRAINT interim_proposals_outcome_check CHECK ((outcome = ANY (ARRAY['measures'::text, 'no_measures'::text])))
  CONSTRAINT interim_proposals_pkey PRIMARY KEY (id)
  INDEX interim_proposals_case_idx: CREATE INDEX interim_proposals_case_idx ON discipline.interim_proposals USING btree (case_id) WHERE (closed_at IS NULL)
  INDEX interim_proposals_pkey: CREATE UNIQUE INDEX interim_proposals_pkey ON discipline.interim_proposals USING btree (id)
  GRANT commons_discipline: DELETE, INSERT, SELECT, UPDATE

TABLE discipline.interviews
  COLUMN id uuid NOT NULL
  COLUMN case_id uuid NOT NULL
  COLUMN person_id text NOT NULL
  COLUMN status text NOT NULL
  COLUMN scheduled_for timestamp with time zone NOT NULL
  COLUMN sealed text NOT NULL
  COLUMN version integer NOT NULL DEFAULT 1
  COLUMN created_at timestamp with time zone NOT NULL
  CONSTRAINT interviews_pkey PRIMARY KEY (id)
  CONSTRAINT interviews_status_check CHECK ((status = ANY (ARRAY['scheduled'::text, 'held'::text, 'cancelled'::text])))
  INDEX interviews_case_idx: CREATE INDEX interviews_case_idx ON discipline.interviews USING btree (case_id, scheduled_for)
  INDEX interviews_pkey: CREATE UNIQUE INDEX interviews_pkey ON discipline.interviews USING btree (id)
  GRANT commons_discipline: DELETE, INSERT, SELECT, UPDATE

TABLE discipline.master_key_check
  COLUMN only_row boolean NOT NULL DEFAULT true
  COLUMN key_check text NOT NULL
  COLUMN key_id text NOT NULL
  COLUMN recorded_at timestamp with time zone NOT NULL
  CONSTRAINT master_key_check_key_check_check CHECK ((key_check ~ '^[0-9a-f]{64}$'::text))
  CONSTRAINT master_key_check_only_row_check CHECK (only_row)
  CONSTRAINT master_key_check_pkey PRIMARY KEY (only_row)
  INDEX master_key_check_pkey: CREATE UNIQUE INDEX master_key_check_pkey ON discipline.master_key_check USING btree (only_row)
  GRANT commons_discipline: INSERT, SELECT, UPDATE

TABLE discipline.match_groups
  COLUMN respondent_hash text NOT NULL
  COLUMN matching_key_id text NOT NULL
  COLUMN snapshot jsonb NOT NULL
  COLUMN version integer NOT NULL DEFAULT 1
  COLUMN updated_at timestamp with time zone NOT NULL
  CONSTRAINT match_groups_pkey PRIMARY KEY (respondent_hash)
  INDEX match_groups_pkey: CREATE UNIQUE INDEX match_groups_pkey ON discipline.match_groups USING btree (respondent_hash)
  GRANT commons_discipline: DELETE, INSERT, SELECT, UPDATE

TABLE discipline.match_indexed_cases
  COLUMN case_id uuid NOT NULL
  COLUMN indexed_at timestamp with time zone NOT NULL
  CONSTRAINT match_indexed_cases_pkey PRIMARY KEY (case_id)
  INDEX match_indexed_cases_pkey: CREATE UNIQUE INDEX match_indexed_cases_pkey ON discipline.match_indexed_cases USING btree (case_id)
  GRANT commons_discipline: DELETE, INSERT, SELECT, UPDATE

TABLE discipline.outcome_notices
  COLUMN id uuid NOT NULL
  COLUMN finding_id uuid NOT NULL
  COLUMN case_id uuid NOT NULL
  COLUMN status text NOT NULL
  COLUMN review_ends_at timestamp with time zone NOT NULL
  COLUMN publish_at timestamp with time zone NOT NULL
  COLUMN delayed boolean NOT NULL DEFAULT false
  COLUMN sealed text NOT NULL
  COLUMN published_at timestamp with time zone
  COLUMN public_facts jsonb
  COLUMN public_text text
  COLUMN notification_notice_id uuid
  COLUMN recipients integer
  COLUMN version integer NOT NULL DEFAULT 1
  COLUMN composed_at timestamp with time zone NOT NULL
  CONSTRAINT outcome_notices_check CHECK (((status = 'published'::text) = (published_at IS NOT NULL)))
  CONSTRAINT outcome_notices_check1 CHECK (((status <> 'published'::text) OR ((public_facts IS NOT NULL) AND (public_text IS NOT NULL))))
  CONSTRAINT outcome_notices_finding_id_fkey FOREIGN KEY (finding_id) REFERENCES discipline.findings(id)
  CONSTRAINT outcome_notices_finding_id_key UNIQUE (finding_id)
  CONSTRAINT outcome_notices_pkey PRIMARY KEY (id)
  CONSTRAINT outcome_notices_status_check CHECK ((status = ANY (ARRAY['draft'::text, 'complainant_review'::text, 'scheduled'::text, 'published'::text])))
  INDEX outcome_notices_due_idx: CREATE INDEX outcome_notices_due_idx ON discipline.outcome_notices USING btree (publish_at) WHERE (status <> 'published'::text)
  INDEX outcome_notices_finding_id_key: CREATE UNIQUE INDEX outcome_notices_finding_id_key ON discipline.outcome_notices USING btree (finding_id)
  INDEX outcome_notices_pkey: CREATE UNIQUE INDEX outcome_notices_pkey ON discipline.outcome_notices USING btree (id)
  INDEX outcome_notices_published_idx: CREATE INDEX outcome_notices_published_idx ON discipline.outcome_notices USING btree (published_at DESC, id DESC) WHERE (status = 'published'::text)
  GRANT commons_discipline: DELETE, INSERT, SELECT, UPDATE

TABLE discipline.panel_draws
  COLUMN id uuid NOT NULL
  COLUMN case_id uuid NOT NULL
  COLUMN kind text NOT NULL
  COLUMN seed text NOT NULL
  COLUMN seats_to_fill integer NOT NULL
  COLUMN recusal_computed_at timestamp with time zone NOT NULL
  COLUMN pool_commissioners uuid[] NOT NULL
  COLUMN pool_alternates uuid[] NOT NULL
  COLUMN kept_seats uuid[] NOT NULL
  COLUMN excluded uuid[] NOT NULL
  COLUMN vacated uuid
  COLUMN drawn jsonb NOT NULL
  COLUMN shortfall integer NOT NULL
  COLUMN outcome text NOT NULL
  COLUMN drawn_at timestamp with time zone NOT NULL
  CONSTRAINT panel_draws_case_id_fkey FOREIGN KEY (case_id) REFERENCES discipline.cases(id)
  CONSTRAINT panel_draws_case_id_seed_key UNIQUE (case_id, seed)
  CONSTRAINT panel_draws_kind_check CHECK ((kind = ANY (ARRAY['initial'::text, 'redraw'::text])))
  CONSTRAINT panel_draws_outcome_check CHECK ((outcome = ANY (ARRAY['complete'::text, 'needs_ad_hoc_panel'::text])))
  CONSTRAINT panel_draws_pkey PRIMARY KEY (id)
  INDEX panel_draws_case_id_seed_key: CREATE UNIQUE INDEX panel_draws_case_id_seed_key ON discipline.panel_draws USING btree (case_id, seed)
  INDEX panel_draws_pkey: CREATE UNIQUE INDEX panel_draws_pkey ON discipline.panel_draws USING btree (id)
  GRANT commons_discipline: DELETE, INSERT, SELECT, UPDATE

TABLE discipline.participants
  COLUMN id bigint NOT NULL GENERATED ALWAYS AS IDENTITY
  COLUMN case_id uuid NOT NULL
  COLUMN role text NOT NULL
  COLUMN member_id uuid
  COLUMN description_ref text
  COLUMN added_at timestamp with time zone NOT NULL
  CONSTRAINT participants_case_id_fkey FOREIGN KEY (case_id) REFERENCES discipline.cases(id)
  CONSTRAINT participants_check CHECK (((member_id IS NOT NULL) OR (description_ref IS NOT NULL) OR (role = 'complainant'::text)))
  CONSTRAINT participants_pkey PRIMARY KEY (id)
  CONSTRAINT participants_role_check CHECK ((role = ANY (ARRAY['complainant'::text, 'respondent'::text, 'witness'::text, 'support_person'::text])))
  INDEX participants_case_idx: CREATE INDEX participants_case_idx ON discipline.participants USING btree (case_id)
  INDEX participants_member_idx: CREATE INDEX participants_member_idx ON discipline.participants USING btree (member_id, case_id) WHERE (member_id IS NOT NULL)
  INDEX participants_pkey: CREATE UNIQUE INDEX participants_pkey ON discipline.participants USING btree (id)
  GRANT commons_discipline: DELETE, INSERT, SELECT, UPDATE

TABLE discipline.readmission_decisions
  COLUMN id uuid NOT NULL
  COLUMN member_id uuid NOT NULL
  COLUMN expulsion_finding_id uuid NOT NULL
  COLUMN outcome text NOT NULL
  COLUMN decided_at timestamp with time zone NOT NULL
  COLUMN decided_by uuid NOT NULL
  COLUMN sealed text NOT NULL
  CONSTRAINT readmission_decisions_expulsion_finding_id_fkey FOREIGN KEY (expulsion_finding_id) REFERENCES discipline.findings(id)
  CONSTRAINT readmission_decisions_outcome_check CHECK ((outcome = ANY (ARRAY['readmit'::text, 'refuse'::text])))
  CONSTRAINT readmission_decisions_pkey PRIMARY KEY (id)
  INDEX readmission_decisions_member_idx: CREATE INDEX readmission_decisions_member_idx ON discipline.readmission_decisions USING btree (member_id, decided_at)
  INDEX readmission_decisions_pkey: CREATE UNIQUE INDEX readmission_decisions_pkey ON discipline.readmission_decisions USING btree (id)
  GRANT commons_discipline: DELETE, INSERT, SELECT, UPDATE

TABLE discipline.recusal_records
  COLUMN id uuid NOT NULL
  COLUMN case_id uuid NOT NULL
  COLUMN computed_at timestamp with time zone NOT NULL
  COLUMN intake_date date NOT NULL
  COLUMN look_back_years integer NOT NULL
  COLUMN trigger text NOT NULL
  COLUMN considered jsonb NOT NULL
  COLUMN assessments jsonb NOT NULL
  COLUMN eligible_count integer NOT NULL
  COLUMN conflicted_count integer NOT NULL
  CONSTRAINT recusal_records_case_id_fkey FOREIGN KEY (case_id) REFERENCES discipline.cases(id)
  CONSTRAINT recusal_records_pkey PRIMARY KEY (id)
  INDEX recusal_records_case_idx: CREATE INDEX recusal_records_case_idx ON discipline.recusal_records USING btree (case_id, computed_at)
  INDEX recusal_records_pkey: CREATE UNIQUE INDEX recusal_records_pkey ON discipline.recusal_records USING btree (id)
  GRANT commons_discipline: DELETE, INSERT, SELECT, UPDATE

TABLE discipline.remand_panels
  COLUMN finding_id uuid NOT NULL
  COLUMN appeal_id uuid NOT NULL
  COLUMN draw jsonb NOT NULL
  COLUMN seated_at timestamp with time zone NOT NULL
  CONSTRAINT remand_panels_appeal_id_fkey FOREIGN KEY (appeal_id) REFERENCES discipline.appeals(id)
  CONSTRAINT remand_panels_finding_id_fkey FOREIGN KEY (finding_id) REFERENCES discipline.findings(id)
  CONSTRAINT remand_panels_pkey PRIMARY KEY (finding_id)
  INDEX remand_panels_pkey: CREATE UNIQUE INDEX remand_panels_pkey ON discipline.remand_panels USING btree (finding_id)
  GRANT commons_discipline: DELETE, INSERT, SELECT, UPDATE

TABLE discipline.restriction_sources
  COLUMN id uuid NOT NULL
  COLUMN case_id uuid NOT NULL
  COLUMN source_kind text NOT NULL
  COLUMN source_id uuid NOT NULL
  COLUMN member_id uuid NOT NULL
  COLUMN kind text NOT NULL
  COLUMN since timestamp with time zone NOT NULL
  COLUMN until timestamp with time zone
  COLUMN separated_from uuid[] NOT NULL DEFAULT '{}'::uuid[]
  COLUMN ended_at timestamp with time zone
  CONSTRAINT restriction_sources_case_id_fkey FOREIGN KEY (case_id) REFERENCES discipline.cases(id)
  CONSTRAINT restriction_sources_pkey PRIMARY KEY (id)
  CONSTRAINT restriction_sources_source_kind_check CHECK ((source_kind = ANY (ARRAY['interim'::text, 'sanction'::text])))
  INDEX restriction_sources_case_idx: CREATE INDEX restriction_sources_case_idx ON discipline.restriction_sources USING btree (case_id, source_kind)
  INDEX restriction_sources_member_idx: CREATE INDEX restriction_sources_member_idx ON discipline.restriction_sources USING btree (member_id) WHERE (ended_at IS NULL)
  INDEX restriction_sources_pkey: CREATE UNIQUE INDEX restriction_sources_pkey ON discipline.restriction_sources USING btree (id)
  GRANT commons_discipline: DELETE, INSERT, SELECT, UPDATE

TABLE discipline.sanctions
  COLUMN id uuid NOT NULL
  COLUMN finding_id uuid NOT NULL
  COLUMN member_id uuid NOT NULL
  COLUMN standing text NOT NULL
  COLUMN effective_from timestamp with time zone NOT NULL
  COLUMN restricted_until timestamp with time zone
  COLUMN lifted_at timestamp with time zone
  COLUMN lifted_by_decision uuid
  CONSTRAINT sanctions_finding_id_fkey FOREIGN KEY (finding_id) REFERENCES discipline.findings(id)
  CONSTRAINT sanctions_finding_id_key UNIQUE (finding_id)
  CONSTRAINT sanctions_pkey PRIMARY KEY (id)
  CONSTRAINT sanctions_standing_check CHECK ((standing = ANY (ARRAY['unaffected'::text, 'suspended'::text, 'expelled'::text])))
  INDEX sanctions_finding_id_key: CREATE UNIQUE INDEX sanctions_finding_id_key ON discipline.sanctions USING btree (finding_id)
  INDEX sanctions_member_idx: CREATE INDEX sanctions_member_idx ON discipline.sanctions USING btree (member_id, effective_from)
  INDEX sanctions_pkey: CREATE UNIQUE INDEX sanctions_pkey ON discipline.sanctions USING btree (id)
  INDEX sanctions_to_lift_idx: CREATE INDEX sanctions_to_lift_idx ON discipline.sanctions USING btree (restricted_until) WHERE ((standing = 'suspended'::text) AND (lifted_at IS NULL))
  GRANT commons_discipline: DELETE, INSERT, SELECT, UPDATE

TABLE discipline.sealed_content
  COLUMN id uuid NOT NULL
  COLUMN case_id uuid NOT NULL
  COLUMN field text NOT NULL
  COLUMN ciphertext text NOT NULL
  COLUMN created_at timestamp with time zone NOT NULL
  COLUMN created_by uuid
  CONSTRAINT sealed_content_case_id_fkey FOREIGN KEY (case_id) REFERENCES discipline.cases(id)
  CONSTRAINT sealed_content_ciphertext_check CHECK ((ciphertext ~~ 'v1.%'::text))
  CONSTRAINT sealed_content_pkey PRIMARY KEY (id)
  INDEX sealed_content_case_idx: CREATE INDEX sealed_content_case_idx ON discipline.sealed_content USING btree (case_id)
  INDEX sealed_content_pkey: CREATE UNIQUE INDEX sealed_content_pkey ON discipline.sealed_content USING btree (id)
  GRANT commons_discipline: DELETE, INSERT, SELECT, UPDATE

TABLE discipline.statement_registers
  COLUMN case_id uuid NOT NULL
  COLUMN statements integer NOT NULL DEFAULT 0
  COLUMN sealed text NOT NULL
  COLUMN version integer NOT NULL DEFAULT 1
  COLUMN updated_at timestamp with time zone NOT NULL
  CONSTRAINT statement_registers_pkey PRIMARY KEY (case_id)
  INDEX statement_registers_pkey: CREATE UNIQUE INDEX statement_registers_pkey ON discipline.statement_registers USING btree (case_id)
  GRANT commons_discipline: DELETE, INSERT, SELECT, UPDATE

TABLE discipline.transparency_reports
  COLUMN period_id text NOT NULL
  COLUMN period_kind text NOT NULL
  COLUMN period_from timestamp with time zone NOT NULL
  COLUMN period_to timestamp with time zone NOT NULL
  COLUMN published_at timestamp with time zone NOT NULL
  COLUMN report jsonb NOT NULL
  CONSTRAINT transparency_reports_check CHECK ((period_from < period_to))
  CONSTRAINT transparency_reports_check1 CHECK ((published_at >= period_to))
  CONSTRAINT transparency_reports_period_kind_check CHECK ((period_kind = ANY (ARRAY['month'::text, 'quarter'::text, 'half-year'::text, 'year'::text])))
  CONSTRAINT transparency_reports_pkey PRIMARY KEY (period_id)
  INDEX transparency_reports_pkey: CREATE UNIQUE INDEX transparency_reports_pkey ON discipline.transparency_reports USING btree (period_id)
  GRANT commons_discipline: INSERT, SELECT

TABLE dues.bank_import_batches
  COLUMN id uuid NOT NULL
  COLUMN file_sha256 text NOT NULL
  COLUMN imported_by uuid
  COLUMN imported_at timestamp with time zone NOT NULL
  COLUMN row_count integer NOT NULL
  COLUMN new_payments integer NOT NULL
  COLUMN already_imported integer NOT NULL
  COLUMN skipped_rejected integer NOT NULL DEFAULT 0
  CONSTRAINT bank_import_batches_pkey PRIMARY KEY (id)
  INDEX bank_import_batches_file_idx: CREATE INDEX bank_import_batches_file_idx ON dues.bank_import_batches USING btree (file_sha256)
  INDEX bank_import_batches_pkey: CREATE UNIQUE INDEX bank_import_batches_pkey ON dues.bank_import_batches USING btree (id)
  GRANT commons_app: DELETE, INSERT, SELECT, UPDATE

TABLE dues.bank_import_rows
  COLUMN batch_id uuid NOT NULL
  COLUMN row_number integer NOT NULL
  COLUMN outcome text NOT NULL
  COLUMN idempotency_key text
  COLUMN member_id uuid
  COLUMN payment_id uuid
  COLUMN errors jsonb NOT NULL DEFAULT '[]'::jsonb
  CONSTRAINT bank_import_rows_batch_id_fkey FOREIGN KEY (batch_id) REFERENCES dues.bank_import_batches(id)
  CONSTRAINT bank_import_rows_outcome_check CHECK ((outcome = ANY (ARRAY['new'::text, 'already-imported'::text, 'duplicate-in-file'::text, 'rejected'::text])))
  CONSTRAINT bank_import_rows_pkey PRIMARY KEY (batch_id, row_number)
  INDEX bank_import_rows_pkey: CREATE UNIQUE INDEX bank_import_rows_pkey ON dues.bank_import_rows USING btree (batch_id, row_number)
  GRANT commons_app: DELETE, INSERT, SELECT, UPDATE

TABLE dues.idempotency_keys
  COLUMN key text NOT NULL
  COLUMN actor text NOT NULL
  COLUMN operation text NOT NULL
  COLUMN request_sha256 text NOT NULL
  COLUMN response jsonb NOT NULL
  COLUMN created_at timestamp with time zone NOT NULL
  CONSTRAINT idempotency_keys_pkey PRIMARY KEY (actor, operation, key)
  INDEX idempotency_keys_pkey: CREATE UNIQUE INDEX idempotency_keys_pkey ON dues.idempotency_keys USING btree (actor, operation, key)
  GRANT commons_app: DELETE, INSERT, SELECT, UPDATE

TABLE dues.import_mappings
  COLUMN name text NOT NULL
  COLUMN definition jsonb NOT NULL
  COLUMN saved_by uuid
  COLUMN saved_at timestamp with time zone NOT NULL
  COLUMN version integer NOT NULL DEFAULT 1
  CONSTRAINT import_mappings_name_check CHECK ((name ~ '^[a-z0-9][a-z0-9_-]{0,63}$'::text))
  CONSTRAINT import_mappings_pkey PRIMARY KEY (name)
  INDEX import_mappings_pkey: CREATE UNIQUE INDEX import_mappings_pkey ON dues.import_mappings USING btree (name)
  GRANT commons_app: DELETE, INSERT, SELECT, UPDATE

TABLE dues.member_levels
  COLUMN id bigint NOT NULL GENERATED ALWAYS AS IDENTITY
  COLUMN member_id uuid NOT NULL
  COLUMN plan_id uuid NOT NULL
  COLUMN income_band text
  COLUMN amount_minor integer NOT NULL
  COLUMN effective_from date NOT NULL
  COLUMN set_at timestamp with time zone NOT NULL DEFAULT now()
  CONSTRAINT member_levels_amount_minor_check CHECK ((amount_minor >= 0))
  CONSTRAINT member_levels_pkey PRIMARY KEY (id)
  CONSTRAINT member_levels_plan_id_fkey FOREIGN KEY (plan_id) REFERENCES dues.plans(id)
  INDEX member_levels_member_idx: CREATE INDEX member_levels_member_idx ON dues.member_levels USING btree (member_id, effective_from)
  INDEX member_levels_pkey: CREATE UNIQUE INDEX member_levels_pkey ON dues.member_levels USING btree (id)
  GRANT commons_app: DELETE, INSERT, SELECT, UPDATE

TABLE dues.payments
  COLUMN id uuid NOT NULL DEFAULT gen_random_uuid()
  COLUMN member_id uuid NOT NULL
  COLUMN amount_minor integer NOT NULL
  COLUMN currency character(3) NOT NULL
  COLUMN paid_on date NOT NULL
  COLUMN source text NOT NULL
  COLUMN external_ref text
  COLUMN recorded_by uuid
  COLUMN recorded_at timestamp with time zone NOT NULL DEFAULT now()
  COLUMN bank_batch_id uuid
  COLUMN reference text
  CONSTRAINT payments_amount_minor_check CHECK ((amount_minor > 0))
  CONSTRAINT payments_bank_batch_id_fkey FOREIGN KEY (bank_batch_id) REFERENCES dues.bank_import_batches(id)
  CONSTRAINT payments_pkey PRIMARY KEY (id)
  CONSTRAINT payments_source_check CHECK ((source = ANY (ARRAY['treasurer'::text, 'bank-import'::text, 'seed'::text])))
  INDEX payments_external_ref_uq: CREATE UNIQUE INDEX payments_external_ref_uq ON dues.payments USING btree (external_ref) WHERE (external_ref IS NOT NULL)
  INDEX payments_member_idx: CREATE INDEX payments_member_idx ON dues.payments USING btree (member_id, paid_on)
  INDEX payments_pkey: CREATE UNIQUE INDEX payments_pkey ON dues.payments USING btree (id)
  GRANT commons_app: DELETE, INSERT, SELECT, UPDATE

TABLE dues.plans
  COLUMN id uuid NOT NULL DEFAULT gen_random_uuid()
  COLUMN name text NOT NULL
  COLUMN kind text NOT NULL
  COLUMN period text NOT NULL DEFAULT 'monthly'::text
  COLUMN currency character(3) NOT NULL
  COLUMN amount_minor integer
  COLUMN minimum_minor integer NOT NULL DEFAULT 0
  COLUMN bands jsonb NOT NULL DEFAULT '[]'::jsonb
  COLUMN grace_months integer NOT NULL DEFAULT 3
  COLUMN is_default boolean NOT NULL DEFAULT false
  COLUMN created_at timestamp with time zone NOT NULL DEFAULT now()
  CONSTRAINT plans_amount_minor_check CHECK (((amount_minor IS NULL) OR (amount_minor >= 0)))
  CONSTRAINT plans_grace_months_check CHECK ((grace_months >= 0))
  CONSTRAINT plans_kind_check CHECK ((kind = ANY (ARRAY['fixed'::text, 'sliding'::text])))
  CONSTRAINT plans_minimum_minor_check CHECK ((minimum_minor >= 0))
  CONSTRAINT plans_period_check CHECK ((period = ANY (ARRAY['monthly'::text, 'quarterly'::text, 'annual'::text])))
  CONSTRAINT plans_pkey PRIMARY KEY (id)
  INDEX plans_one_default_uq: CREATE UNIQUE INDEX plans_one_default_uq ON dues.plans USING btree (is_default) WHERE is_default
  INDEX plans_pkey: CREATE UNIQUE INDEX plans_pkey ON dues.plans USING btree (id)
  GRANT commons_app: DELETE, INSERT, SELECT, UPDATE

TABLE dues.reminders
  COLUMN id uuid NOT NULL
  COLUMN member_id uuid NOT NULL
  COLUMN period text NOT NULL
  COLUMN arrears_months integer NOT NULL
  COLUMN outstanding_minor bigint NOT NULL
  COLUMN currency character(3) NOT NULL
  COLUMN as_of date NOT NULL
  COLUMN created_at timestamp with time zone NOT NULL
  COLUMN channel text NOT NULL DEFAULT 'recorded'::text
  CONSTRAINT reminders_member_id_period_key UNIQUE (member_id, period)
  CONSTRAINT reminders_pkey PRIMARY KEY (id)
  INDEX reminders_member_id_period_key: CREATE UNIQUE INDEX reminders_member_id_period_key ON dues.reminders USING btree (member_id, period)
  INDEX reminders_pkey: CREATE UNIQUE INDEX reminders_pkey ON dues.reminders USING btree (id)
  GRANT commons_app: DELETE, INSERT, SELECT, UPDATE

TABLE dues.standing
  COLUMN member_id uuid NOT NULL
  COLUMN in_good_standing boolean NOT NULL
  COLUMN arrears_months integer NOT NULL
  COLUMN paid_through date
  COLUMN computed_at timestamp with time zone NOT NULL
  COLUMN as_of date
  COLUMN reason text
  COLUMN oldest_unpaid_due_on date
  COLUMN outstanding_minor bigint NOT NULL DEFAULT 0
  CONSTRAINT standing_pkey PRIMARY KEY (member_id)
  INDEX standing_as_of_idx: CREATE INDEX standing_as_of_idx ON dues.standing USING btree (as_of)
  INDEX standing_pkey: CREATE UNIQUE INDEX standing_pkey ON dues.standing USING btree (member_id)
  GRANT commons_app: DELETE, INSERT, SELECT, UPDATE; commons_discipline: SELECT

TABLE dues.standing_runs
  COLUMN id uuid NOT NULL
  COLUMN as_of date NOT NULL
  COLUMN trigger text NOT NULL
  COLUMN requested_by uuid
  COLUMN started_at timestamp with time zone NOT NULL
  COLUMN finished_at timestamp with time zone NOT NULL
  COLUMN members integer NOT NULL
  COLUMN in_good_standing integer NOT NULL
  COLUMN lapsed integer NOT NULL
  COLUMN reinstated integer NOT NULL
  COLUMN reminders integer NOT NULL
  COLUMN skipped integer NOT NULL DEFAULT 0
  CONSTRAINT standing_runs_pkey PRIMARY KEY (id)
  CONSTRAINT standing_runs_trigger_check CHECK ((trigger = ANY (ARRAY['schedule'::text, 'request'::text])))
  INDEX standing_runs_as_of_idx: CREATE INDEX standing_runs_as_of_idx ON dues.standing_runs USING btree (as_of, started_at)
  INDEX standing_runs_pkey: CREATE UNIQUE INDEX standing_runs_pkey ON dues.standing_runs USING btree (id)
  GRANT commons_app: DELETE, INSERT, SELECT, UPDATE

TABLE dues.waivers
  COLUMN id uuid NOT NULL DEFAULT gen_random_uuid()
  COLUMN member_id uuid NOT NULL
  COLUMN from_date date NOT NULL
  COLUMN to_date date NOT NULL
  COLUMN treasurer_only_reason text NOT NULL
  COLUMN granted_by uuid
  COLUMN created_at timestamp with time zone NOT NULL DEFAULT now()
  CONSTRAINT waivers_check CHECK ((to_date > from_date))
  CONSTRAINT waivers_pkey PRIMARY KEY (id)
  INDEX waivers_member_idx: CREATE INDEX waivers_member_idx ON dues.waivers USING btree (member_id)
  INDEX waivers_pkey: CREATE UNIQUE INDEX waivers_pkey ON dues.waivers USING btree (id)
  GRANT commons_app: DELETE, INSERT, SELECT, UPDATE

TABLE elections.ballot_buffer
  COLUMN election_id uuid NOT NULL
  COLUMN receipt_code text NOT NULL
  COLUMN content jsonb NOT NULL
  INDEX ballot_buffer_election_idx: CREATE INDEX ballot_buffer_election_idx ON elections.ballot_buffer USING btree (election_id)
  GRANT commons_app: DELETE, INSERT, SELECT, UPDATE

TABLE elections.ballots
  COLUMN id uuid NOT NULL DEFAULT gen_random_uuid()
  COLUMN election_id uuid NOT NULL
  COLUMN sort_key uuid NOT NULL DEFAULT gen_random_uuid()
  COLUMN content jsonb NOT NULL
  CONSTRAINT ballots_election_id_fkey FOREIGN KEY (election_id) REFERENCES elections.elections(id)
  CONSTRAINT ballots_pkey PRIMARY KEY (id)
  INDEX ballots_pkey: CREATE UNIQUE INDEX ballots_pkey ON elections.ballots USING btree (id)
  INDEX ballots_publication_order_idx: CREATE INDEX ballots_publication_order_idx ON elections.ballots USING btree (election_id, sort_key)
  GRANT commons_app: DELETE, INSERT, SELECT, UPDATE

TABLE elections.candidates
  COLUMN id uuid NOT NULL
  COLUMN election_id uuid NOT NULL
  COLUMN member_id uuid NOT NULL
  COLUMN display_name text NOT NULL
  COLUMN status text NOT NULL
  COLUMN nominated_by_kind text NOT NULL
  COLUMN nominating_body_id uuid
  COLUMN slate_id uuid
  COLUMN ballot_number integer
  COLUMN statement text
  COLUMN created_at timestamp with time zone NOT NULL
  CONSTRAINT candidates_check CHECK (((nominated_by_kind = 'body'::text) = (nominating_body_id IS NOT NULL)))
  CONSTRAINT candidates_election_id_fkey FOREIGN KEY (election_id) REFERENCES elections.elections(id)
  CONSTRAINT candidates_election_id_member_id_key UNIQUE (election_id, member_id)
  CONSTRAINT candidates_nominated_by_kind_check CHECK ((nominated_by_kind = ANY (ARRAY['self'::text, 'body'::text])))
  CONSTRAINT candidates_pkey PRIMARY KEY (id)
  CONSTRAINT candidates_slate_id_fkey FOREIGN KEY (slate_id) REFERENCES elections.slates(id)
  CONSTRAINT candidates_status_check CHECK ((status = ANY (ARRAY['pending'::text, 'nominated'::text, 'withdrawn'::text])))
  INDEX candidates_election_id_member_id_key: CREATE UNIQUE INDEX candidates_election_id_member_id_key ON elections.candidates USING btree (election_id, member_id)
  INDEX candidates_pkey: CREATE UNIQUE INDEX candidates_pkey ON elections.candidates USING btree (id)
  INDEX candidates_slate_idx: CREATE INDEX candidates_slate_idx ON elections.candidates USING btree (slate_id) WHERE (slate_id IS NOT NULL)
  GRANT commons_app: DELETE, INSERT, SELECT, UPDATE

TABLE elections.congress_allocations
  COLUMN congress_id uuid NOT NULL
  COLUMN branch_id uuid NOT NULL
  COLUMN seats integer NOT NULL
  CONSTRAINT congress_allocations_congress_id_fkey FOREIGN KEY (congress_id) REFERENCES elections.congresses(id)
  CONSTRAINT congress_allocations_pkey PRIMARY KEY (congress_id, branch_id)
  CONSTRAINT congress_allocations_seats_check CHECK ((seats >= 0))
  INDEX congress_allocations_pkey: CREATE UNIQUE INDEX congress_allocations_pkey ON elections.congress_allocations USING btree (congress_id, branch_id)
  GRANT commons_app: DELETE, INSERT, SELECT, UPDATE

TABLE elections.congresses
  COLUMN id uuid NOT NULL
  COLUMN title text NOT NULL
  COLUMN roll_id uuid NOT NULL
  COLUMN apportionment_id uuid NOT NULL
  COLUMN delegate_seats integer NOT NULL
  COLUMN quorum integer NOT NULL
  COLUMN opens_on date NOT NULL
  COLUMN created_by uuid
  COLUMN created_at timestamp with time zone NOT NULL
  CONSTRAINT congresses_delegate_seats_check CHECK ((delegate_seats > 0))
  CONSTRAINT congresses_pkey PRIMARY KEY (id)
  CONSTRAINT congresses_quorum_check CHECK ((quorum > 0))
  INDEX congresses_pkey: CREATE UNIQUE INDEX congresses_pkey ON elections.congresses USING btree (id)
  GRANT commons_app: DELETE, INSERT, SELECT, UPDATE

TABLE elections.delegates
  COLUMN congress_id uuid NOT NULL
  COLUMN member_id uuid NOT NULL
  COLUMN branch_id uuid NOT NULL
  COLUMN election_id uuid NOT NULL
  COLUMN credential_hash text
  COLUMN accredited_at timestamp with time zone
  COLUMN accredited_by uuid
  CONSTRAINT delegates_congress_id_fkey FOREIGN KEY (congress_id) REFERENCES elections.congresses(id)
  CONSTRAINT delegates_election_id_fkey FOREIGN KEY (election_id) REFERENCES elections.elections(id)
  CONSTRAINT delegates_pkey PRIMARY KEY (congress_id, member_id)
  INDEX delegates_credential_uq: CREATE UNIQUE INDEX delegates_credential_uq ON elections.delegates USING btree (congress_id, credential_hash) WHERE (credential_hash IS NOT NULL)
  INDEX delegates_pkey: CREATE UNIQUE INDEX delegates_pkey ON elections.delegates USING btree (congress_id, member_id)
  GRANT commons_app: DELETE, INSERT, SELECT, UPDATE

TABLE elections.elections
  COLUMN id uuid NOT NULL
  COLUMN title text NOT NULL
  COLUMN purpose text NOT NULL
  COLUMN scope_kind text NOT NULL
  COLUMN branch_id uuid
  COLUMN congress_id uuid
  COLUMN body_id uuid
  COLUMN body_kind text
  COLUMN seats integer NOT NULL
  COLUMN method text NOT NULL
  COLUMN motion_text text
  COLUMN motion_threshold text
  COLUMN status text NOT NULL
  COLUMN electorate_kind text NOT NULL
  COLUMN roll_id uuid
  COLUMN electorate_as_of date
  COLUMN electorate_size integer NOT NULL DEFAULT 0
  COLUMN term_starts_on date
  COLUMN term_ends_on date
  COLUMN nominations_opened_at timestamp with time zone
  COLUMN voting_opened_at timestamp with time zone
  COLUMN voting_closes_at timestamp with time zone
  COLUMN closed_at timestamp with time zone
  COLUMN certified_at timestamp with time zone
  COLUMN published_at timestamp with time zone
  COLUMN acclaimed boolean NOT NULL DEFAULT false
  COLUMN tie_break_seed text
  COLUMN ballots_hash text
  COLUMN ballots_counted integer
  COLUMN participation_count integer
  COLUMN result jsonb
  COLUMN created_by uuid
  COLUMN created_at timestamp with time zone NOT NULL
  COLUMN recall_mandate_id uuid
  COLUMN ballot_order_seed text
  COLUMN voters_reminded_at timestamp with time zone
  CONSTRAINT elections_check CHECK ((((scope_kind = 'branch'::text) = (branch_id IS NOT NULL)) OR (purpose = 'delegates'::text)))
  CONSTRAINT elections_check1 CHECK ((((scope_kind = 'congress'::text) = (congress_id IS NOT NULL)) OR (purpose = 'delegates'::text)))
  CONSTRAINT elections_check2 CHECK (((purpose = 'body'::text) = (body_id IS NOT NULL)))
  CONSTRAINT elections_check3 CHECK (((purpose = 'motion'::text) = (method = 'motion'::text)))
  CONSTRAINT elections_check4 CHECK (((term_ends_on IS NULL) OR (term_starts_on IS NULL) OR (term_ends_on > term_starts_on)))
  CONSTRAINT elections_congress_id_fkey FOREIGN KEY (congress_id) REFERENCES elections.congresses(id)
  CONSTRAINT elections_electorate_kind_check CHECK ((electorate_kind = ANY (ARRAY['roll'::text, 'freeze'::text, 'delegates'::text])))
  CONSTRAINT elections_method_check CHECK ((method = ANY (ARRAY['scottish-stv'::text, 'meek-stv'::text, 'plurality'::text, 'approval'::text, 'block-vote'::text, 'motion'::text])))
  CONSTRAINT elections_motion_threshold_check CHECK (((motion_threshold IS NULL) OR (motion_threshold = ANY (ARRAY['simple'::text, 'two-thirds'::text]))))
  CONSTRAINT elections_pkey PRIMARY KEY (id)
  CONSTRAINT elections_purpose_check CHECK ((purpose = ANY (ARRAY['body'::text, 'delegates'::text, 'motion'::text])))
  CONSTRAINT elections_recall_is_a_motion CHECK (((recall_mandate_id IS NULL) OR (purpose = 'motion'::text)))
  CONSTRAINT elections_scope_kind_check CHECK ((scope_kind = ANY (ARRAY['organization'::text, 'branch'::text, 'congress'::text])))
  CONSTRAINT elections_seats_check CHECK ((seats > 0))
  CONSTRAINT elections_status_check CHECK ((status = ANY (ARRAY['draft'::text, 'nominations'::text, 'voting'::text, 'closed'::text, 'certified'::text, 'published'::text])))
  INDEX elections_congress_idx: CREATE INDEX elections_congress_idx ON elections.elections USING btree (congress_id) WHERE (congress_id IS NOT NULL)
  INDEX elections_pkey: CREATE UNIQUE INDEX elections_pkey ON elections.elections USING btree (id)
  INDEX elections_status_idx: CREATE INDEX elections_status_idx ON elections.elections USING btree (status, created_at)
  GRANT commons_app: DELETE, INSERT, SELECT, UPDATE

TABLE elections.electors
  COLUMN election_id uuid NOT NULL
  COLUMN member_id uuid NOT NULL
  COLUMN branch_id uuid
  CONSTRAINT electors_election_id_fkey FOREIGN KEY (election_id) REFERENCES elections.elections(id)
  CONSTRAINT electors_pkey PRIMARY KEY (election_id, member_id)
  INDEX electors_pkey: CREATE UNIQUE INDEX electors_pkey ON elections.electors USING btree (election_id, member_id)
  GRANT commons_app: DELETE, INSERT, SELECT, UPDATE

TABLE elections.nominators
  COLUMN candidate_id uuid NOT NULL
  COLUMN member_id uuid NOT NULL
  COLUMN created_at timestamp with time zone NOT NULL
  CONSTRAINT nominators_candidate_id_fkey FOREIGN KEY (candidate_id) REFERENCES elections.candidates(id)
  CONSTRAINT nominators_pkey PRIMARY KEY (candidate_id, member_id)
  INDEX nominators_pkey: CREATE UNIQUE INDEX nominators_pkey ON elections.nominators USING btree (candidate_id, member_id)
  GRANT commons_app: DELETE, INSERT, SELECT, UPDATE

TABLE elections.participation
  COLUMN election_id uuid NOT NULL
  COLUMN member_id uuid NOT NULL
  COLUMN idempotency_key_hash text
  COLUMN sealed_receipt text
  CONSTRAINT participation_election_id_fkey FOREIGN KEY (election_id) REFERENCES elections.elections(id)
  CONSTRAINT participation_pkey PRIMARY KEY (election_id, member_id)
  INDEX participation_pkey: CREATE UNIQUE INDEX participation_pkey ON elections.participation USING btree (election_id, member_id)
  GRANT commons_app: DELETE, INSERT, SELECT, UPDATE

TABLE elections.receipts
  COLUMN election_id uuid NOT NULL
  COLUMN receipt_code text NOT NULL
  CONSTRAINT receipts_election_id_fkey FOREIGN KEY (election_id) REFERENCES elections.elections(id)
  CONSTRAINT receipts_pkey PRIMARY KEY (election_id, receipt_code)
  INDEX receipts_pkey: CREATE UNIQUE INDEX receipts_pkey ON elections.receipts USING btree (election_id, receipt_code)
  GRANT commons_app: DELETE, INSERT, SELECT, UPDATE

TABLE elections.representation_minimums
  COLUMN election_id uuid NOT NULL
  COLUMN group_name text NOT NULL
  COLUMN candidate_ids jsonb NOT NULL
  COLUMN minimum integer NOT NULL
  CONSTRAINT representation_minimums_election_id_fkey FOREIGN KEY (election_id) REFERENCES elections.elections(id)
  CONSTRAINT representation_minimums_group_name_check CHECK (((length(group_name) >= 1) AND (length(group_name) <= 80)))
  CONSTRAINT representation_minimums_minimum_check CHECK ((minimum >= 0))
  CONSTRAINT representation_minimums_pkey PRIMARY KEY (election_id, group_name)
  INDEX representation_minimums_pkey: CREATE UNIQUE INDEX representation_minimums_pkey ON elections.representation_minimums USING btree (election_id, group_name)
  GRANT commons_app: DELETE, INSERT, SELECT, UPDATE

TABLE elections.slates
  COLUMN id uuid NOT NULL
  COLUMN name text NOT NULL
  COLUMN created_by uuid NOT NULL
  COLUMN created_at timestamp with time zone NOT NULL
  CONSTRAINT slates_pkey PRIMARY KEY (id)
  INDEX slates_pkey: CREATE UNIQUE INDEX slates_pkey ON elections.slates USING btree (id)
  GRANT commons_app: DELETE, INSERT, SELECT, UPDATE

TABLE elections.vacancies
  COLUMN id uuid NOT NULL
  COLUMN election_id uuid NOT NULL
  COLUMN vacating_candidate_id uuid NOT NULL
  COLUMN reason text NOT NULL
  COLUMN rule text NOT NULL
  COLUMN filled_by_candidate_id uuid
  COLUMN mandate_id uuid
  COLUMN recount jsonb
  COLUMN recorded_at timestamp with time zone NOT NULL
  COLUMN recorded_by uuid NOT NULL
  CONSTRAINT vacancies_election_id_fkey FOREIGN KEY (election_id) REFERENCES elections.elections(id)
  CONSTRAINT vacancies_election_id_vacating_candidate_id_key UNIQUE (election_id, vacating_candidate_id)
  CONSTRAINT vacancies_filled_by_candidate_id_fkey FOREIGN KEY (filled_by_candidate_id) REFERENCES elections.candidates(id)
  CONSTRAINT vacancies_pkey PRIMARY KEY (id)
  CONSTRAINT vacancies_reason_check CHECK ((reason = ANY (ARRAY['declined'::text, 'left'::text, 'ineligible'::text])))
  CONSTRAINT vacancies_rule_check CHECK ((rule = ANY (ARRAY['countback'::text, 'next-highest'::text])))
  CONSTRAINT vacancies_vacating_candidate_id_fkey FOREIGN KEY (vacating_candidate_id) REFERENCES elections.candidates(id)
  INDEX vacancies_election_id_vacating_candidate_id_key: CREATE UNIQUE INDEX vacancies_election_id_vacating_candidate_id_key ON elections.vacancies USING btree (election_id, vacating_candidate_id)
  INDEX vacancies_pkey: CREATE UNIQUE INDEX vacancies_pkey ON elections.vacancies USING btree (id)
  GRANT commons_app: DELETE, INSERT, SELECT, UPDATE

TABLE elections.withdrawals_after_opening
  COLUMN candidate_id uuid NOT NULL
  COLUMN election_id uuid NOT NULL
  COLUMN withdrawn_at timestamp with time zone NOT NULL
  COLUMN recorded_by uuid NOT NULL
  CONSTRAINT withdrawals_after_opening_candidate_id_fkey FOREIGN KEY (candidate_id) REFERENCES elections.candidates(id)
  CONSTRAINT withdrawals_after_opening_election_id_fkey FOREIGN KEY (election_id) REFERENCES elections.elections(id)
  CONSTRAINT withdrawals_after_opening_pkey PRIMARY KEY (candidate_id)
  INDEX withdrawals_after_opening_election_idx: CREATE INDEX withdrawals_after_opening_election_idx ON elections.withdrawals_after_opening USING btree (election_id)
  INDEX withdrawals_after_opening_pkey: CREATE UNIQUE INDEX withdrawals_after_opening_pkey ON elections.withdrawals_after_opening USING btree (candidate_id)
  GRANT commons_app: DELETE, INSERT, SELECT, UPDATE

TABLE identity.accounts
  COLUMN id uuid NOT NULL DEFAULT gen_random_uuid()  GRANT commons_discipline: SELECT
  COLUMN member_id uuid  GRANT commons_discipline: SELECT
  COLUMN email text
  COLUMN password_hash text
  COLUMN email_verified_at timestamp with time zone
  COLUMN disabled_at timestamp with time zone
  COLUMN created_at timestamp with time zone NOT NULL DEFAULT now()
  CONSTRAINT accounts_member_id_key UNIQUE (member_id)
  CONSTRAINT accounts_pkey PRIMARY KEY (id)
  INDEX accounts_email_uq: CREATE UNIQUE INDEX accounts_email_uq ON identity.accounts USING btree (lower(email))
  INDEX accounts_member_id_key: CREATE UNIQUE INDEX accounts_member_id_key ON identity.accounts USING btree (member_id)
  INDEX accounts_pkey: CREATE UNIQUE INDEX accounts_pkey ON identity.accounts USING btree (id)
  GRANT commons_app: DELETE, INSERT, SELECT, UPDATE

TABLE identity.bodies
  COLUMN id uuid NOT NULL DEFAULT gen_random_uuid()
  COLUMN kind text NOT NULL
  COLUMN name text NOT NULL
  COLUMN branch_id uuid
  COLUMN seats integer NOT NULL DEFAULT 1
  COLUMN created_at timestamp with time zone NOT NULL DEFAULT now()
  CONSTRAINT bodies_kind_check CHECK ((kind = ANY (ARRAY['EC'::text, 'CC'::text, 'CCOM'::text, 'APPEALS'::text, 'ELECTIONS'::text, 'BRANCH_COMMITTEE'::text, 'STAFF'::text, 'NATIONAL_OFFICE'::text])))
  CONSTRAINT bodies_pkey PRIMARY KEY (id)
  CONSTRAINT bodies_seats_check CHECK ((seats > 0))
  INDEX bodies_branch_uq: CREATE UNIQUE INDEX bodies_branch_uq ON identity.bodies USING btree (branch_id, kind) WHERE (branch_id IS NOT NULL)
  INDEX bodies_national_kind_uq: CREATE UNIQUE INDEX bodies_national_kind_uq ON identity.bodies USING btree (kind) WHERE ((branch_id IS NULL) AND (kind <> 'NATIONAL_OFFICE'::text))
  INDEX bodies_pkey: CREATE UNIQUE INDEX bodies_pkey ON identity.bodies USING btree (id)
  GRANT commons_app: DELETE, INSERT, SELECT, UPDATE; commons_discipline: SELECT

TABLE identity.code_of_conduct_acknowledgements
  COLUMN member_id uuid NOT NULL
  COLUMN version integer NOT NULL
  COLUMN acknowledged_at timestamp with time zone NOT NULL
  CONSTRAINT code_of_conduct_acknowledgements_pkey PRIMARY KEY (member_id, version)
  CONSTRAINT code_of_conduct_acknowledgements_version_fkey FOREIGN KEY (version) REFERENCES identity.code_of_conduct_versions(version)
  INDEX coc_ack_version_idx: CREATE INDEX coc_ack_version_idx ON identity.code_of_conduct_acknowledgements USING btree (version)
  INDEX code_of_conduct_acknowledgements_pkey: CREATE UNIQUE INDEX code_of_conduct_acknowledgements_pkey ON identity.code_of_conduct_acknowledgements USING btree (member_id, version)
  GRANT commons_app: DELETE, INSERT, SELECT, UPDATE

TABLE identity.code_of_conduct_versions
  COLUMN version integer NOT NULL
  COLUMN title text NOT NULL
  COLUMN body text NOT NULL
  COLUMN published_at timestamp with time zone NOT NULL
  COLUMN published_by uuid
  CONSTRAINT code_of_conduct_versions_pkey PRIMARY KEY (version)
  CONSTRAINT code_of_conduct_versions_version_check CHECK ((version > 0))
  INDEX code_of_conduct_versions_pkey: CREATE UNIQUE INDEX code_of_conduct_versions_pkey ON identity.code_of_conduct_versions USING btree (version)
  GRANT commons_app: DELETE, INSERT, SELECT, UPDATE

TABLE identity.email_changes
  COLUMN id uuid NOT NULL DEFAULT gen_random_uuid()
  COLUMN account_id uuid NOT NULL
  COLUMN new_email text NOT NULL
  COLUMN token_hash text NOT NULL
  COLUMN created_at timestamp with time zone NOT NULL
  COLUMN expires_at timestamp with time zone NOT NULL
  COLUMN used_at timestamp with time zone
  CONSTRAINT email_changes_account_id_fkey FOREIGN KEY (account_id) REFERENCES identity.accounts(id)
  CONSTRAINT email_changes_pkey PRIMARY KEY (id)
  CONSTRAINT email_changes_token_hash_key UNIQUE (token_hash)
  INDEX email_changes_pkey: CREATE UNIQUE INDEX email_changes_pkey ON identity.email_changes USING btree (id)
  INDEX email_changes_token_hash_key: CREATE UNIQUE INDEX email_changes_token_hash_key ON identity.email_changes USING btree (token_hash)
  GRANT commons_app: DELETE, INSERT, SELECT, UPDATE

TABLE identity.invitation_batches
  COLUMN batch_ref text NOT NULL
  COLUMN requested_by uuid
  COLUMN members integer NOT NULL
  COLUMN created_at timestamp with time zone NOT NULL
  CONSTRAINT invitation_batches_pkey PRIMARY KEY (batch_ref)
  INDEX invitation_batches_pkey: CREATE UNIQUE INDEX invitation_batches_pkey ON identity.invitation_batches USING btree (batch_ref)
  GRANT commons_app: DELETE, INSERT, SELECT, UPDATE

TABLE identity.invitations
  COLUMN id uuid NOT NULL DEFAULT gen_random_uuid()  GRANT commons_discipline: SELECT
  COLUMN account_id uuid NOT NULL
  COLUMN member_id uuid NOT NULL  GRANT commons_discipline: SELECT
  COLUMN kind text NOT NULL
  COLUMN status text NOT NULL  GRANT commons_discipline: SELECT, UPDATE
  COLUMN secret_hash text
  COLUMN batch_ref text
  COLUMN failed_attempts integer NOT NULL DEFAULT 0
  COLUMN created_at timestamp with time zone NOT NULL
  COLUMN issued_at timestamp with time zone
  COLUMN expires_at timestamp with time zone
  COLUMN used_at timestamp with time zone
  CONSTRAINT invitations_account_id_fkey FOREIGN KEY (account_id) REFERENCES identity.accounts(id)
  CONSTRAINT invitations_kind_check CHECK ((kind = ANY (ARRAY['link'::text, 'letter'::text])))
  CONSTRAINT invitations_pkey PRIMARY KEY (id)
  CONSTRAINT invitations_secret_check CHECK ((((status = 'queued'::text) AND (secret_hash IS NULL)) OR ((status = ANY (ARRAY['issued'::text, 'used'::text])) AND (secret_hash IS NOT NULL)) OR (status = ANY (ARRAY['replaced'::text, 'withdrawn'::text]))))
  CONSTRAINT invitations_secret_hash_key UNIQUE (secret_hash)
  CONSTRAINT invitations_status_check CHECK ((status = ANY (ARRAY['queued'::text, 'issued'::text, 'used'::text, 'replaced'::text, 'withdrawn'::text])))
  INDEX invitations_account_idx: CREATE INDEX invitations_account_idx ON identity.invitations USING btree (account_id)
  INDEX invitations_batch_idx: CREATE INDEX invitations_batch_idx ON identity.invitations USING btree (batch_ref) WHERE (batch_ref IS NOT NULL)
  INDEX invitations_pkey: CREATE UNIQUE INDEX invitations_pkey ON identity.invitations USING btree (id)
  INDEX invitations_queued_order_idx: CREATE INDEX invitations_queued_order_idx ON identity.invitations USING btree (created_at, id) WHERE (status = 'queued'::text)
  INDEX invitations_secret_hash_key: CREATE UNIQUE INDEX invitations_secret_hash_key ON identity.invitations USING btree (secret_hash)
  GRANT commons_app: DELETE, INSERT, SELECT, UPDATE

TABLE identity.mandates
  COLUMN id uuid NOT NULL DEFAULT gen_random_uuid()
  COLUMN member_id uuid NOT NULL
  COLUMN body_id uuid NOT NULL
  COLUMN role text NOT NULL
  COLUMN starts_on date NOT NULL
  COLUMN ends_on date  GRANT commons_discipline: UPDATE
  COLUMN source_kind text NOT NULL
  COLUMN source_ref text NOT NULL
  COLUMN ended_reason text  GRANT commons_discipline: UPDATE
  COLUMN created_at timestamp with time zone NOT NULL DEFAULT now()
  CONSTRAINT mandates_body_id_fkey FOREIGN KEY (body_id) REFERENCES identity.bodies(id)
  CONSTRAINT mandates_check CHECK (((ends_on IS NULL) OR (ends_on > starts_on)))
  CONSTRAINT mandates_pkey PRIMARY KEY (id)
  CONSTRAINT mandates_source_kind_check CHECK ((source_kind = ANY (ARRAY['election'::text, 'founding'::text, 'appointment'::text])))
  INDEX mandates_body_idx: CREATE INDEX mandates_body_idx ON identity.mandates USING btree (body_id, starts_on)
  INDEX mandates_member_idx: CREATE INDEX mandates_member_idx ON identity.mandates USING btree (member_id, starts_on)
  INDEX mandates_pkey: CREATE UNIQUE INDEX mandates_pkey ON identity.mandates USING btree (id)
  GRANT commons_app: DELETE, INSERT, SELECT, UPDATE; commons_discipline: SELECT

TABLE identity.password_resets
  COLUMN id uuid NOT NULL DEFAULT gen_random_uuid()
  COLUMN account_id uuid NOT NULL
  COLUMN token_hash text NOT NULL
  COLUMN created_at timestamp with time zone NOT NULL DEFAULT now()
  COLUMN expires_at timestamp with time zone NOT NULL
  COLUMN used_at timestamp with time zone
  CONSTRAINT password_resets_account_id_fkey FOREIGN KEY (account_id) REFERENCES identity.accounts(id)
  CONSTRAINT password_resets_pkey PRIMARY KEY (id)
  CONSTRAINT password_resets_token_hash_key UNIQUE (token_hash)
  INDEX password_resets_pkey: CREATE UNIQUE INDEX password_resets_pkey ON identity.password_resets USING btree (id)
  INDEX password_resets_token_hash_key: CREATE UNIQUE INDEX password_resets_token_hash_key ON identity.password_resets USING btree (token_hash)
  GRANT commons_app: DELETE, INSERT, SELECT, UPDATE

TABLE identity.sessions
  COLUMN id uuid NOT NULL DEFAULT gen_random_uuid()  GRANT commons_discipline: SELECT
  COLUMN account_id uuid NOT NULL  GRANT commons_discipline: SELECT
  COLUMN token_hash text NOT NULL
  COLUMN created_at timestamp with time zone NOT NULL DEFAULT now()
  COLUMN expires_at timestamp with time zone NOT NULL
  COLUMN revoked_at timestamp with time zone  GRANT commons_discipline: SELECT, UPDATE
  CONSTRAINT sessions_account_id_fkey FOREIGN KEY (account_id) REFERENCES identity.accounts(id)
  CONSTRAINT sessions_pkey PRIMARY KEY (id)
  CONSTRAINT sessions_token_hash_key UNIQUE (token_hash)
  INDEX sessions_account_idx: CREATE INDEX sessions_account_idx ON identity.sessions USING btree (account_id)
  INDEX sessions_pkey: CREATE UNIQUE INDEX sessions_pkey ON identity.sessions USING btree (id)
  INDEX sessions_token_hash_key: CREATE UNIQUE INDEX sessions_token_hash_key ON identity.sessions USING btree (token_hash)
  GRANT commons_app: DELETE, INSERT, SELECT, UPDATE

TABLE membership.apportionments
  COLUMN id uuid NOT NULL
  COLUMN roll_id uuid NOT NULL
  COLUMN method text NOT NULL
  COLUMN seats integer NOT NULL
  COLUMN minimum_per_branch integer NOT NULL
  COLUMN allocations jsonb NOT NULL
  COLUMN tie jsonb
  COLUMN created_at timestamp with time zone NOT NULL
  COLUMN created_by uuid
  CONSTRAINT apportionments_method_check CHECK ((method = ANY (ARRAY['largest-remainder'::text, 'sainte-lague'::text])))
  CONSTRAINT apportionments_minimum_per_branch_check CHECK ((minimum_per_branch >= 0))
  CONSTRAINT apportionments_pkey PRIMARY KEY (id)
  CONSTRAINT apportionments_roll_id_fkey FOREIGN KEY (roll_id) REFERENCES membership.electoral_rolls(id)
  CONSTRAINT apportionments_seats_check CHECK ((seats > 0))
  INDEX apportionments_pkey: CREATE UNIQUE INDEX apportionments_pkey ON membership.apportionments USING btree (id)
  INDEX apportionments_roll_idx: CREATE INDEX apportionments_roll_idx ON membership.apportionments USING btree (roll_id, created_at)
  GRANT commons_app: DELETE, INSERT, SELECT, UPDATE

TABLE membership.branch_periods
  COLUMN id bigint NOT NULL GENERATED ALWAYS AS IDENTITY
  COLUMN member_id uuid NOT NULL
  COLUMN branch_id uuid NOT NULL
  COLUMN from_date date NOT NULL
  COLUMN to_date date  GRANT commons_discipline: UPDATE
  CONSTRAINT branch_periods_branch_id_fkey FOREIGN KEY (branch_id) REFERENCES membership.branches(id)
  CONSTRAINT branch_periods_check CHECK (((to_date IS NULL) OR (to_date > from_date)))
  CONSTRAINT branch_periods_member_id_fkey FOREIGN KEY (member_id) REFERENCES membership.members(id)
  CONSTRAINT branch_periods_pkey PRIMARY KEY (id)
  INDEX branch_periods_branch_idx: CREATE INDEX branch_periods_branch_idx ON membership.branch_periods USING btree (branch_id, from_date)
  INDEX branch_periods_branch_open_idx: CREATE INDEX branch_periods_branch_open_idx ON membership.branch_periods USING btree (branch_id) WHERE (to_date IS NULL)
  INDEX branch_periods_member_idx: CREATE INDEX branch_periods_member_idx ON membership.branch_periods USING btree (member_id, from_date)
  INDEX branch_periods_one_open_uq: CREATE UNIQUE INDEX branch_periods_one_open_uq ON membership.branch_periods USING btree (member_id) WHERE (to_date IS NULL)
  INDEX branch_periods_pkey: CREATE UNIQUE INDEX branch_periods_pkey ON membership.branch_periods USING btree (id)
  GRANT commons_app: DELETE, INSERT, SELECT, UPDATE; commons_discipline: SELECT

TABLE membership.branches
  COLUMN id uuid NOT NULL DEFAULT gen_random_uuid()
  COLUMN code text NOT NULL
  COLUMN name text NOT NULL
  COLUMN status text NOT NULL DEFAULT 'active'::text
  COLUMN merged_into uuid
  COLUMN founded_on date NOT NULL
  COLUMN closed_on date
  COLUMN created_at timestamp with time zone NOT NULL DEFAULT now()
  COLUMN region_id uuid
  CONSTRAINT branches_code_key UNIQUE (code)
  CONSTRAINT branches_merged_into_fkey FOREIGN KEY (merged_into) REFERENCES membership.branches(id)
  CONSTRAINT branches_pkey PRIMARY KEY (id)
  CONSTRAINT branches_region_id_fkey FOREIGN KEY (region_id) REFERENCES membership.regions(id)
  CONSTRAINT branches_status_check CHECK ((status = ANY (ARRAY['active'::text, 'merged'::text, 'closed'::text])))
  INDEX branches_code_key: CREATE UNIQUE INDEX branches_code_key ON membership.branches USING btree (code)
  INDEX branches_pkey: CREATE UNIQUE INDEX branches_pkey ON membership.branches USING btree (id)
  INDEX branches_region_idx: CREATE INDEX branches_region_idx ON membership.branches USING btree (region_id) WHERE (region_id IS NOT NULL)
  GRANT commons_app: DELETE, INSERT, SELECT, UPDATE; commons_discipline: SELECT

TABLE membership.electoral_rolls
  COLUMN id uuid NOT NULL
  COLUMN scope_kind text NOT NULL
  COLUMN branch_id uuid
  COLUMN as_of date NOT NULL
  COLUMN label text
  COLUMN entry_count integer NOT NULL DEFAULT 0
  COLUMN frozen_at timestamp with time zone NOT NULL
  COLUMN frozen_by uuid
  CONSTRAINT electoral_rolls_branch_id_fkey FOREIGN KEY (branch_id) REFERENCES membership.branches(id)
  CONSTRAINT electoral_rolls_check CHECK (((scope_kind = 'branch'::text) = (branch_id IS NOT NULL)))
  CONSTRAINT electoral_rolls_pkey PRIMARY KEY (id)
  CONSTRAINT electoral_rolls_scope_kind_check CHECK ((scope_kind = ANY (ARRAY['organization'::text, 'branch'::text])))
  INDEX electoral_rolls_pkey: CREATE UNIQUE INDEX electoral_rolls_pkey ON membership.electoral_rolls USING btree (id)
  GRANT commons_app: DELETE, INSERT, SELECT, UPDATE

TABLE membership.idempotency_keys
  COLUMN key text NOT NULL
  COLUMN actor text NOT NULL
  COLUMN operation text NOT NULL
  COLUMN request_sha256 text NOT NULL
  COLUMN response jsonb NOT NULL
  COLUMN created_at timestamp with time zone NOT NULL
  CONSTRAINT idempotency_keys_pkey PRIMARY KEY (actor, operation, key)
  INDEX idempotency_keys_pkey: CREATE UNIQUE INDEX idempotency_keys_pkey ON membership.idempotency_keys USING btree (actor, operation, key)
  GRANT commons_app: DELETE, INSERT, SELECT, UPDATE

TABLE membership.import_batches
  COLUMN id uuid NOT NULL
  COLUMN file_sha256 text NOT NULL
  COLUMN imported_by uuid
  COLUMN imported_at timestamp with time zone NOT NULL
  COLUMN row_count integer NOT NULL
  COLUMN branch_ids uuid[] NOT NULL
  CONSTRAINT import_batches_file_sha256_key UNIQUE (file_sha256)
  CONSTRAINT import_batches_pkey PRIMARY KEY (id)
  INDEX import_batches_file_sha256_key: CREATE UNIQUE INDEX import_batches_file_sha256_key ON membership.import_batches USING btree (file_sha256)
  INDEX import_batches_pkey: CREATE UNIQUE INDEX import_batches_pkey ON membership.import_batches USING btree (id)
  GRANT commons_app: DELETE, INSERT, SELECT, UPDATE

TABLE membership.import_mappings
  COLUMN name text NOT NULL
  COLUMN definition jsonb NOT NULL
  COLUMN saved_by uuid
  COLUMN saved_at timestamp with time zone NOT NULL
  COLUMN version integer NOT NULL DEFAULT 1
  CONSTRAINT import_mappings_name_check CHECK ((name ~ '^[a-z0-9][a-z0-9_-]{0,63}$'::text))
  CONSTRAINT import_mappings_pkey PRIMARY KEY (name)
  INDEX import_mappings_pkey: CREATE UNIQUE INDEX import_mappings_pkey ON membership.import_mappings USING btree (name)
  GRANT commons_app: DELETE, INSERT, SELECT, UPDATE

TABLE membership.meeting_speakers
  COLUMN id uuid NOT NULL
  COLUMN meeting_id uuid NOT NULL
  COLUMN member_id uuid NOT NULL
  COLUMN seq bigint NOT NULL GENERATED ALWAYS AS IDENTITY
  COLUMN topic text
  COLUMN added_by text NOT NULL
  COLUMN added_by_member_id uuid
  COLUMN added_at timestamp with time zone NOT NULL
  COLUMN withdrawn_at timestamp with time zone
  COLUMN withdrawn_by uuid
  CONSTRAINT meeting_speakers_added_by_check CHECK ((added_by = ANY (ARRAY['self'::text, 'officer'::text])))
  CONSTRAINT meeting_speakers_meeting_id_fkey FOREIGN KEY (meeting_id) REFERENCES membership.meetings(id)
  CONSTRAINT meeting_speakers_member_id_fkey FOREIGN KEY (member_id) REFERENCES membership.members(id)
  CONSTRAINT meeting_speakers_pkey PRIMARY KEY (id)
  INDEX meeting_speakers_listed_once: CREATE UNIQUE INDEX meeting_speakers_listed_once ON membership.meeting_speakers USING btree (meeting_id, member_id) WHERE (withdrawn_at IS NULL)
  INDEX meeting_speakers_meeting_idx: CREATE INDEX meeting_speakers_meeting_idx ON membership.meeting_speakers USING btree (meeting_id, seq)
  INDEX meeting_speakers_pkey: CREATE UNIQUE INDEX meeting_speakers_pkey ON membership.meeting_speakers USING btree (id)
  GRANT commons_app: DELETE, INSERT, SELECT, UPDATE

TABLE membership.meetings
  COLUMN id uuid NOT NULL
  COLUMN branch_id uuid NOT NULL
  COLUMN host_member_id uuid NOT NULL
  COLUMN title text NOT NULL
  COLUMN starts_at timestamp with time zone NOT NULL
  COLUMN created_by uuid
  COLUMN created_at timestamp with time zone NOT NULL
  CONSTRAINT meetings_branch_id_fkey FOREIGN KEY (branch_id) REFERENCES membership.branches(id)
  CONSTRAINT meetings_host_member_id_fkey FOREIGN KEY (host_member_id) REFERENCES membership.members(id)
  CONSTRAINT meetings_pkey PRIMARY KEY (id)
  INDEX meetings_branch_idx: CREATE INDEX meetings_branch_idx ON membership.meetings USING btree (branch_id, starts_at)
  INDEX meetings_pkey: CREATE UNIQUE INDEX meetings_pkey ON membership.meetings USING btree (id)
  GRANT commons_app: DELETE, INSERT, SELECT, UPDATE

TABLE membership.members
  COLUMN id uuid NOT NULL DEFAULT gen_random_uuid()
  COLUMN member_number bigint NOT NULL GENERATED ALWAYS AS IDENTITY
  COLUMN first_name text NOT NULL
  COLUMN last_name text NOT NULL
  COLUMN email text
  COLUMN phone text
  COLUMN address text
  COLUMN status text NOT NULL  GRANT commons_discipline: UPDATE
  COLUMN email_consent boolean NOT NULL DEFAULT false
  COLUMN email_consent_at timestamp with time zone
  COLUMN applied_on date NOT NULL
  COLUMN joined_on date
  COLUMN branch_id uuid
  COLUMN created_at timestamp with time zone NOT NULL DEFAULT now()
  COLUMN updated_at timestamp with time zone NOT NULL DEFAULT now()  GRANT commons_discipline: UPDATE
  COLUMN version integer NOT NULL DEFAULT 1  GRANT commons_discipline: UPDATE
  COLUMN register_number text NOT NULL
  COLUMN sort_key text COLLATE "C" NOT NULL
  COLUMN application_branch_id uuid
  COLUMN import_batch_id uuid
  COLUMN date_of_birth date
  CONSTRAINT members_application_branch_id_fkey FOREIGN KEY (application_branch_id) REFERENCES membership.branches(id)
  CONSTRAINT members_branch_id_fkey FOREIGN KEY (branch_id) REFERENCES membership.branches(id)
  CONSTRAINT members_import_batch_id_fkey FOREIGN KEY (import_batch_id) REFERENCES membership.import_batches(id)
  CONSTRAINT members_member_number_key UNIQUE (member_number)
  CONSTRAINT members_pkey PRIMARY KEY (id)
  CONSTRAINT members_status_check CHECK ((status = ANY (ARRAY['applicant'::text, 'active'::text, 'lapsed'::text, 'suspended'::text, 'expelled'::text, 'resigned'::text, 'declined'::text])))
  INDEX members_application_branch_idx: CREATE INDEX members_application_branch_idx ON membership.members USING btree (application_branch_id) WHERE (application_branch_id IS NOT NULL)
  INDEX members_branch_sort_idx: CREATE INDEX members_branch_sort_idx ON membership.members USING btree (branch_id, sort_key, id)
  INDEX members_branch_status_idx: CREATE INDEX members_branch_status_idx ON membership.members USING btree (branch_id, status)
  INDEX members_email_idx: CREATE INDEX members_email_idx ON membership.members USING btree (lower(email))
  INDEX members_email_trgm_idx: CREATE INDEX members_email_trgm_idx ON membership.members USING gin (lower(email) gin_trgm_ops)  -- needs pg_trgm
  INDEX members_email_uq: CREATE UNIQUE INDEX members_email_uq ON membership.members USING btree (lower(email)) WHERE (status <> ALL (ARRAY['declined'::text, 'resigned'::text, 'expelled'::text]))
  INDEX members_member_number_key: CREATE UNIQUE INDEX members_member_number_key ON membership.members USING btree (member_number)
  INDEX members_name_idx: CREATE INDEX members_name_idx ON membership.members USING btree (lower(last_name), lower(first_name), id)
  INDEX members_name_trgm_idx: CREATE INDEX members_name_trgm_idx ON membership.members USING gin (lower(((((first_name || ' '::text) || last_name) || ' '::text) || first_name)) gin_trgm_ops)  -- needs pg_trgm
  INDEX members_pkey: CREATE UNIQUE INDEX members_pkey ON membership.members USING btree (id)
  INDEX members_register_number_uq: CREATE UNIQUE INDEX members_register_number_uq ON membership.members USING btree (upper(register_number))
  INDEX members_sort_idx: CREATE INDEX members_sort_idx ON membership.members USING btree (sort_key, id)
  TRIGGER members_defaults: CREATE TRIGGER members_defaults BEFORE INSERT OR UPDATE ON membership.members FOR EACH ROW EXECUTE FUNCTION membership.members_defaults()
  TRIGGER members_former_in_no_branch: CREATE TRIGGER members_former_in_no_branch BEFORE INSERT OR UPDATE OF status, branch_id, application_branch_id ON membership.members FOR EACH ROW EXECUTE FUNCTION membership.former_members_in_no_branch()
  GRANT commons_app: DELETE, INSERT, SELECT, UPDATE; commons_discipline: SELECT

TABLE membership.organization
  COLUMN singleton boolean NOT NULL DEFAULT true
  COLUMN name text NOT NULL
  COLUMN time_zone text NOT NULL
  COLUMN locale text NOT NULL
  COLUMN currency character(3) NOT NULL
  COLUMN founding_file_sha256 text NOT NULL
  COLUMN founded_at timestamp with time zone NOT NULL
  CONSTRAINT organization_pkey PRIMARY KEY (singleton)
  CONSTRAINT organization_singleton_check CHECK (singleton)
  INDEX organization_pkey: CREATE UNIQUE INDEX organization_pkey ON membership.organization USING btree (singleton)
  GRANT commons_app: DELETE, INSERT, SELECT, UPDATE

TABLE membership.pending_applications
  COLUMN id uuid NOT NULL
  COLUMN token_hash text NOT NULL
  COLUMN email text NOT NULL
  COLUMN branch_id uuid NOT NULL
  COLUMN request jsonb NOT NULL
  COLUMN created_at timestamp with time zone NOT NULL
  COLUMN expires_at timestamp with time zone NOT NULL
  CONSTRAINT pending_applications_branch_id_fkey FOREIGN KEY (branch_id) REFERENCES membership.branches(id)
  CONSTRAINT pending_applications_check CHECK ((expires_at > created_at))
  CONSTRAINT pending_applications_pkey PRIMARY KEY (id)
  CONSTRAINT pending_applications_token_hash_key UNIQUE (token_hash)
  INDEX pending_applications_expires_idx: CREATE INDEX pending_applications_expires_idx ON membership.pending_applications USING btree (expires_at)
  INDEX pending_applications_pkey: CREATE UNIQUE INDEX pending_applications_pkey ON membership.pending_applications USING btree (id)
  INDEX pending_applications_token_hash_key: CREATE UNIQUE INDEX pending_applications_token_hash_key ON membership.pending_applications USING btree (token_hash)
  GRANT commons_app: DELETE, INSERT, SELECT, UPDATE

TABLE membership.regions
  COLUMN id uuid NOT NULL DEFAULT gen_random_uuid()
  COLUMN code text NOT NULL
  COLUMN name text NOT NULL
  COLUMN created_at timestamp with time zone NOT NULL DEFAULT now()
  CONSTRAINT regions_code_key UNIQUE (code)
  CONSTRAINT regions_pkey PRIMARY KEY (id)
  INDEX regions_code_key: CREATE UNIQUE INDEX regions_code_key ON membership.regions USING btree (code)
  INDEX regions_pkey: CREATE UNIQUE INDEX regions_pkey ON membership.regions USING btree (id)
  GRANT commons_app: DELETE, INSERT, SELECT, UPDATE

TABLE membership.roll_entries
  COLUMN roll_id uuid NOT NULL
  COLUMN member_id uuid NOT NULL
  COLUMN branch_id uuid NOT NULL
  CONSTRAINT roll_entries_pkey PRIMARY KEY (roll_id, member_id)
  CONSTRAINT roll_entries_roll_id_fkey FOREIGN KEY (roll_id) REFERENCES membership.electoral_rolls(id)
  INDEX roll_entries_branch_idx: CREATE INDEX roll_entries_branch_idx ON membership.roll_entries USING btree (roll_id, branch_id)
  INDEX roll_entries_pkey: CREATE UNIQUE INDEX roll_entries_pkey ON membership.roll_entries USING btree (roll_id, member_id)
  GRANT commons_app: DELETE, INSERT, SELECT, UPDATE

TABLE membership.status_history
  COLUMN id bigint NOT NULL GENERATED ALWAYS AS IDENTITY
  COLUMN member_id uuid NOT NULL
  COLUMN from_status text
  COLUMN to_status text NOT NULL
  COLUMN changed_at timestamp with time zone NOT NULL
  COLUMN effective_on date NOT NULL
  COLUMN changed_by uuid
  COLUMN reason text
  COLUMN source text NOT NULL DEFAULT 'secretary'::text
  COLUMN ref text
  CONSTRAINT status_history_member_id_fkey FOREIGN KEY (member_id) REFERENCES membership.members(id)
  CONSTRAINT status_history_pkey PRIMARY KEY (id)
  CONSTRAINT status_history_source_check CHECK ((source = ANY (ARRAY['application'::text, 'import'::text, 'secretary'::text, 'member'::text, 'standing-job'::text, 'sanction'::text])))
  INDEX status_history_member_idx: CREATE INDEX status_history_member_idx ON membership.status_history USING btree (member_id, changed_at)
  INDEX status_history_member_on_idx: CREATE INDEX status_history_member_on_idx ON membership.status_history USING btree (member_id, effective_on, id)
  INDEX status_history_pkey: CREATE UNIQUE INDEX status_history_pkey ON membership.status_history USING btree (id)
  GRANT commons_app: DELETE, INSERT, SELECT, UPDATE; commons_discipline: INSERT

TABLE membership.transfers
  COLUMN id uuid NOT NULL
  COLUMN member_id uuid NOT NULL
  COLUMN from_branch_id uuid NOT NULL
  COLUMN to_branch_id uuid NOT NULL
  COLUMN kind text NOT NULL
  COLUMN status text NOT NULL
  COLUMN reason text
  COLUMN requested_on date NOT NULL
  COLUMN requested_at timestamp with time zone NOT NULL
  COLUMN decided_by text
  COLUMN decided_at timestamp with time zone
  COLUMN effective_on date
  COLUMN decline_reason text
  CONSTRAINT transfers_check CHECK (((kind = 'ordinary'::text) OR (reason IS NULL)))
  CONSTRAINT transfers_check1 CHECK ((from_branch_id <> to_branch_id))
  CONSTRAINT transfers_from_branch_id_fkey FOREIGN KEY (from_branch_id) REFERENCES membership.branches(id)
  CONSTRAINT transfers_kind_check CHECK ((kind = ANY (ARRAY['ordinary'::text, 'protected'::text])))
  CONSTRAINT transfers_member_id_fkey FOREIGN KEY (member_id) REFERENCES membership.members(id)
  CONSTRAINT transfers_pkey PRIMARY KEY (id)
  CONSTRAINT transfers_status_check CHECK ((status = ANY (ARRAY['requested'::text, 'accepted'::text, 'declined'::text, 'withdrawn'::text])))
  CONSTRAINT transfers_to_branch_id_fkey FOREIGN KEY (to_branch_id) REFERENCES membership.branches(id)
  INDEX transfers_member_idx: CREATE INDEX transfers_member_idx ON membership.transfers USING btree (member_id, requested_at)
  INDEX transfers_one_pending_uq: CREATE UNIQUE INDEX transfers_one_pending_uq ON membership.transfers USING btree (member_id) WHERE (status = 'requested'::text)
  INDEX transfers_pkey: CREATE UNIQUE INDEX transfers_pkey ON membership.transfers USING btree (id)
  INDEX transfers_to_branch_idx: CREATE INDEX transfers_to_branch_idx ON membership.transfers USING btree (to_branch_id, status, requested_at)
  GRANT commons_app: DELETE, INSERT, SELECT, UPDATE

TABLE notifications.feed_entries
  COLUMN member_id uuid NOT NULL
  COLUMN notice_id uuid NOT NULL
  COLUMN created_at timestamp with time zone NOT NULL
  COLUMN read_at timestamp with time zone
  CONSTRAINT feed_entries_pkey PRIMARY KEY (member_id, notice_id)
  INDEX feed_entries_pkey: CREATE UNIQUE INDEX feed_entries_pkey ON notifications.feed_entries USING btree (member_id, notice_id)
  GRANT commons_app: DELETE, INSERT, SELECT, UPDATE; commons_discipline: INSERT, SELECT

TABLE notifications.notice_texts
  COLUMN digest text NOT NULL
  COLUMN body text NOT NULL
  COLUMN created_at timestamp with time zone NOT NULL
  CONSTRAINT notice_texts_digest_check CHECK ((digest ~ '^[0-9a-f]{64}$'::text))
  CONSTRAINT notice_texts_pkey PRIMARY KEY (digest)
  INDEX notice_texts_pkey: CREATE UNIQUE INDEX notice_texts_pkey ON notifications.notice_texts USING btree (digest)
  GRANT commons_app: DELETE, INSERT, SELECT, UPDATE; commons_discipline: SELECT

TABLE notifications.notices
  COLUMN id uuid NOT NULL DEFAULT gen_random_uuid()
  COLUMN type text NOT NULL
  COLUMN data jsonb NOT NULL DEFAULT '{}'::jsonb
  COLUMN essential boolean NOT NULL
  COLUMN audience text NOT NULL
  COLUMN dedupe_key text
  COLUMN recipients integer  GRANT commons_discipline: UPDATE
  COLUMN emails integer  GRANT commons_discipline: UPDATE
  COLUMN created_at timestamp with time zone NOT NULL
  COLUMN scrubbed_at timestamp with time zone
  COLUMN text_digest text
  CONSTRAINT notices_pkey PRIMARY KEY (id)
  INDEX notices_dedupe_key_idx: CREATE UNIQUE INDEX notices_dedupe_key_idx ON notifications.notices USING btree (dedupe_key text_pattern_ops)
  INDEX notices_pkey: CREATE UNIQUE INDEX notices_pkey ON notifications.notices USING btree (id)
  GRANT commons_app: DELETE, INSERT, SELECT, UPDATE; commons_discipline: INSERT, SELECT

TABLE notifications.outbox
  COLUMN id uuid NOT NULL DEFAULT gen_random_uuid()
  COLUMN notice_id uuid NOT NULL
  COLUMN member_id uuid
  COLUMN to_address text NOT NULL
  COLUMN status text NOT NULL DEFAULT 'pending'::text
  COLUMN attempts integer NOT NULL DEFAULT 0
  COLUMN next_attempt_at timestamp with time zone NOT NULL
  COLUMN lease_owner text
  COLUMN lease_until timestamp with time zone
  COLUMN last_reply_code integer
  COLUMN last_error text
  COLUMN created_at timestamp with time zone NOT NULL
  COLUMN sent_at timestamp with time zone
  COLUMN failed_at timestamp with time zone
  CONSTRAINT outbox_attempts_check CHECK ((attempts >= 0))
  CONSTRAINT outbox_check CHECK (((status = 'sent'::text) = (sent_at IS NOT NULL)))
  CONSTRAINT outbox_check1 CHECK (((status = 'failed'::text) = (failed_at IS NOT NULL)))
  CONSTRAINT outbox_pkey PRIMARY KEY (id)
  CONSTRAINT outbox_status_check CHECK ((status = ANY (ARRAY['pending'::text, 'sent'::text, 'failed'::text])))
  INDEX outbox_failed_idx: CREATE INDEX outbox_failed_idx ON notifications.outbox USING btree (failed_at DESC) WHERE (status = 'failed'::text)
  INDEX outbox_notice_idx: CREATE INDEX outbox_notice_idx ON notifications.outbox USING btree (notice_id)
  INDEX outbox_pending_due_idx: CREATE INDEX outbox_pending_due_idx ON notifications.outbox USING btree (next_attempt_at) WHERE (status = 'pending'::text)
  INDEX outbox_pkey: CREATE UNIQUE INDEX outbox_pkey ON notifications.outbox USING btree (id)
  GRANT commons_app: DELETE, INSERT, SELECT, UPDATE; commons_discipline: INSERT, SELECT

TABLE notifications.preferences
  COLUMN member_id uuid NOT NULL
  COLUMN email_non_essential boolean NOT NULL
  COLUMN updated_at timestamp with time zone NOT NULL
  CONSTRAINT preferences_pkey PRIMARY KEY (member_id)
  INDEX preferences_pkey: CREATE UNIQUE INDEX preferences_pkey ON notifications.preferences USING btree (member_id)
  GRANT commons_app: DELETE, INSERT, SELECT, UPDATE; commons_discipline: SELECT

TABLE platform.job_runs
  COLUMN name text NOT NULL
  COLUMN outcome text NOT NULL
  COLUMN trigger text NOT NULL
  COLUMN started_at timestamp with time zone NOT NULL
  COLUMN duration_ms integer NOT NULL
  COLUMN result jsonb
  COLUMN error jsonb
  COLUMN ran_by text NOT NULL
  COLUMN last_success_at timestamp with time zone
  CONSTRAINT job_runs_duration_ms_check CHECK ((duration_ms >= 0))
  CONSTRAINT job_runs_outcome_check CHECK ((outcome = ANY (ARRAY['ran'::text, 'failed'::text])))
  CONSTRAINT job_runs_pkey PRIMARY KEY (name)
  CONSTRAINT job_runs_trigger_check CHECK ((trigger = ANY (ARRAY['schedule'::text, 'request'::text])))
  INDEX job_runs_pkey: CREATE UNIQUE INDEX job_runs_pkey ON platform.job_runs USING btree (name)
  GRANT commons_app: INSERT, SELECT, UPDATE

TABLE public.migrations
  COLUMN id integer NOT NULL DEFAULT nextval('migrations_id_seq'::regclass)
  COLUMN timestamp bigint NOT NULL
  COLUMN name character varying NOT NULL
  CONSTRAINT PK_8c82d7f526340ab734260ea46be PRIMARY KEY (id)
  INDEX PK_8c82d7f526340ab734260ea46be: CREATE UNIQUE INDEX "PK_8c82d7f526340ab734260ea46be" ON public.migrations USING btree (id)

TABLE restrictions.active
  COLUMN id bigint NOT NULL GENERATED ALWAYS AS IDENTITY
  COLUMN member_id uuid NOT NULL
  COLUMN kind text NOT NULL
  COLUMN since timestamp with time zone NOT NULL
  COLUMN until timestamp with time zone
  COLUMN separated_from uuid[] NOT NULL DEFAULT '{}'::uuid[]
  CONSTRAINT active_check CHECK (((kind = 'separation'::text) OR (cardinality(separated_from) = 0)))
  CONSTRAINT active_check1 CHECK (((kind <> 'separation'::text) OR (cardinality(separated_from) > 0)))
  CONSTRAINT active_kind_check CHECK ((kind = ANY (ARRAY['no_voting'::text, 'no_candidacy'::text, 'no_office'::text, 'no_hosting'::text, 'no_speaking'::text, 'no_recruiting'::text, 'separation'::text])))
  CONSTRAINT active_pkey PRIMARY KEY (id)
  INDEX active_member_idx: CREATE INDEX active_member_idx ON restrictions.active USING btree (member_id)
  INDEX active_pkey: CREATE UNIQUE INDEX active_pkey ON restrictions.active USING btree (id)
  INDEX active_separated_idx: CREATE INDEX active_separated_idx ON restrictions.active USING gin (separated_from)
  GRANT commons_app: SELECT; commons_discipline: DELETE, INSERT, SELECT, UPDATE

TABLE restrictions.protected_transfer
  COLUMN member_id uuid NOT NULL
  COLUMN until timestamp with time zone
  CONSTRAINT protected_transfer_pkey PRIMARY KEY (member_id)
  INDEX protected_transfer_pkey: CREATE UNIQUE INDEX protected_transfer_pkey ON restrictions.protected_transfer USING btree (member_id)
  GRANT commons_app: SELECT; commons_discipline: DELETE, INSERT, SELECT, UPDATE

TABLE restrictions.readmission_required
  COLUMN member_id uuid NOT NULL
  COLUMN since timestamp with time zone NOT NULL
  CONSTRAINT readmission_required_pkey PRIMARY KEY (member_id)
  INDEX readmission_required_pkey: CREATE UNIQUE INDEX readmission_required_pkey ON restrictions.readmission_required USING btree (member_id)
  GRANT commons_app: SELECT; commons_discipline: DELETE, INSERT, SELECT

TABLE restrictions.rejoin_fingerprints
  COLUMN member_id uuid NOT NULL
  COLUMN kind text NOT NULL
  COLUMN hash text NOT NULL
  COLUMN master_key_id text NOT NULL
  COLUMN recorded_at timestamp with time zone NOT NULL
  CONSTRAINT rejoin_fingerprints_kind_check CHECK ((kind = ANY (ARRAY['email'::text, 'name_dob'::text, 'name_phone'::text, 'name_address'::text])))
  CONSTRAINT rejoin_fingerprints_pkey PRIMARY KEY (member_id, kind, hash)
  INDEX rejoin_fingerprints_hash_idx: CREATE INDEX rejoin_fingerprints_hash_idx ON restrictions.rejoin_fingerprints USING btree (hash)
  INDEX rejoin_fingerprints_pkey: CREATE UNIQUE INDEX rejoin_fingerprints_pkey ON restrictions.rejoin_fingerprints USING btree (member_id, kind, hash)
  GRANT commons_app: SELECT; commons_discipline: DELETE, INSERT, SELECT

FUNCTION audit.refuse_change() RETURNS trigger LANGUAGE plpgsql VOLATILE
    |       BEGIN
    |         RAISE EXCEPTION 'audit.entries is append-only: % is not allowed', TG_OP USING ERRCODE = '42501';
    |       END

FUNCTION membership.former_members_in_no_branch() RETURNS trigger LANGUAGE plpgsql VOLATILE
    |       BEGIN
    |         IF NEW.status IN ('expelled', 'resigned', 'declined') THEN
    |           NEW.branch_id := NULL;
    |           NEW.application_branch_id := NULL;
    |         END IF;
    |         RETURN NEW;
    |       END

FUNCTION membership.members_defaults() RETURNS trigger LANGUAGE plpgsql VOLATILE
    |       BEGIN
    |         IF NEW.register_number IS NULL OR NEW.register_number = '' THEN
    |           NEW.register_number := 'M' || NEW.member_number::text;
    |         END IF;
    |         IF NEW.sort_key IS NULL OR (TG_OP = 'UPDATE' AND NEW.sort_key = OLD.sort_key
    |             AND (NEW.first_name IS DISTINCT FROM OLD.first_name OR NEW.last_name IS DISTINCT FROM OLD.last_name)) THEN
    |           NEW.sort_key := lower(btrim(NEW.last_name)) || chr(1) || lower(btrim(NEW.first_name));
    |         END IF;
    |         RETURN NEW;
    |       END
