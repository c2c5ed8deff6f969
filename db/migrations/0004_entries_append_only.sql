-- Entries, streams, membership changes and completed attachments are append-only, like the log.
-- Attachment chunks are not: an abandoned upload's chunks are collected. A stored attachment's
-- bytes are still fixed: the entry that carries it commits to their digest inside its ciphertext.
CREATE TRIGGER entries_append_only BEFORE UPDATE OR DELETE ON entries
  FOR EACH ROW EXECUTE FUNCTION parley_refuse_change();
--> statement-breakpoint
CREATE TRIGGER entries_no_truncate BEFORE TRUNCATE ON entries
  FOR EACH STATEMENT EXECUTE FUNCTION parley_refuse_change();
--> statement-breakpoint
CREATE TRIGGER streams_append_only BEFORE UPDATE OR DELETE ON streams
  FOR EACH ROW EXECUTE FUNCTION parley_refuse_change();
--> statement-breakpoint
CREATE TRIGGER streams_no_truncate BEFORE TRUNCATE ON streams
  FOR EACH STATEMENT EXECUTE FUNCTION parley_refuse_change();
--> statement-breakpoint
CREATE TRIGGER stream_memberships_append_only BEFORE UPDATE OR DELETE ON stream_memberships
  FOR EACH ROW EXECUTE FUNCTION parley_refuse_change();
--> statement-breakpoint
CREATE TRIGGER stream_memberships_no_truncate BEFORE TRUNCATE ON stream_memberships
  FOR EACH STATEMENT EXECUTE FUNCTION parley_refuse_change();
--> statement-breakpoint
CREATE TRIGGER attachments_append_only BEFORE UPDATE OR DELETE ON attachments
  FOR EACH ROW EXECUTE FUNCTION parley_refuse_change();
--> statement-breakpoint
CREATE TRIGGER attachments_no_truncate BEFORE TRUNCATE ON attachments
  FOR EACH STATEMENT EXECUTE FUNCTION parley_refuse_change();
