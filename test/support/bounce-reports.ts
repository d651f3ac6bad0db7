/**
 * Reports as mail servers send them back, for the bounce receiver and its parser: a delivery status
 * notification (RFC 3464, as Postfix words it) and an abuse report (ARF, RFC 5965, as feedback loops send it).
 */
export function deliveryStatusNotification(o: {
  to: string;
  recipient: string;
  status?: string;
  action?: string;
  diagnostic?: string;
  original: string;
}): string {
  const status = o.status ?? '5.1.1';
  return [
    'From: MAILER-DAEMON@relay.example.net (Mail Delivery System)',
    `To: ${o.to}`,
    'Subject: Undelivered Mail Returned to Sender',
    'Auto-Submitted: auto-replied',
    'MIME-Version: 1.0',
    'Content-Type: multipart/report; report-type=delivery-status; boundary="dsn-boundary"',
    '',
    '--dsn-boundary',
    'Content-Type: text/plain; charset=us-ascii',
    '',
    'This is the mail system at host relay.example.net. Your message could not be delivered.',
    '',
    '--dsn-boundary',
    'Content-Type: message/delivery-status',
    '',
    'Reporting-MTA: dns; relay.example.net',
    'Arrival-Date: Sun, 6 Dec 2026 05:00:00 +0000',
    '',
    `Final-Recipient: rfc822; ${o.recipient}`,
    `Original-Recipient: rfc822;${o.recipient}`,
    `Action: ${o.action ?? 'failed'}`,
    `Status: ${status}`,
    `Diagnostic-Code: smtp; ${o.diagnostic ?? `550 ${status} <${o.recipient}>: Recipient address rejected:`}`,
    '    User unknown in virtual mailbox table',
    '',
    '--dsn-boundary',
    'Content-Type: message/rfc822',
    '',
    o.original.replace(/\r\n/g, '\n').trimEnd(),
    '',
    '--dsn-boundary--',
    '',
  ].join('\r\n');
}

export function abuseReport(o: { to: string; recipient?: string; original: string }): string {
  return [
    'From: feedback-loop@mailbox-provider.example',
    `To: ${o.to}`,
    'Subject: Abuse report',
    'MIME-Version: 1.0',
    'Content-Type: multipart/report; report-type=feedback-report; boundary="arf-boundary"',
    '',
    '--arf-boundary',
    'Content-Type: text/plain; charset=us-ascii',
    '',
    'This is an email abuse report for an email message received from IP 192.0.2.1.',
    '',
    '--arf-boundary',
    'Content-Type: message/feedback-report',
    '',
    'Feedback-Type: abuse',
    'User-Agent: SomeGenerator/1.0',
    'Version: 1',
    ...(o.recipient ? [`Original-Rcpt-To: <${o.recipient}>`] : []),
    '',
    '--arf-boundary',
    'Content-Type: text/rfc822-headers',
    '',
    o.original.replace(/\r\n/g, '\n').split('\n\n')[0],
    '',
    '--arf-boundary--',
    '',
  ].join('\r\n');
}
