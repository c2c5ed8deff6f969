CREATE TABLE "checkpoint_cosignatures" (
	"tree_size" bigint NOT NULL,
	"witness_name" text NOT NULL,
	"key_id" bigint NOT NULL,
	"line" text NOT NULL,
	"cosigned_at" bigint NOT NULL,
	"received_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "checkpoint_cosignatures_tree_size_witness_name_key_id_pk" PRIMARY KEY("tree_size","witness_name","key_id")
);
--> statement-breakpoint
ALTER TABLE "checkpoint_cosignatures" ADD CONSTRAINT "checkpoint_cosignatures_tree_size_checkpoints_tree_size_fk" FOREIGN KEY ("tree_size") REFERENCES "public"."checkpoints"("tree_size") ON DELETE no action ON UPDATE no action;
--> statement-breakpoint
CREATE TRIGGER checkpoint_cosignatures_append_only BEFORE UPDATE OR DELETE ON checkpoint_cosignatures
  FOR EACH ROW EXECUTE FUNCTION parley_refuse_change();
--> statement-breakpoint
CREATE TRIGGER checkpoint_cosignatures_no_truncate BEFORE TRUNCATE ON checkpoint_cosignatures
  FOR EACH STATEMENT EXECUTE FUNCTION parley_refuse_change();
