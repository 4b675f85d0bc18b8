CREATE TABLE "round_areas" (
	"round_id" uuid NOT NULL,
	"area_id" uuid NOT NULL,
	"municipality_id" uuid NOT NULL,
	"budget_cents" bigint NOT NULL,
	"position" integer NOT NULL,
	CONSTRAINT "round_areas_round_id_area_id_pk" PRIMARY KEY("round_id","area_id")
);
--> statement-breakpoint
CREATE TABLE "round_ballots" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"municipality_id" uuid NOT NULL,
	"round_id" uuid NOT NULL,
	"area_id" uuid NOT NULL,
	"projects" jsonb NOT NULL,
	"points" jsonb,
	"age_group" text,
	"channel" text NOT NULL,
	"receipt_hash" text NOT NULL
);
--> statement-breakpoint
CREATE TABLE "round_codes" (
	"round_id" uuid NOT NULL,
	"code_hash" text NOT NULL,
	"municipality_id" uuid NOT NULL,
	"area_id" uuid NOT NULL,
	"created_at" timestamp with time zone NOT NULL,
	"used_at" timestamp with time zone,
	CONSTRAINT "round_codes_round_id_code_hash_pk" PRIMARY KEY("round_id","code_hash")
);
--> statement-breakpoint
CREATE TABLE "round_ideas" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"municipality_id" uuid NOT NULL,
	"round_id" uuid NOT NULL,
	"area_id" uuid NOT NULL,
	"title" text NOT NULL,
	"description" text NOT NULL,
	"location" text,
	"estimated_cost_cents" bigint,
	"status" text DEFAULT 'submitted' NOT NULL,
	"checked_cost_cents" bigint,
	"rejection_reason" text,
	"submitted_by_id" uuid,
	"checked_by_id" uuid,
	"checked_at" timestamp with time zone,
	"created_at" timestamp with time zone NOT NULL
);
--> statement-breakpoint
CREATE TABLE "round_paper_ballots" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"municipality_id" uuid NOT NULL,
	"round_id" uuid NOT NULL,
	"area_id" uuid NOT NULL,
	"projects" jsonb NOT NULL,
	"points" jsonb,
	"age_group" text,
	"entered_by_id" uuid NOT NULL,
	"confirmed_by_id" uuid,
	"confirmed_at" timestamp with time zone,
	"created_at" timestamp with time zone NOT NULL,
	"confirmed" boolean DEFAULT false NOT NULL
);
--> statement-breakpoint
CREATE TABLE "round_projects" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"municipality_id" uuid NOT NULL,
	"round_id" uuid NOT NULL,
	"area_id" uuid NOT NULL,
	"title" text NOT NULL,
	"description" text DEFAULT '' NOT NULL,
	"cost_cents" bigint NOT NULL,
	"idea_id" uuid,
	"initiative_id" uuid,
	"external_id" text,
	"position" integer DEFAULT 0 NOT NULL,
	"created_at" timestamp with time zone NOT NULL
);
--> statement-breakpoint
CREATE TABLE "round_voters" (
	"round_id" uuid NOT NULL,
	"person_id" uuid NOT NULL,
	"municipality_id" uuid NOT NULL,
	"voted_at" timestamp with time zone NOT NULL,
	CONSTRAINT "round_voters_round_id_person_id_pk" PRIMARY KEY("round_id","person_id")
);
--> statement-breakpoint
CREATE TABLE "rounds" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"municipality_id" uuid NOT NULL,
	"name" text NOT NULL,
	"description" text DEFAULT '' NOT NULL,
	"ideas_from" date NOT NULL,
	"ideas_to" date NOT NULL,
	"check_to" date NOT NULL,
	"voting_from" date NOT NULL,
	"voting_to" date NOT NULL,
	"results_from" date NOT NULL,
	"ballot" jsonb NOT NULL,
	"rule" text NOT NULL,
	"threshold" integer,
	"voting" jsonb NOT NULL,
	"code_secret" text NOT NULL,
	"published_at" timestamp with time zone,
	"source" text DEFAULT 'wijkwijs' NOT NULL,
	"created_by_id" uuid,
	"created_at" timestamp with time zone NOT NULL,
	"updated_at" timestamp with time zone NOT NULL
);
--> statement-breakpoint
ALTER TABLE "round_areas" ADD CONSTRAINT "round_areas_round_id_rounds_id_fk" FOREIGN KEY ("round_id") REFERENCES "public"."rounds"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "round_areas" ADD CONSTRAINT "round_areas_area_id_areas_id_fk" FOREIGN KEY ("area_id") REFERENCES "public"."areas"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "round_areas" ADD CONSTRAINT "round_areas_municipality_id_municipalities_id_fk" FOREIGN KEY ("municipality_id") REFERENCES "public"."municipalities"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "round_codes" ADD CONSTRAINT "round_codes_round_id_rounds_id_fk" FOREIGN KEY ("round_id") REFERENCES "public"."rounds"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "round_codes" ADD CONSTRAINT "round_codes_municipality_id_municipalities_id_fk" FOREIGN KEY ("municipality_id") REFERENCES "public"."municipalities"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "round_codes" ADD CONSTRAINT "round_codes_area_id_areas_id_fk" FOREIGN KEY ("area_id") REFERENCES "public"."areas"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "round_ideas" ADD CONSTRAINT "round_ideas_municipality_id_municipalities_id_fk" FOREIGN KEY ("municipality_id") REFERENCES "public"."municipalities"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "round_ideas" ADD CONSTRAINT "round_ideas_round_id_rounds_id_fk" FOREIGN KEY ("round_id") REFERENCES "public"."rounds"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "round_ideas" ADD CONSTRAINT "round_ideas_area_id_areas_id_fk" FOREIGN KEY ("area_id") REFERENCES "public"."areas"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "round_ideas" ADD CONSTRAINT "round_ideas_submitted_by_id_people_id_fk" FOREIGN KEY ("submitted_by_id") REFERENCES "public"."people"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "round_ideas" ADD CONSTRAINT "round_ideas_checked_by_id_people_id_fk" FOREIGN KEY ("checked_by_id") REFERENCES "public"."people"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "round_paper_ballots" ADD CONSTRAINT "round_paper_ballots_municipality_id_municipalities_id_fk" FOREIGN KEY ("municipality_id") REFERENCES "public"."municipalities"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "round_paper_ballots" ADD CONSTRAINT "round_paper_ballots_round_id_rounds_id_fk" FOREIGN KEY ("round_id") REFERENCES "public"."rounds"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "round_paper_ballots" ADD CONSTRAINT "round_paper_ballots_area_id_areas_id_fk" FOREIGN KEY ("area_id") REFERENCES "public"."areas"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "round_paper_ballots" ADD CONSTRAINT "round_paper_ballots_entered_by_id_people_id_fk" FOREIGN KEY ("entered_by_id") REFERENCES "public"."people"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "round_paper_ballots" ADD CONSTRAINT "round_paper_ballots_confirmed_by_id_people_id_fk" FOREIGN KEY ("confirmed_by_id") REFERENCES "public"."people"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "round_projects" ADD CONSTRAINT "round_projects_municipality_id_municipalities_id_fk" FOREIGN KEY ("municipality_id") REFERENCES "public"."municipalities"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "round_projects" ADD CONSTRAINT "round_projects_round_id_rounds_id_fk" FOREIGN KEY ("round_id") REFERENCES "public"."rounds"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "round_projects" ADD CONSTRAINT "round_projects_area_id_areas_id_fk" FOREIGN KEY ("area_id") REFERENCES "public"."areas"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "round_projects" ADD CONSTRAINT "round_projects_idea_id_round_ideas_id_fk" FOREIGN KEY ("idea_id") REFERENCES "public"."round_ideas"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "round_projects" ADD CONSTRAINT "round_projects_initiative_id_initiatives_id_fk" FOREIGN KEY ("initiative_id") REFERENCES "public"."initiatives"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "round_voters" ADD CONSTRAINT "round_voters_round_id_rounds_id_fk" FOREIGN KEY ("round_id") REFERENCES "public"."rounds"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "round_voters" ADD CONSTRAINT "round_voters_person_id_people_id_fk" FOREIGN KEY ("person_id") REFERENCES "public"."people"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "round_voters" ADD CONSTRAINT "round_voters_municipality_id_municipalities_id_fk" FOREIGN KEY ("municipality_id") REFERENCES "public"."municipalities"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "rounds" ADD CONSTRAINT "rounds_municipality_id_municipalities_id_fk" FOREIGN KEY ("municipality_id") REFERENCES "public"."municipalities"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "rounds" ADD CONSTRAINT "rounds_created_by_id_people_id_fk" FOREIGN KEY ("created_by_id") REFERENCES "public"."people"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
CREATE INDEX "round_ballots_round_area_idx" ON "round_ballots" USING btree ("round_id","area_id");--> statement-breakpoint
CREATE UNIQUE INDEX "round_ballots_receipt_idx" ON "round_ballots" USING btree ("round_id","receipt_hash");--> statement-breakpoint
CREATE INDEX "round_codes_area_idx" ON "round_codes" USING btree ("round_id","area_id");--> statement-breakpoint
CREATE INDEX "round_ideas_round_idx" ON "round_ideas" USING btree ("round_id","area_id");--> statement-breakpoint
CREATE INDEX "round_paper_ballots_round_idx" ON "round_paper_ballots" USING btree ("round_id");--> statement-breakpoint
CREATE INDEX "round_projects_round_idx" ON "round_projects" USING btree ("round_id","area_id");--> statement-breakpoint
CREATE UNIQUE INDEX "round_projects_idea_idx" ON "round_projects" USING btree ("idea_id");--> statement-breakpoint
CREATE INDEX "rounds_municipality_idx" ON "rounds" USING btree ("municipality_id");--> statement-breakpoint
-- Hand-added: money is never negative; statuses and channels are from their lists.
ALTER TABLE "round_areas" ADD CONSTRAINT "round_areas_budget_check" CHECK ("budget_cents" >= 0);--> statement-breakpoint
ALTER TABLE "round_projects" ADD CONSTRAINT "round_projects_cost_check" CHECK ("cost_cents" >= 0);--> statement-breakpoint
ALTER TABLE "round_ideas" ADD CONSTRAINT "round_ideas_status_check" CHECK ("status" IN ('submitted', 'feasible', 'rejected'));--> statement-breakpoint
ALTER TABLE "round_ballots" ADD CONSTRAINT "round_ballots_channel_check" CHECK ("channel" IN ('online', 'paper', 'import'));
