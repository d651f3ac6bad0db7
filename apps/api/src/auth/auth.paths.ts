import { API_PREFIX } from '../api-prefix.js';

/**
 * Where POST /api/v1/auth/refresh is served: a browser's refresh-token cookie is scoped to this path,
 * so it is sent nowhere else. Must name the refresh route as clients reach it (move it with the route).
 */
export const REFRESH_PATH = `${API_PREFIX}/auth/refresh`;
