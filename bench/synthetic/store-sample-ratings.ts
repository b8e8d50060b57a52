// `npm start`: before the server starts, stores a year of sample ratings (好差评) of the demo catalogue in
// the database it will open (DATABASE_URL, or the PGlite folder BANSHI_DATA_DIR / ./.data/pglite), so the
// demo's summaries are not all zero. Does nothing when ratings are stored already.
import { resolve } from 'node:path';
import { seedCalendar } from '../../packages/server/src/calendar/calendar-store.js';
import { openDatabase } from '../../packages/server/src/db/database.js';
import { importDemoCatalogue } from '../../packages/server/src/demo-catalogue/import.js';
import { storeSampleRatings } from './sample-ratings.js';

const databaseUrl = process.env.DATABASE_URL;
const database = await openDatabase(
  databaseUrl ? { databaseUrl } : { dataDir: resolve(process.env.BANSHI_DATA_DIR ?? './.data/pglite') },
);
try {
  await seedCalendar(database.db);
  await importDemoCatalogue(database.db);
  // A year of a busy hall's ratings, imported in bulk.
  await storeSampleRatings(database.db, 3000);
} finally {
  await database.close();
}
