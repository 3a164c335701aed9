CREATE TABLE "requirement_texts" (
	"organisation_id" uuid NOT NULL,
	"requirement_id" uuid NOT NULL,
	"text" text NOT NULL,
	"source" text NOT NULL,
	"imported_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "requirement_texts_organisation_id_requirement_id_pk" PRIMARY KEY("organisation_id","requirement_id")
);
--> statement-breakpoint
ALTER TABLE "requirement_texts" ADD CONSTRAINT "requirement_texts_organisation_id_organisations_id_fk" FOREIGN KEY ("organisation_id") REFERENCES "public"."organisations"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "requirement_texts" ADD CONSTRAINT "requirement_texts_requirement_id_requirements_id_fk" FOREIGN KEY ("requirement_id") REFERENCES "public"."requirements"("id") ON DELETE cascade ON UPDATE no action;