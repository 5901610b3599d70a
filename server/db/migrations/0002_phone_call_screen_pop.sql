ALTER TABLE "verifications" ADD COLUMN "call_id" text;--> statement-breakpoint
ALTER TABLE "verifications" ADD COLUMN "caller_number" text;--> statement-breakpoint
CREATE INDEX "verifications_call_id_idx" ON "verifications" USING btree ("call_id");--> statement-breakpoint
ALTER TABLE "verifications" ADD CONSTRAINT "verifications_caller_number_check" CHECK ("verifications"."caller_number" in ('withheld', 'domestic', 'registered_mobile', 'foreign', 'registered_mobile_abroad'));