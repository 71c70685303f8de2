/** The local mock's confidential test client: fixed and documented, not a Pleo credential. */
export const TEST_CLIENT = { id: 'pleo-postman-local', secret: 'local-mock-secret', name: 'pleo-postman local test client' } as const;

/** The local mock's public client: no secret, PKCE mandatory. */
export const PUBLIC_TEST_CLIENT = { id: 'pleo-postman-local-public', name: 'pleo-postman local public client' } as const;
