import { readFileSync } from 'node:fs';
import { expect, it } from 'vitest';

/** The variables a user fills in themselves; everything else in an environment is set for them. */
const CREDENTIALS = ['clientId', 'clientSecret', 'accessToken', 'refreshToken'];
const SET_FOR_YOU = ['authServerUrl', 'apiBaseUrl', 'scopes'];

it('issue 19 item 8: each value the staging environment comes with, beyond URLs and scopes, is one the README says to replace', () => {
  const readme = readFileSync('README.md', 'utf8');
  const staging = JSON.parse(readFileSync('environments/pleo-staging.postman_environment.json', 'utf8')) as {
    values: Array<{ key: string; value: string }>;
  };
  const prefilled = staging.values.filter(
    (v) => v.value !== '' && !SET_FOR_YOU.includes(v.key) && !CREDENTIALS.includes(v.key),
  );
  expect(prefilled.map((v) => v.key)).toEqual(['companyId']);
  for (const { key, value } of prefilled) {
    expect(readme).toContain(`\`${key}\` comes filled in\n   with an example id (\`${value.slice(0, 8)}-…\``);
    expect(readme).toContain(`and your company's id over the example \`${key}\``);
  }
});
