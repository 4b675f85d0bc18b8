CREATE TABLE "area_analysis_edits" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"municipality_id" uuid NOT NULL,
	"area_id" uuid NOT NULL,
	"period" text NOT NULL,
	"section_key" text NOT NULL,
	"text" text NOT NULL,
	"edited_by" uuid,
	"edited_by_name" text NOT NULL,
	"edited_at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
ALTER TABLE "area_analysis_edits" ADD CONSTRAINT "area_analysis_edits_municipality_id_municipalities_id_fk" FOREIGN KEY ("municipality_id") REFERENCES "public"."municipalities"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "area_analysis_edits" ADD CONSTRAINT "area_analysis_edits_area_id_areas_id_fk" FOREIGN KEY ("area_id") REFERENCES "public"."areas"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "area_analysis_edits" ADD CONSTRAINT "area_analysis_edits_edited_by_people_id_fk" FOREIGN KEY ("edited_by") REFERENCES "public"."people"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
CREATE UNIQUE INDEX "area_analysis_edits_section_idx" ON "area_analysis_edits" USING btree ("municipality_id","area_id","period","section_key");