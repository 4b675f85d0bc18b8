CREATE TABLE "budget_plan_years" (
	"plan_id" uuid NOT NULL,
	"municipality_id" uuid NOT NULL,
	"year" integer NOT NULL,
	"amount_cents" bigint NOT NULL,
	"source" text NOT NULL,
	CONSTRAINT "budget_plan_years_plan_id_year_pk" PRIMARY KEY("plan_id","year")
);
--> statement-breakpoint
CREATE TABLE "budget_plans" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"municipality_id" uuid NOT NULL,
	"area_id" uuid NOT NULL,
	"name" text NOT NULL,
	"rules_key" text NOT NULL,
	"created_at" timestamp with time zone NOT NULL
);
--> statement-breakpoint
CREATE TABLE "budget_rules" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"municipality_id" uuid NOT NULL,
	"rules_key" text NOT NULL,
	"version" integer NOT NULL,
	"valid_from" date NOT NULL,
	"valid_until" date,
	"rules" jsonb NOT NULL,
	"role_map" jsonb DEFAULT '{}'::jsonb NOT NULL,
	"created_at" timestamp with time zone NOT NULL
);
--> statement-breakpoint
CREATE TABLE "budgets" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"municipality_id" uuid NOT NULL,
	"area_id" uuid NOT NULL,
	"plan_id" uuid,
	"rules_key" text NOT NULL,
	"name" text NOT NULL,
	"year" integer NOT NULL,
	"period_start" date NOT NULL,
	"period_end" date NOT NULL,
	"pledges_count_as_available" boolean DEFAULT false NOT NULL,
	"created_at" timestamp with time zone NOT NULL
);
--> statement-breakpoint
CREATE TABLE "funding_sources" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"municipality_id" uuid NOT NULL,
	"budget_id" uuid NOT NULL,
	"kind" text NOT NULL,
	"name" text NOT NULL,
	"organisation_id" uuid,
	"amount_cents" bigint NOT NULL,
	"earmark" text,
	"conditions" text,
	"created_at" timestamp with time zone NOT NULL
);
--> statement-breakpoint
CREATE TABLE "ledger_entries" (
	"seq" bigserial PRIMARY KEY NOT NULL,
	"id" uuid DEFAULT gen_random_uuid() NOT NULL,
	"municipality_id" uuid NOT NULL,
	"budget_id" uuid NOT NULL,
	"type" text NOT NULL,
	"amount_cents" bigint NOT NULL,
	"initiative_id" uuid,
	"funding_source_id" uuid,
	"counterpart_budget_id" uuid,
	"payment_kind" text,
	"target" text,
	"direction" text,
	"reason" text NOT NULL,
	"booked_on" date NOT NULL,
	"actor_id" uuid,
	"actor_label" text NOT NULL,
	"request_id" text,
	"created_at" timestamp with time zone NOT NULL,
	CONSTRAINT "ledger_entries_id_unique" UNIQUE("id")
);
--> statement-breakpoint
CREATE TABLE "initiative_advice" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"municipality_id" uuid NOT NULL,
	"initiative_id" uuid NOT NULL,
	"kind" text NOT NULL,
	"recommendation" text NOT NULL,
	"text" text NOT NULL,
	"author_id" uuid NOT NULL,
	"author_label" text NOT NULL,
	"created_at" timestamp with time zone NOT NULL
);
--> statement-breakpoint
CREATE TABLE "initiative_cofunders" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"municipality_id" uuid NOT NULL,
	"initiative_id" uuid NOT NULL,
	"position" integer NOT NULL,
	"name" text NOT NULL,
	"organisation_id" uuid,
	"amount_cents" bigint NOT NULL,
	"status" text NOT NULL
);
--> statement-breakpoint
CREATE TABLE "initiative_cost_lines" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"municipality_id" uuid NOT NULL,
	"initiative_id" uuid NOT NULL,
	"kind" text NOT NULL,
	"position" integer NOT NULL,
	"description" text NOT NULL,
	"category" text,
	"amount_cents" bigint NOT NULL
);
--> statement-breakpoint
CREATE TABLE "initiative_letters" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"municipality_id" uuid NOT NULL,
	"initiative_id" uuid NOT NULL,
	"kind" text NOT NULL,
	"media_type" text NOT NULL,
	"content" text NOT NULL,
	"created_at" timestamp with time zone NOT NULL
);
--> statement-breakpoint
CREATE TABLE "initiative_steps" (
	"seq" bigserial PRIMARY KEY NOT NULL,
	"municipality_id" uuid NOT NULL,
	"initiative_id" uuid NOT NULL,
	"action" text NOT NULL,
	"from_status" text,
	"to_status" text NOT NULL,
	"note" text,
	"on" date NOT NULL,
	"actor_id" uuid,
	"actor_label" text NOT NULL,
	"created_at" timestamp with time zone NOT NULL
);
--> statement-breakpoint
CREATE TABLE "initiatives" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"municipality_id" uuid NOT NULL,
	"reference" text NOT NULL,
	"area_id" uuid NOT NULL,
	"budget_id" uuid,
	"title" text NOT NULL,
	"description" text NOT NULL,
	"purpose" text NOT NULL,
	"categories" jsonb DEFAULT '[]'::jsonb NOT NULL,
	"planned_start" date,
	"planned_end" date,
	"applicant_type" text NOT NULL,
	"group_name" text,
	"organisation_id" uuid,
	"applicant_person_id" uuid,
	"contact_name" text NOT NULL,
	"contact_email" text NOT NULL,
	"created_by_id" uuid NOT NULL,
	"on_behalf" boolean DEFAULT false NOT NULL,
	"total_cost_cents" bigint NOT NULL,
	"own_contribution_cents" bigint NOT NULL,
	"cofunding_cents" bigint NOT NULL,
	"requested_cents" bigint NOT NULL,
	"status" text NOT NULL,
	"rules_id" uuid,
	"submitted_on" date,
	"decision_deadline" date,
	"decision" text,
	"granted_cents" bigint,
	"motivation" text,
	"decided_on" date,
	"decided_by_id" uuid,
	"decided_as" text,
	"advance_cents" bigint,
	"actual_costs_cents" bigint,
	"results" text,
	"accounted_on" date,
	"settled_cents" bigint,
	"settled_on" date,
	"created_at" timestamp with time zone NOT NULL,
	"updated_at" timestamp with time zone NOT NULL
);
--> statement-breakpoint
ALTER TABLE "budget_plan_years" ADD CONSTRAINT "budget_plan_years_plan_id_budget_plans_id_fk" FOREIGN KEY ("plan_id") REFERENCES "public"."budget_plans"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "budget_plan_years" ADD CONSTRAINT "budget_plan_years_municipality_id_municipalities_id_fk" FOREIGN KEY ("municipality_id") REFERENCES "public"."municipalities"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "budget_plans" ADD CONSTRAINT "budget_plans_municipality_id_municipalities_id_fk" FOREIGN KEY ("municipality_id") REFERENCES "public"."municipalities"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "budget_plans" ADD CONSTRAINT "budget_plans_area_id_areas_id_fk" FOREIGN KEY ("area_id") REFERENCES "public"."areas"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "budget_rules" ADD CONSTRAINT "budget_rules_municipality_id_municipalities_id_fk" FOREIGN KEY ("municipality_id") REFERENCES "public"."municipalities"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "budgets" ADD CONSTRAINT "budgets_municipality_id_municipalities_id_fk" FOREIGN KEY ("municipality_id") REFERENCES "public"."municipalities"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "budgets" ADD CONSTRAINT "budgets_area_id_areas_id_fk" FOREIGN KEY ("area_id") REFERENCES "public"."areas"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "budgets" ADD CONSTRAINT "budgets_plan_id_budget_plans_id_fk" FOREIGN KEY ("plan_id") REFERENCES "public"."budget_plans"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "funding_sources" ADD CONSTRAINT "funding_sources_municipality_id_municipalities_id_fk" FOREIGN KEY ("municipality_id") REFERENCES "public"."municipalities"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "funding_sources" ADD CONSTRAINT "funding_sources_budget_id_budgets_id_fk" FOREIGN KEY ("budget_id") REFERENCES "public"."budgets"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "funding_sources" ADD CONSTRAINT "funding_sources_organisation_id_organisations_id_fk" FOREIGN KEY ("organisation_id") REFERENCES "public"."organisations"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "ledger_entries" ADD CONSTRAINT "ledger_entries_municipality_id_municipalities_id_fk" FOREIGN KEY ("municipality_id") REFERENCES "public"."municipalities"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "ledger_entries" ADD CONSTRAINT "ledger_entries_budget_id_budgets_id_fk" FOREIGN KEY ("budget_id") REFERENCES "public"."budgets"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "ledger_entries" ADD CONSTRAINT "ledger_entries_funding_source_id_funding_sources_id_fk" FOREIGN KEY ("funding_source_id") REFERENCES "public"."funding_sources"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "ledger_entries" ADD CONSTRAINT "ledger_entries_counterpart_budget_id_budgets_id_fk" FOREIGN KEY ("counterpart_budget_id") REFERENCES "public"."budgets"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "initiative_advice" ADD CONSTRAINT "initiative_advice_municipality_id_municipalities_id_fk" FOREIGN KEY ("municipality_id") REFERENCES "public"."municipalities"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "initiative_advice" ADD CONSTRAINT "initiative_advice_initiative_id_initiatives_id_fk" FOREIGN KEY ("initiative_id") REFERENCES "public"."initiatives"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "initiative_advice" ADD CONSTRAINT "initiative_advice_author_id_people_id_fk" FOREIGN KEY ("author_id") REFERENCES "public"."people"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "initiative_cofunders" ADD CONSTRAINT "initiative_cofunders_municipality_id_municipalities_id_fk" FOREIGN KEY ("municipality_id") REFERENCES "public"."municipalities"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "initiative_cofunders" ADD CONSTRAINT "initiative_cofunders_initiative_id_initiatives_id_fk" FOREIGN KEY ("initiative_id") REFERENCES "public"."initiatives"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "initiative_cofunders" ADD CONSTRAINT "initiative_cofunders_organisation_id_organisations_id_fk" FOREIGN KEY ("organisation_id") REFERENCES "public"."organisations"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "initiative_cost_lines" ADD CONSTRAINT "initiative_cost_lines_municipality_id_municipalities_id_fk" FOREIGN KEY ("municipality_id") REFERENCES "public"."municipalities"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "initiative_cost_lines" ADD CONSTRAINT "initiative_cost_lines_initiative_id_initiatives_id_fk" FOREIGN KEY ("initiative_id") REFERENCES "public"."initiatives"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "initiative_letters" ADD CONSTRAINT "initiative_letters_municipality_id_municipalities_id_fk" FOREIGN KEY ("municipality_id") REFERENCES "public"."municipalities"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "initiative_letters" ADD CONSTRAINT "initiative_letters_initiative_id_initiatives_id_fk" FOREIGN KEY ("initiative_id") REFERENCES "public"."initiatives"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "initiative_steps" ADD CONSTRAINT "initiative_steps_municipality_id_municipalities_id_fk" FOREIGN KEY ("municipality_id") REFERENCES "public"."municipalities"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "initiative_steps" ADD CONSTRAINT "initiative_steps_initiative_id_initiatives_id_fk" FOREIGN KEY ("initiative_id") REFERENCES "public"."initiatives"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "initiatives" ADD CONSTRAINT "initiatives_municipality_id_municipalities_id_fk" FOREIGN KEY ("municipality_id") REFERENCES "public"."municipalities"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "initiatives" ADD CONSTRAINT "initiatives_area_id_areas_id_fk" FOREIGN KEY ("area_id") REFERENCES "public"."areas"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "initiatives" ADD CONSTRAINT "initiatives_budget_id_budgets_id_fk" FOREIGN KEY ("budget_id") REFERENCES "public"."budgets"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "initiatives" ADD CONSTRAINT "initiatives_organisation_id_organisations_id_fk" FOREIGN KEY ("organisation_id") REFERENCES "public"."organisations"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "initiatives" ADD CONSTRAINT "initiatives_applicant_person_id_people_id_fk" FOREIGN KEY ("applicant_person_id") REFERENCES "public"."people"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "initiatives" ADD CONSTRAINT "initiatives_created_by_id_people_id_fk" FOREIGN KEY ("created_by_id") REFERENCES "public"."people"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "initiatives" ADD CONSTRAINT "initiatives_rules_id_budget_rules_id_fk" FOREIGN KEY ("rules_id") REFERENCES "public"."budget_rules"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "initiatives" ADD CONSTRAINT "initiatives_decided_by_id_people_id_fk" FOREIGN KEY ("decided_by_id") REFERENCES "public"."people"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
CREATE INDEX "budget_plans_municipality_idx" ON "budget_plans" USING btree ("municipality_id");--> statement-breakpoint
CREATE UNIQUE INDEX "budget_rules_key_version_idx" ON "budget_rules" USING btree ("municipality_id","rules_key","version");--> statement-breakpoint
CREATE INDEX "budgets_municipality_area_idx" ON "budgets" USING btree ("municipality_id","area_id","year");--> statement-breakpoint
CREATE UNIQUE INDEX "budgets_line_area_year_idx" ON "budgets" USING btree ("municipality_id","rules_key","area_id","year");--> statement-breakpoint
CREATE INDEX "funding_sources_budget_idx" ON "funding_sources" USING btree ("budget_id");--> statement-breakpoint
CREATE INDEX "ledger_budget_seq_idx" ON "ledger_entries" USING btree ("budget_id","seq");--> statement-breakpoint
CREATE INDEX "ledger_municipality_booked_idx" ON "ledger_entries" USING btree ("municipality_id","booked_on");--> statement-breakpoint
CREATE INDEX "ledger_initiative_idx" ON "ledger_entries" USING btree ("initiative_id");--> statement-breakpoint
CREATE INDEX "initiative_advice_idx" ON "initiative_advice" USING btree ("initiative_id");--> statement-breakpoint
CREATE INDEX "initiative_cofunders_idx" ON "initiative_cofunders" USING btree ("initiative_id","position");--> statement-breakpoint
CREATE INDEX "initiative_cost_lines_idx" ON "initiative_cost_lines" USING btree ("initiative_id","kind","position");--> statement-breakpoint
CREATE INDEX "initiative_letters_idx" ON "initiative_letters" USING btree ("initiative_id");--> statement-breakpoint
CREATE INDEX "initiative_steps_idx" ON "initiative_steps" USING btree ("initiative_id","seq");--> statement-breakpoint
CREATE INDEX "initiatives_municipality_status_idx" ON "initiatives" USING btree ("municipality_id","status");--> statement-breakpoint
CREATE INDEX "initiatives_municipality_area_idx" ON "initiatives" USING btree ("municipality_id","area_id");--> statement-breakpoint
CREATE INDEX "initiatives_budget_idx" ON "initiatives" USING btree ("budget_id");--> statement-breakpoint
CREATE INDEX "initiatives_deadline_idx" ON "initiatives" USING btree ("municipality_id","decision_deadline");--> statement-breakpoint
-- The ledger is append-only: the database itself refuses to change or remove an entry. Corrections
-- are new entries with a reason. (Added by hand below the generated statements.)
CREATE FUNCTION ledger_entries_append_only() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
  RAISE EXCEPTION 'ledger_entries is append-only' USING ERRCODE = 'insufficient_privilege';
END;
$$;
--> statement-breakpoint
CREATE TRIGGER ledger_entries_no_update_or_delete BEFORE UPDATE OR DELETE ON "ledger_entries"
  FOR EACH ROW EXECUTE FUNCTION ledger_entries_append_only();
--> statement-breakpoint
-- Only a correction may be negative; every other entry is a positive amount (or 0 for a year-end close).
ALTER TABLE "ledger_entries" ADD CONSTRAINT "ledger_entries_amount_sign" CHECK ("type" = 'correction' OR "amount_cents" >= 0);
