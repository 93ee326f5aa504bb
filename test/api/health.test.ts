/** Operations endpoints and the OpenAPI document. */
import assert from 'node:assert/strict';
import { after, before, describe, it } from 'node:test';
import { startTestApi, type TestApi } from '../helpers/api.ts';

describe('health, metrics and OpenAPI', () => {
  let api: TestApi;
  before(async () => {
    api = await startTestApi();
  });
  after(() => api.close());

  it('/healthz answers 200 without a session', async () => {
    const res = await api.call('GET', '/healthz');
    assert.equal(res.statusCode, 200);
    assert.deepEqual(res.json(), { status: 'ok' });
  });

  it('/readyz answers 200 ready when the database is migrated', async () => {
    const res = await api.call('GET', '/readyz');
    assert.equal(res.statusCode, 200);
    assert.deepEqual(res.json(), { status: 'ready' });
  });

  it('/metrics exposes the request-duration histogram in Prometheus text format, labelled by route', async () => {
    await api.call('GET', '/healthz');
    const res = await api.call('GET', '/metrics');
    assert.equal(res.statusCode, 200);
    assert.match(res.headers['content-type'] as string, /^text\/plain/);
    assert.match(res.body, /# TYPE dxpulse_http_request_duration_seconds histogram/);
    assert.match(res.body, /dxpulse_http_request_duration_seconds_count\{method="GET",route="\/healthz",status="200"\} [1-9]/);
    assert.match(res.body, /dxpulse_process_cpu_user_seconds_total/);
  });

  it('/api/v1/openapi.json is an OpenAPI 3.1.0 document with the main paths', async () => {
    const res = await api.call('GET', '/api/v1/openapi.json');
    assert.equal(res.statusCode, 200);
    const doc = res.json();
    assert.equal(doc.openapi, '3.1.0');
    assert.equal(doc.info.title, 'DX Pulse API');
    for (const path of ['/api/v1/auth/login', '/api/v1/org-units', '/api/v1/users', '/api/v1/audit-events']) {
      assert.ok(doc.paths[path], `path ${path}`);
    }
    assert.ok(doc.paths['/api/v1/auth/login'].post);
    assert.ok(doc.paths['/api/v1/org-units'].get);
    assert.ok(doc.paths['/api/v1/org-units'].post);
    assert.ok(doc.paths['/api/v1/org-units/{id}'].patch);
    assert.ok(doc.paths['/api/v1/users'].post);
    assert.ok(doc.paths['/api/v1/audit-events'].get);
    assert.equal(doc.paths['/healthz'], undefined, 'operations endpoints are hidden');
    assert.deepEqual(Object.keys(doc.components.securitySchemes).sort(), ['csrf', 'session']);
  });
});
