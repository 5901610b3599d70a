// Log files in the user-data folder, for main and the embedded Support API, through electron-log's
// Node file transport (works in main and in a utility process alike). Each file rotates at 5 MB into
// <name>.old.log, so a desk never holds more than 20 MB of logs. What goes in follows the API's rule:
// messages name routes, keys and reasons, never a request value (CPR numbers, answers, codes).
import path from 'node:path';
import { Writable } from 'node:stream';
import electronLog from 'electron-log/node';
import type { LogLevel } from '../../shared/settings/console-settings';

export const logFileMaxBytes = 5 * 1024 * 1024;

export type LogName = 'main' | 'support-api';

/** The log folder inside the user-data folder (Help → Open log folder opens it). */
export function logDirectory(userDataDir: string): string {
  return path.join(userDataDir, 'logs');
}

export function logFilePath(dir: string, name: LogName): string {
  return path.join(dir, `${name}.log`);
}

export interface FileLog {
  error(message: string): void;
  warn(message: string): void;
  info(message: string): void;
  debug(message: string): void;
  /** The managed or user log level, known only once the settings are read. */
  setLevel(level: LogLevel): void;
}

function createLogger(dir: string, name: LogName, level: LogLevel, format: string) {
  const logger = electronLog.create({ logId: `mitid-console-${name}` });
  logger.transports.file.resolvePathFn = () => logFilePath(dir, name);
  logger.transports.file.maxSize = logFileMaxBytes;
  logger.transports.file.level = level;
  logger.transports.file.format = format;
  return logger;
}

/** Main's log: to its file, and to stdout as well when the console runs from a terminal (development). */
export function openMainLog(options: { dir: string; level: LogLevel; toConsole?: boolean }): FileLog {
  const logger = createLogger(options.dir, 'main', options.level, '[{y}-{m}-{d} {h}:{i}:{s}.{ms}] [{level}] {text}');
  logger.transports.console.level = options.toConsole ? options.level : false;
  return {
    error: (m) => logger.error(m),
    warn: (m) => logger.warn(m),
    info: (m) => logger.info(m),
    debug: (m) => logger.debug(m),
    setLevel(level) {
      logger.transports.file.level = level;
      if (options.toConsole) logger.transports.console.level = level;
    },
  };
}

/**
 * Fastify logger options for the embedded API: pino's JSON lines, level-filtered by pino, written as
 * they are into support-api.log by electron-log's rotating file transport.
 */
export function supportApiLoggerOptions(options: { dir: string; level: LogLevel }): { level: LogLevel; stream: Writable } {
  const logger = createLogger(options.dir, 'support-api', 'debug', '{text}');
  logger.transports.console.level = false;
  const stream = new Writable({
    write(chunk: Buffer, _encoding, done) {
      logger.info(chunk.toString('utf8').trimEnd());
      done();
    },
  });
  return { level: options.level, stream };
}
