CREATE TABLE "survey_addresses" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"municipality_id" uuid NOT NULL,
	"wave_id" uuid NOT NULL,
	"area_id" uuid NOT NULL,
	"line" integer NOT NULL,
	"address" text NOT NULL,
	"postcode" text NOT NULL,
	"place" text DEFAULT '' NOT NULL,
	"sampled" boolean DEFAULT false NOT NULL
);
--> statement-breakpoint
CREATE TABLE "survey_answers" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"municipality_id" uuid NOT NULL,
	"wave_id" uuid NOT NULL,
	"area_id" uuid NOT NULL,
	"response_id" uuid NOT NULL,
	"cell" text,
	"question_id" text NOT NULL,
	"option_id" text,
	"value" smallint
);
--> statement-breakpoint
CREATE TABLE "survey_invitations" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"municipality_id" uuid NOT NULL,
	"wave_id" uuid NOT NULL,
	"area_id" uuid NOT NULL,
	"address_id" uuid NOT NULL,
	"code_hash" text NOT NULL,
	"reminder_code_hash" text,
	"reminders" integer DEFAULT 0 NOT NULL,
	"responded_on" date
);
--> statement-breakpoint
CREATE TABLE "survey_margins" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"municipality_id" uuid NOT NULL,
	"wave_id" uuid NOT NULL,
	"area_id" uuid NOT NULL,
	"age_group" text NOT NULL,
	"sex" text NOT NULL,
	"population" integer NOT NULL
);
--> statement-breakpoint
CREATE TABLE "survey_open_answers" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"municipality_id" uuid NOT NULL,
	"wave_id" uuid NOT NULL,
	"area_id" uuid NOT NULL,
	"question_id" text NOT NULL,
	"text" text,
	"redacted_text" text,
	"status" text DEFAULT 'pending' NOT NULL,
	"redacted_by_id" uuid,
	"redacted_at" timestamp with time zone
);
--> statement-breakpoint
CREATE TABLE "survey_responses" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"municipality_id" uuid NOT NULL,
	"wave_id" uuid NOT NULL,
	"area_id" uuid NOT NULL,
	"cell" text
);
--> statement-breakpoint
CREATE TABLE "survey_waves" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"municipality_id" uuid NOT NULL,
	"survey_id" uuid NOT NULL,
	"name" text NOT NULL,
	"opens_on" date NOT NULL,
	"closes_on" date NOT NULL,
	"target_per_area" integer NOT NULL,
	"area_ids" jsonb NOT NULL,
	"min_respondents" integer DEFAULT 30 NOT NULL,
	"status" text DEFAULT 'draft' NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
CREATE TABLE "surveys" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"municipality_id" uuid NOT NULL,
	"name" text NOT NULL,
	"themes" jsonb NOT NULL,
	"questions" jsonb NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
ALTER TABLE "survey_addresses" ADD CONSTRAINT "survey_addresses_municipality_id_municipalities_id_fk" FOREIGN KEY ("municipality_id") REFERENCES "public"."municipalities"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "survey_addresses" ADD CONSTRAINT "survey_addresses_wave_id_survey_waves_id_fk" FOREIGN KEY ("wave_id") REFERENCES "public"."survey_waves"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "survey_addresses" ADD CONSTRAINT "survey_addresses_area_id_areas_id_fk" FOREIGN KEY ("area_id") REFERENCES "public"."areas"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "survey_answers" ADD CONSTRAINT "survey_answers_municipality_id_municipalities_id_fk" FOREIGN KEY ("municipality_id") REFERENCES "public"."municipalities"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "survey_answers" ADD CONSTRAINT "survey_answers_wave_id_survey_waves_id_fk" FOREIGN KEY ("wave_id") REFERENCES "public"."survey_waves"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "survey_answers" ADD CONSTRAINT "survey_answers_area_id_areas_id_fk" FOREIGN KEY ("area_id") REFERENCES "public"."areas"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "survey_answers" ADD CONSTRAINT "survey_answers_response_id_survey_responses_id_fk" FOREIGN KEY ("response_id") REFERENCES "public"."survey_responses"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "survey_invitations" ADD CONSTRAINT "survey_invitations_municipality_id_municipalities_id_fk" FOREIGN KEY ("municipality_id") REFERENCES "public"."municipalities"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "survey_invitations" ADD CONSTRAINT "survey_invitations_wave_id_survey_waves_id_fk" FOREIGN KEY ("wave_id") REFERENCES "public"."survey_waves"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "survey_invitations" ADD CONSTRAINT "survey_invitations_area_id_areas_id_fk" FOREIGN KEY ("area_id") REFERENCES "public"."areas"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "survey_invitations" ADD CONSTRAINT "survey_invitations_address_id_survey_addresses_id_fk" FOREIGN KEY ("address_id") REFERENCES "public"."survey_addresses"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "survey_margins" ADD CONSTRAINT "survey_margins_municipality_id_municipalities_id_fk" FOREIGN KEY ("municipality_id") REFERENCES "public"."municipalities"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "survey_margins" ADD CONSTRAINT "survey_margins_wave_id_survey_waves_id_fk" FOREIGN KEY ("wave_id") REFERENCES "public"."survey_waves"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "survey_margins" ADD CONSTRAINT "survey_margins_area_id_areas_id_fk" FOREIGN KEY ("area_id") REFERENCES "public"."areas"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "survey_open_answers" ADD CONSTRAINT "survey_open_answers_municipality_id_municipalities_id_fk" FOREIGN KEY ("municipality_id") REFERENCES "public"."municipalities"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "survey_open_answers" ADD CONSTRAINT "survey_open_answers_wave_id_survey_waves_id_fk" FOREIGN KEY ("wave_id") REFERENCES "public"."survey_waves"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "survey_open_answers" ADD CONSTRAINT "survey_open_answers_area_id_areas_id_fk" FOREIGN KEY ("area_id") REFERENCES "public"."areas"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "survey_open_answers" ADD CONSTRAINT "survey_open_answers_redacted_by_id_people_id_fk" FOREIGN KEY ("redacted_by_id") REFERENCES "public"."people"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "survey_responses" ADD CONSTRAINT "survey_responses_municipality_id_municipalities_id_fk" FOREIGN KEY ("municipality_id") REFERENCES "public"."municipalities"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "survey_responses" ADD CONSTRAINT "survey_responses_wave_id_survey_waves_id_fk" FOREIGN KEY ("wave_id") REFERENCES "public"."survey_waves"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "survey_responses" ADD CONSTRAINT "survey_responses_area_id_areas_id_fk" FOREIGN KEY ("area_id") REFERENCES "public"."areas"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "survey_waves" ADD CONSTRAINT "survey_waves_municipality_id_municipalities_id_fk" FOREIGN KEY ("municipality_id") REFERENCES "public"."municipalities"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "survey_waves" ADD CONSTRAINT "survey_waves_survey_id_surveys_id_fk" FOREIGN KEY ("survey_id") REFERENCES "public"."surveys"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "surveys" ADD CONSTRAINT "surveys_municipality_id_municipalities_id_fk" FOREIGN KEY ("municipality_id") REFERENCES "public"."municipalities"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
CREATE INDEX "survey_addresses_wave_idx" ON "survey_addresses" USING btree ("wave_id","area_id");--> statement-breakpoint
CREATE INDEX "survey_answers_wave_idx" ON "survey_answers" USING btree ("wave_id","area_id","question_id");--> statement-breakpoint
CREATE UNIQUE INDEX "survey_invitations_code_idx" ON "survey_invitations" USING btree ("code_hash");--> statement-breakpoint
CREATE UNIQUE INDEX "survey_invitations_reminder_code_idx" ON "survey_invitations" USING btree ("reminder_code_hash");--> statement-breakpoint
CREATE INDEX "survey_invitations_wave_idx" ON "survey_invitations" USING btree ("wave_id","area_id");--> statement-breakpoint
CREATE UNIQUE INDEX "survey_margins_cell_idx" ON "survey_margins" USING btree ("wave_id","area_id","age_group","sex");--> statement-breakpoint
CREATE INDEX "survey_open_answers_wave_idx" ON "survey_open_answers" USING btree ("wave_id","status");--> statement-breakpoint
CREATE INDEX "survey_responses_wave_idx" ON "survey_responses" USING btree ("wave_id","area_id");--> statement-breakpoint
CREATE INDEX "survey_waves_survey_idx" ON "survey_waves" USING btree ("municipality_id","survey_id");--> statement-breakpoint
CREATE INDEX "surveys_municipality_idx" ON "surveys" USING btree ("municipality_id");--> statement-breakpoint
ALTER TABLE "survey_waves" ADD CONSTRAINT "survey_waves_status_check" CHECK ("status" in ('draft', 'sampled', 'open', 'closed'));--> statement-breakpoint
ALTER TABLE "survey_waves" ADD CONSTRAINT "survey_waves_target_check" CHECK ("target_per_area" >= 1 and "min_respondents" >= 1 and "closes_on" >= "opens_on");--> statement-breakpoint
ALTER TABLE "survey_answers" ADD CONSTRAINT "survey_answers_value_check" CHECK ("value" is null or "value" between 1 and 10);--> statement-breakpoint
ALTER TABLE "survey_open_answers" ADD CONSTRAINT "survey_open_answers_status_check" CHECK ("status" in ('pending', 'published', 'rejected'));--> statement-breakpoint
ALTER TABLE "survey_margins" ADD CONSTRAINT "survey_margins_population_check" CHECK ("population" >= 0);
