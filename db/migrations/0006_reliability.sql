-- An upload no entry has claimed may be collected once it is old; a claimed one stays append-only.
-- The collector says so for its own transaction (SET LOCAL parley.collecting_uploads = 'on'), so a
-- plain DELETE is still refused; the check of claims runs after the deleting statement has waited
-- for any append that locked the row (FOR SHARE), so a claim committed meanwhile is seen.
CREATE FUNCTION parley_attachments_guard() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
  IF TG_OP = 'DELETE'
    AND current_setting('parley.collecting_uploads', true) = 'on'
    AND NOT EXISTS (
      SELECT 1 FROM entries WHERE header->'meta'->'attachments' @> jsonb_build_array(OLD.id::text)
    ) THEN
    RETURN OLD;
  END IF;
  RAISE EXCEPTION 'parley: % on % is refused: the table is append-only', TG_OP, TG_TABLE_NAME
    USING ERRCODE = 'insufficient_privilege';
END;
$$;
--> statement-breakpoint
DROP TRIGGER attachments_append_only ON attachments;
--> statement-breakpoint
CREATE TRIGGER attachments_append_only BEFORE UPDATE OR DELETE ON attachments
  FOR EACH ROW EXECUTE FUNCTION parley_attachments_guard();
--> statement-breakpoint
CREATE INDEX IF NOT EXISTS attachments_created_at_idx ON attachments (created_at);
--> statement-breakpoint
CREATE INDEX IF NOT EXISTS attachments_uploaded_by_idx ON attachments (uploaded_by);
--> statement-breakpoint
CREATE INDEX IF NOT EXISTS sessions_expires_at_idx ON sessions (expires_at);
--> statement-breakpoint
CREATE INDEX IF NOT EXISTS challenges_expires_at_idx ON challenges (expires_at);
