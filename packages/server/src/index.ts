/**
 * `@banshi/server`: the reference backend of the Banshi OpenAPI document.
 *
 * - {@link createApp} builds the Hono app over an open database (tests call `app.request`).
 * - {@link openDatabase} opens PGlite (a folder, or memory) or PostgreSQL and migrates it.
 * - {@link startServer} does both and listens; it answers `{ url, close }`.
 */
export { createApp, type AppOptions } from './app.js';
export { openDatabase, type Database, type DatabaseOptions } from './db/database.js';
export { startServer, type StartServerOptions, type RunningServer } from './server.js';
export { importItems, type ItemInput, type ItemDocument, type ReferenceInput } from './items/importer.js';
export { MemoryStorage, FolderStorage, type FileStorage } from './uploads/storage.js';
export { DatabaseStorage } from './uploads/database-storage.js';
export { seedCalendar } from './calendar/calendar-store.js';
