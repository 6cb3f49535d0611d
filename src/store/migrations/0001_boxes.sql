CREATE TABLE "boxes" (
	"id" text PRIMARY KEY NOT NULL,
	"merchant_id" text NOT NULL,
	"code" text NOT NULL,
	"name" text NOT NULL,
	"inner_length_mm" integer NOT NULL,
	"inner_width_mm" integer NOT NULL,
	"inner_height_mm" integer NOT NULL,
	"outer_length_mm" integer NOT NULL,
	"outer_width_mm" integer NOT NULL,
	"outer_height_mm" integer NOT NULL,
	"empty_weight_g" integer NOT NULL,
	"max_weight_g" integer NOT NULL,
	"cost" numeric(18, 4) NOT NULL,
	"currency" text NOT NULL,
	"stock" integer,
	"active" boolean DEFAULT true NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
ALTER TABLE "boxes" ADD CONSTRAINT "boxes_merchant_id_merchants_id_fk" FOREIGN KEY ("merchant_id") REFERENCES "public"."merchants"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
CREATE UNIQUE INDEX "boxes_code_uq" ON "boxes" USING btree ("merchant_id","code");