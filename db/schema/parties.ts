import { pgTable, text, timestamp, uuid } from 'drizzle-orm/pg-core';

/** A delegation: the people of one government, office or intermediary. */
export const parties = pgTable('parties', {
  id: uuid('id').primaryKey(),
  name: text('name').notNull().unique(),
  createdAt: timestamp('created_at', { withTimezone: true }).notNull().defaultNow(),
});
