import { describe, expect, it } from 'vitest';
import { crashHandlers } from '../../src/observability/crash.js';
import { captureLogs } from '../helpers/log-capture.js';

describe('crash handlers', () => {
  it('log an uncaught exception as one service.crashed line, then exit 1', () => {
    const logs = captureLogs();
    const exits: number[] = [];
    crashHandlers(logs.logger, (code) => exits.push(code)).uncaughtException(new Error('boom'));
    expect(logs.events('service.crashed')).toMatchObject([
      {
        level: 'fatal',
        kind: 'uncaught_exception',
        err: 'boom',
        stack: expect.stringContaining('crash.test.ts'),
      },
    ]);
    expect(exits).toEqual([1]);
  });

  it('log an unhandled rejection of a non-Error reason too', () => {
    const logs = captureLogs();
    const exits: number[] = [];
    crashHandlers(logs.logger, (code) => exits.push(code)).unhandledRejection('lost');
    expect(logs.events('service.crashed')).toMatchObject([{ kind: 'unhandled_rejection', err: 'lost' }]);
    expect(exits).toEqual([1]);
  });
});
