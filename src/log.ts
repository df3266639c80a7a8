// A small leveled logger to stderr: stdout belongs to answers (the CLI's --json output must stay clean).
// Two formats: human lines ("[briefbot] …", what a terminal shows) and JSON lines through pino (what a deployment's
// log collector reads), where context such as a request id rides on every line as a field of its own.
import { hostname } from 'node:os';
import { pino, type DestinationStream } from 'pino';

export type Level = 'debug' | 'info' | 'warn' | 'error' | 'silent';
export type LogFormat = 'text' | 'json';
const ORDER: Record<Level, number> = { debug: 10, info: 20, warn: 30, error: 40, silent: 100 };

/** Fields a line carries besides its message: requestId, platform, channel… */
export type LogContext = Record<string, string | number | boolean | null>;

export interface Logger {
  debug(msg: string): void;
  info(msg: string): void;
  warn(msg: string): void;
  error(msg: string): void;
  /** The same logger with `bindings` on every line. Optional: loggers without it (test recorders) simply drop them. */
  child?(bindings: LogContext): Logger;
}

export interface LoggerOptions {
  /** Default: human lines. `npm start` picks JSON where stderr is not a terminal (see logFormat). */
  format?: LogFormat;
  /** Where each line goes, without its newline (default: stderr). */
  write?: (line: string) => void;
}

/** `logger` with `bindings` on every line, whatever kind of Logger it is. */
export function withContext(logger: Logger, bindings: LogContext): Logger {
  return logger.child ? logger.child(bindings) : logger;
}

/** LOG_FORMAT when set; otherwise human lines on a terminal and JSON lines elsewhere (a container, a service). */
export function logFormat(setting: LogFormat | undefined, stderrIsTerminal = process.stderr.isTTY === true): LogFormat {
  return setting ?? (stderrIsTerminal ? 'text' : 'json');
}

/** `createLogger(level, write)` keeps the human format; pass options for JSON lines. */
export function createLogger(level: Level = 'info', out: ((line: string) => void) | LoggerOptions = {}): Logger {
  const options = typeof out === 'function' ? { write: out } : out;
  return options.format === 'json' ? jsonLogger(level, options.write) : textLogger(level, options.write ?? ((l) => process.stderr.write(`${l}\n`)));
}

function textLogger(level: Level, write: (line: string) => void): Logger {
  const at = (l: Level) => (msg: string) => {
    if (ORDER[l] >= ORDER[level]) write(`[briefbot] ${l === 'info' ? '' : `${l}: `}${msg}`);
  };
  return { debug: at('debug'), info: at('info'), warn: at('warn'), error: at('error') };
}

function jsonLogger(level: Level, write?: (line: string) => void): Logger {
  // Synchronous writes to stderr: a line logged just before exit is not lost, and no worker thread is started.
  const destination: DestinationStream = write ? { write: (s: string) => write(s.replace(/\n$/, '')) } : pino.destination({ dest: 2, sync: true });
  return wrap(pino({
    level,
    // The host names the replica (a pod's name in Kubernetes).
    base: { name: 'briefbot', pid: process.pid, hostname: hostname() },
    timestamp: pino.stdTimeFunctions.isoTime,
    // "level":"warn" rather than pino's 40: readable without a lookup table.
    formatters: { level: (label) => ({ level: label }) },
  }, destination));
}

function wrap(p: pino.Logger): Logger {
  return {
    debug: (msg) => p.debug(msg),
    info: (msg) => p.info(msg),
    warn: (msg) => p.warn(msg),
    error: (msg) => p.error(msg),
    child: (bindings) => wrap(p.child(bindings)),
  };
}

export const silentLogger: Logger = createLogger('silent');
