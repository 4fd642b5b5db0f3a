export { ApiKeysPanel } from './components/api-keys-panel';
export { apiKeyKeys, useApiKeys } from './api/api-keys';
