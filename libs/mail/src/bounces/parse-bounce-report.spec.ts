import { describe, expect, test } from '@jest/globals';
import { abuseReport, deliveryStatusNotification } from '../../../../test/support/bounce-reports.js';
import { parseBounceReport } from './parse-bounce-report.js';

const original =
  'Message-ID: <ledger-1.abc@example.org>\r\nFrom: a@example.org\r\nTo: Rater@Corp.example\r\nSubject: Reference request\r\n\r\nPlease rate.\r\n';
const to = 'bounces+00000000-0000-4000-8000-000000000001@bounces.example.org';

describe('parseBounceReport', () => {
  test('a hard bounce (RFC 3464): the recipient, the original Message-ID and the server words', async () => {
    const report = await parseBounceReport(Buffer.from(deliveryStatusNotification({ to, recipient: 'Rater@Corp.example', original })));
    expect(report).toEqual({
      kind: 'bounce',
      recipients: ['rater@corp.example'],
      originalMessageId: '<ledger-1.abc@example.org>',
      detail: '5.1.1 smtp; 550 5.1.1 <Rater@Corp.example>: Recipient address rejected: User unknown in virtual mailbox table',
    });
  });

  test('a delay notice or a 4.x.x status is no bounce; neither is an ordinary message', async () => {
    expect(
      await parseBounceReport(Buffer.from(deliveryStatusNotification({ to, recipient: 'r@corp.example', action: 'delayed', status: '4.4.1', original }))),
    ).toBeNull();
    expect(await parseBounceReport(Buffer.from(deliveryStatusNotification({ to, recipient: 'r@corp.example', status: '4.2.2', original })))).toBeNull();
    expect(await parseBounceReport(Buffer.from(`To: ${to}\r\nSubject: Out of office\r\n\r\nI am away.\r\n`))).toBeNull();
  });

  test('an abuse report (ARF): a complaint about the message its headers name', async () => {
    const report = await parseBounceReport(Buffer.from(abuseReport({ to, recipient: 'Rater@Corp.example', original })));
    expect(report).toEqual({
      kind: 'complaint',
      recipients: ['rater@corp.example'],
      originalMessageId: '<ledger-1.abc@example.org>',
      detail: 'abuse report: abuse',
    });
  });
});
