CREATE TABLE "audit_events" (
	"seq" bigint PRIMARY KEY NOT NULL,
	"occurred_at" timestamp (3) with time zone NOT NULL,
	"actor" text NOT NULL,
	"action" text NOT NULL,
	"subject_hmac" text,
	"verification_id" text,
	"payload" jsonb NOT NULL,
	"prev_hash" text NOT NULL,
	"hash" text NOT NULL,
	CONSTRAINT "audit_events_hash_key" UNIQUE("hash")
);
--> statement-breakpoint
CREATE TABLE "unknown_login_attempts" (
	"username_key" text PRIMARY KEY NOT NULL,
	"failed_count" integer DEFAULT 0 NOT NULL,
	"locked_until" timestamp (3) with time zone,
	"last_failed_at" timestamp (3) with time zone NOT NULL
);
--> statement-breakpoint
CREATE TABLE "message_outbox" (
	"id" text PRIMARY KEY NOT NULL,
	"seq" bigserial NOT NULL,
	"channel" text NOT NULL,
	"recipient_masked" text NOT NULL,
	"mitid_user_id" text,
	"subject_hmac" text,
	"subject" text,
	"body_sealed" text NOT NULL,
	"code_id" text,
	"created_at" timestamp (3) with time zone NOT NULL
);
--> statement-breakpoint
CREATE TABLE "register_addresses" (
	"cpr" text NOT NULL,
	"seq" integer NOT NULL,
	"street" text,
	"house_number" text,
	"floor" text,
	"door" text,
	"postcode" text,
	"town" text,
	"municipality_code" text,
	"country" text NOT NULL,
	"moved_in" date NOT NULL,
	"moved_out" date,
	CONSTRAINT "register_addresses_cpr_seq_pk" PRIMARY KEY("cpr","seq"),
	CONSTRAINT "register_addresses_dates" CHECK ("register_addresses"."moved_out" is null or "register_addresses"."moved_out" >= "register_addresses"."moved_in")
);
--> statement-breakpoint
CREATE TABLE "register_civil_status" (
	"cpr" text NOT NULL,
	"seq" integer NOT NULL,
	"status" text NOT NULL,
	"valid_from" date NOT NULL,
	"spouse_cpr" text,
	CONSTRAINT "register_civil_status_cpr_seq_pk" PRIMARY KEY("cpr","seq"),
	CONSTRAINT "register_civil_status_status" CHECK (status in ('unmarried', 'married', 'divorced', 'widowed', 'registered_partnership', 'dissolved_partnership'))
);
--> statement-breakpoint
CREATE TABLE "register_documents" (
	"type" text NOT NULL,
	"number" text NOT NULL,
	"issuing_country" text NOT NULL,
	"cpr" text NOT NULL,
	"issued_on" date NOT NULL,
	"expires_on" date NOT NULL,
	CONSTRAINT "register_documents_type_number_pk" PRIMARY KEY("type","number"),
	CONSTRAINT "register_documents_type" CHECK (type in ('passport', 'driving_licence')),
	CONSTRAINT "register_documents_issuing_country" CHECK (issuing_country in ('DK', 'GL')),
	CONSTRAINT "register_documents_number_digits" CHECK ("register_documents"."number" ~ '^[0-9]{8,9}$')
);
--> statement-breakpoint
CREATE TABLE "register_meta" (
	"key" text PRIMARY KEY NOT NULL,
	"value" text NOT NULL
);
--> statement-breakpoint
CREATE TABLE "register_mitid" (
	"user_id" text PRIMARY KEY NOT NULL,
	"cpr" text NOT NULL,
	"mobile_number" text NOT NULL,
	"mobile_registered_at" timestamp with time zone NOT NULL,
	"password_hash" text,
	CONSTRAINT "register_mitid_user_id_lower" CHECK ("register_mitid"."user_id" = lower("register_mitid"."user_id"))
);
--> statement-breakpoint
CREATE TABLE "register_name_history" (
	"cpr" text NOT NULL,
	"seq" integer NOT NULL,
	"first_names" text NOT NULL,
	"middle_name" text,
	"last_name" text NOT NULL,
	"valid_from" date NOT NULL,
	"valid_to" date NOT NULL,
	CONSTRAINT "register_name_history_cpr_seq_pk" PRIMARY KEY("cpr","seq")
);
--> statement-breakpoint
CREATE TABLE "register_persons" (
	"cpr" text PRIMARY KEY NOT NULL,
	"first_names" text NOT NULL,
	"middle_name" text,
	"last_name" text NOT NULL,
	"birth_date" date NOT NULL,
	"sex" text NOT NULL,
	"birthplace" text NOT NULL,
	"birthplace_kind" text NOT NULL,
	"citizenship" text NOT NULL,
	"status" text NOT NULL,
	"status_date" date,
	"name_address_protection" boolean DEFAULT false NOT NULL,
	"church_member" boolean NOT NULL,
	CONSTRAINT "register_persons_cpr_digits" CHECK ("register_persons"."cpr" ~ '^[0-9]{10}$'),
	CONSTRAINT "register_persons_sex" CHECK (sex in ('male', 'female')),
	CONSTRAINT "register_persons_status" CHECK (status in ('active', 'deceased', 'emigrated', 'disappeared')),
	CONSTRAINT "register_persons_birthplace_kind" CHECK (birthplace_kind in ('parish', 'country'))
);
--> statement-breakpoint
CREATE TABLE "register_relations" (
	"cpr" text NOT NULL,
	"kind" text NOT NULL,
	"related_cpr" text NOT NULL,
	CONSTRAINT "register_relations_cpr_kind_related_cpr_pk" PRIMARY KEY("cpr","kind","related_cpr"),
	CONSTRAINT "register_relations_kind" CHECK (kind in ('parent', 'child', 'spouse'))
);
--> statement-breakpoint
CREATE TABLE "export_tickets" (
	"ticket_hash" text PRIMARY KEY NOT NULL,
	"created_by" text NOT NULL,
	"created_at" timestamp (3) with time zone NOT NULL,
	"expires_at" timestamp (3) with time zone NOT NULL,
	"used_at" timestamp (3) with time zone,
	"query" jsonb NOT NULL
);
--> statement-breakpoint
CREATE TABLE "review_notes" (
	"id" text PRIMARY KEY NOT NULL,
	"verification_id" text NOT NULL,
	"author_id" text NOT NULL,
	"created_at" timestamp (3) with time zone NOT NULL,
	"text" text NOT NULL
);
--> statement-breakpoint
CREATE TABLE "sessions" (
	"id" text PRIMARY KEY NOT NULL,
	"token_hash" text NOT NULL,
	"user_id" text NOT NULL,
	"created_at" timestamp (3) with time zone NOT NULL,
	"last_seen_at" timestamp (3) with time zone NOT NULL,
	"expires_at" timestamp (3) with time zone NOT NULL,
	"ended_at" timestamp (3) with time zone,
	"end_reason" text,
	CONSTRAINT "sessions_token_hash_key" UNIQUE("token_hash")
);
--> statement-breakpoint
CREATE TABLE "settings" (
	"key" text PRIMARY KEY NOT NULL,
	"value" jsonb NOT NULL,
	"updated_at" timestamp (3) with time zone NOT NULL,
	"updated_by" text NOT NULL
);
--> statement-breakpoint
CREATE TABLE "users" (
	"id" text PRIMARY KEY NOT NULL,
	"username" text NOT NULL,
	"display_name" text NOT NULL,
	"role" text NOT NULL,
	"password_hash" text NOT NULL,
	"failed_count" integer DEFAULT 0 NOT NULL,
	"locked_until" timestamp (3) with time zone,
	"created_at" timestamp (3) with time zone NOT NULL,
	"disabled" boolean DEFAULT false NOT NULL,
	CONSTRAINT "users_role_check" CHECK ("users"."role" in ('agent', 'supervisor'))
);
--> statement-breakpoint
CREATE TABLE "activation_codes" (
	"id" text PRIMARY KEY NOT NULL,
	"verification_id" text NOT NULL,
	"mitid_user_id" text NOT NULL,
	"subject_hmac" text NOT NULL,
	"code_hmac" text NOT NULL,
	"issued_by" text NOT NULL,
	"issued_at" timestamp (3) with time zone NOT NULL,
	"expires_at" timestamp (3) with time zone NOT NULL,
	"attempts" integer DEFAULT 0 NOT NULL,
	"max_attempts" integer NOT NULL,
	"used_at" timestamp (3) with time zone,
	"revoked_at" timestamp (3) with time zone,
	"revoke_reason" text,
	"revoked_by" text,
	"delivery_status" text NOT NULL,
	"masked_mobile" text,
	"expiry_recorded_at" timestamp (3) with time zone
);
--> statement-breakpoint
CREATE TABLE "velocity_signals" (
	"id" text PRIMARY KEY NOT NULL,
	"kind" text NOT NULL,
	"verification_id" text NOT NULL,
	"subject_hmac" text,
	"document_hmac" text,
	"detected_at" timestamp (3) with time zone NOT NULL,
	"details" jsonb NOT NULL
);
--> statement-breakpoint
CREATE TABLE "verification_questions" (
	"verification_id" text NOT NULL,
	"seq" integer NOT NULL,
	"question_id" text NOT NULL,
	"kind" text NOT NULL,
	"answer_format" text NOT NULL,
	"params" jsonb NOT NULL,
	"strength" real NOT NULL,
	"asked_at" timestamp (3) with time zone NOT NULL,
	"answered_at" timestamp (3) with time zone,
	"score" real,
	"dont_know" boolean,
	"time_taken_ms" integer,
	CONSTRAINT "verification_questions_verification_id_seq_pk" PRIMARY KEY("verification_id","seq")
);
--> statement-breakpoint
CREATE TABLE "verifications" (
	"id" text PRIMARY KEY NOT NULL,
	"agent_id" text NOT NULL,
	"status" text NOT NULL,
	"outcome_reason" text,
	"call_language" text NOT NULL,
	"document_type" text NOT NULL,
	"document_hmac" text NOT NULL,
	"subject_hmac" text,
	"identified" boolean DEFAULT false NOT NULL,
	"cpr_sealed" text,
	"masked_cpr" text,
	"policy" jsonb NOT NULL,
	"plan" jsonb,
	"answered_count" integer DEFAULT 0 NOT NULL,
	"max_questions" integer NOT NULL,
	"correct_count" integer DEFAULT 0 NOT NULL,
	"score_weight" real DEFAULT 0 NOT NULL,
	"total_weight" real DEFAULT 0 NOT NULL,
	"version" integer DEFAULT 0 NOT NULL,
	"started_at" timestamp (3) with time zone NOT NULL,
	"last_activity_at" timestamp (3) with time zone NOT NULL,
	"expires_at" timestamp (3) with time zone NOT NULL,
	"ended_at" timestamp (3) with time zone,
	"abort_note" text,
	"flagged" boolean DEFAULT false NOT NULL,
	"flag_reason" text
);
--> statement-breakpoint
ALTER TABLE "export_tickets" ADD CONSTRAINT "export_tickets_created_by_users_id_fk" FOREIGN KEY ("created_by") REFERENCES "public"."users"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "review_notes" ADD CONSTRAINT "review_notes_verification_id_verifications_id_fk" FOREIGN KEY ("verification_id") REFERENCES "public"."verifications"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "review_notes" ADD CONSTRAINT "review_notes_author_id_users_id_fk" FOREIGN KEY ("author_id") REFERENCES "public"."users"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "sessions" ADD CONSTRAINT "sessions_user_id_users_id_fk" FOREIGN KEY ("user_id") REFERENCES "public"."users"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "activation_codes" ADD CONSTRAINT "activation_codes_verification_id_verifications_id_fk" FOREIGN KEY ("verification_id") REFERENCES "public"."verifications"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "activation_codes" ADD CONSTRAINT "activation_codes_issued_by_users_id_fk" FOREIGN KEY ("issued_by") REFERENCES "public"."users"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "velocity_signals" ADD CONSTRAINT "velocity_signals_verification_id_verifications_id_fk" FOREIGN KEY ("verification_id") REFERENCES "public"."verifications"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "verification_questions" ADD CONSTRAINT "verification_questions_verification_id_verifications_id_fk" FOREIGN KEY ("verification_id") REFERENCES "public"."verifications"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "verifications" ADD CONSTRAINT "verifications_agent_id_users_id_fk" FOREIGN KEY ("agent_id") REFERENCES "public"."users"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
CREATE INDEX "audit_events_subject_hmac_idx" ON "audit_events" USING btree ("subject_hmac","seq");--> statement-breakpoint
CREATE INDEX "audit_events_verification_id_idx" ON "audit_events" USING btree ("verification_id","seq");--> statement-breakpoint
CREATE INDEX "audit_events_actor_idx" ON "audit_events" USING btree ("actor","seq");--> statement-breakpoint
CREATE INDEX "message_outbox_created_idx" ON "message_outbox" USING btree ("created_at");--> statement-breakpoint
CREATE INDEX "message_outbox_user_created_idx" ON "message_outbox" USING btree ("mitid_user_id","created_at");--> statement-breakpoint
CREATE INDEX "register_documents_number_idx" ON "register_documents" USING btree ("number");--> statement-breakpoint
CREATE INDEX "register_documents_cpr_idx" ON "register_documents" USING btree ("cpr");--> statement-breakpoint
CREATE UNIQUE INDEX "register_mitid_cpr_idx" ON "register_mitid" USING btree ("cpr");--> statement-breakpoint
CREATE INDEX "review_notes_verification_idx" ON "review_notes" USING btree ("verification_id","created_at");--> statement-breakpoint
CREATE INDEX "sessions_user_id_idx" ON "sessions" USING btree ("user_id");--> statement-breakpoint
CREATE UNIQUE INDEX "users_username_lower_key" ON "users" USING btree (lower("username"));--> statement-breakpoint
CREATE UNIQUE INDEX "activation_codes_verification_key" ON "activation_codes" USING btree ("verification_id");--> statement-breakpoint
CREATE INDEX "activation_codes_user_idx" ON "activation_codes" USING btree ("mitid_user_id","issued_at");--> statement-breakpoint
CREATE INDEX "activation_codes_active_idx" ON "activation_codes" USING btree ("mitid_user_id") WHERE "activation_codes"."used_at" is null and "activation_codes"."revoked_at" is null;--> statement-breakpoint
CREATE INDEX "velocity_signals_detected_idx" ON "velocity_signals" USING btree ("detected_at");--> statement-breakpoint
CREATE INDEX "velocity_signals_verification_idx" ON "velocity_signals" USING btree ("verification_id");--> statement-breakpoint
CREATE UNIQUE INDEX "verification_questions_qid_key" ON "verification_questions" USING btree ("question_id");--> statement-breakpoint
CREATE INDEX "verifications_agent_started_idx" ON "verifications" USING btree ("agent_id","started_at");--> statement-breakpoint
CREATE INDEX "verifications_subject_started_idx" ON "verifications" USING btree ("subject_hmac","started_at");--> statement-breakpoint
CREATE INDEX "verifications_document_started_idx" ON "verifications" USING btree ("document_hmac","started_at");--> statement-breakpoint
CREATE INDEX "verifications_started_idx" ON "verifications" USING btree ("started_at");--> statement-breakpoint
CREATE INDEX "verifications_status_idx" ON "verifications" USING btree ("status","started_at");--> statement-breakpoint
CREATE INDEX "verifications_flagged_started_idx" ON "verifications" USING btree ("started_at") WHERE "verifications"."flagged";
--> statement-breakpoint
-- from server/db/sql/audit-append-only.sql
-- The audit log is append-only on every driver: UPDATE, DELETE and TRUNCATE are refused.
-- Statements are separated by the same marker drizzle-kit uses, so the migrator can run them one by one.
CREATE OR REPLACE FUNCTION audit_events_refuse_change() RETURNS trigger
LANGUAGE plpgsql AS $$
BEGIN
  RAISE EXCEPTION 'audit_events is append-only: % refused', TG_OP USING ERRCODE = 'insufficient_privilege';
END
$$;
--> statement-breakpoint
DROP TRIGGER IF EXISTS audit_events_no_update_delete ON audit_events;
--> statement-breakpoint
CREATE TRIGGER audit_events_no_update_delete BEFORE UPDATE OR DELETE ON audit_events
  FOR EACH ROW EXECUTE FUNCTION audit_events_refuse_change();
--> statement-breakpoint
DROP TRIGGER IF EXISTS audit_events_no_truncate ON audit_events;
--> statement-breakpoint
CREATE TRIGGER audit_events_no_truncate BEFORE TRUNCATE ON audit_events
  FOR EACH STATEMENT EXECUTE FUNCTION audit_events_refuse_change();
