-- The embedded default keeps each attachment's ciphertext in a file under DATA_DIR/attachments,
-- named by its id; PostgreSQL keeps it in attachment_chunks. The row says which.
ALTER TABLE "attachments" ADD COLUMN "stored_in" text DEFAULT 'database' NOT NULL;--> statement-breakpoint
ALTER TABLE "attachments" ADD CONSTRAINT "attachments_stored_in" CHECK ("stored_in" IN ('database', 'file'));
