import assert from 'node:assert/strict';
import { describe, it } from 'node:test';

import { loadConfig } from '../src/config.js';

describe('loadConfig', () => {
  it('defaults to 127.0.0.1:3000 with CORS closed', () => {
    const config = loadConfig({});
    assert.equal(config.port, 3000);
    assert.equal(config.host, '127.0.0.1');
    assert.deepEqual(config.corsOrigins, []);
    assert.equal(config.isProduction, false);
  });

  it('reads the environment', () => {
    const config = loadConfig({
      PORT: '8080',
      HOST: '0.0.0.0',
      NODE_ENV: 'production',
      CORS_ORIGINS: 'https://a.example, https://b.example',
    });
    assert.equal(config.port, 8080);
    assert.equal(config.host, '0.0.0.0');
    assert.equal(config.isProduction, true);
    assert.deepEqual(config.corsOrigins, ['https://a.example', 'https://b.example']);
  });

  it('logs text, sends HSTS for 60 s without preload, by default', () => {
    const config = loadConfig({});
    assert.equal(config.logFormat, 'text');
    assert.deepEqual(config.hsts, { maxAge: 60, preload: false });
  });

  it('reads LOG_FORMAT and the HSTS settings', () => {
    const config = loadConfig({ LOG_FORMAT: 'json', HSTS_MAX_AGE: '31536000', HSTS_PRELOAD: 'true' });
    assert.equal(config.logFormat, 'json');
    assert.deepEqual(config.hsts, { maxAge: 31536000, preload: true });
  });

  it('refuses an HSTS_MAX_AGE that is not a number', () => {
    assert.throws(() => loadConfig({ HSTS_MAX_AGE: 'a year' }), /HSTS_MAX_AGE must be a number/);
  });

  it('refuses a PORT that is not a port number', () => {
    assert.throws(() => loadConfig({ PORT: 'http' }), /PORT must be an integer/);
  });
});
