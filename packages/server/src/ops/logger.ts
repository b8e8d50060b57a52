import pino from 'pino';
import pinoPretty from 'pino-pretty';

/** One log entry as the server's modules write it: `level`, `message` and fields without personal data. */
export type LogEntry = Record<string, unknown>;

/** Options of {@link createLogger}. */
export interface LoggerOptions {
  /** Lines for people (development) instead of JSON. Default false. */
  pretty?: boolean;
  /** Lowest level written. Default `info` (`BANSHI_LOG_LEVEL`). */
  level?: string;
  /** Where lines go. Default standard error. */
  destination?: NodeJS.WritableStream;
}

const levels = new Set(['trace', 'debug', 'info', 'warn', 'error', 'fatal']);

// A second guard behind the rule that entries never carry them: should a field of this name slip into
// an entry, its value is not written.
const redactedFields = [
  'authorization',
  'token',
  'queryCode',
  'idNumber',
  'mobile',
  'name',
  'password',
  'credential',
  '*.authorization',
  '*.token',
  '*.queryCode',
  '*.idNumber',
  '*.mobile',
  '*.credential',
];

/**
 * The server's log: JSON lines through pino (one object per line, `time` in epoch milliseconds), or a
 * readable form in development. Returns the `log` function the app and the listener take.
 */
export function createLogger(options: LoggerOptions = {}): (entry: LogEntry) => void {
  const level = options.level ?? process.env.BANSHI_LOG_LEVEL ?? 'info';
  const destination = options.pretty
    ? pinoPretty({
        sync: true,
        colorize: false,
        destination: options.destination ?? 2,
        messageKey: 'message',
        ignore: 'pid,hostname',
      })
    : (options.destination ?? pino.destination({ dest: 2, sync: true }));
  const logger = pino(
    {
      level: levels.has(level) ? level : 'info',
      messageKey: 'message',
      base: { pid: process.pid },
      redact: { paths: redactedFields, censor: '[redacted]' },
    },
    destination,
  );
  return (entry) => {
    const { level: entryLevel, message, ...fields } = entry;
    const method = typeof entryLevel === 'string' && levels.has(entryLevel) ? entryLevel : 'info';
    logger[method as pino.Level](fields, typeof message === 'string' ? message : undefined);
  };
}
