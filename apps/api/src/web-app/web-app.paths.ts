/**
 * Addresses the api answers itself; every other GET gets the web app (path-to-regexp 8 syntax).
 * `/metrics` is served on its own listener (METRICS_PORT), never here: on the public port it is a plain
 * 404, so a scraper pointed at the wrong port, or a prober, is told there is nothing there.
 */
export const NOT_WEB_APP_PATHS = ['/api/{*rest}', '/health/{*rest}', '/r/{*rest}', '/verify/{*rest}', '/admin/{*rest}', '/docs{*rest}', '/metrics'];
