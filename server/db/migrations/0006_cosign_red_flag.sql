CREATE TABLE "cosign_requests" (
	"verification_id" text PRIMARY KEY NOT NULL,
	"agent_id" text NOT NULL,
	"status" text NOT NULL,
	"reasons" jsonb NOT NULL,
	"requested_at" timestamp (3) with time zone NOT NULL,
	"expires_at" timestamp (3) with time zone NOT NULL,
	"decided_by" text,
	"decided_at" timestamp (3) with time zone,
	"decision_reason" text,
	CONSTRAINT "cosign_requests_status_check" CHECK ("cosign_requests"."status" in ('pending', 'approved', 'denied', 'expired'))
);
--> statement-breakpoint
ALTER TABLE "verifications" ADD COLUMN "red_flags" jsonb DEFAULT '[]'::jsonb NOT NULL;--> statement-breakpoint
ALTER TABLE "cosign_requests" ADD CONSTRAINT "cosign_requests_verification_id_verifications_id_fk" FOREIGN KEY ("verification_id") REFERENCES "public"."verifications"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "cosign_requests" ADD CONSTRAINT "cosign_requests_agent_id_users_id_fk" FOREIGN KEY ("agent_id") REFERENCES "public"."users"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "cosign_requests" ADD CONSTRAINT "cosign_requests_decided_by_users_id_fk" FOREIGN KEY ("decided_by") REFERENCES "public"."users"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
CREATE INDEX "cosign_requests_pending_idx" ON "cosign_requests" USING btree ("requested_at") WHERE "cosign_requests"."status" = 'pending';