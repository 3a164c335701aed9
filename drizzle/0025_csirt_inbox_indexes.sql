DROP INDEX "csirt_notifications_inbox_idx";--> statement-breakpoint
CREATE INDEX "csirt_notifications_inbox_order_idx" ON "csirt_notifications" USING btree ("csirt_id","sent_at","id");--> statement-breakpoint
CREATE INDEX "csirt_notifications_inbox_status_idx" ON "csirt_notifications" USING btree ("csirt_id","status","sent_at","id");