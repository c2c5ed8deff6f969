CREATE TABLE "deployment_trust" (
	"id" smallint PRIMARY KEY NOT NULL,
	"legacy_before" bigint NOT NULL,
	CONSTRAINT "deployment_trust_one_row" CHECK ("deployment_trust"."id" = 1),
	CONSTRAINT "deployment_trust_legacy_before" CHECK ("deployment_trust"."legacy_before" >= 0)
);
--> statement-breakpoint
-- Every statement already in the log was made under the rules before party roots: the boundary is
-- the log's size now (0 on a new deployment), fixed here once and never changed.
INSERT INTO "deployment_trust" ("id", "legacy_before") SELECT 1, coalesce(max("index") + 1, 0) FROM "log_leaves";
--> statement-breakpoint
CREATE TRIGGER deployment_trust_append_only BEFORE UPDATE OR DELETE ON deployment_trust
  FOR EACH ROW EXECUTE FUNCTION parley_refuse_change();
--> statement-breakpoint
CREATE TRIGGER deployment_trust_no_truncate BEFORE TRUNCATE ON deployment_trust
  FOR EACH STATEMENT EXECUTE FUNCTION parley_refuse_change();
