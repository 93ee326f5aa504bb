export const TEMPLATE_DB = 'dxpulse_test_template';
export const TEST_ADMIN_PASSWORD = 'Admin-Test-2025!';
export { DEMO_PASSWORD } from '../../server/seed/demo.ts';
