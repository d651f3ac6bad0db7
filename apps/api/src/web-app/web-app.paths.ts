/** Addresses the api answers itself; every other GET gets the web app (path-to-regexp 8 syntax). */
export const NOT_WEB_APP_PATHS = ['/api/{*rest}', '/health/{*rest}', '/r/{*rest}', '/verify/{*rest}', '/admin/{*rest}', '/docs{*rest}'];
