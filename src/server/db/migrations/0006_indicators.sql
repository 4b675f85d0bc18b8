CREATE TABLE "indicator_values" (
	"municipality_id" uuid NOT NULL,
	"indicator_key" text NOT NULL,
	"area_id" uuid NOT NULL,
	"period" text NOT NULL,
	"value" double precision,
	"status" text NOT NULL,
	"source" text NOT NULL,
	"source_year" integer,
	"source_table" text,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
CREATE TABLE "indicators" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"municipality_id" uuid NOT NULL,
	"key" text NOT NULL,
	"definition" jsonb NOT NULL,
	"base_set" boolean DEFAULT false NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
ALTER TABLE "indicator_values" ADD CONSTRAINT "indicator_values_municipality_id_municipalities_id_fk" FOREIGN KEY ("municipality_id") REFERENCES "public"."municipalities"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "indicator_values" ADD CONSTRAINT "indicator_values_area_id_areas_id_fk" FOREIGN KEY ("area_id") REFERENCES "public"."areas"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "indicators" ADD CONSTRAINT "indicators_municipality_id_municipalities_id_fk" FOREIGN KEY ("municipality_id") REFERENCES "public"."municipalities"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
CREATE UNIQUE INDEX "indicator_values_key_idx" ON "indicator_values" USING btree ("municipality_id","indicator_key","area_id","period");--> statement-breakpoint
CREATE INDEX "indicator_values_area_idx" ON "indicator_values" USING btree ("area_id");--> statement-breakpoint
CREATE INDEX "indicator_values_period_idx" ON "indicator_values" USING btree ("municipality_id","indicator_key","period");--> statement-breakpoint
CREATE UNIQUE INDEX "indicators_municipality_key_idx" ON "indicators" USING btree ("municipality_id","key");--> statement-breakpoint
-- Hand-written: a figure has a number exactly when its status is ok or rounded; a suppressed, missing or not-applicable figure is NULL with its status, never 0.
ALTER TABLE "indicator_values" ADD CONSTRAINT "indicator_values_status_check" CHECK ("status" IN ('ok', 'rounded', 'suppressed', 'missing', 'not_applicable'));--> statement-breakpoint
ALTER TABLE "indicator_values" ADD CONSTRAINT "indicator_values_value_status_check" CHECK (("value" IS NOT NULL) = ("status" IN ('ok', 'rounded')));
