/**
 * Where POST /auth/refresh is mounted: a browser's refresh-token cookie is scoped to this path, so it
 * is sent nowhere else. Must name the refresh route as clients reach it (move it with the route).
 */
export const REFRESH_PATH = '/auth/refresh';
