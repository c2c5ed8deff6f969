CREATE TABLE "attachment_chunks" (
	"upload_id" uuid NOT NULL,
	"index" integer NOT NULL,
	"data" "bytea" NOT NULL,
	CONSTRAINT "attachment_chunks_upload_id_index_pk" PRIMARY KEY("upload_id","index")
);
--> statement-breakpoint
CREATE TABLE "attachments" (
	"id" uuid PRIMARY KEY NOT NULL,
	"uploaded_by" uuid NOT NULL,
	"size" bigint NOT NULL,
	"chunk_count" integer NOT NULL,
	"digest" "bytea" NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
CREATE TABLE "entries" (
	"hash" "bytea" PRIMARY KEY NOT NULL,
	"id" uuid NOT NULL,
	"stream_id" uuid NOT NULL,
	"seq" integer NOT NULL,
	"type" text NOT NULL,
	"author_id" uuid NOT NULL,
	"author_party" uuid NOT NULL,
	"key_id" text NOT NULL,
	"leaf_index" bigint NOT NULL,
	"header" jsonb NOT NULL,
	"signature" text NOT NULL,
	"ciphertext" "bytea" NOT NULL,
	"received_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "entries_id_unique" UNIQUE("id"),
	CONSTRAINT "entries_leaf_index_unique" UNIQUE("leaf_index")
);
--> statement-breakpoint
CREATE TABLE "stream_memberships" (
	"stream_id" uuid NOT NULL,
	"seq" integer NOT NULL,
	"party_id" uuid NOT NULL,
	"change" text NOT NULL,
	CONSTRAINT "stream_memberships_stream_id_seq_party_id_pk" PRIMARY KEY("stream_id","seq","party_id")
);
--> statement-breakpoint
CREATE TABLE "streams" (
	"id" uuid PRIMARY KEY NOT NULL,
	"kind" text NOT NULL,
	"reference" text NOT NULL,
	"opened_at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
ALTER TABLE "entries" ADD CONSTRAINT "entries_stream_id_streams_id_fk" FOREIGN KEY ("stream_id") REFERENCES "public"."streams"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "stream_memberships" ADD CONSTRAINT "stream_memberships_stream_id_streams_id_fk" FOREIGN KEY ("stream_id") REFERENCES "public"."streams"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
CREATE UNIQUE INDEX "entries_stream_seq" ON "entries" USING btree ("stream_id","seq");--> statement-breakpoint
CREATE INDEX "entries_type_idx" ON "entries" USING btree ("type");