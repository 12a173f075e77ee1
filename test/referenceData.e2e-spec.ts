import { ISSUE_COMMAND_NAMES } from '@app/lifecycle';
import { newStoreLocation, removeStoreLocation, startTestApp, useTestApp } from './support/testApp';

describe('reference data and the OpenAPI document', () => {
  const api = useTestApp('sqlite');

  it('lists the area boards for an anonymous intake form', async () => {
    const { body } = await api.http.get('/areas').expect(200);
    expect(body).toHaveLength(18);
    expect(body).toContainEqual({ id: 'trowbridge', code: 'TROW', name: 'Trowbridge Area Board' });
  });

  it('lists the categories', async () => {
    const { body } = await api.http.get('/categories').expect(200);
    expect(body).toEqual(expect.arrayContaining(['highways', 'waste']));
  });

  it('documents every command at /docs-json, and serves the UI at /docs', async () => {
    const { body } = await api.http.get('/docs-json').expect(200);
    expect(Object.keys(body.paths)).toEqual(
      expect.arrayContaining(['/issues', '/issues/{id}', ...ISSUE_COMMAND_NAMES.map((name) => `/issues/{id}/${name}`)]),
    );
    expect(body.components.securitySchemes).toHaveProperty('bearer');
    const ui = await api.http.get('/docs').redirects(1).expect(200);
    expect(ui.text).toContain('swagger');
  });
});

describe('areas from AREAS_FILE', () => {
  it('refuses to start on an invalid file, naming what is wrong', async () => {
    const location = newStoreLocation('sqlite');
    await expect(startTestApp(location, { AREAS_FILE: '/nonexistent/areas.json' })).rejects.toThrow('AREAS_FILE /nonexistent/areas.json');
    await removeStoreLocation(location);
  });
});
