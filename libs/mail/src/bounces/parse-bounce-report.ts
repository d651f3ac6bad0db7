import { simpleParser } from 'mailparser';

/** What a bounce (RFC 3464 delivery status notification) or an abuse report (ARF, RFC 5965) says about one message. */
export interface BounceReport {
  kind: 'bounce' | 'complaint';
  /** The recipients it is about, lower-cased (a complaint may omit them). */
  recipients: string[];
  /** The Message-ID of the message it is about, from the returned original or its headers. */
  originalMessageId: string | null;
  /** The reporting server's words (Status and Diagnostic-Code, or the feedback type), for staff. */
  detail: string;
}

/**
 * Reads a report received by the bounce receiver. Null when it is no report this system acts on: not
 * a multipart/report, a delay or success notice (Action other than `failed`), or a 4.x.x status.
 */
export async function parseBounceReport(raw: Buffer): Promise<BounceReport | null> {
  const mail = await simpleParser(raw, { skipHtmlToText: true, skipTextLinks: true });
  const type = mail.headers.get('content-type') as { value?: string; params?: Record<string, string> } | undefined;
  if (type?.value?.toLowerCase() !== 'multipart/report' || !type.params?.boundary) return null;
  const parts = mimeParts(raw.toString('latin1'), type.params.boundary);
  const original = originalMessageId(parts, mail.attachments);
  const reportType = type.params['report-type']?.toLowerCase();
  if (reportType === 'feedback-report') {
    const fields = fieldGroups(parts.find((p) => p.type === 'message/feedback-report')?.body ?? '').flat();
    const feedbackType = field(fields, 'feedback-type') ?? 'abuse';
    const recipients = fields.filter(([name]) => name === 'original-rcpt-to').map(([, value]) => address(value));
    return { kind: 'complaint', recipients, originalMessageId: original, detail: `abuse report: ${feedbackType}` };
  }
  if (reportType !== 'delivery-status') return null;
  // The first group is about the message (Reporting-MTA …); each later one about a recipient.
  const failed = fieldGroups(parts.find((p) => p.type === 'message/delivery-status')?.body ?? '')
    .slice(1)
    .filter((g) => field(g, 'action')?.toLowerCase() === 'failed' && /^5\./.test(field(g, 'status') ?? ''));
  if (!failed.length) return null;
  return {
    kind: 'bounce',
    recipients: failed.map((g) => address(field(g, 'final-recipient') ?? field(g, 'original-recipient') ?? '')).filter(Boolean),
    originalMessageId: original,
    detail: failed
      .map((g) => [field(g, 'status'), field(g, 'diagnostic-code')].filter(Boolean).join(' '))
      .join('; ')
      .slice(0, 1000),
  };
}

interface MimePart {
  type: string;
  body: string;
}

/** The top-level parts of a multipart body, with their content types (reports are 7-bit text). */
function mimeParts(raw: string, boundary: string): MimePart[] {
  return raw
    .split(`--${boundary}`)
    .slice(1, -1)
    .map((chunk) => {
      const split = chunk.search(/\r?\n\r?\n/);
      const head = split < 0 ? chunk : chunk.slice(0, split);
      const type = /^content-type:\s*([^;\s]+)/im.exec(head)?.[1]?.toLowerCase() ?? 'text/plain';
      return { type, body: split < 0 ? '' : chunk.slice(split).trim() };
    });
}

/** Blocks of `Name: value` lines separated by blank lines; folded lines are joined, names lower-cased. */
function fieldGroups(body: string): [string, string][][] {
  return body
    .replace(/\r\n/g, '\n')
    .replace(/\n[ \t]+/g, ' ')
    .split(/\n\s*\n/)
    .map((block) =>
      block
        .split('\n')
        .map((line) => /^([A-Za-z0-9-]+):\s*(.*)$/.exec(line))
        .filter((m): m is RegExpExecArray => !!m)
        .map((m) => [m[1].toLowerCase(), m[2].trim()] as [string, string]),
    )
    .filter((group) => group.length);
}

function field(group: [string, string][], name: string): string | undefined {
  return group.find(([n]) => n === name)?.[1];
}

/** `rfc822; Someone@Example.org` or `<someone@example.org>` → `someone@example.org`. */
function address(value: string): string {
  return value
    .replace(/^[^;]*;/, '')
    .trim()
    .replace(/^<|>$/g, '')
    .toLowerCase();
}

/** The Message-ID of the returned message: a message/rfc822 attachment or text/rfc822-headers part. */
function originalMessageId(parts: MimePart[], attachments: { contentType: string; content: Buffer }[]): string | null {
  const heads = [
    ...parts.filter((p) => p.type === 'text/rfc822-headers' || p.type === 'message/rfc822' || p.type === 'message/rfc822-headers').map((p) => p.body),
    ...attachments.filter((a) => a.contentType === 'message/rfc822').map((a) => a.content.toString('latin1')),
  ];
  for (const head of heads) {
    const id = /^message-id:\s*(<[^>\s]+>)/im.exec(head.replace(/\r?\n[ \t]+/g, ' '))?.[1];
    if (id) return id;
  }
  return null;
}
