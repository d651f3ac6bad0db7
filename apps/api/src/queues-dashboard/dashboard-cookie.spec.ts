import { describe, expect, test } from '@jest/globals';
import express, { type Request } from 'express';
import { readDashboardCookie } from './dashboard-cookie.js';
import { prefersHtml } from './prefers-html.js';

/** An express request with these headers (req.accepts needs express's request prototype). */
const request = (headers: Record<string, string>): Request => Object.assign(Object.create(express.request) as Request, { headers });

describe('readDashboardCookie', () => {
  test.each([
    ['queue_dashboard_token=a.b.c', 'a.b.c'],
    ['theme=dark; queue_dashboard_token=a.b.c; lang=en', 'a.b.c'],
    ['theme=dark;queue_dashboard_token=a.b.c', 'a.b.c'],
  ])('%s carries the token', (cookie, token) => expect(readDashboardCookie(request({ cookie }))).toBe(token));

  test.each([undefined, '', 'queue_dashboard_token=', 'xqueue_dashboard_token=a.b.c', 'queue_dashboard_token_old=a.b.c', 'other=queue_dashboard_token=a.b.c'])(
    '%s carries none',
    (cookie) => expect(readDashboardCookie(request(cookie === undefined ? {} : { cookie }))).toBeUndefined(),
  );
});

describe('prefersHtml', () => {
  test('a browser navigating', () => expect(prefersHtml(request({ accept: 'text/html,application/xhtml+xml,application/xml;q=0.9,*/*;q=0.8' }))).toBe(true));
  test.each([undefined, '*/*', 'application/json', 'application/json, text/plain, */*', 'application/problem+json', 'image/png'])(
    'Accept %s is a program',
    (accept) => expect(prefersHtml(request(accept === undefined ? {} : { accept }))).toBe(false),
  );
});
