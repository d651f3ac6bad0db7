/** Where the dashboard is mounted; its session cookie is scoped to this path. */
export const QUEUES_DASHBOARD_PATH = '/admin/queues';
export const DASHBOARD_SIGN_IN_PATH = `${QUEUES_DASHBOARD_PATH}/login`;
export const DASHBOARD_SIGN_OUT_PATH = `${QUEUES_DASHBOARD_PATH}/logout`;
