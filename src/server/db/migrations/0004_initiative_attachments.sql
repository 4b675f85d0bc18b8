CREATE TABLE "initiative_attachments" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"municipality_id" uuid NOT NULL,
	"initiative_id" uuid NOT NULL,
	"kind" text NOT NULL,
	"filename" text NOT NULL,
	"media_type" text NOT NULL,
	"size_bytes" integer NOT NULL,
	"sha256" text NOT NULL,
	"content" "bytea" NOT NULL,
	"uploaded_by_id" uuid NOT NULL,
	"uploaded_by_label" text NOT NULL,
	"created_at" timestamp with time zone NOT NULL
);
--> statement-breakpoint
ALTER TABLE "initiatives" ADD COLUMN "college_decided_on" date;--> statement-breakpoint
ALTER TABLE "initiatives" ADD COLUMN "college_decision_number" text;--> statement-breakpoint
ALTER TABLE "initiative_attachments" ADD CONSTRAINT "initiative_attachments_municipality_id_municipalities_id_fk" FOREIGN KEY ("municipality_id") REFERENCES "public"."municipalities"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "initiative_attachments" ADD CONSTRAINT "initiative_attachments_initiative_id_initiatives_id_fk" FOREIGN KEY ("initiative_id") REFERENCES "public"."initiatives"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "initiative_attachments" ADD CONSTRAINT "initiative_attachments_uploaded_by_id_people_id_fk" FOREIGN KEY ("uploaded_by_id") REFERENCES "public"."people"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
CREATE INDEX "initiative_attachments_idx" ON "initiative_attachments" USING btree ("initiative_id","created_at");--> statement-breakpoint
ALTER TABLE "initiative_attachments" ADD CONSTRAINT "initiative_attachments_kind_check" CHECK ("kind" IN ('application', 'photo', 'receipt'));--> statement-breakpoint
ALTER TABLE "initiative_attachments" ADD CONSTRAINT "initiative_attachments_size_check" CHECK ("size_bytes" > 0 AND "size_bytes" = octet_length("content"));
