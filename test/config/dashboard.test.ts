import { describe, expect, it } from 'vitest';
import { loadConfig, redactConfig } from '../../src/config/index.js';
import { MINIMAL, problems, writeTempConfig } from './temp-config.js';

const withDashboard = (dashboard: string) => `${MINIMAL}\ndashboard: ${dashboard}\n`;

describe('dashboard config', () => {
  it('is off by default, at /admin/queues for user admin', () => {
    expect(loadConfig({ file: writeTempConfig(MINIMAL), env: {} }).dashboard).toEqual({
      enabled: false,
      path: '/admin/queues',
      username: 'admin',
      passwordEnv: 'WIREFEED_DASHBOARD_PASSWORD',
      password: '',
    });
  });

  it('reads the password from the environment when enabled', () => {
    const file = writeTempConfig(withDashboard('{ enabled: true, path: /ops/bull, username: desk }'));
    const config = loadConfig({ file, env: { WIREFEED_DASHBOARD_PASSWORD: 'pw-123' } });
    expect(config.dashboard).toMatchObject({
      enabled: true,
      path: '/ops/bull',
      username: 'desk',
      password: 'pw-123',
    });
  });

  it('names the variable when an enabled dashboard has no password', () => {
    expect(problems(withDashboard('{ enabled: true }'))).toEqual([
      'dashboard.passwordEnv: environment variable WIREFEED_DASHBOARD_PASSWORD is not set',
    ]);
    expect(problems(withDashboard('{ enabled: true, passwordEnv: OPS_PW }'), { OPS_PW: '' })).toEqual([
      'dashboard.passwordEnv: environment variable OPS_PW is not set',
    ]);
  });

  it('needs no password while disabled', () => {
    expect(() =>
      loadConfig({ file: writeTempConfig(withDashboard('{ enabled: false }')), env: {} }),
    ).not.toThrow();
  });

  it('refuses a path that is not a clean URL path or that hides a health endpoint', () => {
    for (const path of ['admin', '/', '/admin/', '/a b', '/healthz', '/metrics']) {
      const found = problems(withDashboard(`{ path: "${path}" }`));
      expect(found, path).toHaveLength(1);
      expect(found[0], path).toMatch(/^dashboard\.path: /);
    }
  });

  it('keeps the password out of the printed config', () => {
    const file = writeTempConfig(withDashboard('{ enabled: true }'));
    const printed = JSON.stringify(
      redactConfig(loadConfig({ file, env: { WIREFEED_DASHBOARD_PASSWORD: 'pw-secret-456' } })),
    );
    expect(printed).not.toContain('pw-secret-456');
    expect(printed).toContain('"passwordEnv":"WIREFEED_DASHBOARD_PASSWORD","password":"[redacted]"');
  });
});
