ALTER TABLE "contact_verifications" ADD COLUMN "version" integer DEFAULT 0 NOT NULL;--> statement-breakpoint
ALTER TABLE "contact_verifications" ADD COLUMN "previous_hash" text DEFAULT '' NOT NULL;--> statement-breakpoint
ALTER TABLE "key_vaults" ADD COLUMN "version" integer DEFAULT 0 NOT NULL;--> statement-breakpoint
ALTER TABLE "key_vaults" ADD COLUMN "previous_hash" text DEFAULT '' NOT NULL;--> statement-breakpoint
ALTER TABLE "key_vaults" ADD COLUMN "key_id" text;--> statement-breakpoint
ALTER TABLE "key_vaults" ADD COLUMN "signature" text;--> statement-breakpoint
ALTER TABLE "key_vaults" ADD CONSTRAINT "key_vaults_signed_from_version_1" CHECK (("key_vaults"."version" = 0) = ("key_vaults"."signature" is null) and ("key_vaults"."signature" is null) = ("key_vaults"."key_id" is null));